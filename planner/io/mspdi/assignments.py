"""Reading ``<Assignments>``: a resource's units on a task.

Assignments to left-out tasks or resources and with no units are dropped; a resource assigned
twice to one task keeps its first assignment (with a note).
"""
from __future__ import annotations

from ...model import Assignment, Resource
from .source import Source
from .tasks import TaskRecord


def read_assignments(src: Source, by_uid: dict[int, TaskRecord],
                     resources: dict[int, Resource]) -> None:
    """Every assignment onto its task's ``assignments``."""
    for el in src.children(src.child(src.root, "Assignments"), "Assignment"):
        r = by_uid.get(src.int(el, "TaskUID"))
        res = resources.get(src.int(el, "ResourceUID"))
        if r is None or res is None:
            continue
        t = r.task
        units = src.float(el, "Units", 1.0)
        if units <= 0:
            continue
        if any(a.resource == res.id for a in t.assignments):
            src.note(f"task UID {r.uid}: resource {res.id!r} assigned twice; the first "
                     f"assignment kept")
            continue
        t.assignments.append(Assignment(res.id, units))
