"""Writing ``<Tasks>``: the project summary task (UID 0), then every task of the plan.

Elements follow the pj12 schema's order.  Each task is written with its scheduled dates,
early/late dates and slack, ``ActualDuration``/``RemainingDuration`` and its own constraint,
and stays auto-scheduled (``Manual`` 0; a manual task of the plan is ``Manual`` 1 at its
dates), so MS Project recomputes the same dates.  An elapsed duration is written in elapsed
days (``DurationFormat`` 8); a split task's pauses go into its assignments' timephased work
(:mod:`.writer`).  A new task
field goes into :func:`write_task` at its place in the schema's order.
"""
from __future__ import annotations

from ...model import Link, Plan, Task
from ...schedule import Schedule, pos
from ...working_time import to_days
from .clock import WriteClock
from .fields import (CONSTRAINT_CODE, ELAPSED_MINUTES_PER_DAY, FINISH_CONSTRAINTS, FMT_DAYS,
                     FMT_EDAYS, ID_FIELD, LINK_TYPE_CODE, duration_text)
from .writer_calendars import calendar_uids
from .writer_progress import (floor_constraint, project_baselines, project_progress,
                              task_baselines, task_progress, write_baseline, write_stop_resume,
                              write_task_progress)
from .xml import XmlWriter


def write_tasks(x: XmlWriter, sched: Schedule, clock: WriteClock, uids: list[int],
                carry_id: list[bool], baselines: dict | None = None) -> None:
    """``<Tasks>``; ``uids[i]`` is the UID of task i, ``carry_id[i]`` whether its planner id
    travels in the custom field (:func:`~planner.io.mspdi.fields.task_uids`); ``baselines``:
    the saved baselines by name (:class:`~planner.tracking.Baseline`), written per task."""
    plan = sched.plan
    uid_of = {t.id: uids[i] for i, t in enumerate(plan.tasks)}
    uid_of.update({("calendar", name): uid for name, uid in calendar_uids(plan).items()})
    res_cal = {r.id for r in plan.resources if r.calendar}
    baselines = baselines or {}
    x.open("Tasks")
    write_summary_task(x, sched, clock, baselines)
    outline = outline_numbers(plan)
    for i, t in enumerate(plan.tasks):
        write_task(x, sched, clock, i, t, uids[i], outline[i], carry_id[i], uid_of, res_cal,
                   task_baselines(baselines, t.id) if baselines else ())
    x.close("Tasks")


def outline_numbers(plan: Plan) -> list[str]:
    """Each task's outline number (``1``, ``1.1``, ``1.2``, ``2``...), also written as WBS."""
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


def write_summary_task(x: XmlWriter, sched: Schedule, clock: WriteClock,
                       baselines: dict) -> None:
    """UID 0: MS Project's project summary task (outline level 0), holding the plan's notes
    and each baseline's project dates."""
    plan = sched.plan
    top = [i for i, t in enumerate(plan.tasks) if t.parent is None]
    ps = min(sched.start[i] for i in top)          # rolled up like any summary: a task may
    pf = max(sched.finish[i] for i in top)         # start before the project (SF, MSO, ...)
    es = min(sched.es[i] for i in top)
    ef = max(sched.ef[i] for i in top)
    manual = sched.net.fixed or {}                 # a manual task rolls up its own dates
    ls = min(sched.es[i] if i in manual else sched.ls[i] for i in top)
    lf = max(sched.ef[i] if i in manual else sched.lf[i] for i in top)
    scale = sched.scale             # positions per day: minutes in a part-day plan
    days = to_days(pos(pf) - pos(ps), scale)
    prog = project_progress(sched, days)
    total = to_days(min(pos(ls) - pos(es), pos(lf) - pos(ef)), scale)
    critical = any(sched.critical[i] for i in top)
    if prog.actual_start is not None:          # started: by its own finish float, as a
        total = to_days(pos(lf) - pos(ef), scale)      # summary with progress is
        critical = total <= 0 and prog.percent != 100
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
    x.el("Critical", critical)
    x.el("EarlyStart", clock.at(es))
    x.el("EarlyFinish", clock.at(ef))
    x.el("LateStart", clock.at(ls))
    x.el("LateFinish", clock.at(lf))
    x.el("FreeSlack", clock.tenths(max(total, 0)))     # a summary's free slack: its total
    x.el("TotalSlack", clock.tenths(total))
    write_task_progress(x, clock, prog)
    x.el("ConstraintType", 0)
    x.el("CalendarUID", -1)
    x.el("Notes", plan.notes or None)
    for number, start, finish, bdays in project_baselines(baselines):
        write_baseline(x, clock, number, start, finish, bdays)
    x.close("Task")


def write_task(x: XmlWriter, sched: Schedule, clock: WriteClock, i: int, t: Task, uid: int,
               outline: str, carry_id: bool, uid_of: dict, res_cal: set = frozenset(),
               baselines=()) -> None:
    """Task ``i`` of the schedule, ``t``, as one ``<Task>`` with its predecessor links, its
    progress and ``baselines`` (``[(number, BaselineTask)]``); ``res_cal``: the resources
    that have a calendar."""
    days = sched.duration[i]
    prog = task_progress(sched, i)
    elapsed = t.duration_unit == "ed" and not t.summary
    # a task on its resources' calendars is fixed units, so that MS Project (and MPXJ) spread
    # its work over their working time; every other task has a fixed duration
    on_resources = not t.ignore_resource_calendar and any(a.resource in res_cal
                                                          for a in t.assignments)
    x.open("Task")
    x.el("UID", uid)
    x.el("ID", i + 1)
    x.el("Name", t.name)
    x.el("Manual", t.manual)                   # a manual task keeps its dates in MS Project
    x.el("Type", 0 if on_resources else 1)
    x.el("IsNull", False)
    x.el("WBS", outline)
    x.el("OutlineNumber", outline)
    x.el("OutlineLevel", t.outline_level)
    x.el("Start", clock.at(sched.start[i]))
    x.el("Finish", clock.at(sched.finish[i]))
    duration = (duration_text(t.duration * ELAPSED_MINUTES_PER_DAY) if elapsed
                else clock.duration(days))
    x.el("Duration", duration)
    x.el("DurationFormat", FMT_EDAYS if elapsed else FMT_DAYS)
    work = 0.0
    for a in t.assignments:
        work += days * clock.minutes_per_day * a.units
    x.el("Work", duration_text(round(work)))
    write_stop_resume(x, clock, prog)
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
    write_task_progress(x, clock, prog)
    c = t.constraint
    ctype = c.type if c is not None else "ASAP"
    floor = floor_constraint(sched, i)
    if floor is not None:
        ctype = "SNET"                         # MS Project's Update Project (writer_progress)
    x.el("ConstraintType", CONSTRAINT_CODE[ctype])
    x.el("CalendarUID", uid_of[("calendar", t.calendar)] if t.calendar else -1)
    if floor is not None:
        x.el("ConstraintDate", clock.at(floor))
    elif c is not None and c.date is not None:
        cal = sched.calendar
        key = cal.finish_key(c.date) if ctype in FINISH_CONSTRAINTS else cal.start_key(c.date)
        x.el("ConstraintDate", clock.at(key))
    if t.deadline is not None:
        x.el("Deadline", clock.at(sched.calendar.finish_key(t.deadline)))
    if t.leveling_delay:
        x.el("LevelingDelay", clock.tenths(t.leveling_delay))
        x.el("LevelingDelayFormat", FMT_DAYS)
    if t.assignments:
        x.el("IgnoreResourceCalendar", not on_resources)
    x.el("Notes", t.notes or None)
    for link in t.predecessors:
        write_link(x, clock, link, uid_of)
    if carry_id:
        x.open("ExtendedAttribute")
        x.el("FieldID", ID_FIELD)
        x.el("Value", t.id)
        x.close("ExtendedAttribute")
    for number, b in baselines:
        write_baseline(x, clock, number, b.start, b.finish, b.duration)
    x.close("Task")


def write_link(x: XmlWriter, clock: WriteClock, link: Link, uid_of: dict) -> None:
    """One ``<PredecessorLink>``: a lag in working days is written in the file's working
    minutes, a lag in elapsed days in 24-hour days, both in tenths of minutes."""
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
