"""Reading ``<Resources>``: work resources (people and roles) with their absences.

A resource keeps its ``Code`` as planner's id (its UID when the code is missing or taken), its
``MaxUnits`` as capacity and its calendar's exceptions as absences; ``BookingType`` 1
(proposed) marks it an assumption.  Material and cost resources are left out with a note.
"""
from __future__ import annotations

from ...model import MAX_UNITS, CalendarException, Resource
from .calendars import exceptions
from .source import Source


def read_resources(src: Source, calendars: dict) -> dict[int, Resource]:
    """``{UID: Resource}`` in file order; ``calendars`` as from
    :func:`~planner.io.mspdi.calendars.read_calendars`."""
    out: dict = {}
    used: set = set()
    for k, el in enumerate(src.children(src.child(src.root, "Resources"), "Resource")):
        uid = src.int(el, "UID")
        if uid is None:
            raise src.fail(el, "a <Resource> needs a <UID>")
        name = src.exact(el, "Name", None)
        if uid == 0 or src.bool(el, "IsNull") or not name:
            continue
        rtype = src.int(el, "Type", 1)
        if rtype != 1 or src.bool(el, "IsCostResource"):
            src.note(f"resource UID {uid} {name!r} left out: planner carries work resources "
                     f"(people and roles) only")
            continue
        rid = src.text(el, "Code")
        if not rid or rid in used:
            rid = str(uid)
        used.add(rid)
        cap = src.float(el, "MaxUnits", 1.0)
        if cap > MAX_UNITS:
            raise src.fail(src.child(el, "MaxUnits"),
                           f"resource UID {uid}: <MaxUnits> {cap:g} (at most {MAX_UNITS})")
        if cap <= 0:
            src.note(f"resource UID {uid}: <MaxUnits> {cap:g} read as 1")
            cap = 1.0
        absences = []
        cal = calendars.get(src.int(el, "CalendarUID"))
        if cal is not None:
            for a, b, ename, working in exceptions(src, cal):
                absences.append(CalendarException(a, b, ename, working))
        out[uid] = Resource(id=rid, name=name, capacity=cap, absences=absences,
                            assumption=src.int(el, "BookingType", 0) == 1,
                            notes=src.exact(el, "Notes", ""), src=("Resources", k))
    return out
