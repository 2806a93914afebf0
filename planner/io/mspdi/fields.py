"""The one field map between MSPDI and planner: namespaces, codes, duration formats and ids.

Every code the reader decodes and the writer encodes is defined here once, with both
directions side by side, the way MPXJ keeps its MSPDI field mapping in one place.

>>> LINK_TYPE_CODE["SS"], LINK_TYPE_NAME[3]
(3, 'SS')
>>> plain_format(FMT_EDAYS + 32), duration_text(12 * 60 + 30), iso_minutes("PT8H30M0S")
(8, 'PT12H30M0S', 510.0)
"""
from __future__ import annotations

import re

from ...errors import PlanError
from ...model import Plan

NS = "http://schemas.microsoft.com/project"
#: the namespace of Microsoft's published pj12 schema (files use NS; both are read)
NS_2007 = "http://schemas.microsoft.com/project/2007"

SAVE_VERSION = 14          # Project 2010: the first version that reads Manual (auto-scheduling)

#: ``PredecessorLink/Type``
LINK_TYPE_CODE = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
LINK_TYPE_NAME = {v: k for k, v in LINK_TYPE_CODE.items()}

#: ``Task/ConstraintType``; the finish constraints' dates are finish instants
CONSTRAINT_CODE = {"ASAP": 0, "ALAP": 1, "MSO": 2, "MFO": 3, "SNET": 4, "SNLT": 5, "FNET": 6,
                   "FNLT": 7}
CONSTRAINT_NAME = {v: k for k, v in CONSTRAINT_CODE.items()}
FINISH_CONSTRAINTS = ("MFO", "FNET", "FNLT")

#: MSPDI duration formats (``DurationFormat``, ``LagFormat``, ``LevelingDelayFormat``); the
#: estimated variants ("5d?") are the same plus 32
FMT_MINUTES, FMT_EMINUTES, FMT_HOURS, FMT_EHOURS, FMT_DAYS, FMT_EDAYS = 3, 4, 5, 6, 7, 8
FMT_WEEKS, FMT_EWEEKS, FMT_MONTHS, FMT_EMONTHS, FMT_PERCENT, FMT_EPERCENT = 9, 10, 11, 12, 19, 20
ELAPSED_FORMATS = {FMT_EMINUTES, FMT_EHOURS, FMT_EDAYS, FMT_EWEEKS, FMT_EMONTHS}
PERCENT_FORMATS = {FMT_PERCENT, FMT_EPERCENT}
ELAPSED_MINUTES_PER_DAY = 24 * 60

#: the task custom field that carries a planner task id that is not a whole number (Text1)
ID_FIELD = "188743731"
ID_FIELD_NAME = "Text1"
ID_ALIAS = "Planner ID"
MAX_UID = 999_999_999

#: MS Project's day numbers in ``DayType``: 1 = Sunday ... 7 = Saturday; planner's: Monday = 0
MSP_DAY = {6: 1, 0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7}
PLANNER_DAY = {v: k for k, v in MSP_DAY.items()}

_NUM = r"([0-9]+(?:\.[0-9]+)?)"
_ISO_DURATION = re.compile(rf"^(-)?P(?:{_NUM}D)?(?:T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?$")


# -- durations --------------------------------------------------------------------------------
def plain_format(fmt: int) -> int:
    """A duration format without its 'estimated' flag (``5d?`` is ``5d``)."""
    return fmt - 32 if fmt >= 35 else fmt


def duration_text(minutes: int) -> str:
    """Whole minutes as the ISO 8601 duration MSPDI writes: ``PT#H#M0S``."""
    return f"PT{minutes // 60}H{minutes % 60}M0S"


def iso_minutes(value: str) -> float | None:
    """An ISO 8601 duration (``PT8H0M0S``, ``P1DT2H``) in minutes; None when it is not one."""
    m = _ISO_DURATION.match(value)
    if not m or value in ("P", "PT", "-P"):
        return None
    sign, d, h, mi, s = m.groups()
    total = (float(d or 0) * 1440 + float(h or 0) * 60 + float(mi or 0)
             + float(s or 0) / 60)
    return -total if sign else total


def time_of_day(text: str) -> tuple[str, int]:
    """'08:00' -> ('08:00:00', minutes after midnight)."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*", str(text))
    if not m:
        raise PlanError(f"working hours {text!r} are not HH:MM")
    h, mi = int(m.group(1)), int(m.group(2))
    return f"{h:02d}:{mi:02d}:00", h * 60 + mi


# -- values -----------------------------------------------------------------------------------
def units_text(value: float) -> str:
    """Assignment units and resource capacity as MSPDI writes them: ``0.5``, ``1.0``."""
    text = f"{float(value):.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def resource_name(name: str) -> str:
    """MS Project does not allow ',', '[' or ']' in a resource name (MPXJ's MSPDIWriter
    replaces them the same way)."""
    return name.replace(",", ";").replace("[", " ").replace("]", " ")


# -- task ids <-> UIDs ------------------------------------------------------------------------
def task_uids(plan: Plan) -> tuple[list[int], list[bool]]:
    """MS Project unique ids for the plan's tasks, and which tasks need their planner id carried
    in the custom field: a task id that is a whole number 1..999999999 written without leading
    zeros is its own UID; any other id gets the next free number above the largest of them."""
    uids: list = []
    numeric = []
    for t in plan.tasks:
        tid = t.id
        ok = tid.isascii() and tid.isdigit() and tid[0] != "0" and int(tid) <= MAX_UID
        numeric.append(ok)
        uids.append(int(tid) if ok else None)
    nxt = max((u for u in uids if u is not None), default=0) + 1
    for i, u in enumerate(uids):
        if u is None:
            uids[i] = nxt
            nxt += 1
    return uids, [not ok for ok in numeric]


def task_id(uid: int, planner_id: str | None) -> str:
    """The planner id of a task read back: the id carried in the custom field when it is one
    planner can use, else the UID."""
    if planner_id and not any(ch in planner_id for ch in " ;,"):
        return planner_id
    return str(uid)
