"""Writing ``<Calendars>``: the plan's calendar (UID 1), one calendar per resource, then the
plan's named calendars of tasks and resources (:func:`calendar_uids`).

The plan's calendar carries its working week and every holiday, season and dated exception of
the years the schedule touches; a resource's calendar is based on it (or on the resource's
named calendar) and carries the resource's absences.  A named calendar is written with the days
planner schedules its tasks on: those it works and the plan's calendar works too.  Exceptions are sorted and written in both forms MS Project reads: the
legacy one (``WeekDay`` with ``DayType`` 0) and the Project 2007 one (``Exceptions``).
"""
from __future__ import annotations

import datetime as dt

from ...calendar import WorkCalendar
from ...schedule import Schedule
from .clock import WriteClock
from .fields import PLANNER_DAY, resource_name
from .xml import XmlWriter


def write_calendars(x: XmlWriter, sched: Schedule, clock: WriteClock, span) -> None:
    """``<Calendars>``: the plan's over ``span`` (:func:`calendar_span`), then one per resource
    (its absences)."""
    plan = sched.plan
    cal = sched.calendar
    cdef = cal.cal
    hours = (clock.start_time, clock.finish_time)
    first_day, last_day = span
    x.open("Calendars")
    periods = cal.nonworking_periods(first_day, last_day)
    write_calendar(x, 1, cdef.name, True, None, cdef.workweek, hours,
                   [(a, b, name, kind == "working") for a, b, name, kind in periods],
                   cdef.week_hours if cal.part_day else ())
    uids = calendar_uids(plan)
    for k, r in enumerate(plan.resources):
        absences = sorted((a.start, a.finish, a.name or "absence", a.working)
                          for a in r.absences)
        write_calendar(x, 2 + k, resource_name(r.name), False, uids.get(r.calendar, 1), None,
                       hours, absences)
    for name in sorted(plan.calendars):
        named = WorkCalendar(plan.calendars[name], plan.start)
        week, days_off = _shared_days(cal, named, first_day, last_day)
        write_calendar(x, uids[name], name, True, None, week, hours, days_off)
    x.close("Calendars")


def calendar_uids(plan) -> dict:
    """The UIDs of the plan's named calendars, in name order: after the plan's (1) and the
    resources'."""
    return {name: 2 + len(plan.resources) + k for k, name in enumerate(sorted(plan.calendars))}


def _shared_days(plan_cal: WorkCalendar, named: WorkCalendar, first: dt.date, last: dt.date):
    """The week both calendars work, and the days off in it (named as either calendar names
    them), as exceptions."""
    week = tuple(d for d in named.cal.workweek if d in plan_cal.cal.workweek)
    names: dict = {}
    for c in (plan_cal, named):
        for a, b, name, _kind in c.nonworking_periods(first, last):
            for o in range(a.toordinal(), b.toordinal() + 1):
                names[o] = name
    off: list = []
    day = first
    while day <= last:
        if day.weekday() in week and not (named.is_working(day) and plan_cal.is_working(day)):
            name = names.get(day.toordinal(), "")
            if off and off[-1][1] == day - dt.timedelta(days=1) and off[-1][2] == name:
                off[-1][1] = day
            else:
                off.append([day, day, name])
        day += dt.timedelta(days=1)
    return week, [(a, b, name, False) for a, b, name in off]


def calendar_span(sched: Schedule) -> tuple[dt.date, dt.date]:
    """The whole years that the calendar exceptions are written for: from the first year the
    schedule touches to one year past the last, so that MS Project still sees the holidays when
    a rescheduled plan slips a little."""
    keys = [sched.project_start_key, sched.project_finish_key]
    for arr in (sched.es, sched.ls, sched.ef, sched.lf):
        keys.append(min(arr))
        keys.append(max(arr))
    first = min(sched.date(min(keys)), sched.plan.start)
    last = sched.date(max(keys))
    cdef = sched.calendar.cal
    y0 = max(first.year, cdef.first_year)
    y1 = min(last.year + 1, cdef.last_year)
    return dt.date(y0, 1, 1), dt.date(y1, 12, 31)


def write_calendar(x: XmlWriter, uid: int, name: str, is_base: bool, base_uid, workweek, hours,
                   exceptions, week_hours=()) -> None:
    """One calendar: its week (base calendars only), then the exceptions
    ``(first, last, name, working)``, sorted, in the legacy and the Project 2007 form.
    ``week_hours``: a part-day plan's working hours per weekday (else ``hours`` every day)."""
    exceptions = sorted(exceptions, key=lambda e: (e[0], e[1]))
    x.open("Calendar")
    x.el("UID", uid)
    x.el("Name", name[:51])
    x.el("IsBaseCalendar", is_base)
    x.el("BaseCalendarUID", -1 if base_uid is None else base_uid)
    if workweek is not None or exceptions:
        x.open("WeekDays")
        if workweek is not None:
            for msp in range(1, 8):
                working = PLANNER_DAY[msp] in workweek
                x.open("WeekDay")
                x.el("DayType", msp)
                x.el("DayWorking", working)
                if working:
                    own = week_hours[PLANNER_DAY[msp]] if week_hours else ()
                    _working_times(x, own or hours)
                x.close("WeekDay")
        for a, b, _name, working in exceptions:
            x.open("WeekDay")
            x.el("DayType", 0)
            x.el("DayWorking", working)
            _time_period(x, a, b)
            if working:
                _working_times(x, hours)
            x.close("WeekDay")
        x.close("WeekDays")
    if exceptions:
        x.open("Exceptions")
        for a, b, ename, working in exceptions:
            x.open("Exception")
            x.el("EnteredByOccurrences", False)
            _time_period(x, a, b)
            x.el("Occurrences", 1)
            x.el("Name", ename)
            x.el("Type", 1)                    # a plain range of days, not recurring
            x.el("DayWorking", working)
            if working:
                _working_times(x, hours)
            x.close("Exception")
        x.close("Exceptions")
    x.close("Calendar")


def _time_period(x: XmlWriter, first: dt.date, last: dt.date) -> None:
    x.open("TimePeriod")
    x.el("FromDate", f"{first.isoformat()}T00:00:00")
    x.el("ToDate", f"{last.isoformat()}T23:59:00")
    x.close("TimePeriod")


def _working_times(x: XmlWriter, hours) -> None:
    """``hours``: one ``(from, to)`` pair or several; ``HH:MM`` or ``HH:MM:SS``."""
    x.open("WorkingTimes")
    for a, b in ((hours,) if isinstance(hours[0], str) else hours):
        x.open("WorkingTime")
        x.el("FromTime", a if len(a) > 5 else f"{a}:00")
        x.el("ToTime", b if len(b) > 5 else f"{b}:00")
        x.close("WorkingTime")
    x.close("WorkingTimes")
