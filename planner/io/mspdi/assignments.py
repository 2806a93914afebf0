"""Reading ``<Assignments>``: a resource's units on a task.

Assignments to left-out tasks or resources and with no units are dropped, and to tasks or
resources the file does not have, with a note; a resource assigned twice to one task keeps its
first assignment (with a note).
"""
from __future__ import annotations

from ...model import MAX_UNITS, Assignment, Resource
from .source import Source
from .tasks import TaskRecord


def read_assignments(src: Source, by_uid: dict[int, TaskRecord],
                     resources: dict[int, Resource], task_uids=(), resource_uids=()) -> None:
    """Every assignment onto its task's ``assignments``; ``task_uids`` and ``resource_uids``:
    every task and resource UID in the file, carried or left out."""
    for el in src.children(src.child(src.root, "Assignments"), "Assignment"):
        tuid, ruid = src.int(el, "TaskUID"), src.int(el, "ResourceUID")
        r = by_uid.get(tuid)
        res = resources.get(ruid)
        if r is None or res is None:
            if tuid not in task_uids:
                src.note(f"assignment UID {src.int(el, 'UID')}: task UID {tuid} is not in the "
                         f"file; the assignment is left out")
            elif ruid not in resource_uids and ruid not in (None, -65535):
                src.note(f"assignment UID {src.int(el, 'UID')}: resource UID {ruid} is not in "
                         f"the file; the assignment is left out")
            continue
        t = r.task
        units = src.float(el, "Units", 1.0)
        if units > MAX_UNITS:
            raise src.fail(src.child(el, "Units"),
                           f"<Units> {units:g} (at most {MAX_UNITS})")
        if units <= 0:
            continue
        if any(a.resource == res.id for a in t.assignments):
            src.note(f"task UID {r.uid}: resource {res.id!r} assigned twice; the first "
                     f"assignment kept")
            continue
        t.assignments.append(Assignment(res.id, units))
