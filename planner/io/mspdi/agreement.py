"""Does planner give a task the dates the file holds?  The import's agreement count.

MS Project stores a start and a finish as date-times.  planner schedules whole working days, so
a file date-time is compared by its place in working time: the start of working day ``i``
(08:00, or any time before the day's working hours) is position ``i``, the end of it (17:00 or
later, or 08:00 of the next working day) is ``i + 1``, and a time inside the working hours is
part of a day, which no planner date equals.  A finish stored at 08:00 on the next working day
is therefore the same moment as 17:00 the day before, as it is in MS Project.  A part-day plan
(:mod:`planner.working_time`) compares the working minutes before each moment instead.

>>> import datetime as dt
>>> from planner.calendar import WorkCalendar
>>> from planner.model import CalendarDef
>>> cal = WorkCalendar(CalendarDef("mon-fri"), dt.date(2024, 1, 1))
>>> hours = (dt.time(8), dt.time(17))
>>> position(cal, dt.datetime(2024, 1, 5, 17), hours), position(cal, dt.datetime(2024, 1, 8, 8), hours)
(5, 5)
>>> position(cal, dt.datetime(2024, 1, 5, 12), hours)      # noon: part of a day
4.5
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...calendar import WorkCalendar
from ...schedule import Schedule, pos
from .source import Source

_END_OF_DAY = dt.time.max


def position(cal: WorkCalendar, when: dt.datetime, hours: tuple) -> float:
    """The working-time position of ``when`` (see the module's docstring)."""
    day, t = when.date(), when.time()
    first, last = hours
    if t <= first:
        return cal.count_before(day)
    if t >= last or not cal.is_working(day):
        return cal.count_before(day + dt.timedelta(days=1))
    return cal.count_before(day) + 0.5


def day_hours(src: Source, cal_el, calendars: dict, default: tuple) -> tuple:
    """The first and last working time of the project calendar's working weekdays (through
    its base calendars), else ``default``; a day that works to midnight ends at 24:00."""
    first, last = None, None
    depth = 0
    while cal_el is not None and depth < 10 and first is None:
        for wd in src.children(src.child(cal_el, "WeekDays"), "WeekDay"):
            if not src.int(wd, "DayType") or not src.bool(wd, "DayWorking"):
                continue
            for wt in src.children(src.child(wd, "WorkingTimes"), "WorkingTime"):
                a, b = _time(src.text(wt, "FromTime")), _time(src.text(wt, "ToTime"))
                if a is None or b is None:
                    continue
                if b == dt.time(0):
                    b = _END_OF_DAY
                first = a if first is None or a < first else first
                last = b if last is None or b > last else last
        base = calendars.get(src.int(cal_el, "BaseCalendarUID"))
        cal_el = base if base is not cal_el else None
        depth += 1
    return (first, last) if first is not None and first < last else default


def _time(text):
    try:
        return dt.time.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass
class Agreement:
    """The file's start and finish of each task (by planner task id) and how many tasks the
    file holds dates for (``total``: also those planner leaves out)."""

    moments: dict = field(default_factory=dict)
    total: int = 0
    hours: tuple = (dt.time(8), dt.time(17))

    def differing(self, sched: Schedule) -> list[str]:
        """Ids of the tasks planner schedules to another start or finish than the file's."""
        cal = sched.calendar
        where = (lambda when: cal.key_at(when) // 2) if sched.scale != 1 else (
            lambda when: position(cal, when, self.hours))      # working minutes, or days
        own = {r.id for r in sched.plan.resources if r.calendar}
        out = []
        for i, t in enumerate(sched.plan.tasks):
            found = self.moments.get(t.id)
            if found is None:
                continue
            a, b = found
            if where(a) != pos(sched.start[i]) or where(b) != pos(sched.finish[i]):
                out.append(t.id)
            elif sched.scale != 1 and (t.calendar or own.intersection(
                    x.resource for x in t.assignments)):
                # on a calendar of its own (which may work when the project's does not), the
                # same day too: a weekend between is working time there
                if (sched.datetime(sched.start[i]).date(), sched.datetime(sched.finish[i])
                        .date()) != (a.date(), b.date()):
                    out.append(t.id)
        return out

    def count(self, sched: Schedule | None) -> tuple[int, int]:
        """(tasks that get the file's dates, tasks the file holds dates for)."""
        if sched is None:
            return 0, self.total
        return len(self.moments) - len(self.differing(sched)), self.total

    def line(self, sched: Schedule | None) -> str:
        """``N of M tasks get the file's dates`` and the first ids that do not."""
        same, total = self.count(sched)
        text = f"{same} of {total} tasks get the file's dates"
        differ = self.differing(sched) if sched is not None else []
        if differ:
            text += f" (not: {', '.join(differ[:10])}{' ...' if len(differ) > 10 else ''})"
        return text
