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
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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
        text = _NOT_XML.sub("", str(value))     # control characters XML 1.0 cannot hold
        self.parts.append(f"{'  ' * self.depth}<{tag}>{escape(text)}</{tag}>\n")

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
    uids, carry_id = task_uids(plan)
    uid_of = {t.id: uids[i] for i, t in enumerate(plan.tasks)}
    first_day, last_day = _calendar_span(sched)

    x = _Xml()
    x.open("Project", f' xmlns="{NS}"')
    x.el("SaveVersion", SAVE_VERSION)
    x.el("Name", plan.name)
    x.el("Title", plan.name)
    x.el("ScheduleFromStart", True)
    x.el("StartDate", f"{plan.start.isoformat()}T{start_time}")     # as planned, even on a day off
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
        _write_calendar(x, 2 + k, resource_name(r.name), False, 1, None,
                        (start_time, finish_time), absences)
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
            x.el("Name", resource_name(r.name))
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
    return x.text()


def resource_name(name: str) -> str:
    """MS Project does not allow ',', '[' or ']' in a resource name (MPXJ's MSPDIWriter
    replaces them the same way)."""
    return name.replace(",", ";").replace("[", " ").replace("]", " ")


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
    ps = min(sched.start[i] for i in top)          # rolled up like any summary: a task may
    pf = max(sched.finish[i] for i in top)         # start before the project (SF, MSO, ...)
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
    x.el("FreeSlack", clock.tenths(max(total, 0)))     # a summary's free slack: its total
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


# =============================================================================================
# reading
# =============================================================================================
@dataclass
class Imported:
    """What :func:`read_mspdi` found: the plan, what could not be carried over exactly, and the
    dates the file holds for each task (to compare with planner's schedule)."""

    plan: Plan
    notes: list = field(default_factory=list)
    file_dates: dict = field(default_factory=dict)      # task id -> (start, finish) dates
    source: str = ""
    raw: bytes = b""
    root: object = None

    def task_line(self, k: int) -> int | None:
        """The line of the k-th ``<Task>`` element."""
        tasks = _child(self.root, "Tasks")
        if tasks is None:
            return None
        els = [c for c in tasks if _local(c.tag) == "Task"]
        return _line_of(self.raw, self.root, els[k]) if 0 <= k < len(els) else None

    def disagreements(self, sched: Schedule) -> list[str]:
        """Ids of the tasks whose start or finish date in the file differs from ``sched``."""
        out = []
        for i, t in enumerate(sched.plan.tasks):
            dates = self.file_dates.get(t.id)
            if dates is not None and dates != (sched.date(sched.start[i]),
                                               sched.date(sched.finish[i])):
                out.append(t.id)
        return out

    def error(self, exc: PlanError) -> PlanError:
        """A PlanError raised on the imported plan, pointed at the file's line."""
        path = exc.path or ()
        line = None
        if len(path) >= 2 and path[0] == "Tasks" and isinstance(path[1], int):
            line = self.task_line(path[1])
        return PlanError(exc.message, file=self.source, line=line or 1)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el, name):
    if el is None:
        return None
    for c in el:
        if _local(c.tag) == name:
            return c
    return None


def _children(el, name) -> list:
    return [] if el is None else [c for c in el if _local(c.tag) == name]


def _index_path(root, target) -> list | None:
    """Positions of ``target`` among element children, from the root down."""
    stack = [(root, [])]
    while stack:
        el, path = stack.pop()
        if el is target:
            return path
        for k, c in enumerate(el):
            stack.append((c, path + [k]))
    return None


class _Found(Exception):
    pass


def _line_of(raw: bytes, root, target) -> int | None:
    """The line where ``target`` starts, found by parsing again with expat (only on errors, so
    valid files take the fast path).  ``raw`` has already passed defusedxml."""
    import xml.parsers.expat

    path = _index_path(root, target)
    if path is None:
        return None
    counts = [0]
    cur: list = []
    found: list = []
    parser = xml.parsers.expat.ParserCreate()

    def start(_name, _attrs):
        cur.append(counts[-1])
        counts[-1] += 1
        counts.append(0)
        if cur[1:] == path:
            found.append(parser.CurrentLineNumber)
            raise _Found

    def end(_name):
        cur.pop()
        counts.pop()

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(raw, True)
    except _Found:
        pass
    except xml.parsers.expat.ExpatError:
        return None
    return found[0] if found else None


def _parse_xml(path: str):
    import xml.etree.ElementTree as ET

    from .documents import read_bytes

    raw = read_bytes(path)

    import defusedxml
    import defusedxml.ElementTree as DET

    def line_of(marker: bytes) -> int:
        at = raw.find(marker)
        return raw[:at].count(b"\n") + 1 if at >= 0 else 1

    try:
        root = DET.fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DET.DTDForbidden:
        raise PlanError("the file has a document type declaration (<!DOCTYPE ...>); MS Project "
                        "XML has none, and one can hide entity expansion (an XML bomb) or "
                        "external references: refused", file=path,
                        line=line_of(b"<!DOCTYPE")) from None
    except (DET.EntitiesForbidden, DET.ExternalReferenceForbidden,
            defusedxml.DefusedXmlException) as exc:      # the DTD check comes first
        raise PlanError(f"unsafe XML refused: {exc}", file=path, line=line_of(b"<!")) from None
    except ET.ParseError as exc:
        line, col = exc.position
        what = str(exc).split(":", 1)[0]
        raise PlanError(f"not well-formed XML: {what} (column {col + 1})", file=path,
                        line=line) from None
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if _local(root.tag) != "Project" or ns not in (NS, NS_2007, ""):
        where = f" in namespace {ns!r}" if ns else ""
        raise PlanError(f"not an MS Project XML (MSPDI) file: the root element is "
                        f"<{_local(root.tag)}>{where}, expected <Project xmlns=\"{NS}\">",
                        file=path, line=_line_of(raw, root, root) or 1)
    return raw, root


_ISO_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?"
    r"(?:(\d+(?:\.\d+)?)S)?)?$")


class _Reader:
    """One pass over a parsed MSPDI document; every problem becomes ``FILE:LINE: message``."""

    def __init__(self, path: str, raw: bytes, root, near: str | None):
        self.path = path
        self.raw = raw
        self.root = root
        self.near = near
        self.notes: list[str] = []
        self.ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""

    # -- elements: found by their tag in the file's namespace (ElementTree's fast path) -------
    def child(self, el, name):
        return None if el is None else el.find(self.ns + name)

    def children(self, el, name) -> list:
        return [] if el is None else el.findall(self.ns + name)

    # -- values -------------------------------------------------------------------------------
    def fail(self, el, message: str) -> PlanError:
        return PlanError(message, file=self.path, line=_line_of(self.raw, self.root, el) or 1)

    def text(self, el, name, default=None):
        c = self.child(el, name)
        if c is None or c.text is None or not c.text.strip():
            return default
        return c.text.strip()

    def number(self, el, name, default, cast, what: str):
        value = self.text(el, name)
        if value is None:
            return default
        try:
            return cast(value)
        except ValueError:
            raise self.fail(self.child(el, name),
                            f"<{name}> must be {what}, not {value!r}") from None

    def int(self, el, name, default=None):
        return self.number(el, name, default, int, "a whole number")

    def float(self, el, name, default=None):
        return self.number(el, name, default, float, "a number")

    def bool(self, el, name, default=False) -> bool:
        value = self.text(el, name)
        if value is None:
            return default
        if value.lower() in ("1", "true"):
            return True
        if value.lower() in ("0", "false"):
            return False
        raise self.fail(self.child(el, name), f"<{name}> must be 0 or 1, not {value!r}")

    def datetime(self, el, name):
        value = self.text(el, name)
        if value is None:
            return None
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(self.child(el, name), f"<{name}> {value!r} is not a date and "
                                                  f"time like 2024-05-17T08:00:00") from None

    def minutes(self, el, name):
        """An ISO 8601 duration (``PT8H0M0S``) in minutes."""
        value = self.text(el, name)
        if value is None:
            return None
        m = _ISO_DURATION.match(value)
        if not m or value in ("P", "PT", "-P"):
            raise self.fail(self.child(el, name), f"<{name}> {value!r} is not a duration "
                                                  f"like PT8H0M0S")
        sign, d, h, mi, s = m.groups()
        total = (float(d or 0) * 1440 + float(h or 0) * 60 + float(mi or 0)
                 + float(s or 0) / 60)
        return -total if sign else total

    # -- the document -------------------------------------------------------------------------
    def read(self) -> Imported:
        root = self.root
        self.mpd = self.int(root, "MinutesPerDay", 480)
        if self.mpd <= 0:
            raise self.fail(self.child(root, "MinutesPerDay"), "<MinutesPerDay> must be positive")
        self.start_time = self._clock(self.text(root, "DefaultStartTime"), dt.time(8, 0))
        self.finish_time = self._clock(self.text(root, "DefaultFinishTime"), dt.time(17, 0))
        tasks_el = self.child(root, "Tasks")
        task_els = self.children(tasks_el, "Task")
        raw_tasks = [self._task(k, el) for k, el in enumerate(task_els)]
        summary_el = next((r for r in raw_tasks if r and r["project_summary"]), None)
        raw_tasks = [r for r in raw_tasks if r and not r["project_summary"]]

        start = self.datetime(root, "StartDate")
        if start is None:
            starts = [r["start"] for r in raw_tasks if r["start"] is not None]
            if not starts:
                raise self.fail(root, "the file has no <StartDate> and no task with a <Start>")
            start = min(starts)
        plan_start = self._start_date(start)
        name = (self.text(root, "Title") or (summary_el or {}).get("name")
                or self.text(root, "Name") or "Imported plan")

        calendars = {self.int(c, "UID"): c for c in self.children(self.child(root, "Calendars"),
                                                              "Calendar")}
        span = self._span(raw_tasks, plan_start)
        cal_uid = self.int(root, "CalendarUID")
        cal_el = calendars.get(cal_uid)
        if cal_el is None:
            cal_el = next((c for c in calendars.values() if self.bool(c, "IsBaseCalendar")),
                          None)
        calendar = self._plan_calendar(cal_el, calendars, span)
        wcal = WorkCalendar(calendar, plan_start)

        tasks = self._outline(raw_tasks, wcal)
        by_uid = {r["uid"]: r for r in raw_tasks if r.get("task") is not None}
        self._links(raw_tasks, by_uid)
        resources = self._resources(root, calendars)
        self._assignments(root, by_uid, resources)
        plan = Plan(name=name, start=plan_start, calendar=calendar, tasks=tasks,
                    resources=[r for r in resources.values()], source=None,
                    notes=(summary_el or {}).get("notes") or "",
                    status_date=self._date(self.datetime(root, "StatusDate"), finish=True))
        file_dates = {r["task"].id: (r["start"].date(), r["finish"].date())
                      for r in raw_tasks if r.get("task") is not None
                      and r["start"] is not None and r["finish"] is not None}
        if not tasks:
            raise self.fail(tasks_el if tasks_el is not None else root,
                            "the file has no tasks to import")
        return Imported(plan, self.notes, file_dates, self.path, self.raw, self.root)

    def _clock(self, text, default: dt.time) -> dt.time:
        if not text:
            return default
        try:
            return dt.time.fromisoformat(text)
        except ValueError:
            return default

    def _start_date(self, when: dt.datetime) -> dt.date:
        """A start instant as a working day: at or after the day's finish it is the next day."""
        if when.time() >= self.finish_time:
            return when.date() + dt.timedelta(days=1)
        return when.date()

    def _date(self, when, finish: bool = False):
        """A date-time as planner's day: a finish at or before the day's start belongs to the
        day before; a start at or after the day's finish to the day after."""
        if when is None:
            return None
        if finish:
            if when.time() <= self.start_time:
                return when.date() - dt.timedelta(days=1)
            return when.date()
        return self._start_date(when)

    def _span(self, raw_tasks, plan_start) -> tuple[dt.date, dt.date]:
        days = [plan_start]
        for r in raw_tasks:
            for k in ("start", "finish"):
                if r[k] is not None:
                    days.append(r[k].date())
        return min(days), max(days)

    # -- tasks --------------------------------------------------------------------------------
    def _task(self, k: int, el) -> dict | None:
        uid_el = self.child(el, "UID")
        uid = self.int(el, "UID")
        if uid is None:
            raise self.fail(el if uid_el is None else uid_el, "a <Task> needs a <UID>")
        if self.bool(el, "IsNull"):
            return None
        level = self.int(el, "OutlineLevel", 1)
        rec = {"k": k, "el": el, "uid": uid, "level": level, "name": self.text(el, "Name", ""),
               "start": self.datetime(el, "Start"), "finish": self.datetime(el, "Finish"),
               "notes": self.text(el, "Notes", ""), "project_summary": uid == 0 or level == 0,
               "skip": None}
        if rec["project_summary"]:
            return rec
        if level < 1:
            raise self.fail(self.child(el, "OutlineLevel"),
                            f"<OutlineLevel> {level} is not 1 or more")
        if self.bool(el, "ExternalTask") or self.bool(el, "IsSubproject"):
            rec["skip"] = "external task or inserted project"
        elif not self.bool(el, "Active", True):
            rec["skip"] = "inactive"
        if self.bool(el, "Manual"):
            self.notes.append(f"task UID {uid} is manually scheduled in the file; planner "
                              f"schedules every task automatically")
        minutes = self.minutes(el, "Duration")
        fmt = self.int(el, "DurationFormat", FMT_DAYS)
        rec["duration_minutes"] = minutes
        rec["duration_format"] = fmt
        rec["milestone"] = self.bool(el, "Milestone")
        ctype = self.int(el, "ConstraintType", 0)
        if ctype not in CONSTRAINT_NAME:
            raise self.fail(self.child(el, "ConstraintType"),
                            f"<ConstraintType> {ctype} is not one of MS Project's 0-7")
        rec["constraint"] = CONSTRAINT_NAME[ctype]
        rec["constraint_date"] = self.datetime(el, "ConstraintDate")
        if CONSTRAINT_NAME[ctype] not in ("ASAP", "ALAP") and rec["constraint_date"] is None:
            raise self.fail(self.child(el, "ConstraintType"),
                            f"constraint {CONSTRAINT_NAME[ctype]} needs a <ConstraintDate>")
        rec["deadline"] = self.datetime(el, "Deadline")
        rec["leveling_delay"] = self.int(el, "LevelingDelay", 0)
        rec["leveling_format"] = self.int(el, "LevelingDelayFormat", FMT_EDAYS)
        rec["links"] = self.children(el, "PredecessorLink")
        rec["planner_id"] = None
        for ea in self.children(el, "ExtendedAttribute"):
            if self.text(ea, "FieldID") == ID_FIELD and self._id_field_is_ours():
                rec["planner_id"] = self.text(ea, "Value")
        return rec

    def _id_field_is_ours(self) -> bool:
        if not hasattr(self, "_ours"):
            self._ours = any(self.text(ea, "FieldID") == ID_FIELD
                             and self.text(ea, "Alias") == ID_ALIAS
                             for ea in self.children(self.child(self.root, "ExtendedAttributes"),
                                                 "ExtendedAttribute"))
        return self._ours

    def _days(self, minutes: float, per_day: float, what: str, uid: int) -> int:
        days = minutes / per_day
        whole = int(math.floor(abs(days) + 0.5)) * (1 if days >= 0 else -1)
        if abs(days - whole) > 1e-6:
            self.notes.append(f"task UID {uid}: {what} of {days:g} days rounded to {whole}")
        return whole

    def _outline(self, raw_tasks, wcal: WorkCalendar) -> list[Task]:
        tasks: list[Task] = []
        stack: list[dict] = []          # open ancestors (records)
        skip_below = None
        ids: dict[str, dict] = {}
        prev_level = 0
        for r in raw_tasks:
            level = r["level"]
            if level > prev_level + 1:
                raise self.fail(self.child(r["el"], "OutlineLevel"),
                                f"task UID {r['uid']}: <OutlineLevel> jumps from {prev_level} "
                                f"to {level}")
            prev_level = level
            if skip_below is not None:
                if level > skip_below:
                    r["skip"] = r["skip"] or "under a skipped summary"
                    continue
                skip_below = None
            if r["skip"]:
                self.notes.append(f"task UID {r['uid']} {r['name']!r} left out: {r['skip']}")
                skip_below = level
                continue
            while stack and stack[-1]["level"] >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            tid = self._task_id(r)
            if tid in ids:
                raise self.fail(r["el"], f"task id {tid!r} is used twice (also by task UID "
                                         f"{ids[tid]['uid']})")
            ids[tid] = r
            t = Task(id=tid, name=r["name"], parent=parent["task"].id if parent else None,
                     outline_level=len(stack) + 1, notes=r["notes"], src=("Tasks", r["k"]))
            r["task"] = t
            if parent is not None:
                parent["task"].summary = True
                parent["task"].duration = None
            minutes = r["duration_minutes"]
            fmt = r["duration_format"]
            fmt = fmt - 32 if fmt >= 35 else fmt
            if minutes is None:
                t.duration = 0 if r["milestone"] else None
            elif fmt in ELAPSED_FORMATS:
                ed = minutes / ELAPSED_MINUTES_PER_DAY
                t.duration = self._days(ed * len(wcal.cal.workweek) * self.mpd / 7, self.mpd,
                                        "elapsed duration (as working days)", r["uid"])
            else:
                t.duration = self._days(minutes, self.mpd, "duration", r["uid"])
            if t.duration is not None and t.duration < 0:
                raise self.fail(self.child(r["el"], "Duration"),
                                f"task UID {r['uid']}: negative <Duration>")
            if r["milestone"] and t.duration:
                self.notes.append(f"task UID {r['uid']} is marked as a milestone but lasts "
                                  f"{t.duration} days; planner's milestones have duration 0")
            c = r["constraint"]
            if c != "ASAP":
                when = r["constraint_date"]
                t.constraint = Constraint(c, None if when is None else
                                          self._date(when, c in FINISH_CONSTRAINTS))
            if r["deadline"] is not None:
                t.deadline = self._date(r["deadline"], True)
            t.leveling_delay = self._leveling_delay(r, wcal)
            tasks.append(t)
            stack.append(r)
        for r in raw_tasks:
            t = r.get("task")
            if t is not None and not t.summary and t.duration is None:
                raise self.fail(r["el"], f"task UID {r['uid']} has no <Duration>")
            if t is not None and t.summary and t.constraint is not None:
                self.notes.append(f"summary task UID {r['uid']}: its {t.constraint.type} "
                                  f"constraint is dropped (MS Project-compatible scheduling "
                                  f"does not apply constraints of summary tasks)")
                t.constraint = None
        return tasks

    def _task_id(self, r) -> str:
        pid = r["planner_id"]
        if pid and not any(ch in pid for ch in " ;,"):
            return pid
        return str(r["uid"])

    def _leveling_delay(self, r, wcal: WorkCalendar) -> int:
        value = r["leveling_delay"]
        if not value:
            return 0
        fmt = r["leveling_format"]
        fmt = fmt - 32 if fmt >= 35 else fmt
        minutes = value / 10
        if fmt in PERCENT_FORMATS:
            self.notes.append(f"task UID {r['uid']}: a levelling delay in percent is not "
                              f"carried")
            return 0
        if fmt in ELAPSED_FORMATS:
            # elapsed days before the task's start in the file, counted as working days
            ed = minutes / ELAPSED_MINUTES_PER_DAY
            if r["start"] is not None:
                s = self._start_date(r["start"])
                days = wcal.working_days(s - dt.timedelta(days=math.ceil(ed)),
                                         s - dt.timedelta(days=1))
            else:
                days = round(ed * len(wcal.cal.workweek) / 7)
            self.notes.append(f"task UID {r['uid']}: levelling delay of {ed:g} elapsed days "
                              f"carried as {days} working days")
            return max(days, 0)
        return max(self._days(minutes, self.mpd, "levelling delay", r["uid"]), 0)

    def _links(self, raw_tasks, by_uid) -> None:
        for r in raw_tasks:
            t = r.get("task")
            if t is None:
                continue
            for el in r["links"]:
                puid = self.int(el, "PredecessorUID")
                if puid is None:
                    raise self.fail(el, f"task UID {r['uid']}: a <PredecessorLink> needs a "
                                        f"<PredecessorUID>")
                if self.bool(el, "CrossProject"):
                    self.notes.append(f"task UID {r['uid']}: link to another project left out")
                    continue
                pred = by_uid.get(puid)
                if pred is None:
                    if any(x["uid"] == puid for x in raw_tasks):
                        self.notes.append(f"task UID {r['uid']}: link from left-out task UID "
                                          f"{puid} left out")
                        continue
                    raise self.fail(el, f"task UID {r['uid']}: <PredecessorUID> {puid} is not "
                                        f"a task in this file")
                if puid == r["uid"]:
                    raise self.fail(el, f"task UID {r['uid']} is its own predecessor")
                code = self.int(el, "Type", 1)
                if code not in LINK_TYPE_NAME:
                    raise self.fail(self.child(el, "Type"), f"link <Type> {code} is not 0 "
                                                            f"(FF), 1 (FS), 2 (SF) or 3 (SS)")
                lag_value = self.int(el, "LinkLag", 0)
                fmt = self.int(el, "LagFormat", FMT_DAYS)
                fmt = fmt - 32 if fmt >= 35 else fmt
                unit = "d"
                lag = 0
                if lag_value:
                    if fmt in PERCENT_FORMATS:
                        pdur = pred["task"].duration or 0
                        lag = self._days(lag_value / 100 * pdur, 1, "lag in percent", r["uid"])
                    elif fmt in ELAPSED_FORMATS:
                        unit = "ed"
                        lag = self._days(lag_value / 10, ELAPSED_MINUTES_PER_DAY,
                                         "elapsed lag", r["uid"])
                    else:
                        lag = self._days(lag_value / 10, self.mpd, "lag", r["uid"])
                t.predecessors.append(Link(pred=pred["task"].id, type=LINK_TYPE_NAME[code],
                                           lag=lag, lag_unit=unit if lag else "d",
                                           src=("Tasks", r["k"], "predecessors",
                                                len(t.predecessors))))

    # -- resources ----------------------------------------------------------------------------
    def _resources(self, root, calendars) -> dict:
        out: dict = {}
        used: set = set()
        for k, el in enumerate(self.children(self.child(root, "Resources"), "Resource")):
            uid = self.int(el, "UID")
            if uid is None:
                raise self.fail(el, "a <Resource> needs a <UID>")
            name = self.text(el, "Name")
            if uid == 0 or self.bool(el, "IsNull") or not name:
                continue
            rtype = self.int(el, "Type", 1)
            if rtype != 1 or self.bool(el, "IsCostResource"):
                self.notes.append(f"resource UID {uid} {name!r} left out: planner carries work "
                                  f"resources (people and roles) only")
                continue
            rid = self.text(el, "Code")
            if not rid or rid in used:
                rid = str(uid)
            used.add(rid)
            cap = self.float(el, "MaxUnits", 1.0)
            if cap <= 0:
                self.notes.append(f"resource UID {uid}: <MaxUnits> {cap:g} read as 1")
                cap = 1.0
            absences = []
            cal = calendars.get(self.int(el, "CalendarUID"))
            if cal is not None:
                for a, b, ename, working in self._exceptions(cal):
                    absences.append(CalendarException(a, b, ename, working))
            out[uid] = Resource(id=rid, name=name, capacity=cap, absences=absences,
                                assumption=self.int(el, "BookingType", 0) == 1,
                                notes=self.text(el, "Notes", ""), src=("Resources", k))
        return out

    def _assignments(self, root, by_uid, resources) -> None:
        for el in self.children(self.child(root, "Assignments"), "Assignment"):
            r = by_uid.get(self.int(el, "TaskUID"))
            res = resources.get(self.int(el, "ResourceUID"))
            if r is None or res is None:
                continue
            t = r["task"]
            units = self.float(el, "Units", 1.0)
            if units <= 0:
                continue
            if any(a.resource == res.id for a in t.assignments):
                self.notes.append(f"task UID {r['uid']}: resource {res.id!r} assigned twice; "
                                  f"the first assignment kept")
                continue
            t.assignments.append(Assignment(res.id, units))

    # -- calendars ----------------------------------------------------------------------------
    def _exceptions(self, cal) -> list[tuple]:
        """(first, last, name, working) for every exception of one calendar element: the
        Project 2007 form when present, else the legacy ``WeekDay`` ``DayType`` 0 form."""
        out = []
        excs = self.child(cal, "Exceptions")
        if excs is not None:
            for ex in self.children(excs, "Exception"):
                out.extend(self._exception(ex))
        else:
            for wd in self.children(self.child(cal, "WeekDays"), "WeekDay"):
                if self.int(wd, "DayType") == 0:
                    tp = self.child(wd, "TimePeriod")
                    a, b = self.datetime(tp, "FromDate"), self.datetime(tp, "ToDate")
                    if a is not None and b is not None:
                        out.append((a.date(), b.date(), "", self.bool(wd, "DayWorking")))
        return out

    def _exception(self, ex) -> list[tuple]:
        from dateutil import rrule

        tp = self.child(ex, "TimePeriod")
        a, b = self.datetime(tp, "FromDate"), self.datetime(tp, "ToDate")
        if a is None or b is None:
            return []
        a, b = a.date(), b.date()
        if b < a:
            raise self.fail(tp, f"exception ends ({b.isoformat()}) before it starts "
                                f"({a.isoformat()})")
        name = self.text(ex, "Name", "")
        working = self.bool(ex, "DayWorking")
        typ = self.int(ex, "Type", 1)
        period = self.int(ex, "Period", 1) or 1
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
            mask = self.int(ex, "DaysOfWeek", 0)
            wds = [rrule.weekday(_PLANNER_DAY[bit + 1]) for bit in range(7) if mask >> bit & 1]
            days = list(rrule.rrule(rrule.WEEKLY, byweekday=wds, **kw)) if wds else []
        elif typ in (2, 4):
            mday = self.int(ex, "MonthDay", a.day)
            if typ == 2:
                kw["bymonth"] = self.int(ex, "Month", a.month - 1) + 1
            days = list(rrule.rrule(rrule.YEARLY if typ == 2 else rrule.MONTHLY,
                                    bymonthday=mday, **kw))
        elif typ in (3, 5):
            item = self.int(ex, "MonthItem", 3)
            pos_ = self.int(ex, "MonthPosition", 0)
            if not 3 <= item <= 9:
                self.notes.append(f"calendar exception {name!r}: a recurrence on 'day', "
                                  f"'weekday' or 'weekend day' of the month is not carried")
                return []
            wd = rrule.weekday(_PLANNER_DAY[item - 2], -1 if pos_ >= 4 else pos_ + 1)
            if typ == 3:
                kw["bymonth"] = self.int(ex, "Month", a.month - 1) + 1
            days = list(rrule.rrule(rrule.YEARLY if typ == 3 else rrule.MONTHLY,
                                    byweekday=wd, **kw))
        else:
            raise self.fail(self.child(ex, "Type"),
                            f"exception <Type> {typ} is not one of MS Project's 1-7")
        return [(d.date(), d.date(), name, working) for d in days]

    def _week(self, cal, calendars, depth=0) -> tuple:
        """The working weekdays (planner numbers) of a calendar, through its base calendars."""
        known = {}
        for wd in self.children(self.child(cal, "WeekDays"), "WeekDay"):
            day = self.int(wd, "DayType")
            if day and 1 <= day <= 7:
                known[_PLANNER_DAY[day]] = self.bool(wd, "DayWorking")
        base = calendars.get(self.int(cal, "BaseCalendarUID"))
        if len(known) < 7 and base is not None and base is not cal and depth < 10:
            inherited = set(self._week(base, calendars, depth + 1))
            for d in range(7):
                known.setdefault(d, d in inherited)
        return tuple(d for d in range(7) if known.get(d, d < 5))

    def _plan_calendar(self, cal, calendars, span):
        """The file's project calendar as one of planner's base calendars, plus the seasons and
        exceptions that give the same working days."""
        if cal is None:
            workweek, overrides, name = (0, 1, 2, 3, 4), {}, ""
        else:
            workweek = self._week(cal, calendars)
            chain = []
            c, depth = cal, 0
            while c is not None and depth < 10:
                chain.append(c)
                base = calendars.get(self.int(c, "BaseCalendarUID"))
                c = base if base is not c else None
                depth += 1
            overrides = {}
            for c in reversed(chain):           # the base's exceptions first, then its own
                for a, b, ename, working in self._exceptions(c):
                    for o in range(a.toordinal(), b.toordinal() + 1):
                        overrides[o] = (working, ename)
            name = self.text(cal, "Name", "")
            self._work_weeks(cal, overrides, span)
        return fold_calendar(workweek, overrides, span, name, self.near)

    def _work_weeks(self, cal, overrides, span) -> None:
        """Project 2007 work weeks (another week for a range of dates) as day overrides."""
        for ww in self.children(self.child(cal, "WorkWeeks"), "WorkWeek"):
            tp = self.child(ww, "TimePeriod")
            a, b = self.datetime(tp, "FromDate"), self.datetime(tp, "ToDate")
            if a is None or b is None:
                continue
            days = {}
            for wd in self.children(self.child(ww, "WeekDays"), "WeekDay"):
                day = self.int(wd, "DayType")
                if day and 1 <= day <= 7:
                    days[_PLANNER_DAY[day]] = self.bool(wd, "DayWorking")
            lo = max(a.date(), dt.date(span[0].year, 1, 1))
            hi = min(b.date(), dt.date(span[1].year, 12, 31))
            for o in range(lo.toordinal(), hi.toordinal() + 1):
                wday = dt.date.fromordinal(o).weekday()
                if wday in days and o not in overrides:
                    overrides[o] = (days[wday], self.text(ww, "Name", ""))


def read_mspdi(path: str, near: str | None = None) -> Imported:
    """Read an MSPDI file into a plan.  ``near`` is where the plan will be saved: planner's
    calendars are looked up beside it (and among the installed ones)."""
    import gc

    # millions of acyclic elements: the cyclic collector would only rescan them again and
    # again (a 100k-task file reads in half the time without it)
    enabled = gc.isenabled()
    gc.disable()
    try:
        raw, root = _parse_xml(path)
        return _Reader(path, raw, root, near).read()
    finally:
        if enabled:
            gc.enable()


# -- folding a calendar back into planner's base calendars ---------------------------------------
def _normal(state, wday: int, workweek) -> tuple:
    """A day's state in the terms that matter to a calendar with ``workweek``: on its working
    weekdays, whether the day works and, if not, the name of the break; on its days off, whether
    the day works and, if it does, the name of the exception that makes it work."""
    working, name = state
    if wday in workweek:
        return ("w",) if working else ("n", name or "exception")
    return ("w", name or "") if working else ("n",)


def _day_states(cdef, first: dt.date, last: dt.date) -> dict:
    """{ordinal: (working, name)} for the days ``cdef`` does not treat as its plain week."""
    wc = WorkCalendar(cdef, first)
    out = {}
    for a, b, name, kind in wc.nonworking_periods(first, last):
        for o in range(a.toordinal(), b.toordinal() + 1):
            if kind == "working":
                out[o] = (True, name)
            elif dt.date.fromordinal(o).weekday() in cdef.workweek:
                out[o] = (False, name)
    return out


def fold_calendar(workweek, overrides: dict, span, file_name: str, near: str | None):
    """The calendar of a file (a working week plus ``{ordinal: (working, name)}`` exceptions) as
    a planner calendar: the base calendar, holiday seasons and dated exceptions that give the
    same working days, and the same names for the days off, over the whole years from the
    earliest to the latest of the schedule and the exceptions.  Among planner's calendars the
    one that needs the fewest dated exceptions wins; a season is taken when every day it covers
    is off under the season's own name."""
    import dataclasses

    from .calendars import (available_calendars, find_calendar_file, load_calendar_file,
                            resolve_plan_calendar)

    ords = list(overrides)
    lo = min([span[0].toordinal()] + ords)
    hi = max([span[1].toordinal()] + ords)
    first = dt.date(dt.date.fromordinal(lo).year, 1, 1)
    last = dt.date(dt.date.fromordinal(hi).year, 12, 31)

    def file_state(o: int) -> tuple:
        if o in overrides:
            return overrides[o]
        return (dt.date.fromordinal(o).weekday() in workweek, "")

    best = None
    for cname in available_calendars(near):
        found = find_calendar_file(cname, near)
        if found is None:
            continue
        base = load_calendar_file(found)
        f = max(first, dt.date(base.first_year, 1, 1))
        la = min(last, dt.date(base.last_year, 12, 31))
        if la < f:
            continue
        ww = set(base.workweek)
        held = _day_states(base, f, la)
        covered = {o for o, (working, _n) in held.items() if not working}
        chosen = []
        for rule in base.catalog.values():
            label = rule.label or rule.name
            days = []
            for year in range(f.year, la.year + 1):
                for a, b in season_ranges(rule, year):
                    for o in range(max(a, f).toordinal(), min(b, la).toordinal() + 1):
                        if dt.date.fromordinal(o).weekday() in ww and o not in covered:
                            days.append(o)
            if days and all(_normal(file_state(o), dt.date.fromordinal(o).weekday(), ww)
                            == ("n", label) for o in days):
                chosen.append(rule)
                covered.update(days)
        cand = dataclasses.replace(base, seasons=tuple(chosen))
        states = _day_states(cand, f, la)
        mismatch = []
        for o in range(f.toordinal(), la.toordinal() + 1):
            wday = dt.date.fromordinal(o).weekday()
            mine = _normal(file_state(o), wday, ww)
            theirs = _normal(states.get(o, (wday in ww, "")), wday, ww)
            if mine != theirs:
                mismatch.append((o, mine, theirs))
        score = (len(mismatch), base.name != file_name, len(chosen), base.name)
        if best is None or score < best[0]:
            best = (score, base, chosen, mismatch)
    if best is None:
        raise PlanError("no planner calendar covers the years of this file")
    _score, base, chosen, mismatch = best
    spec = {"base": base.name, "seasons": [r.name for r in chosen],
            "exceptions": _exception_runs(mismatch, lambda o: _normal(
                file_state(o), dt.date.fromordinal(o).weekday(), set(base.workweek)) == ("n",))}
    return resolve_plan_calendar(spec, near)


def _exception_runs(mismatch, quiet) -> list[dict]:
    """Days that differ, as few dated exceptions: consecutive days with the same state form one
    range, and a non-working range runs on over plain days off (``quiet(ordinal)``), which it
    does not change."""
    runs: list[list] = []
    for o, mine, theirs in mismatch:
        working = mine[0] == "w"
        name = mine[1] if len(mine) > 1 else ""
        if name == "exception" and not working:
            name = ""
        if runs and runs[-1][2] == working and runs[-1][3] == name:
            gap = range(runs[-1][1] + 1, o)
            if o == runs[-1][1] + 1 or (not working and all(quiet(x) for x in gap)):
                runs[-1][1] = o
                continue
        runs.append([o, o, working, name])
    out = []
    for a, b, working, name in runs:
        item: dict = {"from": dt.date.fromordinal(a).isoformat(),
                      "to": dt.date.fromordinal(b).isoformat()}
        if name:
            item["name"] = name
        if working:
            item["working"] = True
        out.append(item)
    return out
