"""MS Project XML (MSPDI) <-> :class:`~planner.model.Plan` / :class:`~planner.schedule.Schedule`.

Field by field, the way MPXJ maps every format onto one project model: each MSPDI element that
planner carries has one place in :class:`Plan` or :class:`Schedule`, and the mapping is the same
in both directions (see ``docs/ms-project.md`` for the table).

Writing (:func:`schedule_to_mspdi`) follows what MPXJ's ``MSPDIWriter`` emits and MS Project
accepts: the pj12 schema's element order, durations as ``PT#H#M#S`` in working hours, link lags
in tenths of minutes with their ``LagFormat``, calendar exceptions sorted and in both the legacy
(``WeekDay`` ``DayType`` 0) and the Project 2007 (``Exceptions``) form, the project summary task
as UID 0, and ``ActualDuration``/``RemainingDuration`` on every task.  The scheduled dates are
written, and every task stays auto-scheduled (``Manual`` 0, its own constraint or ASAP), so MS
Project recomputes the same dates.

Reading (:func:`read_mspdi`) parses with ``defusedxml`` (no entity expansion, no external
references) and reports every problem as ``FILE:LINE: message``.  The base calendar and its
exceptions are folded back into one of planner's calendars plus the seasons and dated exceptions
that reproduce the file's working days exactly over the years it covers.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ..calendar import WorkCalendar, season_ranges
from ..errors import PlanError
from ..model import Assignment, CalendarException, Constraint, Link, Plan, Resource, Task
from ..schedule import Schedule, pos

NS = "http://schemas.microsoft.com/project"
#: the namespace of Microsoft's published pj12 schema (files use NS; both are read)
NS_2007 = "http://schemas.microsoft.com/project/2007"

SAVE_VERSION = 14          # Project 2010: the first version that reads Manual (auto-scheduling)
LINK_TYPE_CODE = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
LINK_TYPE_NAME = {v: k for k, v in LINK_TYPE_CODE.items()}
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
_MSP_DAY = {6: 1, 0: 2, 1: 3, 2: 4, 3: 5, 4: 6, 5: 7}
_PLANNER_DAY = {v: k for k, v in _MSP_DAY.items()}


# =============================================================================================
# writing
# =============================================================================================
class _Xml:
    """A tiny deterministic XML writer: two-space indentation, elements in the order given."""

    def __init__(self):
        self.parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
        self.depth = 0

    def open(self, tag: str, attrs: str = "") -> None:
        self.parts.append(f"{'  ' * self.depth}<{tag}{attrs}>\n")
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.parts.append(f"{'  ' * self.depth}</{tag}>\n")

    def el(self, tag: str, value) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            value = "1" if value else "0"
        self.parts.append(f"{'  ' * self.depth}<{tag}>{escape(str(value))}</{tag}>\n")

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Clock:
    """Time keys and working days as MSPDI date-times and durations."""

    cal: WorkCalendar
    start_time: str
    finish_time: str
    minutes_per_day: int

    def at(self, key: int) -> str:
        day = self.cal.date(key // 2)
        return f"{day.isoformat()}T{self.finish_time if key & 1 else self.start_time}"

    def duration(self, days: int) -> str:
        minutes = days * self.minutes_per_day
        return f"PT{minutes // 60}H{minutes % 60}M0S"

    def tenths(self, days: int) -> int:
        return days * self.minutes_per_day * 10


def _time_of_day(text: str) -> tuple[str, int]:
    """'08:00' -> ('08:00:00', minutes after midnight)."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*", str(text))
    if not m:
        raise PlanError(f"working hours {text!r} are not HH:MM")
    h, mi = int(m.group(1)), int(m.group(2))
    return f"{h:02d}:{mi:02d}:00", h * 60 + mi


def task_uids(plan: Plan) -> tuple[list[int], list[bool]]:
    """MS Project unique ids for the plan's tasks, and which tasks need their planner id carried
    in the custom field: a task id that is a whole number 1..999999999 written without leading
    zeros is its own UID; any other id gets the next free number above the largest of them."""
    uids: list = []
    numeric = []
    for t in plan.tasks:
        tid = t.id
        ok = tid.isdigit() and tid[0] != "0" and int(tid) <= MAX_UID
        numeric.append(ok)
        uids.append(int(tid) if ok else None)
    nxt = max((u for u in uids if u is not None), default=0) + 1
    for i, u in enumerate(uids):
        if u is None:
            uids[i] = nxt
            nxt += 1
    return uids, [not ok for ok in numeric]


def schedule_to_mspdi(sched: Schedule) -> str:
    """The scheduled plan as an MSPDI document (text; the same schedule gives the same text)."""
    plan = sched.plan
    cal = sched.calendar
    cdef = cal.cal
    start_time, start_min = _time_of_day(cdef.hours[0])
    finish_time, finish_min = _time_of_day(cdef.hours[1])
    mpd = finish_min - start_min
    if mpd <= 0:
        raise PlanError(f"calendar {cdef.name!r}: working hours {cdef.hours[0]}-{cdef.hours[1]} "
                        f"do not make a working day")
    clock = _Clock(cal, start_time, finish_time, mpd)
    n = len(plan.tasks)
    uids, carry_id = task_uids(plan)
    uid_of = {t.id: uids[i] for i, t in enumerate(plan.tasks)}
    first_day, last_day = _calendar_span(sched)

    x = _Xml()
    x.open("Project", f' xmlns="{NS}"')
    x.el("SaveVersion", SAVE_VERSION)
    x.el("Name", plan.name)
    x.el("Title", plan.name)
    x.el("ScheduleFromStart", True)
    x.el("StartDate", clock.at(sched.project_start_key))
    x.el("FinishDate", clock.at(sched.project_finish_key))
    x.el("FYStartDate", 1)
    x.el("CriticalSlackLimit", 0)
    x.el("CurrencyDigits", 2)
    x.el("CurrencySymbol", "kr")
    x.el("CurrencyCode", "NOK")
    x.el("CurrencySymbolPosition", 3)
    x.el("CalendarUID", 1)
    x.el("DefaultStartTime", start_time)
    x.el("DefaultFinishTime", finish_time)
    x.el("MinutesPerDay", mpd)
    x.el("MinutesPerWeek", mpd * len(cdef.workweek))
    x.el("DaysPerMonth", 20)
    x.el("DefaultTaskType", 1)                 # fixed duration: planner's durations are fixed
    x.el("DurationFormat", FMT_DAYS)
    x.el("WorkFormat", 2)                      # hours
    x.el("HonorConstraints", True)
    x.el("NewTasksEffortDriven", False)
    x.el("NewTasksEstimated", False)
    x.el("WeekStartDay", 1)                    # Monday
    if plan.status_date:
        x.el("StatusDate", f"{plan.status_date.isoformat()}T{finish_time}")
    x.el("NewTaskStartDate", 0)
    x.el("NewTasksAreManual", False)           # Project 2010+: new tasks are auto-scheduled
    if any(carry_id):
        x.open("ExtendedAttributes")
        x.open("ExtendedAttribute")
        x.el("FieldID", ID_FIELD)
        x.el("FieldName", ID_FIELD_NAME)
        x.el("Alias", ID_ALIAS)
        x.close("ExtendedAttribute")
        x.close("ExtendedAttributes")

    # -- calendars: the plan's, then one per resource (its absences) --------------------------
    x.open("Calendars")
    periods = cal.nonworking_periods(first_day, last_day)
    _write_calendar(x, 1, cdef.name, True, None, cdef.workweek, (start_time, finish_time),
                    [(a, b, name, kind == "working") for a, b, name, kind in periods])
    for k, r in enumerate(plan.resources):
        absences = sorted((a.start, a.finish, a.name or "absence", a.working)
                          for a in r.absences)
        _write_calendar(x, 2 + k, r.name, False, 1, None, (start_time, finish_time), absences)
    x.close("Calendars")

    # -- tasks --------------------------------------------------------------------------------
    x.open("Tasks")
    _write_summary_task(x, sched, clock)
    outline = _outline_numbers(plan)
    res_index = {r.id: k for k, r in enumerate(plan.resources)}
    for i, t in enumerate(plan.tasks):
        _write_task(x, sched, clock, i, t, uids[i], outline[i], carry_id[i], uid_of)
    x.close("Tasks")

    # -- resources and assignments ------------------------------------------------------------
    if plan.resources:
        x.open("Resources")
        for k, r in enumerate(plan.resources):
            x.open("Resource")
            x.el("UID", k + 1)
            x.el("ID", k + 1)
            x.el("Name", r.name)
            x.el("Type", 1)                    # work resource
            x.el("IsNull", False)
            x.el("Code", r.id)
            x.el("MaxUnits", _units(r.capacity))
            x.el("CalendarUID", 2 + k)
            x.el("Notes", r.notes or None)
            x.el("BookingType", 1 if r.assumption else 0)     # 1 = proposed
            x.close("Resource")
        x.close("Resources")
        x.open("Assignments")
        a_uid = 0
        for i, t in enumerate(plan.tasks):
            for a in t.assignments:
                a_uid += 1
                work = clock.duration(0)
                if sched.duration[i]:
                    minutes = round(sched.duration[i] * mpd * a.units)
                    work = f"PT{minutes // 60}H{minutes % 60}M0S"
                x.open("Assignment")
                x.el("UID", a_uid)
                x.el("TaskUID", uids[i])
                x.el("ResourceUID", res_index[a.resource] + 1)
                x.el("PercentWorkComplete", 0)
                x.el("ActualWork", clock.duration(0))
                x.el("Finish", clock.at(sched.finish[i]))
                x.el("RemainingWork", work)
                x.el("Start", clock.at(sched.start[i]))
                x.el("Units", _units(a.units))
                x.el("Work", work)
                x.close("Assignment")
        x.close("Assignments")
    x.close("Project")
    assert n == len(uids)
    return x.text()


def write_mspdi(sched: Schedule, path: str) -> None:
    from .documents import write_atomic

    write_atomic(path, schedule_to_mspdi(sched))


def _units(value: float) -> str:
    text = f"{float(value):.4f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _calendar_span(sched: Schedule) -> tuple[dt.date, dt.date]:
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


def _write_calendar(x: _Xml, uid: int, name: str, is_base: bool, base_uid, workweek, hours,
                    exceptions) -> None:
    """One calendar: its week (base calendars only), then the exceptions, sorted, in the legacy
    form (``WeekDay`` with ``DayType`` 0) and the Project 2007 form (``Exceptions``)."""
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
                working = _PLANNER_DAY[msp] in workweek
                x.open("WeekDay")
                x.el("DayType", msp)
                x.el("DayWorking", working)
                if working:
                    _working_times(x, hours)
                x.close("WeekDay")
        for a, b, _name, working in exceptions:
            x.open("WeekDay")
            x.el("DayType", 0)
            x.el("DayWorking", working)
            x.open("TimePeriod")
            x.el("FromDate", f"{a.isoformat()}T00:00:00")
            x.el("ToDate", f"{b.isoformat()}T23:59:00")
            x.close("TimePeriod")
            if working:
                _working_times(x, hours)
            x.close("WeekDay")
        x.close("WeekDays")
    if exceptions:
        x.open("Exceptions")
        for a, b, ename, working in exceptions:
            x.open("Exception")
            x.el("EnteredByOccurrences", False)
            x.open("TimePeriod")
            x.el("FromDate", f"{a.isoformat()}T00:00:00")
            x.el("ToDate", f"{b.isoformat()}T23:59:00")
            x.close("TimePeriod")
            x.el("Occurrences", 1)
            x.el("Name", ename)
            x.el("Type", 1)                    # a plain range of days, not recurring
            x.el("DayWorking", working)
            if working:
                _working_times(x, hours)
            x.close("Exception")
        x.close("Exceptions")
    x.close("Calendar")


def _working_times(x: _Xml, hours) -> None:
    x.open("WorkingTimes")
    x.open("WorkingTime")
    x.el("FromTime", hours[0])
    x.el("ToTime", hours[1])
    x.close("WorkingTime")
    x.close("WorkingTimes")


def _outline_numbers(plan: Plan) -> list[str]:
    out = []
    counters: list[int] = []
    for t in plan.tasks:
        level = t.outline_level
        del counters[level:]
        while len(counters) < level:
            counters.append(0)
        counters[level - 1] += 1
        out.append(".".join(str(c) for c in counters))
    return out


def _write_summary_task(x: _Xml, sched: Schedule, clock: _Clock) -> None:
    """UID 0: MS Project's project summary task (outline level 0), holding the plan's notes."""
    plan = sched.plan
    top = [i for i, t in enumerate(plan.tasks) if t.parent is None]
    ps, pf = sched.project_start_key, sched.project_finish_key
    es = min(sched.es[i] for i in top)
    ef = max(sched.ef[i] for i in top)
    ls = min(sched.ls[i] for i in top)
    lf = max(sched.lf[i] for i in top)
    days = pos(pf) - pos(ps)
    total = min(pos(ls) - pos(es), pos(lf) - pos(ef))
    x.open("Task")
    x.el("UID", 0)
    x.el("ID", 0)
    x.el("Name", plan.name)
    x.el("Manual", False)
    x.el("Type", 1)
    x.el("IsNull", False)
    x.el("WBS", 0)
    x.el("OutlineNumber", 0)
    x.el("OutlineLevel", 0)
    x.el("Start", clock.at(ps))
    x.el("Finish", clock.at(pf))
    x.el("Duration", clock.duration(days))
    x.el("DurationFormat", FMT_DAYS)
    x.el("Work", clock.duration(0))
    x.el("EffortDriven", False)
    x.el("Estimated", False)
    x.el("Milestone", False)
    x.el("Summary", True)
    x.el("Critical", any(sched.critical[i] for i in top))
    x.el("EarlyStart", clock.at(es))
    x.el("EarlyFinish", clock.at(ef))
    x.el("LateStart", clock.at(ls))
    x.el("LateFinish", clock.at(lf))
    x.el("FreeSlack", 0)
    x.el("TotalSlack", clock.tenths(total))
    x.el("PercentComplete", 0)
    x.el("ActualDuration", clock.duration(0))
    x.el("RemainingDuration", clock.duration(days))
    x.el("ConstraintType", 0)
    x.el("CalendarUID", -1)
    x.el("Notes", plan.notes or None)
    x.close("Task")


def _write_task(x: _Xml, sched: Schedule, clock: _Clock, i: int, t: Task, uid: int,
                outline: str, carry_id: bool, uid_of: dict) -> None:
    days = sched.duration[i]
    x.open("Task")
    x.el("UID", uid)
    x.el("ID", i + 1)
    x.el("Name", t.name)
    x.el("Manual", False)
    x.el("Type", 1)                            # fixed duration
    x.el("IsNull", False)
    x.el("WBS", outline)
    x.el("OutlineNumber", outline)
    x.el("OutlineLevel", t.outline_level)
    x.el("Start", clock.at(sched.start[i]))
    x.el("Finish", clock.at(sched.finish[i]))
    x.el("Duration", clock.duration(days))
    x.el("DurationFormat", FMT_DAYS)
    work = 0.0
    for a in t.assignments:
        work += days * clock.minutes_per_day * a.units
    work_min = round(work)
    x.el("Work", f"PT{work_min // 60}H{work_min % 60}M0S")
    x.el("EffortDriven", False)
    x.el("Estimated", False)
    x.el("Milestone", t.milestone)
    x.el("Summary", t.summary)
    x.el("Critical", sched.critical[i])
    x.el("EarlyStart", clock.at(sched.es[i]))
    x.el("EarlyFinish", clock.at(sched.ef[i]))
    x.el("LateStart", clock.at(sched.ls[i]))
    x.el("LateFinish", clock.at(sched.lf[i]))
    x.el("FreeSlack", clock.tenths(sched.free_float[i]))
    x.el("TotalSlack", clock.tenths(sched.total_float[i]))
    x.el("PercentComplete", 0)
    x.el("ActualDuration", clock.duration(0))
    x.el("RemainingDuration", clock.duration(days))
    c = t.constraint
    ctype = c.type if c is not None else "ASAP"
    x.el("ConstraintType", CONSTRAINT_CODE[ctype])
    x.el("CalendarUID", -1)
    if c is not None and c.date is not None:
        cal = sched.calendar
        key = cal.finish_key(c.date) if ctype in FINISH_CONSTRAINTS else cal.start_key(c.date)
        x.el("ConstraintDate", clock.at(key))
    if t.deadline is not None:
        x.el("Deadline", clock.at(sched.calendar.finish_key(t.deadline)))
    if t.leveling_delay:
        x.el("LevelingDelay", clock.tenths(t.leveling_delay))
        x.el("LevelingDelayFormat", FMT_DAYS)
    if t.assignments:
        x.el("IgnoreResourceCalendar", True)
    x.el("Notes", t.notes or None)
    for link in t.predecessors:
        x.open("PredecessorLink")
        x.el("PredecessorUID", uid_of[link.pred])
        x.el("Type", LINK_TYPE_CODE[link.type])
        x.el("CrossProject", False)
        if link.lag_unit == "ed":
            x.el("LinkLag", link.lag * ELAPSED_MINUTES_PER_DAY * 10)
            x.el("LagFormat", FMT_EDAYS)
        else:
            x.el("LinkLag", clock.tenths(link.lag))
            x.el("LagFormat", FMT_DAYS)
        x.close("PredecessorLink")
    if carry_id:
        x.open("ExtendedAttribute")
        x.el("FieldID", ID_FIELD)
        x.el("Value", t.id)
        x.close("ExtendedAttribute")
    x.close("Task")
