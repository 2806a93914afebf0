"""The levelled plan from a solution: each delayed task gets ``leveling_delay`` working days
(which :func:`planner.schedule.schedule` adds to its early start, as MS Project's Leveling
Delay), checked to reproduce the solution exactly, and the moves with the conflicts that caused
them.  :func:`level` is the entry point of ``planner level``."""
from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass

from ..model import Plan
from ..schedule import Schedule, pos, schedule
from .compile import Context, compile_plan
from .phases import Outcome, check_limits, solve
from .problem import NEG, Problem
from .tracked import levelled_start


@dataclass
class Move:
    """A task the levelling moved, and why."""

    id: str
    name: str
    days: int                    # working days later than its unlevelled early start
    delay: int                   # its own levelling delay (0 when only a predecessor moved it)
    old_start: dt.date
    new_start: dt.date
    conflicts: list              # [(resource id, [task ids using it meanwhile], absent)]
    follows: str | None          # the moved predecessor that drives it


@dataclass
class Result:
    """A levelled plan with its schedules before and after, and the solver's account."""

    plan: Plan                   # the levelled plan (``leveling_delay`` set)
    before: Schedule
    after: Schedule
    outcome: Outcome
    moves: list
    objective: str
    within_float: bool
    context: Context

    @property
    def status(self) -> str:
        return self.outcome.status


def level(plan: Plan, objective: str = "finish", within_float: bool = False,
          time_limit: float = 10.0, workers: int = 2, progress=None,
          stable: bool = True, seed: int = 1,
          deterministic_limit: float | None = None) -> Result:
    """Level ``plan``'s resources and return the levelled plan and the report data.

    ``progress(phase, value, bound, seconds)`` is called on every improving solution, with
    ``value`` and ``bound`` in the phase's units (working days for ``finish``).  Ctrl-C stops
    the search and keeps the best plan so far (``result.outcome.interrupted``).

    ``seed`` is CP-SAT's random seed (and the heuristic's).  ``deterministic_limit`` (with
    ``workers=1``) makes the result reproducible on any machine under any load: the solver's
    budget is then CP-SAT's deterministic time instead of ``time_limit`` (see
    :func:`planner.level.solve`).  Tests that pin a solver result use it.
    """
    if plan.minutes_per_day:            # CP-SAT counts whole working days (working_time.py)
        from ..working_time import WHOLE_DAYS_NOTE, whole_day_plan

        res = level(whole_day_plan(plan), objective, within_float, time_limit, workers,
                    progress, stable, seed, deterministic_limit)
        res.outcome.notes = [WHOLE_DAYS_NOTE] + list(res.outcome.notes or [])
        return res
    check_limits(workers, deterministic_limit)
    started = time.perf_counter()
    ctx = compile_plan(plan, within_float)
    if not plan.resources or not ctx.problem.active:
        outcome = Outcome(list(ctx.problem.release), [], 0, None,
                          notes=["no task has resources: nothing to level"])
        return _result(ctx, outcome, objective, within_float)
    # the limit holds for the whole call: compiling the plan and writing up the result (a few
    # hundredths of a second on j30, more on big plans) come out of it too
    margin = min(0.1, 0.02 * time_limit)
    left = max(0.01, time_limit - (time.perf_counter() - started) - margin)
    outcome = solve(ctx.problem, objective, within_float, left, workers, progress, seed=seed,
                    stable=stable, deterministic_limit=deterministic_limit)
    if outcome.starts is None:
        return _result(ctx, outcome, objective, within_float, failed=True)
    return _result(ctx, outcome, objective, within_float)


def _result(ctx: Context, outcome: Outcome, objective, within_float, failed=False) -> Result:
    if failed:
        return Result(ctx.base, ctx.before, ctx.before, outcome, [], objective, within_float,
                      ctx)
    p = ctx.problem
    T = _left_justify(p, list(outcome.starts))
    delays = _delays(ctx, T)
    levelled = _with_delays(ctx, delays)
    after = schedule(levelled)
    # make the plan reproduce the solution exactly (a delay is applied after the links, so a
    # few passes settle any task whose predecessors moved in the same pass)
    for _ in range(p.n + 1):
        wrong = {k: T[k] - levelled_start(after, i) for k, i in enumerate(ctx.leaves)
                 if levelled_start(after, i) != T[k]}
        if not wrong:
            break
        for k, diff in wrong.items():
            delays[k] = max(0, delays[k] + diff)
        levelled = _with_delays(ctx, delays)
        after = schedule(levelled)
    else:  # pragma: no cover - would be a bug
        raise RuntimeError("levelling delays do not reproduce the levelled schedule")
    moves = _moves(ctx, T, delays, after)
    return Result(levelled, ctx.before, after, outcome, moves, objective, within_float, ctx)


def _left_justify(p: Problem, T: list) -> list:
    """Tasks that use no resource start as soon as their links allow (never later than the
    solver put them, so nothing else has to move)."""
    for k in p.order:
        if p.dur[k] > 0 and p.demand[k]:
            continue
        b = p.link_bound(k, T) if (p.preds[k] or p.epreds[k]) else p.release[k]
        b = max(b, p.release[k])
        if b < T[k]:
            T[k] = b
    return T


def _delays(ctx: Context, T: list) -> list:
    p = ctx.problem
    out = [0] * p.n
    for k in p.order:
        if p.preds[k] or p.epreds[k]:
            b = NEG
            for i, d in p.preds[k]:
                b = max(b, T[i] + d)
            for i, fn in p.epreds[k]:
                b = max(b, fn(T[i]))
        else:
            b = p.release[k]
        floor = ctx.floors[k]
        if floor is not None and T[k] <= floor:
            continue
        if p.capped[k] is not None and T[k] >= p.capped[k]:
            continue
        out[k] = max(0, T[k] - b)
    return out


def _with_delays(ctx: Context, delays: list) -> Plan:
    by_index = {i: delays[k] for k, i in enumerate(ctx.leaves)}
    tasks = [dataclasses.replace(t, leveling_delay=by_index.get(i, 0))
             for i, t in enumerate(ctx.base.tasks)]
    return dataclasses.replace(ctx.base, tasks=tasks)


def _moves(ctx: Context, T: list, delays: list, after: Schedule) -> list:
    p = ctx.problem
    plan = ctx.plan
    before = ctx.before
    out = []
    for k, i in enumerate(ctx.leaves):
        shift = T[k] - p.release[k]
        if shift <= 0:
            continue
        t = plan.tasks[i]
        conflicts = []
        follows = None
        if delays[k] > 0:
            wait_from = T[k] - delays[k]
            for r in sorted(p.demand[k]):
                users = [p.names[j] for j in sorted(p.active, key=lambda j: (T[j], j))
                         if j != k and r in p.demand[j] and T[j] < T[k] and
                         T[j] + p.dur[j] > wait_from]
                absent = any(a < T[k] and b > wait_from for a, b in p.blocked[r])
                if users or absent:
                    conflicts.append((plan.resources[r].id, users, absent))
        else:
            for j, d in p.preds[k]:
                if T[j] + d == T[k] and T[j] > p.release[j]:
                    follows = p.names[j]
                    break
            if follows is None:
                for j, fn in p.epreds[k]:
                    if fn(T[j]) == T[k] and T[j] > p.release[j]:
                        follows = p.names[j]
                        break
        out.append(Move(t.id, t.name, shift, delays[k], before.date(before.start[i]),
                        after.date(after.start[i]), conflicts, follows))
    return out
