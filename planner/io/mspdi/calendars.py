"""Reading ``<Calendars>``: working weeks, exceptions (plain and recurring) and work weeks.

The project calendar becomes one of planner's calendars through :mod:`.folding`; a resource's
calendar gives its absences (:func:`exceptions`).  Recurring exceptions are expanded the way
MPXJ reads them (``RecurringData``).
"""
from __future__ import annotations

import datetime as dt

from ...model import CalendarDef
from .fields import PLANNER_DAY
from .folding import fold_calendar
from .source import Source

_MAX_DEPTH = 10         # base calendars followed at most this deep (a cycle ends there)


def read_calendars(src: Source) -> dict:
    """``{UID: <Calendar> element}``."""
    return {src.int(c, "UID"): c for c in src.children(src.child(src.root, "Calendars"),
                                                       "Calendar")}


def project_calendar(src: Source, calendars: dict):
    """The project's ``<Calendar>`` element: ``CalendarUID``'s, else the first base calendar."""
    cal_el = calendars.get(src.int(src.root, "CalendarUID"))
    if cal_el is None:
        cal_el = next((c for c in calendars.values() if src.bool(c, "IsBaseCalendar")), None)
    return cal_el


def plan_calendar(src: Source, cal, calendars: dict, span, own: bool = True,
                  own_week: bool = False) -> CalendarDef:
    """The file's project calendar as one of planner's base calendars, plus the seasons and
    exceptions that give the same working days over ``span``.  For a task's or a resource's
    calendar: ``own`` False leaves out the calendar's own exceptions (a resource's absences,
    carried as such), ``own_week`` keeps its working week."""
    if cal is None:
        workweek, overrides, name = (0, 1, 2, 3, 4), {}, ""
    else:
        workweek = week(src, cal, calendars)
        chain = []
        c, depth = cal, 0
        while c is not None and depth < _MAX_DEPTH:
            chain.append(c)
            base = calendars.get(src.int(c, "BaseCalendarUID"))
            c = base if base is not c else None
            depth += 1
        overrides = {}
        for c in reversed(chain if own else chain[1:]):     # the bases' exceptions first
            for a, b, ename, working in exceptions(src, c):
                for o in range(a.toordinal(), b.toordinal() + 1):
                    overrides[o] = (working, ename)
        name = src.text(cal, "Name", "")
        _work_weeks(src, cal, overrides, span)
    return fold_calendar(workweek, overrides, span, name, src.near, own_week)


def week(src: Source, cal, calendars: dict, depth: int = 0) -> tuple:
    """The working weekdays (planner numbers) of a calendar, through its base calendars."""
    known = {}
    for wd in src.children(src.child(cal, "WeekDays"), "WeekDay"):
        day = src.int(wd, "DayType")
        if day and 1 <= day <= 7:
            known[PLANNER_DAY[day]] = src.bool(wd, "DayWorking")
    base = calendars.get(src.int(cal, "BaseCalendarUID"))
    if len(known) < 7 and base is not None and base is not cal and depth < _MAX_DEPTH:
        inherited = set(week(src, base, calendars, depth + 1))
        for d in range(7):
            known.setdefault(d, d in inherited)
    return tuple(d for d in range(7) if known.get(d, d < 5))


def exceptions(src: Source, cal) -> list[tuple]:
    """(first, last, name, working) for every exception of one calendar element: the
    Project 2007 form when present, else the legacy ``WeekDay`` ``DayType`` 0 form."""
    out = []
    excs = src.child(cal, "Exceptions")
    if excs is not None:
        for ex in src.children(excs, "Exception"):
            out.extend(_exception(src, ex))
    else:
        for wd in src.children(src.child(cal, "WeekDays"), "WeekDay"):
            if src.int(wd, "DayType") == 0:
                tp = src.child(wd, "TimePeriod")
                a, b = src.datetime(tp, "FromDate"), src.datetime(tp, "ToDate")
                if a is not None and b is not None:
                    src.count_exception_days((b - a).days + 1, tp)
                    out.append((a.date(), b.date(), "", src.bool(wd, "DayWorking")))
    return out


def _exception(src: Source, ex) -> list[tuple]:
    """One ``<Exception>`` as (first, last, name, working) ranges: one for a plain range of
    days, one per day for a recurrence."""
    from dateutil import rrule

    tp = src.child(ex, "TimePeriod")
    a, b = src.datetime(tp, "FromDate"), src.datetime(tp, "ToDate")
    if a is None or b is None:
        return []
    a, b = a.date(), b.date()
    if b < a:
        raise src.fail(tp, f"exception ends ({b.isoformat()}) before it starts "
                           f"({a.isoformat()})")
    src.count_exception_days((b - a).days + 1, tp)
    name = src.text(ex, "Name", "")
    working = src.bool(ex, "DayWorking")
    typ = src.int(ex, "Type", 1)
    period = src.int(ex, "Period", 1) or 1
    start = dt.datetime.combine(a, dt.time())
    until = dt.datetime.combine(b, dt.time())
    # as MPXJ reads it (RecurringData): the dates of the rule from FromDate to ToDate; the
    # finish date wins over <Occurrences>, and weeks start on Sunday
    kw: dict = {"dtstart": start, "until": until, "interval": period, "wkst": rrule.SU}
    if typ in (1, 7):
        if period == 1:
            return [(a, b, name, working)]        # every day: one plain range of days
        days = list(rrule.rrule(rrule.DAILY, **kw))
    elif typ == 6:
        mask = src.int(ex, "DaysOfWeek", 0)
        wds = [rrule.weekday(PLANNER_DAY[bit + 1]) for bit in range(7) if mask >> bit & 1]
        days = list(rrule.rrule(rrule.WEEKLY, byweekday=wds, **kw)) if wds else []
    elif typ in (2, 4):
        mday = src.int(ex, "MonthDay", a.day)
        if typ == 2:
            kw["bymonth"] = src.int(ex, "Month", a.month - 1) + 1
        days = list(rrule.rrule(rrule.YEARLY if typ == 2 else rrule.MONTHLY,
                                bymonthday=mday, **kw))
    elif typ in (3, 5):
        item = src.int(ex, "MonthItem", 3)
        pos_ = src.int(ex, "MonthPosition", 0)
        if not 3 <= item <= 9:
            src.note(f"calendar exception {name!r}: a recurrence on 'day', 'weekday' or "
                     f"'weekend day' of the month is not carried")
            return []
        wd = rrule.weekday(PLANNER_DAY[item - 2], -1 if pos_ >= 4 else pos_ + 1)
        if typ == 3:
            kw["bymonth"] = src.int(ex, "Month", a.month - 1) + 1
        days = list(rrule.rrule(rrule.YEARLY if typ == 3 else rrule.MONTHLY,
                                byweekday=wd, **kw))
    else:
        raise src.fail(src.child(ex, "Type"),
                       f"exception <Type> {typ} is not one of MS Project's 1-7")
    return [(d.date(), d.date(), name, working) for d in days]


def _work_weeks(src: Source, cal, overrides: dict, span) -> None:
    """Project 2007 work weeks (another week for a range of dates) as day overrides."""
    for ww in src.children(src.child(cal, "WorkWeeks"), "WorkWeek"):
        tp = src.child(ww, "TimePeriod")
        a, b = src.datetime(tp, "FromDate"), src.datetime(tp, "ToDate")
        if a is None or b is None:
            continue
        days = {}
        for wd in src.children(src.child(ww, "WeekDays"), "WeekDay"):
            day = src.int(wd, "DayType")
            if day and 1 <= day <= 7:
                days[PLANNER_DAY[day]] = src.bool(wd, "DayWorking")
        lo = max(a.date(), dt.date(span[0].year, 1, 1))
        hi = min(b.date(), dt.date(span[1].year, 12, 31))
        for o in range(lo.toordinal(), hi.toordinal() + 1):
            wday = dt.date.fromordinal(o).weekday()
            if wday in days and o not in overrides:
                overrides[o] = (days[wday], src.text(ww, "Name", ""))
