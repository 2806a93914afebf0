"""Does a file need part-day working time?  Its working hours per weekday, and the test.

A file schedules at whole working days when every working-time duration and lag is a whole
number of ``MinutesPerDay`` and that day is the calendar's working day.  Otherwise (a 4-hour
task, a 90-minute lag, a "day" of 7.5 hours over 8 hours of working time) the plan gets
``minutes_per_day`` and schedules in working minutes (:mod:`planner.working_time`), on the
calendar's hours per weekday (``<WorkingTimes>``, through its base calendars).
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from ...working_time import clock as hhmm
from .fields import (ELAPSED_FORMATS, FMT_DAYS, PERCENT_FORMATS, PLANNER_DAY, plain_format)
from .source import Source

_MAX_DEPTH = 10
#: MS Project's Standard calendar: 08:00-12:00 and 13:00-17:00
STANDARD_HOURS = ((480, 720), (780, 1020))


def week_hours(src: Source, cal_el, calendars: dict) -> tuple:
    """The working intervals (minutes of the day) of each weekday, Monday first, through the
    calendar's base calendars; a working weekday without ``<WorkingTimes>`` works MS
    Project's standard hours, a day off has none."""
    found: dict = {}
    depth = 0
    while cal_el is not None and depth < _MAX_DEPTH and len(found) < 7:
        for wd in src.children(src.child(cal_el, "WeekDays"), "WeekDay"):
            day = src.int(wd, "DayType")
            if not day or not 1 <= day <= 7 or PLANNER_DAY[day] in found:
                continue
            if not src.bool(wd, "DayWorking"):
                found[PLANNER_DAY[day]] = ()
                continue
            found[PLANNER_DAY[day]] = _intervals(src, wd) or STANDARD_HOURS
        base = calendars.get(src.int(cal_el, "BaseCalendarUID"))
        cal_el = base if base is not cal_el else None
        depth += 1
    return tuple(found.get(d, STANDARD_HOURS if d < 5 else ()) for d in range(7))


def _intervals(src: Source, wd) -> tuple:
    out = []
    for wt in src.children(src.child(wd, "WorkingTimes"), "WorkingTime"):
        a, b = _minute(src.text(wt, "FromTime")), _minute(src.text(wt, "ToTime"))
        if a is None or b is None:
            continue
        if b == 0:
            b = 24 * 60                 # to midnight
        if b > a:
            out.append((a, b))
    return tuple(sorted(out))


def _minute(text):
    try:
        t = dt.time.fromisoformat(text) if text else None
    except ValueError:
        return None
    return None if t is None else t.hour * 60 + t.minute


def ordinary_day(week: tuple) -> int:
    """The working minutes of the commonest working weekday."""
    days = Counter(sum(b - a for a, b in hrs) for hrs in week if hrs)
    return days.most_common(1)[0][0] if days else 480


def needs_part_day(src: Source, records: list, minutes_per_day: int, week: tuple) -> bool:
    """Whether the file has working time that whole days of ``minutes_per_day`` cannot hold:
    a day of another length than the calendar's, or a duration or lag of part of a day."""
    leaves = [r for r, nxt in zip(records, records[1:] + [None])
              if nxt is None or nxt.level <= r.level]           # not a summary
    if minutes_per_day != ordinary_day(week):
        return any(r.duration_minutes for r in leaves)
    for r in records:
        m = r.duration_minutes
        if m and r in leaves and plain_format(r.duration_format) not in ELAPSED_FORMATS \
                and m % minutes_per_day:
            return True
        for el in r.links:
            fmt = plain_format(src.int(el, "LagFormat", FMT_DAYS))
            lag = src.int(el, "LinkLag", 0) or 0
            if lag and fmt not in ELAPSED_FORMATS | PERCENT_FORMATS \
                    and (lag / 10) % minutes_per_day:
                return True
    return False


def as_text(week: tuple) -> tuple:
    """The week's intervals as ``HH:MM`` pairs (a calendar's ``week_hours``)."""
    return tuple(tuple((hhmm(a), hhmm(b)) for a, b in hrs) for hrs in week)
