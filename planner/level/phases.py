"""The lexicographic phases of a levelling solve and the loop that runs them.

Each phase is a CP-SAT solve that keeps the earlier phases' results as constraints:

* ``finish``: the project finish (makespan), then the total delay against the early schedule,
  so tasks move only where they must (a stable plan);
* ``smooth``: the finish, then the peak load of each resource relative to its capacity, then the
  total delay;
* ``within_float``: tasks may move only inside their total float, so the finish never moves; a
  task may then be left out of levelling (it keeps its links, its conflicts remain), and the
  first phase minimises the work left out instead of making the problem infeasible.

Every phase first runs a short deterministic single-worker search (so the same plan gives the
same levelled plan whenever that search proves optimality), while the precedence reasoning runs
on the other core.  A finish it cannot settle goes on as one continuous parallel search (a
complete worker and a large-neighbourhood one) on the model with the new distances, from the
best plan so far.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from ..errors import PlanError
from .heuristic import heuristic
from .model import build_model, in_order, twin_groups
from .problem import Problem, elapsed_deltas
from .reasoning import Reasoner
from .search import PhaseResult, merge, run_phase

OBJECTIVES = ("finish", "smooth")


@dataclass
class Outcome:
    """What :func:`solve` found."""

    starts: list | None
    phases: list
    lower_bound: int             # proven lower bound on the makespan
    heuristic_makespan: int | None
    interrupted: bool = False
    seconds: float = 0.0
    notes: list = field(default_factory=list)

    @property
    def status(self) -> str:
        """OPTIMAL when every phase was proven optimal; else the first phase's shortfall."""
        for ph in self.phases:
            if ph.status != "OPTIMAL":
                return "FEASIBLE" if self.starts is not None else ph.status
        return "OPTIMAL"

    def phase(self, name: str) -> PhaseResult | None:
        return next((ph for ph in self.phases if ph.name == name), None)


def check_limits(workers: int, deterministic_limit: float | None) -> None:
    """A deterministic limit makes sense only for a single worker (a parallel search is not
    reproducible)."""
    if deterministic_limit is not None and workers != 1:
        raise ValueError(f"a deterministic limit needs workers=1, not {workers} (a parallel "
                         f"search is not reproducible)")


def solve(problem: Problem, objective: str = "finish", within_float: bool = False,
          time_limit: float = 10.0, workers: int = 2, progress=None, seed: int = 1,
          reasoning: bool = True, stable: bool = True,
          deterministic_limit: float | None = None) -> Outcome:
    """Level ``problem``: see the module docstring for the phases.  ``progress(phase, value,
    bound, seconds)`` is called on every improving solution.

    ``deterministic_limit``: when given (with ``workers=1``), the solve is reproducible: the
    heuristic runs all its iterations and every CP-SAT search is limited only by CP-SAT's
    deterministic time (``max_deterministic_time``; the limit is shared between the phases as
    ``time_limit`` is, one unit being very roughly a second of search on a fast core), so the
    same problem and ``seed`` give the same plan on any machine under any load.  ``time_limit``
    is then not used.
    """
    t0 = time.perf_counter()            # importing OR-Tools (about 0.4 s) counts too
    from ortools.sat.python import cp_model

    if objective not in OBJECTIVES:
        raise PlanError(f"unknown objective {objective!r} (use {' or '.join(OBJECTIVES)})")
    check_limits(workers, deterministic_limit)
    clock = _Clock(t0, time_limit, deterministic_limit)
    p = problem
    n = p.n
    if progress is not None:
        progress = improving(progress)

    # -- bounds, heuristic, horizon ------------------------------------------------------------
    heads = p.heads()
    edelta = elapsed_deltas(p, heads)
    for k in range(n):
        if p.latest[k] is not None and heads[k] > p.latest[k]:
            return Outcome(None, [PhaseResult("finish", "INFEASIBLE")], 0, None,
                           seconds=time.perf_counter() - t0,
                           notes=[f"task {p.names[k]} cannot start by its latest start"])
    tails = p.tails(edelta=edelta)
    lower = max((heads[k] + tails[k] for k in range(n)), default=0)
    fixed = {k: p.release[k] for k in range(n) if p.latest[k] == p.release[k]}
    heur_ms, hint = heuristic(p, heads, tails, edelta, fixed=fixed or None, seed=seed,
                              deadline=clock.heuristic_deadline())
    hint_ok = not p.violations(hint)
    hard = not within_float
    if within_float:
        hint = list(p.release)
    ub = heur_ms if hint_ok else None
    spec = phases_of(objective, within_float, stable)

    # -- phases ------------------------------------------------------------------------------
    run = _Phases(cp_model, p, heads, edelta, spec, hard, workers, seed, progress, reasoning,
                  clock)
    built = run.build({}, ub)
    if built is None:
        return Outcome(None, [PhaseResult(spec[0], "INFEASIBLE")], lower, heur_ms,
                       seconds=time.perf_counter() - t0, notes=["time windows are empty"])
    best, results, lower = run.all(built, hint if (hint_ok or within_float) else None, ub)
    out = Outcome(best, results, lower, heur_ms, run.interrupted.is_set(),
                  time.perf_counter() - t0, run.notes)
    if best is not None and hard:
        bad = p.violations(best)
        if bad:  # pragma: no cover - would be a bug in the model
            raise RuntimeError("levelled schedule is not feasible: " + "; ".join(bad[:3]))
    return out


def phases_of(objective: str, within_float: bool, stable: bool) -> list:
    """The phases in order; ``stable=False`` leaves out the last one (the least total delay)."""
    spec = {("finish", False): ["finish", "delay"],
            ("smooth", False): ["finish", "peak", "delay"],
            ("finish", True): ["overload", "delay"],
            ("smooth", True): ["overload", "peak", "delay"]}[(objective, within_float)]
    return spec if stable else spec[:-1]


class _Clock:
    """What is left for the phases: wall-clock seconds until ``time_limit`` after ``t0``, or,
    with a deterministic limit, the CP-SAT deterministic time the earlier phases left."""

    def __init__(self, t0: float, time_limit: float, deterministic_limit: float | None):
        self.deterministic = deterministic_limit is not None
        self.t0 = t0
        self.time_limit = time_limit
        self.deadline = t0 + time_limit
        self._work = deterministic_limit

    def left(self) -> float:
        if self.deterministic:
            return self._work
        return self.deadline - time.perf_counter()

    def spend(self, res: PhaseResult) -> None:
        if self.deterministic:
            self._work -= res.work

    def heuristic_deadline(self) -> float | None:
        """The heuristic's random restarts stop here (never with a deterministic limit)."""
        return None if self.deterministic else self.t0 + 0.1 * self.time_limit


class _Phases:
    """The fixed inputs of one solve, and the searches of its phases in order."""

    def __init__(self, cp_model, p: Problem, heads: list, edelta: dict, spec: list, hard: bool,
                 workers: int, seed: int, progress, reasoning: bool, clock: _Clock):
        self.cp_model = cp_model
        self.p = p
        self.heads = heads
        self.edelta = edelta
        self.spec = spec
        self.hard = hard
        self.workers = workers
        self.seed = seed
        self.progress = progress
        self.reasoning = reasoning and p.n <= 400 and bool(p.active)
        self.clock = clock
        self.twins = twin_groups(p)
        self.interrupted = threading.Event()
        self.notes: list[str] = []

    def horizon(self, ub_ms) -> int:
        if ub_ms is not None:
            return ub_ms
        # no feasible schedule known: a safe bound on the makespan of an optimal one
        p, n = self.p, self.p.n
        top = max([self.heads[k] + p.dur[k] for k in range(n)] +
                  [(p.latest[k] or 0) + p.dur[k] for k in range(n)])
        blocked = sum(b - a for spans in p.blocked for a, b in spans)
        slack = sum(max(0, d) for _, _, d in p.links) + \
            sum(max(0, d) for d in self.edelta.values())
        return top + sum(p.dur) + blocked + slack

    def build(self, extra_links: dict, ub_ms):
        return build_model(self.cp_model, self.p, self.edelta, self.twins, extra_links,
                           self.horizon(ub_ms), self.hard, self.spec)

    def all(self, built, best, ub):
        """Every phase in turn, each keeping the earlier ones' values as constraints:
        ``(best starts, phase results, lower bound on the makespan)``."""
        model, S, objs, lower = built
        results: list[PhaseResult] = []
        for idx, name in enumerate(self.spec):
            left = self.clock.left()
            if self.interrupted.is_set() or left <= 0.01:
                results.append(PhaseResult(name, "SKIPPED"))
                continue
            later = len(self.spec) - idx - 1
            t_phase = time.perf_counter()
            budget = left * (0.7 if later else 1.0) if idx == 0 else left / (later + 1)
            if idx == 0 and name == "finish" and ub is not None and ub == lower:
                res, starts = PhaseResult(name, "OPTIMAL", ub, lower, 0.0, 0), None
            else:
                res, starts, rebuilt = self.search(idx, name, (model, S, objs), best, budget,
                                                   later, t_phase, ub)
                if rebuilt is not None:
                    model, S, objs, lower2 = rebuilt
                    lower = max(lower, lower2)
            self.clock.spend(res)
            if name == "finish" and res.bound is not None:
                lower = max(lower, res.bound)
            results.append(res)
            if starts is not None:
                best = starts
            if res.value is None:
                if res.status == "INFEASIBLE":
                    break
                continue
            model.add(objs[name] <= res.value)
        return best, results, lower

    def search(self, idx: int, name: str, model_vars, best, budget: float, later: int,
               t_phase: float, ub):
        """One phase: ``(result, starts, the model rebuilt with resource-implied distances or
        None)``.

        A deterministic single-worker attempt first: the same plan then always gives the same
        levelled plan whenever it proves optimality there.  For the finish, precedence
        reasoning with resources runs meanwhile on the other core, for the case that this
        attempt cannot settle it; then one continuous parallel search."""
        cp_model = self.cp_model
        model, S, objs = model_vars
        quick = min(budget, max(0.2, 0.02 * budget)) if self.workers > 1 else budget
        lp = name != "finish"       # the makespan searches without the LP relaxation
        reasoner = None
        if idx == 0 and name == "finish" and self.reasoning and self.workers > 1:
            reasoner = Reasoner(self.p, self.edelta, min(1.0, 0.1 * budget))
        res, starts = run_phase(cp_model, model, S, objs, name, in_order(best, self.twins),
                                quick, 1, self.seed, self.progress, self.interrupted,
                                deterministic=True,
                                wall=None if self.clock.deterministic else budget, lp=lp)
        # UNKNOWN (no plan within the short budget, e.g. presolve of a big model) is not
        # settled: the parallel search goes on
        settled = res.status in ("OPTIMAL", "INFEASIBLE", "MODEL_INVALID") or \
            self.interrupted.is_set()
        rebuilt = None
        if reasoner is not None:
            if settled:
                reasoner.stop()
            else:
                extra = reasoner.result()
                self.notes.append(f"precedence reasoning: {len(extra)} resource-implied "
                                  f"distances")
                rebuilt = self.build(extra, ub if res.value is None else res.value) \
                    if extra else None
                if rebuilt is not None:
                    model, S, objs, _ = rebuilt
        if settled or self.workers == 1:
            return res, starts, rebuilt
        now = time.perf_counter()
        end = now + budget - (now - t_phase)
        if later:
            deadline = self.clock.deadline
            end = min(end, deadline - 0.3 * (deadline - now))
        if end - now > 0.01:
            # one continuous parallel search for the rest (restarts lose what the search
            # has learnt), from the best plan so far
            res2, starts2 = run_phase(cp_model, model, S, objs, name,
                                      in_order(starts or best, self.twins), end - now,
                                      self.workers, self.seed, self.progress,
                                      self.interrupted, lp=lp)
            res, starts = merge(res, starts or best, res2, starts2)
        return res, starts, rebuilt


def improving(progress):
    """Pass on only solutions better than the best so far in their phase (a phase may be
    searched more than once), with the time since the levelling started."""
    best: dict = {}
    t0 = time.perf_counter()

    def report(phase, value, bound, _seconds):
        key = phase
        if key in best and value >= best[key]:
            return
        best[key] = value
        progress(phase, value, bound, time.perf_counter() - t0)
    return report
