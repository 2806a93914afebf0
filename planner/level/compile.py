"""A plan compiled for levelling: its leaf tasks as a :class:`~planner.level.problem.Problem`
(every link type and lag as a minimum distance between starts, elapsed-day lags as tables over
the calendar, date constraints as bounds, capacities and units as whole numbers, absences as
blocked days).  Errors name the file and line."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

from ..errors import PlanError
from ..model import Plan
from ..schedule import (ALAP, FF, FS, MFO, MSO, SF, SNLT, FNLT, SS, Schedule, add_work, pos,
                        schedule)
from .problem import Problem
from .tracked import interval as tracked_interval
from .tracked import keeps_link as tracked_keeps_link
from .tracked import late_start as tracked_late_start


@dataclass
class Context:
    """A plan compiled for levelling: problem task ``k`` is plan task ``leaves[k]``."""

    plan: Plan                   # as given
    base: Plan                   # the same with every levelling delay cleared
    before: Schedule             # the unlevelled schedule of ``base``
    leaves: list
    problem: Problem
    scale: int                   # capacity and units are multiplied by this to be integers
    floors: list                 # per problem task: SNET/FNET start position or None


def _units_scale(values) -> int:
    """The least multiplier (at most 100) that makes every capacity and unit count whole."""
    den = 1
    for v in values:
        f = Fraction(v).limit_denominator(100)
        den = den * f.denominator // math.gcd(den, f.denominator)
    return min(den, 100)


def units_scale(plan: Plan) -> int:
    """The multiplier that makes the plan's capacities and assignment units whole numbers."""
    return _units_scale([r.capacity for r in plan.resources] +
                        [a.units for t in plan.tasks for a in t.assignments])


def without_levelling(plan: Plan) -> Plan:
    """``plan`` with every levelling delay removed: the unlevelled plan."""
    return dataclasses.replace(plan, tasks=[dataclasses.replace(t, leveling_delay=0)
                                            for t in plan.tasks])


def compile_plan(plan: Plan, within_float: bool = False) -> Context:
    """Turn ``plan`` into a :class:`Problem` (errors name the file and line)."""
    base = without_levelling(plan)
    before = schedule(base)
    net = before.net
    cal = before.calendar
    tasks = plan.tasks
    res_index = {r.id: k for k, r in enumerate(plan.resources)}
    for i, t in enumerate(tasks):
        if t.summary and t.assignments:
            raise PlanError(f"summary task {t.id} has resources; assign them to its subtasks "
                            f"(levelling moves leaf tasks)", path=t.assignments[0].src or t.src)
        c = net.constraint[i]
        if not t.summary and c is not None and c[0] == ALAP:
            raise PlanError(f"task {t.id} is 'as late as possible': levelling supports ASAP "
                            f"tasks and dated constraints (make it ASAP or give it a date)",
                            path=(t.constraint.src if t.constraint else t.src))
    scale = units_scale(plan)
    capacity = [max(1, round(r.capacity * scale)) for r in plan.resources]
    leaves = list(net.order)
    index = {i: k for k, i in enumerate(leaves)}
    dur, demand, release, latest, capped, floors, names = [], [], [], [], [], [], []
    tracked = before.progress is not None
    for i in leaves:
        t = tasks[i]
        d = net.dur[i]
        es = pos(before.es[i])
        fixed, status_floor, needs = False, None, True
        if tracked:                       # what is left to schedule (level/tracked.py)
            d, es, fixed, status_floor, needs = tracked_interval(before, i, d, es)
        dur.append(d)
        names.append(t.id)
        dem = {}
        for a in t.assignments:
            r = res_index[a.resource]
            u = max(1, round(a.units * scale))
            if u > capacity[r]:
                res = plan.resources[r]
                raise PlanError(f"task {t.id} needs {a.units:g} units of {res.id} but {res.id} "
                                f"has capacity {res.capacity:g}, so it could never be scheduled",
                                path=a.src or t.src)
            if d > 0 and needs:
                dem[r] = u
        demand.append(dem)
        release.append(es)
        c = net.constraint[i]
        lat = None
        cap = None
        floor = None
        if c is not None:
            code = c[0]
            if code in (MSO, MFO):
                lat = es
            elif code == SNLT:
                cap = lat = pos(c[1])
            elif code == FNLT:
                cap = lat = pos(add_work(c[2], -d))
            elif c[1] is not None:           # SNET, FNET: a floor on the start
                floor = pos(c[1]) if code == 4 else pos(add_work(c[2], -d))
        if within_float and not t.summary:
            late = pos(before.ls[i])
            if tracked and before.progress.state[i] == 1:
                late = tracked_late_start(before, i, d)   # of the remaining work
            lf = max(late, es)
            lat = lf if lat is None else min(lat, lf)
        if fixed or (lat is not None and lat < es):
            lat = es                      # a conflict the plan already has: keep the task put
        if status_floor is not None:
            floor = status_floor if floor is None else max(floor, status_floor)
        latest.append(lat)
        capped.append(cap)
        floors.append(floor)
    links, elinks = [], []
    for k, i in enumerate(leaves):
        c = net.constraint[i]
        if c is not None and c[0] in (MSO, MFO):
            continue                      # the date wins over every link (as in MS Project)
        for p_, typ, lag, el in net.leaf_preds[i]:
            if tracked and not tracked_keeps_link(before, p_, i, typ):
                continue
            j = index[p_]
            if el:
                elinks.append((j, k, _elapsed_fn(cal, before, p_, typ, lag, dur[j], dur[k])))
                continue
            if typ == FS:
                delta = dur[j] + lag
            elif typ == SS:
                delta = lag
            elif typ == FF:
                delta = dur[j] - dur[k] + lag
            else:
                delta = lag - dur[k]
            links.append((j, k, delta))
    blocked = [absent_spans(plan, r, cal) for r in plan.resources]
    problem = Problem(dur, links, capacity, demand, release=release, latest=latest,
                      capped=capped, elinks=elinks, blocked=blocked, names=names)
    return Context(plan, base, before, leaves, problem, scale, floors)


def _elapsed_fn(cal, before: Schedule, p_: int, typ: int, lag: int, dp: int, ds: int):
    """The start position a link with a lag in elapsed days allows, as a function of the
    predecessor's start position (calendar arithmetic as in :func:`planner.schedule`)."""
    from_finish = typ in (FS, FF)
    anchor = before.ef[p_] if from_finish else before.es[p_]
    odd = anchor & 1            # a milestone may sit at 16:00; a task's finish always does
    memo: dict = {}

    def fn(s: int) -> int:
        v = memo.get(s)
        if v is None:
            if from_finish:
                key = 2 * (s + dp) - 1 if dp else 2 * s - odd
            else:
                key = 2 * s - odd if not dp else 2 * s
            if typ in (FF, SF):
                key = add_work(key, -ds)
            v = memo[s] = pos(cal.add_elapsed(key, lag))
        return v

    return fn


def absent_spans(plan: Plan, res, cal) -> list:
    spans = []
    for k, a in enumerate(res.absences):
        if a.working:
            raise PlanError(f"resource {res.id}: an absence cannot be a working day",
                            file=plan.source, path=res.src + ("absences", k))
        first = cal.count_before(a.start)
        end = cal.count_before(a.finish + dt.timedelta(days=1))
        if end > first:
            spans.append((first, end))
    spans.sort()
    return spans
