"""Each task's status at the status date, and the project leader's monthly view.

A task is ``done``, ``late`` (behind the reference at the status date, see
:func:`task_states`), ``started`` or ``not_started``.  The reference is a baseline when one is
given, else the plan as written (scheduled without its progress).
"""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from ..model import Plan
from ..schedule import Schedule, schedule
from ..schedule.keys import TYPE_NAME
from ..schedule.progress import DONE, STARTED
from .baseline import Baseline, baseline_of, project_variance, variances, working_days_between

LOOKAHEAD_DAYS = 28          # "starting in the next 4 weeks"


def without_progress(plan: Plan) -> Plan:
    """A copy of ``plan`` as written: no progress, no status applied."""
    new = copy.copy(plan)
    tasks = []
    for t in plan.tasks:
        if t.has_progress:
            t = copy.copy(t)
            t.actual_start = t.actual_finish = t.percent_complete = t.remaining_days = None
            t.progress_src = ()
        tasks.append(t)
    new.tasks = tasks
    new.reschedule = None
    new.status_source = None
    return new


def plan_reference(sched: Schedule) -> Baseline:
    """The plan as written, scheduled without progress, as a baseline named ``plan``."""
    return baseline_of(schedule(without_progress(sched.plan), None), "plan")


def task_states(sched: Schedule, reference: Baseline) -> list[str]:
    """``done``, ``late``, ``started`` or ``not_started`` per task (plan order) of a tracked
    schedule.  Late is behind the reference at the status date: not done though the reference
    finishes it by then, not started though the reference starts it by then, or started and
    forecast to finish after the reference finish.  Summaries by their rolled-up dates."""
    prog = sched.progress
    sd = sched.plan.status_date
    d = sched.date
    out = []
    for i, t in enumerate(sched.plan.tasks):
        st = prog.state[i]
        if st == DONE:
            out.append("done")
            continue
        b = reference.tasks.get(t.id)
        if b is not None and (b.finish <= sd or (st != STARTED and b.start <= sd) or
                              (st == STARTED and d(sched.finish[i]) > b.finish)):
            out.append("late")
        else:
            out.append("started" if st == STARTED else "not_started")
    return out


@dataclass(slots=True)
class StatusReport:
    """The monthly view of a tracked schedule (see :func:`status_report`)."""

    plan: str
    status_date: dt.date
    period_start: dt.date                 # first day of the period reported on
    previous_date: dt.date | None         # the previous status file's date, if given
    reference: str                        # the baseline's name, or "plan"
    finish: dict                          # forecast, baseline, variance (working, calendar)
    done: list = field(default_factory=list)
    in_progress: list = field(default_factory=list)
    late: list = field(default_factory=list)
    starting: list = field(default_factory=list)
    critical_entered: list | None = None  # None without a previous status
    critical_left: list | None = None
    out_of_sequence: list = field(default_factory=list)


def month_before(d: dt.date) -> dt.date:
    """The same day a month earlier (the last day of that month if it is shorter).

    >>> month_before(dt.date(2023, 10, 31)), month_before(dt.date(2024, 1, 15))
    (datetime.date(2023, 9, 30), datetime.date(2023, 12, 15))
    """
    y, m = (d.year, d.month - 1) if d.month > 1 else (d.year - 1, 12)
    day = d.day
    while True:
        try:
            return dt.date(y, m, day)
        except ValueError:
            day -= 1


def status_report(sched: Schedule, baseline: Baseline | None = None,
                  previous: Schedule | None = None) -> StatusReport:
    """What the leader tells the board: done this period (since the previous status date, or
    a month), in progress, late against the baseline, starting in the next four weeks, the
    finish forecast against the baseline, what entered or left the critical path since the
    previous status, and out-of-sequence progress."""
    plan = sched.plan
    prog = sched.progress
    sd = plan.status_date
    ref = baseline if baseline is not None else plan_reference(sched)
    states = task_states(sched, ref)
    var = variances(sched, ref)
    prev_date = previous.plan.status_date if previous is not None else None
    since = prev_date if prev_date is not None else month_before(sd)
    fin_w, fin_c = project_variance(sched, ref)
    rep = StatusReport(plan.name, sd, since + dt.timedelta(days=1), prev_date, ref.name,
                       {"forecast": sched.project_finish, "baseline": ref.finish,
                        "variance_days": fin_w, "variance_calendar_days": fin_c})
    d = sched.date
    soon = sd + dt.timedelta(days=LOOKAHEAD_DAYS)
    for i, t in enumerate(plan.tasks):
        if t.summary:
            continue
        row = {"id": t.id, "name": t.name, "start": d(sched.start[i]),
               "finish": d(sched.finish[i]), "critical": sched.critical[i],
               "finish_variance_days": var[i].finish_days if var[i] else None}
        st = prog.state[i]
        if st == DONE:
            if since < row["finish"]:
                rep.done.append(row)
        elif st == STARTED:
            resume = prog.resume[i]
            rep.in_progress.append({**row, "percent_complete": prog.percent[i],
                                    "remaining_days": prog.remaining[i],
                                    "resume": d(resume) if prog.split(i) else None})
        elif sd < row["start"] <= soon:
            rep.starting.append(row)
        if states[i] == "late":
            rep.late.append({**row, "baseline_finish": var[i].baseline_finish})
    if previous is not None:
        rep.critical_entered, rep.critical_left = _critical_changes(sched, previous)
    ids = sched.net.ids
    rep.out_of_sequence = [{"predecessor": ids[p], "task": ids[s], "type": TYPE_NAME[typ],
                            "predecessor_start": d(sched.start[p]),
                            "predecessor_finish": d(sched.finish[p]),
                            "task_start": d(sched.start[s]), "task_finish": d(sched.finish[s])}
                           for p, s, typ in prog.out_of_sequence]
    return rep


def _critical_changes(sched: Schedule, previous: Schedule) -> tuple[list, list]:
    """Leaf tasks that became critical, and those that left the critical path (other than by
    finishing), since ``previous``."""
    before = {previous.net.ids[i] for i in previous.net.order if previous.critical[i]}
    prog = sched.progress
    entered, left = [], []
    for i, t in enumerate(sched.plan.tasks):
        if t.summary:
            continue
        row = {"id": t.id, "name": t.name, "total_float_days": sched.total_float[i]}
        if sched.critical[i] and t.id not in before:
            entered.append(row)
        elif not sched.critical[i] and t.id in before and prog.state[i] != DONE:
            left.append(row)
    return entered, left


__all__ = ["without_progress", "plan_reference", "task_states", "StatusReport",
           "status_report", "month_before", "working_days_between", "LOOKAHEAD_DAYS"]
