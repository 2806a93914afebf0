"""Schedule risk of a tracked plan (``planner risk --status``, ``planner report``): the actuals
are facts, only the remaining work is uncertain.

The Monte Carlo engine runs on plain plans, so a tracked schedule is turned into the plain plan
whose schedule *is* its forecast (:func:`remaining_plan`), checked task by task:

* a finished task keeps its actual working days and must start on its actual start; it has no
  estimate and no risk event (what happened to it is in the actuals);
* a started task is its remaining work: that many days, starting no earlier than the first
  working day it may resume (after the status date with ``after_status_date``, else straight
  after the done part), its links kept under ``retained_logic`` and dropped under
  ``progress_override``; a start-to-start or start-to-finish link from it holds from its actual
  start, so it becomes a start- or finish-no-earlier-than on the successor;
* a task not started starts no earlier than the first working day after the status date (MS
  Project's *Update Project*), unless its own constraint is a hard one, as in
  :mod:`planner.schedule.progress`.

:func:`remaining_input` fits the estimates to the remaining work: a started or re-estimated
task's three points are scaled by remaining days over planned days; finished tasks lose theirs.
"""
from __future__ import annotations

import copy
import dataclasses

from ..errors import PlanError
from ..model import Constraint, Plan
from ..schedule import Schedule, schedule
from ..schedule.keys import pos
from ..schedule.progress import DONE, STARTED
from .model import RiskInput

#: constraints a status floor does not override (MS Project 2002 and later)
HARD = {"MSO", "MFO", "SNLT", "FNLT"}


def remaining_plan(sched: Schedule) -> Plan:
    """The plain plan of a tracked schedule's remaining work (see the module docstring); a
    PlanError when its schedule would not be the forecast."""
    plan, prog = sched.plan, sched.progress
    if prog is None:
        return plan
    d = sched.date
    floor = d(prog.floor) if prog.floor is not None else None
    index = sched.net.index
    tasks = [copy.copy(t) for t in plan.tasks]
    extra: dict = {}                       # task position -> [(kind, date)] from SS/SF links
    for i, t in enumerate(tasks):
        t.actual_start = t.actual_finish = t.percent_complete = t.remaining_days = None
        t.progress_src = ()
        if t.summary:
            continue
        st = prog.state[i]
        if st == DONE:
            t.duration = prog.actual[i]
            t.constraint = Constraint("MSO", d(prog.astart[i]))
            t.predecessors = []
            continue
        t.duration = prog.remaining[i]
        if st == STARTED:
            stop = prog.stop[i]
            resume = stop + 1 if stop & 1 else stop
            if prog.floor is not None:
                resume = max(resume, prog.floor)
            t.constraint = Constraint("SNET", d(resume))
            if not prog.retained:
                t.predecessors = []
        elif floor is not None and not (t.constraint and t.constraint.type in HARD):
            own = t.constraint
            t.constraint = Constraint("SNET", max(floor, own.date) if own and
                                      own.type == "SNET" else floor)
        links = []
        for link in t.predecessors:
            p = index[link.pred]
            if link.type in ("SS", "SF") and prog.state[p] in (DONE, STARTED):
                extra.setdefault(i, []).append((link, d(prog.astart[p])))
            else:
                links.append(link)
        t.predecessors = links
    for i, found in extra.items():
        _start_links(tasks[i], found, sched)
    new = copy.copy(plan)
    new.tasks = tasks
    new.reschedule = None
    new.status_source = None
    _check(sched, schedule(new))
    return new


def _start_links(task, found, sched) -> None:
    """SS/SF links from tasks already started hold from their actual start: a
    start/finish-no-earlier-than on ``task``, the latest of them."""
    cal = sched.calendar
    for link, start in found:
        when = cal.add_working_days(start, link.lag) if link.lag else start
        kind = "SNET" if link.type == "SS" else "FNET"
        c = task.constraint
        if c is None or (c.type == kind and c.date < when):
            task.constraint = Constraint(kind, when)
        elif c.type != kind or c.date < when:
            raise PlanError(f"task {task.id}: its {link.type} link from {link.pred} (started "
                            f"{start.isoformat()}) and its {c.type} constraint cannot both be "
                            f"kept in the risk analysis of the remaining work")


def _check(tracked: Schedule, plain: Schedule) -> None:
    """The plain plan must schedule every leaf task where the tracked forecast has it."""
    bad = [t.id for i, t in enumerate(tracked.plan.tasks) if not t.summary and
           tracked.progress.state[i] != DONE and
           (pos(plain.start[i]) != pos(tracked.start[i]) and tracked.progress.state[i] != STARTED
            or pos(plain.finish[i]) != pos(tracked.finish[i]))]
    if bad:
        raise PlanError(f"the risk analysis cannot model this status exactly: tasks "
                        f"{', '.join(bad[:10])}{' ...' if len(bad) > 10 else ''} would not be "
                        f"scheduled as the forecast has them")


def remaining_input(inp: RiskInput, sched: Schedule) -> RiskInput:
    """``inp`` for the remaining work of a tracked schedule: no estimate or risk event on a
    finished task; a started or re-estimated task's estimate scaled to its remaining days."""
    prog = sched.progress
    if prog is None:
        return inp
    index = sched.net.index
    tasks = sched.plan.tasks
    estimates = {}
    for tid, est in inp.estimates.items():
        i = index[tid]
        if prog.state[i] == DONE:
            continue
        planned, left = tasks[i].duration, prog.remaining[i]
        if planned and left != planned:
            f = left / planned
            est = dataclasses.replace(est, optimistic=est.optimistic * f,
                                      most_likely=est.most_likely * f,
                                      pessimistic=est.pessimistic * f)
        estimates[tid] = est
    risks = []
    for r in inp.risks:
        open_ = tuple(t for t in r.tasks if prog.state[index[t]] != DONE)
        if open_:
            risks.append(dataclasses.replace(r, tasks=open_))
    keep = set(estimates)
    correlations = [dataclasses.replace(c, tasks=tuple(t for t in c.tasks if t in keep))
                    for c in inp.correlations]
    return RiskInput(estimates, risks, [c for c in correlations if len(c.tasks) > 1],
                     list(inp.files))


__all__ = ["remaining_plan", "remaining_input"]
