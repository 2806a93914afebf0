"""Writing a schedule as MSPDI: the project header, then calendars, tasks, resources and
assignments, in the pj12 schema's order (what MPXJ's ``MSPDIWriter`` emits and MS Project
accepts).  The same schedule gives the same text.

Calendars are written by :mod:`.writer_calendars`, tasks and their links by
:mod:`.writer_tasks`; this module holds the document and the project-level elements.
"""
from __future__ import annotations

from ...model import Plan
from ...schedule import Schedule
from .clock import WriteClock
from .fields import (FMT_DAYS, ID_ALIAS, ID_FIELD, ID_FIELD_NAME, NS, SAVE_VERSION,
                     resource_name, task_uids, units_text)
from .writer_calendars import calendar_span, write_calendars
from .writer_progress import task_progress, write_stop_resume
from .writer_tasks import write_tasks
from .xml import XmlWriter


def schedule_to_mspdi(sched: Schedule, baselines: dict | None = None) -> str:
    """The scheduled plan as an MSPDI document (text; the same schedule gives the same text).
    ``baselines``: saved baselines by name (:func:`planner.io.baselines_yaml.load_baselines`),
    written as each task's ``<Baseline>`` elements (Number 0 for ``baseline``, 1-10 for
    ``baseline1``..``baseline10``)."""
    plan = sched.plan
    clock = WriteClock.of(sched.calendar)
    uids, carry_id = task_uids(plan)
    span = calendar_span(sched)
    x = XmlWriter()
    x.open("Project", f' xmlns="{NS}"')
    write_project_fields(x, sched, clock, any(carry_id))
    write_calendars(x, sched, clock, span)
    write_tasks(x, sched, clock, uids, carry_id, baselines)
    if plan.resources:
        write_resources(x, plan)
    if plan.resources or any(t.pauses for t in plan.tasks):
        write_assignments(x, sched, clock, uids)
    x.close("Project")
    return x.text()


def write_mspdi(sched: Schedule, path: str, baselines: dict | None = None) -> None:
    """Write :func:`schedule_to_mspdi` to ``path`` (all or nothing)."""
    from ..documents import write_atomic

    write_atomic(path, schedule_to_mspdi(sched, baselines))


def write_project_fields(x: XmlWriter, sched: Schedule, clock: WriteClock,
                         carry_ids: bool) -> None:
    """The project's own elements, before ``<Calendars>``; ``carry_ids``: declare the custom
    field that carries task ids that are not numbers."""
    plan = sched.plan
    cdef = sched.calendar.cal
    start_time, finish_time, mpd = clock.start_time, clock.finish_time, clock.minutes_per_day
    x.el("SaveVersion", SAVE_VERSION)
    x.el("Name", plan.name)
    x.el("Title", plan.name)
    x.el("ScheduleFromStart", True)
    x.el("StartDate", clock.at(sched.project_start_key) if sched.scale != 1 and plan.start_time
         else f"{plan.start.isoformat()}T{start_time}")     # as planned, even on a day off
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
    tracked = plan.tracked
    if tracked:                                # MS Project's option: retained logic
        x.el("SplitsInProgressTasks", plan.out_of_sequence == "retained_logic")
    x.el("WeekStartDay", 1)                    # Monday
    if tracked:                                # remaining work waits for the status date
        x.el("MoveRemainingStartsForward", plan.reschedule == "after_status_date")
    if plan.status_date:
        x.el("StatusDate", f"{plan.status_date.isoformat()}T{finish_time}")
    x.el("NewTaskStartDate", 0)
    x.el("NewTasksAreManual", False)           # Project 2010+: new tasks are auto-scheduled
    if carry_ids:
        x.open("ExtendedAttributes")
        x.open("ExtendedAttribute")
        x.el("FieldID", ID_FIELD)
        x.el("FieldName", ID_FIELD_NAME)
        x.el("Alias", ID_ALIAS)
        x.close("ExtendedAttribute")
        x.close("ExtendedAttributes")


def write_resources(x: XmlWriter, plan: Plan) -> None:
    """``<Resources>``: resource k has UID k + 1 and calendar UID k + 2."""
    x.open("Resources")
    for k, r in enumerate(plan.resources):
        x.open("Resource")
        x.el("UID", k + 1)
        x.el("ID", k + 1)
        x.el("Name", resource_name(r.name))
        x.el("Type", 1)                    # work resource
        x.el("IsNull", False)
        x.el("Code", r.id)
        x.el("MaxUnits", units_text(r.capacity))
        x.el("CalendarUID", 2 + k)
        x.el("Notes", r.notes or None)
        x.el("BookingType", 1 if r.assumption else 0)     # 1 = proposed
        x.close("Resource")
    x.close("Resources")


#: MS Project's resource UID of the assignment that holds an unassigned task's work
UNASSIGNED = -65535


def write_assignments(x: XmlWriter, sched: Schedule, clock: WriteClock, uids: list[int]) -> None:
    """``<Assignments>``, numbered from 1 in task order: each over its task's dates, with the
    work of its units over the task's duration.  A split task's assignments (an unassigned one
    when it has none, as MS Project saves it) carry its work day by day, with the pauses."""
    plan = sched.plan
    res_index = {r.id: k for k, r in enumerate(plan.resources)}
    x.open("Assignments")
    a_uid = 0
    for i, t in enumerate(plan.tasks):
        split = bool(t.pauses) and not t.summary
        prog = task_progress(sched, i) if t.assignments or split else None
        for a in t.assignments or ([None] if split else []):
            a_uid += 1
            units = a.units if a is not None else 1.0
            work = clock.work(sched.duration[i], units) if a is not None else clock.duration(0)
            x.open("Assignment")
            x.el("UID", a_uid)
            x.el("TaskUID", uids[i])
            x.el("ResourceUID", res_index[a.resource] + 1 if a is not None else UNASSIGNED)
            x.el("PercentWorkComplete", prog.percent)
            if prog.actual_finish is not None:
                x.el("ActualFinish", clock.at(prog.actual_finish))
            if prog.actual_start is not None:
                x.el("ActualStart", clock.at(prog.actual_start))
            x.el("ActualWork", clock.work(prog.actual, units) if a is not None
                 else clock.duration(0))
            x.el("Finish", clock.at(sched.finish[i]))
            x.el("RemainingWork", clock.work(prog.remaining, units) if a is not None
                 else clock.duration(0))
            x.el("Start", clock.at(sched.start[i]))
            write_stop_resume(x, clock, prog)
            x.el("Units", units_text(units))
            x.el("Work", work)
            if split:
                write_split_work(x, sched, clock, i, units, a_uid)
            x.close("Assignment")
    x.close("Assignments")


def write_split_work(x: XmlWriter, sched: Schedule, clock: WriteClock, i: int,
                     units: float, a_uid: int) -> None:
    """The remaining work (``TimephasedData`` type 1) of split task ``i``, one period per
    working day of its span: a day's work on its working days, none in its pauses."""
    spans = sched.work_spans(i)
    day = clock.work(1, units)
    none = clock.duration(0)
    for d in range(spans[0][0], spans[-1][1]):
        works = any(a <= d < b for a, b in spans)
        x.open("TimephasedData")
        x.el("Type", 1)
        x.el("UID", a_uid)
        x.el("Start", clock.at(2 * d))
        x.el("Finish", clock.at(2 * d + 1))
        x.el("Unit", 2)                     # days
        x.el("Value", day if works else none)
        x.close("TimephasedData")
