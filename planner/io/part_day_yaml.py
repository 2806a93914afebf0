"""Part-day plans in the plan file: ``minutes_per_day``, ``start_time``, a calendar's
``week_hours`` and durations and lags such as ``4h``, ``90min`` or ``0.5d``.

>>> data = {"minutes_per_day": 450, "start_time": "09:00"}
>>> read_project_part_day(data, ("project",))
(450, datetime.time(9, 0))
>>> quantity_text(0.5, 480), quantity_text(0.125, 480), quantity_text(3, 450), quantity_text(1 / 450, 450)
('4h', '1h', 3, '1min')
>>> parse_week_hours({"mon": "08:00-12:00 13:00-17:00", "sat": ""}, ("calendar", "week_hours"))[:2]
((('08:00', '12:00'), ('13:00', '17:00')), ())
"""
from __future__ import annotations

import datetime as dt
import re

from ..calendar import WEEKDAYS
from ..errors import PlanError
from ..model import minutes_text
from .documents import short

_SPAN = re.compile(r"^([0-9]{1,2}):([0-9]{2})-([0-9]{1,2}):([0-9]{2})$")


def read_project_part_day(proj: dict, path) -> tuple:
    """``(minutes_per_day, start_time)`` of the ``project:`` section (None, None when absent)."""
    mpd = proj.get("minutes_per_day")
    if mpd is not None:
        if type(mpd) is not int or not 1 <= mpd <= 1440:
            raise PlanError(f"minutes_per_day must be a whole number of minutes 1-1440, not "
                            f"{short(mpd)}", path=tuple(path) + ("minutes_per_day",))
    st = proj.get("start_time")
    start_time = None
    if st is not None:
        m = re.match(r"^([0-9]{1,2}):([0-9]{2})$", str(st).strip())
        if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
            raise PlanError(f"start_time must be a time of day HH:MM, not {short(st)}",
                            path=tuple(path) + ("start_time",))
        if mpd is None:
            raise PlanError("start_time needs minutes_per_day (a part-day plan)",
                            path=tuple(path) + ("start_time",))
        start_time = dt.time(int(m.group(1)), int(m.group(2)))
    return mpd, start_time


def parse_week_hours(value, path) -> tuple:
    """``{mon: "08:00-12:00 13:00-17:00", sat: "", ...}`` as 7 tuples of ``(HH:MM, HH:MM)``
    (a weekday left out or empty works the calendar's ``hours`` when it is a working day)."""
    if not isinstance(value, dict):
        raise PlanError("week_hours must map weekdays to working hours like "
                        "'08:00-12:00 13:00-17:00'", path=tuple(path))
    out: list = [()] * 7
    for key, text in value.items():
        k = str(key).strip().lower()[:3]
        if k not in WEEKDAYS:
            raise PlanError(f"unknown weekday {short(key)} in week_hours", path=tuple(path))
        spans = []
        last = -1
        for part in str(text or "").replace(",", " ").split():
            m = _SPAN.match(part)
            a = b = None
            if m:
                a = int(m.group(1)) * 60 + int(m.group(2))
                b = int(m.group(3)) * 60 + int(m.group(4))
            if not m or not last <= a < b <= 1440:
                raise PlanError(f"week_hours {k}: {short(part)} is not a span of working hours "
                                f"HH:MM-HH:MM after the one before it", path=tuple(path) + (key,))
            last = b
            spans.append((f"{a // 60:02d}:{a % 60:02d}", f"{b // 60:02d}:{b % 60:02d}"))
        out[WEEKDAYS.index(k)] = tuple(spans)
    return tuple(out)


def week_hours_data(week: tuple) -> dict:
    """A calendar's ``week_hours`` as the plan file writes them."""
    return {WEEKDAYS[d]: " ".join(f"{a}-{b}" for a, b in hrs)
            for d, hrs in enumerate(week) if hrs}


def quantity_text(days, minutes_per_day: int):
    """Working days as the plan file writes them in a part-day plan: whole days as a number,
    else hours (``4h``) or minutes (``90min``)."""
    if days == int(days):
        return int(days)
    return minutes_text(int(round(days * minutes_per_day)))
