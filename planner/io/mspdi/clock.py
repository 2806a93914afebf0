"""Working time in MSPDI terms, both directions.

:class:`WriteClock` turns planner's time keys and working days into MSPDI date-times and
durations (a day is ``minutes_per_day`` minutes; lags and slack are tenths of minutes);
:class:`ReadClock` turns the file's date-times back into planner's days, using the file's
default start and finish times.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...calendar import WorkCalendar
from ...errors import PlanError
from .fields import duration_text, time_of_day


@dataclass
class WriteClock:
    """Time keys and working days as MSPDI date-times and durations."""

    cal: WorkCalendar
    start_time: str
    finish_time: str
    minutes_per_day: int

    @classmethod
    def of(cls, cal: WorkCalendar) -> "WriteClock":
        """The clock of a calendar's working hours (a ``PlanError`` when they make no day)."""
        cdef = cal.cal
        if cal.part_day:                # a part-day plan: its own day and the exact moments
            from ...working_time import clock, intervals

            spans = [ab for day in cdef.week_hours for ab in intervals(day)] or \
                list(intervals(cdef.hours))
            first, last = min(a for a, _b in spans), max(b for _a, b in spans)
            return cls(cal, time_of_day(clock(first))[0], time_of_day(clock(last))[0],
                       cal.scale)
        start_time, start_min = time_of_day(cdef.hours[0])
        finish_time, finish_min = time_of_day(cdef.hours[1])
        mpd = finish_min - start_min
        if mpd <= 0:
            raise PlanError(f"calendar {cdef.name!r}: working hours {cdef.hours[0]}-"
                            f"{cdef.hours[1]} do not make a working day")
        return cls(cal, start_time, finish_time, mpd)

    def at(self, key: int) -> str:
        if self.cal.part_day:
            return self.cal.key_datetime(key).isoformat(timespec="seconds")
        day = self.cal.date(key // 2)
        return f"{day.isoformat()}T{self.finish_time if key & 1 else self.start_time}"

    def duration(self, days: int) -> str:
        return duration_text(int(round(days * self.minutes_per_day)))

    def work(self, days: int, units: float) -> str:
        """The work of ``units`` of a resource over ``days`` working days."""
        return duration_text(round(days * self.minutes_per_day * units))

    def tenths(self, days: int) -> int:
        return int(round(days * self.minutes_per_day * 10))


@dataclass
class ReadClock:
    """The file's working day: ``minutes_per_day`` (``MinutesPerDay``) and the default start
    and finish times that tell which day a date-time belongs to."""

    minutes_per_day: int
    start_time: dt.time
    finish_time: dt.time

    def start_date(self, when: dt.datetime) -> dt.date:
        """A start instant as a working day: at or after the day's finish it is the next day."""
        if when.time() >= self.finish_time:
            return when.date() + dt.timedelta(days=1)
        return when.date()

    def date(self, when, finish: bool = False):
        """A date-time as planner's day: a finish at or before the day's start belongs to the
        day before; a start at or after the day's finish to the day after."""
        if when is None:
            return None
        if finish:
            if when.time() <= self.start_time:
                return when.date() - dt.timedelta(days=1)
            return when.date()
        return self.start_date(when)


def time_or(text, default: dt.time) -> dt.time:
    """``DefaultStartTime``/``DefaultFinishTime`` as a time; ``default`` when absent or bad."""
    if not text:
        return default
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return default
