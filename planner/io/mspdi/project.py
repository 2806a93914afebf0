"""Reading the project's own elements: the working day, the start, the name, the status date.

>>> import xml.etree.ElementTree as ET
>>> src = Source("p.xml", b"", ET.fromstring(
...     "<Project><MinutesPerDay>450</MinutesPerDay><Title>Ny skole</Title></Project>"), None)
>>> read_clock(src).minutes_per_day, plan_name(src, None)
(450, 'Ny skole')
"""
from __future__ import annotations

import datetime as dt

from .clock import ReadClock, time_or
from .source import Source


def read_clock(src: Source) -> ReadClock:
    """``MinutesPerDay`` (480 when absent), ``DefaultStartTime`` and ``DefaultFinishTime``."""
    root = src.root
    mpd = src.int(root, "MinutesPerDay", 480)
    if mpd <= 0:
        raise src.fail(src.child(root, "MinutesPerDay"), "<MinutesPerDay> must be positive")
    times = []
    for name, default in (("DefaultStartTime", dt.time(8, 0)), ("DefaultFinishTime",
                                                                 dt.time(17, 0))):
        text = src.text(root, name)
        if text is not None and time_or(text, None) is None:
            raise src.fail(src.child(root, name), f"<{name}> {text!r} is not a time of day "
                                                  f"like 08:00:00")
        times.append(time_or(text, default))
    return ReadClock(mpd, *times)


def plan_start(src: Source, clock: ReadClock, starts: list[dt.datetime]) -> dt.date:
    """The plan's start day: ``StartDate``, else the earliest of the tasks' ``starts``."""
    start = src.datetime(src.root, "StartDate")
    if start is None:
        if not starts:
            raise src.fail(src.root, "the file has no <StartDate> and no task with a <Start>")
        start = min(starts)
    return clock.start_date(start)


def start_time(src: Source) -> dt.time | None:
    """The time of day of ``StartDate`` (a part-day plan's start), or None."""
    start = src.datetime(src.root, "StartDate")
    return None if start is None or start.time() == dt.time(0) else start.time()


def plan_name(src: Source, summary_name: str | None) -> str:
    """``Title``, else the project summary task's name, else ``Name``."""
    return (src.exact(src.root, "Title", None) or summary_name or src.text(src.root, "Name")
            or "Imported plan")


def status_date(src: Source, clock: ReadClock) -> dt.date | None:
    """``StatusDate`` as the working day it closes."""
    return clock.date(src.datetime(src.root, "StatusDate"), finish=True)


def span(plan_start_day: dt.date, task_dates: list[dt.datetime]) -> tuple[dt.date, dt.date]:
    """The first and last day of the plan's start and the tasks' dates in the file."""
    days = [plan_start_day] + [d.date() for d in task_dates]
    return min(days), max(days)
