"""The critical-path method, start to finish: compile the plan, forward pass, summary logic,
backward pass, ALAP pass, roll-up, floats and the checks, in that order."""
from __future__ import annotations

import datetime as dt
import gc

from ..calendar import WorkCalendar
from ..errors import PlanError
from ..model import Plan
from ..working_time import plan_calendar, scaled_plan, to_days
from .checks import check_summary_durations
from .keys import ALAP
from .network import compile_plan
from .passes import backward_pass, forward_pass
from .progress import (DONE, alap_remaining, compile_progress, finish_progress,
                       progress_floats, settle_late_starts)
from .result import Schedule
from .rollup import expand_summary_links, free_float, rollup, total_float
from .special import compile_special, report_durations


def schedule(plan: Plan, cal: WorkCalendar | None = None) -> Schedule:
    """Schedule ``plan`` (pure: the plan is not changed).

    >>> import datetime as dt
    >>> from planner.model import CalendarDef, Link, Plan, Task
    >>> plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"),
    ...             [Task("a", "Design", 3), Task("b", "Build", 2, predecessors=[Link("a")])])
    >>> sched = schedule(plan)
    >>> sched.project_finish, sched.critical_tasks()
    (datetime.date(2024, 1, 5), ['a', 'b'])
    """
    # The passes allocate only acyclic containers; pausing the cyclic collector avoids
    # rescanning a large plan's objects many times over (it halves the time at 100k tasks).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _schedule(plan, cal)
    finally:
        if enabled:
            gc.enable()


def _schedule(plan: Plan, cal: WorkCalendar | None) -> Schedule:
    try:
        return _passes(plan, cal)
    except PlanError as exc:        # a date beyond the calendar's years: the task's line
        i = getattr(exc, "task_index", None)
        if i is not None and 0 <= i < len(plan.tasks):
            exc.where(path=plan.tasks[i].src or None)
        raise


def _passes(plan: Plan, cal: WorkCalendar | None) -> Schedule:
    if cal is None:
        cal = plan_calendar(plan)
    shown = plan
    scale = getattr(cal, "scale", 1)
    if scale != 1:                  # part-day work: the passes count working minutes
        plan = scaled_plan(plan, scale)
    net = compile_plan(plan, cal)
    compile_special(plan, cal, net)
    net.progress = prog = compile_progress(plan, cal, net)
    n = len(net.ids)
    es = [0] * n
    ef = [0] * n
    ls = [0] * n
    lf = [0] * n
    pstart = cal.start_key(plan.start)
    if scale != 1 and plan.start_time is not None:
        pstart = cal.key_at(dt.datetime.combine(plan.start, plan.start_time))
    if not net.order:
        raise PlanError("the plan has no tasks to schedule", path=("tasks",))
    forward_pass(net, cal, es, ef, ls, lf, pstart, False)
    if net.summary_links:
        expand_summary_links(net, plan, es)
        forward_pass(net, cal, es, ef, ls, lf, pstart, False)
    order = net.order
    pfinish = max(ef[i] for i in order)
    backward_pass(net, cal, ls, lf, pfinish)
    if prog is not None:
        settle_late_starts(prog, net, ls)
    constraint = net.constraint
    alap = [c is not None and c[0] == ALAP for c in constraint]
    if prog is not None and True in alap:
        # actuals fix a done task's dates; a started one keeps its actual start and finishes
        # at its late finish, as a task not started does (MPXJ)
        alap = [a and st != DONE for a, st in zip(alap, prog.state)]
    if any(alap):
        forward_pass(net, cal, es, ef, ls, lf, pstart, True)

    start = [0] * n
    finish = [0] * n
    for i in order:
        if alap[i]:
            start[i], finish[i] = ls[i], lf[i]
        else:
            start[i], finish[i] = es[i], ef[i]
    if prog is not None and True in alap:
        alap_remaining(prog, alap, lf)
    dur = list(net.dur)
    report_durations(plan, net, es, ef, dur)
    rollup(net, plan, es, ef, ls, lf, start, finish, dur, alap)

    total = total_float(es, ef, ls, lf, alap)
    if prog is not None:
        progress_floats(prog, net, ef, lf, total, alap)
    free = free_float(net, start, finish, total)
    critical = [tf <= 0 for tf in total]
    if prog is not None:
        finish_progress(prog, net, es, ef, free, critical, cal.add_elapsed)
    if scale != 1:                  # durations and floats back in (fractions of) days
        dur, total, free = ([to_days(x, scale) for x in xs] for xs in (dur, total, free))
    sched = Schedule(shown, cal, net, es, ef, ls, lf, start, finish, dur, total, free,
                     critical, pstart, pfinish)
    check_summary_durations(shown, sched)
    # make sure every date the schedule reaches is inside the calendar's range
    for keys, pick in ((es, min), (ls, min), (ef, max), (lf, max)):
        k = pick(keys)
        try:
            cal.date(k // 2)
        except PlanError as exc:
            exc.task_index = keys.index(k)
            raise
    return sched
