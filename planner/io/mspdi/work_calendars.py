"""Reading task and resource calendars (``Task/CalendarUID``, ``Resource/CalendarUID``,
``IgnoreResourceCalendar``) into the plan's named ``calendars`` (see
:mod:`planner.schedule.masks`).

A task's own calendar becomes a named calendar of the plan.  A resource's calendar counts when
a task it works on does not ignore resource calendars (MS Project's default) and it works
other days than the project calendar: its own working week, or a base calendar other than the
project's, becomes the resource's ``calendar``; its own exceptions stay its ``absences``, which
count in that calendar.  At whole days a task works only on the project's working days, so a
calendar that works more (a weekend, a night shift into Saturday) is noted.
"""
from __future__ import annotations

import re

from ...calendar import WorkCalendar
from ...model import CalendarDef
from . import calendars
from .source import Source


def read_work_calendars(src: Source, cal_els: dict, project_el, plan_cal: CalendarDef, span,
                        records, by_uid: dict, resources: dict) -> dict:
    """The plan's named calendars; sets ``calendar`` on tasks and resources and
    ``ignore_resource_calendar`` on tasks that ignore their resources' calendars."""
    named: dict[str, CalendarDef] = {}
    made: dict = {}
    project = WorkCalendar(plan_cal, span[0])

    def name_for(el, own: bool) -> str:
        key = (id(el), own)
        if key not in made:
            cdef = calendars.plan_calendar(src, el, cal_els, span, own=own, own_week=True)
            base = re.sub(r"[^a-z0-9]+", "_", src.text(el, "Name", "calendar").lower()).strip("_")
            name, k = base or "calendar", 2
            while name in named:
                name, k = f"{base}_{k}", k + 1
            named[name] = cdef
            made[key] = name
            _note_extra_days(src, name, cdef, project, span)
        return made[key]

    for r in records:
        t = r.task
        el = cal_els.get(r.calendar_uid) if r.calendar_uid is not None else None
        if t is None or t.summary or t.manual or el is None or el is project_el:
            continue
        t.calendar = name_for(el, True)
    res_cal = {src.int(el, "UID"): cal_els.get(src.int(el, "CalendarUID"))
               for el in src.children(src.child(src.root, "Resources"), "Resource")}
    pairs = [(src.int(a, "TaskUID"), src.int(a, "ResourceUID"))
             for a in src.children(src.child(src.root, "Assignments"), "Assignment")]
    honoured = {ruid for tuid, ruid in pairs if tuid in by_uid and not by_uid[tuid].ignore_rc}
    for ruid, res in resources.items():
        el = res_cal.get(ruid)
        if el is None or ruid not in honoured:
            continue
        base = cal_els.get(src.int(el, "BaseCalendarUID"))
        if _own_week(src, el):
            res.calendar = name_for(el, False)
        elif base is not None and base is not project_el:
            res.calendar = name_for(base, True)
        elif res.absences:
            res.calendar = name_for(project_el, True) if project_el is not None else None
    with_cal = {ruid for ruid, res in resources.items() if res.calendar}
    for tuid, ruid in pairs:
        r = by_uid.get(tuid)
        if r is not None and r.ignore_rc and ruid in with_cal:
            r.task.ignore_resource_calendar = True
    return dict(sorted(named.items()))


def _own_week(src: Source, el) -> bool:
    return any(1 <= (src.int(wd, "DayType") or 0) <= 7
               for wd in src.children(src.child(el, "WeekDays"), "WeekDay"))


def _note_extra_days(src: Source, name: str, cdef: CalendarDef, project: WorkCalendar,
                     span) -> None:
    import datetime as dt

    mine = WorkCalendar(cdef, span[0])
    day = span[0]
    while day <= span[1]:
        if mine.is_working(day) and not project.is_working(day):
            src.note(f"calendar {name!r} works on days the project calendar does not (first "
                     f"{day.isoformat()}); at whole working days its tasks work on the project's "
                     f"working days only")
            return
        day += dt.timedelta(days=1)
