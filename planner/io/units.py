"""Durations and lags with MS Project's units: ``3``, ``3d``, ``2w``, ``2mo``, ``10ed``, ``1ew``.

A quantity is converted to days as MS Project's defaults do: a week is 5 working days, a month
20 (MS Project's "days per month"), an elapsed week 7 and an elapsed month 30 calendar days.  In
a whole-day plan hours and minutes (8 hours a day) are accepted only when they come to whole
days; in a part-day plan (``MINUTES_PER_DAY`` set while it is read) they are kept to the minute
as fractions of the plan's day.

>>> quantity("2mo", "duration")
(40, 'd')
>>> quantity("+1ew", "lag")
(7, 'ed')
"""
from __future__ import annotations

import contextvars
import math
import re

from ..errors import PlanError
from ..model import MAX_DAYS

DAYS_PER_WEEK = 5
DAYS_PER_MONTH = 20          # MS Project's default "days per month"
HOURS_PER_DAY = 8            # MS Project's default "hours per day"

#: unit -> (kind, working or elapsed days per unit); Norwegian and English spellings
UNITS = {}
for _names, _kind, _per in (
        (("", "d", "day", "days", "dag", "dager"), "d", 1),
        (("w", "wk", "wks", "week", "weeks", "u", "uke", "uker"), "d", DAYS_PER_WEEK),
        (("mo", "mon", "mons", "month", "months", "mnd", "måned", "måneder"), "d",
         DAYS_PER_MONTH),
        (("ed", "eday", "edays", "edag", "edager"), "ed", 1),
        (("ew", "ewk", "ewks", "eweek", "eweeks", "euke", "euker"), "ed", 7),
        (("emo", "emon", "emons", "emonth", "emonths", "emnd"), "ed", 30)):
    for _n in _names:
        UNITS[_n] = (_kind, _per)

#: part-day units: unit -> (kind, units per day)
PART_DAY = {}
for _names, _kind, _per in (
        (("h", "hr", "hrs", "hour", "hours", "t", "time", "timer"), "d", HOURS_PER_DAY),
        (("min", "mins", "minute", "minutes", "minutt", "minutter"), "d", HOURS_PER_DAY * 60),
        (("eh", "ehr", "ehour", "ehours", "et", "etime", "etimer"), "ed", 24),
        (("emin", "emins", "eminute", "eminutes"), "ed", 24 * 60)):
    for _n in _names:
        PART_DAY[_n] = (_kind, _per)

UNIT_HELP = "d, w = 5 d, mo = 20 d; ed, ew = elapsed days, weeks; h, min in part-day plans"

#: the minutes per working day of the part-day plan being read (``project.minutes_per_day``),
#: else None: hours and minutes must then come to whole days
MINUTES_PER_DAY: contextvars.ContextVar = contextvars.ContextVar("minutes_per_day",
                                                                 default=None)

_QUANTITY = re.compile(r"^\s*(?P<num>[+-]?\s*[0-9]{1,15}(?:[.,][0-9]{1,15})?)\s*"
                       r"(?P<unit>[^\W\d_]{0,20})\s*$")


def split_quantity(text: str):
    """``(number, unit)`` of ``"+2.5w"`` -> ``(2.5, "w")``, or None when it is no quantity."""
    m = _QUANTITY.match(str(text))
    if not m:
        return None
    return float(m.group("num").replace(" ", "").replace(",", ".")), m.group("unit")


def to_days(number: float, unit: str, what: str, text=None) -> tuple[int, str]:
    """``number`` ``unit`` as ``(whole days, "d" | "ed")``; PlanError (no path) if it is not
    whole days, more than ``MAX_DAYS`` or the unit is unknown.  ``what`` ("duration", "lag")
    is for the message."""
    from .documents import short

    shown = short(text if text is not None else f"{number:g}{unit}")
    key = unit.lower()
    mpd = MINUTES_PER_DAY.get()
    if mpd and (key in UNITS or key in PART_DAY) and math.isfinite(number):
        return _part_day(number, key, mpd, what, shown)
    if key in UNITS:
        kind, per = UNITS[key]
        days = number * per
    elif key in PART_DAY:
        kind, per = PART_DAY[key]
        days = number / per
        if not days.is_integer():
            raise PlanError(f"{what} {shown}: hours and minutes need a part-day plan "
                            f"(project.minutes_per_day), else only whole days "
                            f"({per} {unit} = 1{kind})")
    elif key == "m":
        raise PlanError(f"{what} {shown}: m is ambiguous; write mo for months")
    else:
        raise PlanError(f"{what} {shown}: unknown unit {short(unit)} (use {UNIT_HELP})")
    if not math.isfinite(days) or abs(days) > MAX_DAYS:
        raise PlanError(f"{what} {shown} must be at most {MAX_DAYS} days")
    if not float(days).is_integer():
        raise PlanError(f"{what} {shown} is {days:g} days: {what}s are whole days")
    return int(days), kind


def _part_day(number: float, key: str, mpd: int, what: str, shown: str):
    """A quantity of a part-day plan: working days (a fraction of ``mpd`` minutes allowed, kept
    to the minute), or elapsed days (fractions of 24 hours)."""
    from ..working_time import to_days as minutes_to_days

    if key in UNITS:
        kind, per = UNITS[key]
        minutes = number * per * (mpd if kind == "d" else 24 * 60)
    else:
        kind, per = PART_DAY[key]
        minutes = number * (24 if kind == "ed" else HOURS_PER_DAY) * 60 / per
    day = mpd if kind == "d" else 24 * 60
    if abs(minutes / day) > MAX_DAYS:
        raise PlanError(f"{what} {shown} must be at most {MAX_DAYS} days")
    return minutes_to_days(int(round(minutes)), day), kind


def quantity(text, what: str) -> tuple[int, str]:
    """A quantity such as ``"2w"`` or ``"-3ed"`` as ``(whole days, "d" | "ed")``."""
    from .documents import short

    parts = split_quantity(text)
    if parts is None:
        days = "working days" if what == "duration" else "days"
        raise PlanError(f"{what} {short(str(text).strip())} is not a number of {days} (units: "
                        f"{UNIT_HELP})")
    return to_days(parts[0], parts[1], what, str(text).strip())


def working_days(text, what: str = "duration") -> int:
    """A quantity that must be in working days (a task's duration): ``ed``/``ew`` refused."""
    from .documents import short

    days, kind = quantity(text, what)
    if kind != "d":
        raise PlanError(f"{what} {short(str(text).strip())}: elapsed {what}s are not supported "
                        f"in scenarios and --set yet (a plan's task may have one, e.g. "
                        f"duration: 3ed); use d, w or mo")
    return days
