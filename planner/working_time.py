"""Working time within the day: dates and times <-> integer working-minute positions.

A whole-day plan schedules on :class:`~planner.calendar.WorkCalendar`'s working-day indices.  A
plan with part-day work (``Plan.minutes_per_day`` set: durations such as ``4h``, ``90min`` or
``0.5d``, or a "day" of duration that is not the calendar's working day) schedules on a
:class:`MinuteCalendar`: the same calendar, whose positions are *working minutes* from the start
of the plan's first working day.  Each working day has its working hours (the calendar's
``hours``, its ``week_hours`` per weekday, or a working exception's own ``hours``);
``S[j]`` counts the working minutes before the window's working day ``j``.

The time keys keep their meaning: ``2*p`` is the start of working minute ``p``, ``2*p - 1`` the
end of minute ``p - 1``.  Inside a block of working hours the two are one moment; across a lunch
break or a night they are the end of one block and the start of the next.  Every algorithm that
counts positions (the passes, floats, masks) runs unchanged on minutes: the plan is handed to
them *scaled* (:func:`scaled_plan`: working days times ``minutes_per_day``), and the schedule's
durations and floats are divided back into days.

>>> import datetime as dt
>>> from planner.model import CalendarDef
>>> cal = MinuteCalendar(CalendarDef("std", hours=(("08:00", "12:00"), ("13:00", "17:00"))),
...                      dt.date(2024, 1, 1), 480)
>>> cal.key_datetime(2 * 240), cal.key_datetime(2 * 240 - 1)   # after four hours: lunch
(datetime.datetime(2024, 1, 1, 13, 0), datetime.datetime(2024, 1, 1, 12, 0))
>>> cal.key_date(2 * 480 - 1), cal.key_date(2 * 480)          # the end of Monday, Tuesday 08:00
(datetime.date(2024, 1, 1), datetime.date(2024, 1, 2))
>>> cal.key_at(dt.datetime(2024, 1, 2, 10, 30))               # Tuesday 10:30: minute 480 + 150
1260
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from array import array
from bisect import bisect_right

from .calendar import WorkCalendar
from .model import CalendarDef, Plan

def minutes_of(text: str) -> int:
    """``"08:30"`` -> 510 (``"24:00"`` is 1440)."""
    h, m = str(text).split(":")[:2]
    return int(h) * 60 + int(m)


def clock(minute: int) -> str:
    """510 -> ``"08:30"``."""
    return f"{minute // 60:02d}:{minute % 60:02d}"


def intervals(hours) -> tuple:
    """A calendar's ``hours`` as ``((start, end), ...)`` minutes of the day: one pair of
    ``HH:MM`` strings (``("08:00", "16:00")``) or several (``(("08:00", "12:00"), ...)``)."""
    if not hours:
        return ()
    if isinstance(hours[0], str):
        hours = (hours,)
    return tuple((minutes_of(a), minutes_of(b)) for a, b in hours)


def day_minutes(cal: CalendarDef) -> int:
    """The working minutes of the calendar's ordinary working day."""
    return sum(b - a for a, b in intervals(cal.hours))


class WorkMoment(dt.date):
    """A working day with the time of day something happened on it (an actual start read from
    an MS Project file): it is its date everywhere a date is asked for, and a part-day plan's
    :class:`MinuteCalendar` schedules it at its time.

    >>> m = WorkMoment.at(dt.datetime(2008, 11, 20, 9, 0))
    >>> m == dt.date(2008, 11, 20), m.isoformat(), m.moment()
    (True, '2008-11-20', datetime.datetime(2008, 11, 20, 9, 0))
    """

    def __new__(cls, year, month, day, clock: dt.time | None = None):
        self = super().__new__(cls, year, month, day)
        self.clock = clock or dt.time()
        return self

    @classmethod
    def at(cls, when: dt.datetime) -> "WorkMoment":
        return cls(when.year, when.month, when.day, when.time())

    def moment(self) -> dt.datetime:
        return dt.datetime.combine(self, self.clock)


class MinuteCalendar(WorkCalendar):
    """The working days of a :class:`CalendarDef` with their hours; positions are working
    minutes from 00:00 of the first working time on or after ``origin``.  ``minutes_per_day``
    is the plan's "day" of duration (MS Project's *hours per day*)."""

    part_day = True

    def __init__(self, cal: CalendarDef, origin: dt.date, minutes_per_day: int | None = None):
        self._default = intervals(cal.hours)
        self._week = tuple(tuple((minutes_of(a), minutes_of(b)) for a, b in day)
                           for day in cal.week_hours) if cal.week_hours else ()
        self._exc_hours = [(e.start.toordinal(), e.finish.toordinal(), intervals(e.hours))
                           for e in tuple(cal.base_exceptions) + tuple(cal.exceptions)
                           if e.working and e.hours]
        self.scale = minutes_per_day or day_minutes(cal) or 480
        super().__init__(cal, origin)

    # -- hours of a day -----------------------------------------------------------------------
    def hours_of(self, o: int) -> tuple:
        """The working intervals of ordinal ``o`` (a working day of the calendar)."""
        for a, b, hrs in self._exc_hours:
            if a <= o <= b:
                return hrs
        if self._week:
            return self._week[dt.date.fromordinal(o).weekday()] or self._default
        return self._default

    def _build(self, y0: int, y1: int) -> None:
        super()._build(y0, y1)
        cum = array("q", [0])
        total = 0
        hours_of = self.hours_of
        plain = not self._exc_hours and not self._week
        default = sum(b - a for a, b in self._default)
        for o in self._days:
            total += default if plain else sum(b - a for a, b in hours_of(o))
            cum.append(total)
        self._cum = cum
        self._m0 = cum[self._shift]

    # -- positions ----------------------------------------------------------------------------
    def count_before(self, d: dt.date) -> int:
        """Working minutes before 00:00 of ``d`` (from the origin's first working minute)."""
        o = d.toordinal()
        self._ensure_ordinal(o)
        return self._cum[self._before[o - self._base]] - self._m0

    def _day_of(self, p: int) -> int:
        """The window's working-day number holding working minute ``p``."""
        while True:
            q = p + self._m0
            cum = self._cum
            if 0 <= q < cum[-1]:
                return bisect_right(cum, q) - 1
            day = self._n if q >= 0 else -1        # beyond the window: grow it by days
            self._ensure_index(day - self._shift + (1 if q >= 0 else 0))

    def date(self, i: int) -> dt.date:
        j = self._day_of(i)             # first: it may grow the window (a new ``_days``)
        return dt.date.fromordinal(self._days[j])

    def start_key(self, d: dt.date) -> int:
        if isinstance(d, WorkMoment):
            return self.key_at(d.moment())
        return super().start_key(d)

    def finish_key(self, d: dt.date) -> int:
        if isinstance(d, WorkMoment):
            return self.key_at(d.moment(), finish=True)
        return super().finish_key(d)

    def ordinal(self, i: int) -> int:
        j = self._day_of(i)
        return self._days[j]

    def minute_datetime(self, p: int, end: bool = False) -> dt.datetime:
        """The start of working minute ``p`` (``end``: the end of it)."""
        j = self._day_of(p)
        o = self._days[j]
        left = p + self._m0 - self._cum[j]
        for a, b in self.hours_of(o):
            if left < b - a:
                m = a + left + (1 if end else 0)
                return dt.datetime.fromordinal(o) + dt.timedelta(minutes=m)
            left -= b - a
        raise AssertionError("minute outside its day")     # pragma: no cover

    def key_datetime(self, k: int) -> dt.datetime:
        """The moment of key ``k``: the start of minute ``k // 2`` or the end of the one before."""
        if k & 1:
            return self.minute_datetime((k - 1) // 2, end=True)
        return self.minute_datetime(k // 2)

    def key_at(self, t: dt.datetime, finish: bool = False) -> int:
        """The key of moment ``t``: ``2p`` with ``p`` the working minutes before it (the next
        working minute's start); ``finish``: ``2p - 1``, the end of the working time before it."""
        d = t.date()
        p = self.count_before(d)
        minute = t.hour * 60 + t.minute + (t.second + t.microsecond / 1e6) / 60
        if self.is_working(d):
            for a, b in self.hours_of(d.toordinal()):
                if minute >= b:
                    p += b - a
                elif minute > a:
                    p += int(round(minute - a))
        return 2 * p - 1 if finish else 2 * p

    def add_elapsed(self, k: int, days) -> int:
        """Key ``k`` plus ``days`` calendar days (24-hour days, fractions allowed), on the same
        side (start or finish) of the working time it lands in."""
        if not days:
            return k
        t = self.key_datetime(k) + dt.timedelta(days=days)
        return self.key_at(t, finish=bool(k & 1))


def plan_calendar(plan: Plan) -> WorkCalendar:
    """The calendar ``plan`` schedules on: working days, or working minutes for a plan with
    part-day work."""
    if plan.minutes_per_day:
        return MinuteCalendar(plan.calendar, plan.start, plan.minutes_per_day)
    return WorkCalendar(plan.calendar, plan.start)


def to_positions(days, scale: int) -> int:
    """Working days (possibly a fraction) as whole positions of ``scale`` minutes a day."""
    if not days or scale == 1:
        return days
    return int(round(days * scale))


def to_days(positions, scale: int):
    """Positions back to working days: an int when whole, else a float."""
    if scale == 1 or positions is None:
        return positions
    q, r = divmod(positions, scale)
    return q if not r else positions / scale


def scaled_plan(plan: Plan, scale: int) -> Plan:
    """A copy of ``plan`` with working-day quantities (durations, working-day lags, levelling
    delays, pauses, remaining work) in positions of ``scale`` minutes a day; elapsed durations
    and lags stay calendar days.  The tasks are shallow copies: ``plan`` is not changed."""
    def task(t):
        kw = {}
        if t.duration is not None and t.duration_unit == "d":
            kw["duration"] = to_positions(t.duration, scale)
        if t.leveling_delay:
            kw["leveling_delay"] = to_positions(t.leveling_delay, scale)
        if t.pauses:
            kw["pauses"] = tuple((to_positions(a, scale), to_positions(b, scale))
                                 for a, b in t.pauses)
        if t.remaining_days is not None:
            kw["remaining_days"] = to_positions(t.remaining_days, scale)
        if any(lk.lag and lk.lag_unit == "d" for lk in t.predecessors):
            kw["predecessors"] = [dataclasses.replace(lk, lag=to_positions(lk.lag, scale))
                                  if lk.lag_unit == "d" else lk for lk in t.predecessors]
        return dataclasses.replace(t, **kw) if kw else t

    return dataclasses.replace(plan, tasks=[task(t) for t in plan.tasks])


def whole_day_plan(plan: Plan) -> Plan:
    """``plan`` at whole working days, for the algorithms that count whole days (CP-SAT
    levelling, Monte Carlo risk): a part of a day of work is rounded up to a day (a task of
    four hours takes its day), a lag to the nearest day, and times of day are dropped.  A
    whole-day plan is returned as it is.

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Link, Task
    >>> p = Plan("p", dt.date(2024, 1, 1), CalendarDef("std"), [Task("a", "A", 0.5),
    ...          Task("b", "B", 2.25, predecessors=[Link("a", lag=0.4)])], minutes_per_day=480)
    >>> w = whole_day_plan(p)
    >>> [t.duration for t in w.tasks], w.tasks[1].predecessors[0].lag, w.minutes_per_day
    ([1, 3], 0, None)
    """
    import math

    if not plan.minutes_per_day:
        return plan

    def up(x):
        return x if x is None or x == int(x) else int(math.ceil(x))

    def day(d):
        return dt.date(d.year, d.month, d.day) if isinstance(d, WorkMoment) else d

    def task(t):
        kw = {"duration": up(t.duration), "leveling_delay": up(t.leveling_delay),
              "actual_start": day(t.actual_start), "actual_finish": day(t.actual_finish),
              "pauses": tuple((up(a), up(b)) for a, b in t.pauses)}
        if t.remaining_days is not None:
            kw["remaining_days"] = up(t.remaining_days)
        if any(lk.lag != int(lk.lag) for lk in t.predecessors):
            kw["predecessors"] = [dataclasses.replace(lk, lag=int(math.floor(lk.lag + 0.5)))
                                  for lk in t.predecessors]
        return dataclasses.replace(t, **kw)

    return dataclasses.replace(plan, tasks=[task(t) for t in plan.tasks], minutes_per_day=None,
                               start_time=None)


#: the note levelling and risk give when they work on a part-day plan
WHOLE_DAYS_NOTE = ("the plan has part-day work: it is levelled and simulated at whole working "
                   "days (parts of a day rounded up to a day)")


__all__ = ["MinuteCalendar", "WorkMoment", "whole_day_plan", "WHOLE_DAYS_NOTE", "plan_calendar", "scaled_plan", "to_days", "to_positions",
           "intervals", "day_minutes", "minutes_of", "clock"]
