"""Resource levelling with OR-Tools CP-SAT, on working-day positions.

A plan's leaf tasks become an integer scheduling problem (:class:`Problem`): task ``k`` starts
at working-time position ``S[k]`` (working days since the plan start, see
:func:`planner.schedule.pos`) and runs ``dur[k]`` working days.  Every link of every type and
lag becomes a minimum distance between two starts (``S[j] >= S[i] + delta``; elapsed-day lags a
monotone table), date constraints become bounds, and each resource is a cumulative capacity in
integer units with its absences as blocked days.  Levelling only ever delays tasks, so the
unlevelled early start is a lower bound of every start.

The solver works in lexicographic phases, each a CP-SAT solve that keeps the earlier phases'
results as constraints:

* ``finish``: the project finish (makespan), then the total delay against the early schedule,
  so tasks move only where they must (a stable plan);
* ``smooth``: the finish, then the peak load of each resource relative to its capacity, then the
  total delay;
* ``within_float``: tasks may move only inside their total float, so the finish never moves; a
  task may then be left out of levelling (it keeps its links, its conflicts remain), and the
  first phase minimises the work left out instead of making the problem infeasible.

The makespan phase uses a stronger model than the plain one (interval per task, precedences,
one cumulative per resource):

* a good start: a serial schedule-generation scheme with several priority rules and
  forward-backward improvement gives an upper bound, a solution hint and a tight horizon;
* time windows from the longest paths (heads and tails) inside that horizon;
* the makespan as an interval that takes the whole capacity of every resource after the end;
* symmetry breaking: interchangeable tasks (same duration, demands, links) keep their order;
* precedence reasoning with resources: for pairs of tasks joined by two or more parallel
  branches, the least distance between them is computed from the small project in between
  (its own little RCPSP) and added as a redundant precedence, which tightens every window.

Every phase first runs a short deterministic single-worker search (so the same plan gives the
same levelled plan whenever that search proves optimality), while the precedence reasoning runs
on the other core.  A finish it cannot settle goes on as one continuous parallel search (a
complete worker and a large-neighbourhood one) on the model with the new distances, from the
best plan so far.  The makespan's complete search runs without the LP relaxation (weak for a
makespan, and slow): see ``MAKESPAN_WORKERS``.

Nothing here knows about files or the command line: :mod:`planner.cli` writes the levelled plan
(each delayed task gets ``leveling_delay`` working days, which :func:`planner.schedule.schedule`
adds to its early start, as MS Project's Leveling Delay) and :mod:`planner.render.levelling`
prints the report.  OR-Tools is imported only when a solve starts.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
import random
import threading
import time
from dataclasses import dataclass, field
from fractions import Fraction

from .errors import PlanError
from .model import Plan
from .schedule import (ALAP, FF, FS, MFO, MSO, SF, SNLT, FNLT, SS, Schedule, add_work, pos,
                       schedule)

OBJECTIVES = ("finish", "smooth")
NEG = -(1 << 60)


# =============================================================================================
# The integer problem
# =============================================================================================
@dataclass
class Problem:
    """Tasks ``0..n-1`` with starts ``S[k]`` in ``[release[k], latest[k]]``.

    ``links``: ``(i, j, delta)`` meaning ``S[j] >= S[i] + delta`` (all four link types and
    working-day lags reduce to this).  ``elinks``: ``(i, j, fn)`` meaning ``S[j] >= fn(S[i])``
    for a non-decreasing ``fn`` (lags in elapsed days).  ``capped[j]``: when not None, every link
    into ``j`` is ``S[j] >= min(bound, capped[j])`` (MS Project lets a "start/finish no later
    than" constraint win over a link).  ``capacity[r]`` and ``demand[k][r]`` are integer units;
    ``blocked[r]`` lists ``[a, b)`` positions where resource ``r`` is not available.
    """

    dur: list
    links: list
    capacity: list
    demand: list
    release: list = None
    latest: list = None
    capped: list = None
    elinks: list = field(default_factory=list)
    blocked: list = None
    names: list = None

    def __post_init__(self):
        n = self.n = len(self.dur)
        if self.release is None:
            self.release = [0] * n
        if self.latest is None:
            self.latest = [None] * n
        if self.capped is None:
            self.capped = [None] * n
        if self.blocked is None:
            self.blocked = [[] for _ in self.capacity]
        if self.names is None:
            self.names = [str(k) for k in range(n)]
        self.preds = [[] for _ in range(n)]
        self.succs = [[] for _ in range(n)]
        for i, j, d in self.links:
            self.preds[j].append((i, d))
            self.succs[i].append((j, d))
        self.epreds = [[] for _ in range(n)]
        self.esuccs = [[] for _ in range(n)]
        for i, j, fn in self.elinks:
            self.epreds[j].append((i, fn))
            self.esuccs[i].append((j, fn))
        self.order = self._topological()
        self.active = [k for k in range(n) if self.dur[k] > 0 and self.demand[k]]

    def _topological(self) -> list:
        import networkx as nx

        g = nx.DiGraph()
        g.add_nodes_from(range(self.n))
        g.add_edges_from((i, j) for i, j, _ in self.links)
        g.add_edges_from((i, j) for i, j, _ in self.elinks)
        try:
            return list(nx.lexicographical_topological_sort(g))
        except nx.NetworkXUnfeasible:
            raise PlanError("the links form a cycle") from None

    # -- precedence bounds -----------------------------------------------------------------
    def link_bound(self, j: int, S) -> int:
        """Earliest start of ``j`` allowed by its links, given the starts ``S`` of its
        predecessors (the release alone when it has none)."""
        t = NEG
        for i, d in self.preds[j]:
            if S[i] + d > t:
                t = S[i] + d
        for i, fn in self.epreds[j]:
            x = fn(S[i])
            if x > t:
                t = x
        cap = self.capped[j]
        if cap is not None and t > cap:
            t = cap
        return t

    def heads(self, extra=()) -> list:
        """Earliest starts by the longest paths (exact for elapsed lags)."""
        es = list(self.release)
        extra_succ = _adjacency(self.n, extra)
        for i in self.order:
            for j, d in self.succs[i]:
                b = es[i] + d
                if self.capped[j] is not None:
                    b = min(b, self.capped[j])
                if b > es[j]:
                    es[j] = b
            for j, fn in self.esuccs[i]:
                b = fn(es[i])
                if self.capped[j] is not None:
                    b = min(b, self.capped[j])
                if b > es[j]:
                    es[j] = b
            for j, d in extra_succ[i]:
                if es[i] + d > es[j]:
                    es[j] = es[i] + d
        return es

    def tails(self, extra=(), edelta=None) -> list:
        """``q[k]``: the least time from the start of ``k`` to the makespan."""
        q = list(self.dur)
        extra_succ = _adjacency(self.n, extra)
        for i in reversed(self.order):
            for j, d in self.succs[i]:
                if self.capped[j] is None and d + q[j] > q[i]:
                    q[i] = d + q[j]
            for j, d in extra_succ[i]:
                if d + q[j] > q[i]:
                    q[i] = d + q[j]
            if edelta:
                for j, _fn in self.esuccs[i]:
                    d = edelta.get((i, j))
                    if d is not None and self.capped[j] is None and d + q[j] > q[i]:
                        q[i] = d + q[j]
        return q

    def makespan(self, S) -> int:
        return max(S[k] + self.dur[k] for k in range(self.n))

    def violations(self, S) -> list:
        """What makes ``S`` infeasible (empty when it is a valid schedule)."""
        bad = []
        for k in range(self.n):
            if S[k] < self.release[k]:
                bad.append(f"{self.names[k]} starts before its release")
            if self.latest[k] is not None and S[k] > self.latest[k]:
                bad.append(f"{self.names[k]} starts after its latest start")
            if S[k] < self.link_bound(k, S):
                bad.append(f"{self.names[k]} starts before a link allows")
        for r, cap in enumerate(self.capacity):
            use: dict = {}
            for a, b in self.blocked[r]:
                for x in range(a, b):
                    use[x] = use.get(x, 0) + cap
            for k in self.active:
                u = self.demand[k].get(r)
                if u:
                    for x in range(S[k], S[k] + self.dur[k]):
                        use[x] = use.get(x, 0) + u
            over = [x for x, u in use.items() if u > cap]
            if over:
                bad.append(f"resource {r} over capacity at {min(over)}")
        return bad


def _adjacency(n: int, extra) -> list:
    """Successor lists of extra distances given as ``{(i, j): d}``."""
    out = [[] for _ in range(n)]
    for (i, j), d in dict(extra).items():
        out[i].append((j, d))
    return out


# =============================================================================================
# Heuristic: serial schedule-generation scheme with forward-backward improvement
# =============================================================================================
class _Profile:
    """Resource usage per position, growing on demand (offset handles negative positions)."""

    def __init__(self, problem: Problem, lo: int):
        self.p = problem
        self.lo = lo
        self.use = [[0] * 64 for _ in problem.capacity]
        for r, spans in enumerate(problem.blocked):
            for a, b in spans:
                for x in range(max(a, lo), b):
                    self._grow(r, x - lo + 1)
                    self.use[r][x - lo] += problem.capacity[r]

    def _grow(self, r: int, size: int) -> None:
        u = self.use[r]
        if len(u) < size:
            u.extend([0] * (size - len(u) + 64))

    def earliest(self, k: int, t: int) -> int:
        """Earliest ``x >= t`` where task ``k`` fits for its whole duration."""
        p = self.p
        d = p.dur[k]
        items = list(p.demand[k].items())
        if not d or not items:
            return t
        lo = self.lo
        t = max(t, lo)
        while True:
            end = t + d
            bad = -1
            for r, u in items:
                self._grow(r, end - lo)
                row = self.use[r]
                room = p.capacity[r] - u
                for x in range(end - 1 - lo, t - 1 - lo, -1):
                    if row[x] > room:
                        if x + lo > bad:
                            bad = x + lo
                        break
            if bad < 0:
                return t
            t = bad + 1

    def place(self, k: int, t: int) -> None:
        p = self.p
        d = p.dur[k]
        for r, u in p.demand[k].items():
            self._grow(r, t + d - self.lo)
            row = self.use[r]
            for x in range(t - self.lo, t + d - self.lo):
                row[x] += u


def serial_sgs(problem: Problem, key, fixed=None) -> list:
    """Serial SGS: repeatedly take the eligible task (all predecessors placed) with the least
    ``key`` and start it as early as its links and the resources allow.  ``fixed`` tasks are
    placed first at their given starts."""
    p = problem
    n = p.n
    lo = min(p.release) if n else 0
    prof = _Profile(p, min(lo, 0))
    S = [0] * n
    done = [False] * n
    if fixed:
        for k, t in fixed.items():
            S[k] = t
            done[k] = True
            if p.dur[k] and p.demand[k]:
                prof.place(k, t)
    npred = [len(p.preds[k]) + len(p.epreds[k]) for k in range(n)]
    heap = [(key[k], k) for k in range(n) if npred[k] == 0]
    heapq.heapify(heap)
    while heap:
        _, j = heapq.heappop(heap)
        if not done[j]:
            t = max(p.release[j], p.link_bound(j, S))
            t = prof.earliest(j, t)
            S[j] = t
            done[j] = True
            if p.dur[j] and p.demand[j]:
                prof.place(j, t)
        for k in [k for k, _ in p.succs[j]] + [k for k, _ in p.esuccs[j]]:
            npred[k] -= 1
            if npred[k] == 0:
                heapq.heappush(heap, (key[k], k))
    return S


def _reverse(problem: Problem, edelta: dict) -> Problem:
    """The mirror problem (time runs backwards): used only to derive priorities."""
    p = problem
    links = [(j, i, d + p.dur[j] - p.dur[i]) for i, j, d in p.links if p.capped[j] is None]
    links += [(j, i, d + p.dur[j] - p.dur[i]) for (i, j), d in edelta.items()
              if p.capped[j] is None]
    return Problem(p.dur, links, p.capacity, p.demand)


def heuristic(problem: Problem, heads: list, tails: list, edelta: dict, iterations: int = 24,
              seed: int = 0, fixed=None, deadline: float | None = None):
    """Best schedule found by the serial SGS under several priority rules (latest start,
    latest finish, longest tail, randomised latest start), each improved by forward-backward
    passes.  Returns ``(makespan, starts)``; deterministic for a given seed."""
    p = problem
    n = p.n
    horizon = max(heads[k] + tails[k] for k in range(n)) if n else 0
    lst = [horizon - tails[k] for k in range(n)]
    rules = [
        [(lst[k], k) for k in range(n)],
        [(lst[k] + p.dur[k], -tails[k], k) for k in range(n)],
        [(-tails[k], lst[k], k) for k in range(n)],
    ]
    rev = _reverse(p, edelta) if not fixed else None
    rng = random.Random(seed)
    best = None
    for it in range(iterations):
        if deadline is not None and it >= len(rules) and time.perf_counter() > deadline:
            break
        if it < len(rules):
            key = rules[it]
        else:
            key = [(lst[k] + rng.random() * (1 + lst[k] - heads[k]), k) for k in range(n)]
        S = serial_sgs(p, key, fixed)
        M = p.makespan(S)
        if rev is not None:
            for _ in range(6):
                R = serial_sgs(rev, [(M - S[k] - p.dur[k], k) for k in range(n)])
                MR = rev.makespan(R)
                S2 = serial_sgs(p, [(MR - R[k] - p.dur[k], k) for k in range(n)])
                M2 = p.makespan(S2)
                if M2 < M:
                    S, M = S2, M2
                else:
                    break
        if best is None or M < best[0]:
            best = (M, S)
    return best


# =============================================================================================
# Precedence reasoning
# =============================================================================================
def closure(problem: Problem, edelta: dict, limit: int = 400) -> list | None:
    """``dist[i][j]``: the longest start-to-start distance from ``i`` to ``j`` (links only), or
    None when the plan is too large for all pairs."""
    p = problem
    if p.n > limit:
        return None
    dist = [dict() for _ in range(p.n)]
    for i in reversed(p.order):
        di = dist[i]
        out = [(j, d) for j, d in p.succs[i] if p.capped[j] is None]
        out += [(j, d) for (a, j), d in edelta.items() if a == i and p.capped[j] is None]
        for j, d in out:
            if di.get(j, NEG) < d:
                di[j] = d
            for k, e in dist[j].items():
                if di.get(k, NEG) < d + e:
                    di[k] = d + e
    return dist


def branch_pairs(problem: Problem, dist: list) -> list:
    """Pairs ``(a, b)`` with two or more parallel branches between them, smallest first:
    ``[(tasks strictly between, a, b)]``."""
    p = problem
    n = p.n
    before = [set() for _ in range(n)]
    for i in range(n):
        for k in dist[i]:
            before[k].add(i)
    out = []
    for a in range(n):
        succ_a = {s for s, _ in p.succs[a]}
        if len(succ_a) < 2:
            continue
        for b in dist[a]:
            if len(p.preds[b]) < 2:
                continue
            n_out = sum(1 for s in succ_a if b in dist[s])
            n_in = sum(1 for q in {q for q, _ in p.preds[b]} if q in dist[a])
            if n_out < 2 or n_in < 2:
                continue
            between = set(dist[a]) & before[b]
            if len(between) < 2 or not any(k in p.active for k in between):
                continue
            out.append((sorted(between), a, b))
    out.sort(key=lambda x: (len(x[0]), x[1], x[2]))
    return out


def resource_delays(problem: Problem, dist: list, budget: float, max_pairs: int = 400,
                    per_pair: float = 0.2, stop_event=None, register=None) -> dict:
    """Least start-to-start distances implied by resources between pairs of tasks joined by
    parallel branches: each is the optimum (or the proven bound) of the small project strictly
    between them, solved with CP-SAT, smallest first, each using the distances found before.
    Only distances larger than the longest path are kept: ``{(a, b): distance}``.  ``dist`` is
    updated in place (it stays the longest-path closure with the new distances)."""
    from ortools.sat.python import cp_model

    p = problem
    out: dict = {}
    stop = time.perf_counter() + budget
    active = set(p.active)
    for between, a, b in branch_pairs(p, dist)[:max_pairs]:
        if time.perf_counter() > stop or (stop_event is not None and stop_event.is_set()):
            break
        if len(between) > p.n - 3:
            continue
        if not any(sum(p.demand[k].get(r, 0) for k in between if k in active) > c
                   for r, c in enumerate(p.capacity)):
            continue
        m = cp_model.CpModel()
        base = dist[a]
        top = sum(p.dur[k] for k in between) + max(base[k] + p.dur[k] for k in between) + 1
        S = {a: 0}
        for k in between:
            S[k] = m.new_int_var(base[k], top, "")
        Sb = m.new_int_var(base[b], top + max(0, base[b]), "")
        S[b] = Sb
        for k in between:
            m.add(Sb >= S[k] + dist[k][b])
            for j, d in dist[k].items():
                if j in S and j != b and j != a:
                    m.add(S[j] >= S[k] + d)
        for r, c in enumerate(p.capacity):
            ks = [k for k in between if k in active and p.demand[k].get(r)]
            if sum(p.demand[k][r] for k in ks) > c:
                m.add_cumulative([m.new_fixed_size_interval_var(S[k], p.dur[k], "") for k in ks],
                                 [p.demand[k][r] for k in ks], c)
        m.minimize(Sb)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, min(per_pair, stop - time.perf_counter()))
        solver.parameters.num_workers = 1
        solver.parameters.catch_sigint_signal = False
        if register is not None:
            register(solver)
        if stop_event is not None and stop_event.is_set():
            break
        st = solver.solve(m)
        if stop_event is not None and stop_event.is_set():
            break
        if st in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            lb = int(math.ceil(solver.best_objective_bound - 1e-9))
            if lb > base[b]:
                out[(a, b)] = lb
                _raise_distance(dist, a, b, lb)
    return out


def _raise_distance(dist: list, a: int, b: int, d: int) -> None:
    """Keep ``dist`` the longest-path closure after the distance ``a -> b`` grew to ``d``."""
    into_a = [(x, dx[a]) for x, dx in enumerate(dist) if a in dx] + [(a, 0)]
    from_b = list(dist[b].items()) + [(b, 0)]
    for x, dxa in into_a:
        dx = dist[x]
        for y, dby in from_b:
            v = dxa + d + dby
            if dx.get(y, NEG) < v:
                dx[y] = v


# =============================================================================================
# CP-SAT
# =============================================================================================
@dataclass
class PhaseResult:
    """One lexicographic phase: what was minimised and how far the solver got."""

    name: str                    # finish | overload | peak | delay
    status: str                  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | SKIPPED
    value: int | None = None
    bound: int | None = None
    seconds: float = 0.0
    solutions: int = 0

    @property
    def gap(self) -> float | None:
        if self.value is None or self.bound is None:
            return None
        if self.value == self.bound:
            return 0.0
        return abs(self.value - self.bound) / max(1, abs(self.value))


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


class _Solutions:
    """CP-SAT solution callback: keeps the best starts and reports each improvement."""

    def __init__(self, cp_model, starts, phase, progress, t0):
        class CB(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(cb):
                self.count += 1
                self.best = [cb.value(v) for v in starts]
                if progress is not None:
                    progress(phase, int(cb.objective_value), int(cb.best_objective_bound),
                             time.perf_counter() - t0)

        self.count = 0
        self.best = None
        self.callback = CB()


def _run(solver, model, callback, interrupted: threading.Event):
    """Solve in a worker thread so that Ctrl-C (KeyboardInterrupt in the main thread) stops the
    search cleanly: the solver returns its best solution so far."""
    box = {}

    def target():
        box["status"] = solver.solve(model, callback)

    th = threading.Thread(target=target, daemon=True)
    th.start()
    while th.is_alive():
        try:
            th.join(0.1)
        except KeyboardInterrupt:
            interrupted.set()
            solver.stop_search()
    return box.get("status")


def solve(problem: Problem, objective: str = "finish", within_float: bool = False,
          time_limit: float = 10.0, workers: int = 2, progress=None, seed: int = 1,
          reasoning: bool = True, stable: bool = True) -> Outcome:
    """Level ``problem``: see the module docstring for the phases.  ``progress(phase, value,
    bound, seconds)`` is called on every improving solution."""
    t0 = time.perf_counter()            # importing OR-Tools (about 0.4 s) counts too
    from ortools.sat.python import cp_model

    if objective not in OBJECTIVES:
        raise PlanError(f"unknown objective {objective!r} (use {' or '.join(OBJECTIVES)})")
    deadline = t0 + time_limit
    p = problem
    n = p.n
    interrupted = threading.Event()
    notes: list[str] = []
    if progress is not None:
        progress = _improving(progress)

    # -- bounds, heuristic, horizon ------------------------------------------------------------
    heads = p.heads()
    edelta = _elapsed_deltas(p, heads)
    for k in range(n):
        if p.latest[k] is not None and heads[k] > p.latest[k]:
            return Outcome(None, [PhaseResult("finish", "INFEASIBLE")], 0, None,
                           seconds=time.perf_counter() - t0,
                           notes=[f"task {p.names[k]} cannot start by its latest start"])
    tails = p.tails(edelta=edelta)
    lower = max((heads[k] + tails[k] for k in range(n)), default=0)
    fixed = {k: p.release[k] for k in range(n) if p.latest[k] == p.release[k]}
    heur_ms, hint = heuristic(p, heads, tails, edelta, fixed=fixed or None, seed=seed,
                              deadline=t0 + 0.1 * time_limit)
    hint_ok = not p.violations(hint)
    hard = not within_float
    if within_float:
        hint = list(p.release)
    extra: dict = {}

    def horizon_of(ub_ms):
        if ub_ms is not None:
            return ub_ms
        # no feasible schedule known: a safe bound on the makespan of an optimal one
        top = max([heads[k] + p.dur[k] for k in range(n)] +
                  [(p.latest[k] or 0) + p.dur[k] for k in range(n)])
        blocked = sum(b - a for spans in p.blocked for a, b in spans)
        slack = sum(max(0, d) for _, _, d in p.links) + sum(max(0, d) for d in edelta.values())
        return top + sum(p.dur) + blocked + slack

    ub = heur_ms if hint_ok else None
    phases_spec = {("finish", False): ["finish", "delay"],
                   ("smooth", False): ["finish", "peak", "delay"],
                   ("finish", True): ["overload", "delay"],
                   ("smooth", True): ["overload", "peak", "delay"]}[(objective, within_float)]
    if not stable:
        phases_spec = phases_spec[:-1]

    def build(extra_links, ub_ms):
        return _build(cp_model, p, edelta, twins, extra_links, horizon_of(ub_ms), hard,
                      phases_spec)

    # -- phases ------------------------------------------------------------------------------
    closure_ok = n <= 400 and bool(p.active)
    twins = twin_groups(p)
    built = build(extra, ub)
    if built is None:
        return Outcome(None, [PhaseResult(phases_spec[0], "INFEASIBLE")], lower, heur_ms,
                       seconds=time.perf_counter() - t0, notes=["time windows are empty"])
    model, S, objs, lower = built
    results: list[PhaseResult] = []
    best = hint if (hint_ok or within_float) else None
    for idx, name in enumerate(phases_spec):
        left = deadline - time.perf_counter()
        if interrupted.is_set() or left <= 0.01:
            results.append(PhaseResult(name, "SKIPPED"))
            continue
        later = len(phases_spec) - idx - 1
        t_phase = time.perf_counter()
        budget = left * (0.7 if later else 1.0) if idx == 0 else left / (later + 1)
        if idx == 0 and name == "finish" and ub is not None and ub == lower:
            res, starts = PhaseResult(name, "OPTIMAL", ub, lower, 0.0, 0), None
        else:
            # a deterministic single-worker attempt first: the same plan then always gives
            # the same levelled plan whenever it proves optimality there.  For the finish,
            # precedence reasoning with resources runs meanwhile on the other core, for the
            # case that this attempt cannot settle it
            quick = min(budget, max(0.2, 0.02 * budget)) if workers > 1 else budget
            lp = name != "finish"       # the makespan searches without the LP relaxation
            reasoner = None
            if idx == 0 and name == "finish" and reasoning and workers > 1 and closure_ok:
                reasoner = _Reasoner(p, edelta, min(1.0, 0.1 * budget))
            res, starts = _phase(cp_model, model, S, objs, name, _in_order(best, twins), quick,
                                 1, seed, progress, interrupted, deterministic=True,
                                 wall=budget, lp=lp)
            # UNKNOWN (no plan within the short budget, e.g. presolve of a big model) is not
            # settled: the parallel search goes on
            settled = res.status in ("OPTIMAL", "INFEASIBLE", "MODEL_INVALID") or \
                interrupted.is_set()
            if reasoner is not None:
                if settled:
                    reasoner.stop()
                else:
                    extra = reasoner.result()
                    notes.append(f"precedence reasoning: {len(extra)} resource-implied "
                                 f"distances")
                    rebuilt = build(extra, ub if res.value is None else res.value) \
                        if extra else None
                    if rebuilt is not None:
                        model, S, objs, lower2 = rebuilt
                        lower = max(lower, lower2)
            now = time.perf_counter()
            end = now + budget - (now - t_phase)
            if later:
                end = min(end, deadline - 0.3 * (deadline - now))
            if not settled and workers > 1 and end - now > 0.01:
                # one continuous parallel search for the rest (restarts lose what the search
                # has learnt), from the best plan so far
                res2, starts2 = _phase(cp_model, model, S, objs, name,
                                       _in_order(starts or best, twins), end - now,
                                       workers, seed, progress, interrupted,
                                       lp=lp)
                res, starts = _merge(res, starts or best, res2, starts2)
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
    out = Outcome(best, results, lower, heur_ms, interrupted.is_set(),
                  time.perf_counter() - t0, notes)
    if best is not None and hard:
        bad = p.violations(best)
        if bad:  # pragma: no cover - would be a bug in the model
            raise RuntimeError("levelled schedule is not feasible: " + "; ".join(bad[:3]))
    return out


def twin_groups(p: Problem) -> list:
    """Groups of interchangeable tasks (same duration, demands, links both ways, bounds):
    swapping two of them changes nothing, so the model keeps each group in start order."""
    groups: dict = {}
    for k in p.active:
        if p.epreds[k] or p.esuccs[k]:
            continue
        key = (p.dur[k], tuple(sorted(p.demand[k].items())), tuple(sorted(p.preds[k])),
               tuple(sorted(p.succs[k])), p.release[k], p.latest[k], p.capped[k])
        groups.setdefault(key, []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def _in_order(hint, twins):
    """``hint`` with the starts of each group of twins sorted (the model's order)."""
    if hint is None or not twins:
        return hint
    hint = list(hint)
    for g in twins:
        for k, v in zip(g, sorted(hint[k] for k in g)):
            hint[k] = v
    return hint


class _Reasoner:
    """Derives resource-implied distances (:func:`resource_delays`) in a thread, so that the
    first search can run meanwhile on the other core."""

    def __init__(self, p: Problem, edelta: dict, budget: float):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sub = None
        self._extra: dict = {}
        self._thread = threading.Thread(target=self._run, args=(p, edelta, budget),
                                        daemon=True)
        self._thread.start()

    def _run(self, p, edelta, budget):
        dist = closure(p, edelta)
        if dist is not None:
            self._extra = resource_delays(p, dist, budget, stop_event=self._stop,
                                          register=self._register)

    def _register(self, solver) -> None:
        with self._lock:
            self._sub = solver
            stopped = self._stop.is_set()
        if stopped:
            solver.stop_search()

    def stop(self) -> None:
        """Stop the reasoning (its result is no longer needed)."""
        with self._lock:
            self._stop.set()
            sub = self._sub
        if sub is not None:
            sub.stop_search()
        self._thread.join()

    def result(self) -> dict:
        """The distances found (waits for the reasoning to use up its budget)."""
        self._thread.join()
        return self._extra


def _merge(res: PhaseResult, starts, res2: PhaseResult, starts2):
    """The better of two attempts at one phase, with the best bound of either."""
    out = dataclasses.replace(res2, seconds=res.seconds + res2.seconds,
                              solutions=res.solutions + res2.solutions)
    bounds = [b for b in (res.bound, res2.bound) if b is not None]
    out.bound = max(bounds) if bounds else None
    if starts2 is None or (res.value is not None and res2.value is not None
                           and res.value < res2.value):
        out.value, starts2 = res.value, starts
    if out.value is not None and out.bound is not None and out.bound >= out.value:
        out.bound = out.value
        out.status = "OPTIMAL"
    elif out.value is not None:
        out.status = "FEASIBLE"
    return out, starts2


# The full-problem workers allowed for the makespan, in CP-SAT's names.  With 2 workers CP-SAT
# picks no_lp among them and runs its large-neighbourhood searches on the other thread; with
# more it adds the others.  The LP relaxation of a makespan is weak: without it the complete
# search makes several times more decisions per second, which is what closes the hard j30
# instances (docs/levelling.md).
MAKESPAN_WORKERS = ["no_lp", "default_lp", "quick_restart", "max_lp", "fixed", "reduced_costs",
         "pseudo_costs"]


def _phase(cp_model, model, S, objs, name, hint, seconds, workers, seed, progress,
           interrupted, deterministic=False, wall=None, lp=True):
    """Minimise ``objs[name]`` (earlier phases are already constraints of ``model``).
    ``lp=False``: the complete search runs without the LP relaxation (a single worker at
    linearization level 0; in parallel, the workers of ``MAKESPAN_WORKERS``)."""
    t0 = time.perf_counter()
    model.clear_objective()
    model.minimize(objs[name])
    model.clear_hints()
    if hint is not None:
        for v, x in zip(S, hint):
            model.add_hint(v, x)
    solver = cp_model.CpSolver()
    prm = solver.parameters
    if deterministic:
        prm.max_deterministic_time = max(0.01, seconds)
        prm.max_time_in_seconds = max(0.01, min(3 * seconds, wall if wall else 3 * seconds))
    else:
        prm.max_time_in_seconds = max(0.01, seconds)
    prm.num_workers = max(1, workers)
    if not lp:
        if prm.num_workers == 1:
            prm.linearization_level = 0
        else:
            prm.subsolvers.extend(MAKESPAN_WORKERS)
    prm.random_seed = seed              # 1 is CP-SAT's own default
    prm.catch_sigint_signal = False
    sols = _Solutions(cp_model, S, name, progress, t0)
    status = _run(solver, model, sols.callback, interrupted)
    res = PhaseResult(name, solver.status_name(status) if status is not None else "UNKNOWN",
                      seconds=time.perf_counter() - t0, solutions=sols.count)
    starts = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        res.value = int(round(solver.objective_value))
        res.bound = int(math.ceil(solver.best_objective_bound - 1e-9))
        starts = [solver.value(v) for v in S]
    return res, starts


def _build(cp_model, p: Problem, edelta: dict, twins: list, extra_links: dict, H: int,
           hard: bool, phases_spec: list):
    """The CP-SAT model of ``p`` with horizon ``H``: ``(model, start vars, objectives, lower
    bound)``, or None when a time window is empty.  ``hard``: capacities must hold (else, within
    float, a task may be left out of levelling)."""
    n = p.n
    hd = p.heads(extra_links)
    tl = p.tails(extra_links, edelta)
    lo = hd
    hi = []
    for k in range(n):
        h = H - tl[k]
        if p.latest[k] is not None:
            h = min(h, p.latest[k])
        hi.append(max(h, lo[k]) if not hard else h)
    if hard and any(hi[k] < lo[k] for k in range(n)):
        return None
    m = cp_model.CpModel()
    S = [m.new_int_var(lo[k], hi[k], f"s{k}") for k in range(n)]
    lb = max((hd[k] + tl[k] for k in range(n)), default=0)
    M = m.new_int_var(min(lb, H), H, "finish")
    for k in range(n):
        implied = any(d + p.dur[j] >= p.dur[k] and p.capped[j] is None
                      for j, d in p.succs[k])
        if not implied:
            m.add(M >= S[k] + p.dur[k])
    for i, j, d in p.links:
        cap = p.capped[j]
        if cap is None or hi[i] + d <= cap:
            m.add(S[j] >= S[i] + d)
        else:
            aux = m.new_int_var(min(lo[i] + d, cap), cap, "")
            m.add_min_equality(aux, [S[i] + d, cap])
            m.add(S[j] >= aux)
    for i, j, fn in p.elinks:
        table = [fn(x) for x in range(lo[i], hi[i] + 1)]
        t = m.new_int_var(min(table), max(table), "")
        m.add_element(S[i] - lo[i], table, t)
        cap = p.capped[j]
        if cap is not None:
            aux = m.new_int_var(min(min(table), cap), cap, "")
            m.add_min_equality(aux, [t, cap])
            t = aux
        m.add(S[j] >= t)
    for (a, b), d in extra_links.items():
        m.add(S[b] >= S[a] + d)
    for group in twins:                 # interchangeable tasks: keep them in order
        for a, b in zip(group, group[1:]):
            m.add(S[a] <= S[b])
    if hard:
        iv = {k: m.new_fixed_size_interval_var(S[k], p.dur[k], f"i{k}") for k in p.active}
        kept = {}
    else:
        # within float a task may be left out of levelling (it keeps its links, and its
        # conflicts remain); the first phase minimises the work left out
        kept = {k: m.new_bool_var(f"kept{k}") for k in p.active}
        iv = {k: m.new_optional_fixed_size_interval_var(S[k], p.dur[k], kept[k], f"i{k}")
              for k in p.active}
    capvar = []
    weights = []
    for r, cap in enumerate(p.capacity):
        ks = [k for k in p.active if p.demand[k].get(r)]
        need = max([p.demand[k][r] for k in ks], default=0)
        total = sum(p.demand[k][r] for k in ks)
        weights.append(max(1, round(1000 / cap)))
        cv = m.new_int_var(min(need, cap), cap, f"peak{r}") if "peak" in phases_spec \
            else cap
        capvar.append(cv)
        if not ks or (total <= cap and not p.blocked[r] and isinstance(cv, int)):
            continue
        intervals = [iv[k] for k in ks]
        demands = [p.demand[k][r] for k in ks]
        for a, b in p.blocked[r]:
            if b > min(lo) and a < H + 1:
                intervals.append(m.new_fixed_size_interval_var(a, b - a, ""))
                demands.append(cv)
        if hard:
            size = m.new_int_var(0, H, "")
            intervals.append(m.new_interval_var(M, size, H, ""))
            demands.append(cv)
        m.add_cumulative(intervals, demands, cv)
    work = {k: p.dur[k] * sum(p.demand[k].values()) for k in kept}
    objectives = {
        "finish": M,
        "delay": sum(S[k] for k in range(n)) - sum(p.release),
        "peak": sum(w * c for w, c in zip(weights, capvar) if not isinstance(c, int)),
        "overload": sum(work.values()) - sum(work[k] * x for k, x in kept.items()),
    }
    return m, S, objectives, lb


def _improving(progress):
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


def _elapsed_deltas(p: Problem, heads: list) -> dict:
    """A safe least distance ``fn(x) - x`` for each elapsed-day link: the least over every start
    the predecessor can have in an optimal plan (from its earliest start on, over more than the
    whole plan could span), used for tails and reasoning only."""
    out = {}
    if not p.elinks:
        return out
    span = 2 * (sum(p.dur) + sum(abs(d) for _, _, d in p.links) +
                sum(b - a for spans in p.blocked for a, b in spans)) + 3 * 366
    span = min(span, 10 * 366)          # calendars repeat yearly; ten years is plenty
    for i, j, fn in p.elinks:
        x0 = heads[i]
        out[(i, j)] = min(fn(x) - x for x in range(x0, x0 + span))
    return out


# =============================================================================================
# Plans
# =============================================================================================
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
    for i in leaves:
        t = tasks[i]
        d = net.dur[i]
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
            if d > 0:
                dem[r] = u
        demand.append(dem)
        es = pos(before.es[i])
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
            lf = max(pos(before.ls[i]), es)
            lat = lf if lat is None else min(lat, lf)
        if lat is not None and lat < es:
            lat = es                      # a conflict the plan already has: keep the task put
        latest.append(lat)
        capped.append(cap)
        floors.append(floor)
    links, elinks = [], []
    for k, i in enumerate(leaves):
        c = net.constraint[i]
        if c is not None and c[0] in (MSO, MFO):
            continue                      # the date wins over every link (as in MS Project)
        for p_, typ, lag, el in net.leaf_preds[i]:
            j = index[p_]
            if el:
                elinks.append((j, k, _elapsed_fn(cal, before, p_, typ, lag, net.dur[p_], dur[k])))
                continue
            if typ == FS:
                delta = net.dur[p_] + lag
            elif typ == SS:
                delta = lag
            elif typ == FF:
                delta = net.dur[p_] - dur[k] + lag
            else:
                delta = lag - dur[k]
            links.append((j, k, delta))
    blocked = [_absent_spans(plan, r, cal) for r in plan.resources]
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


def _absent_spans(plan: Plan, res, cal) -> list:
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
          stable: bool = True) -> Result:
    """Level ``plan``'s resources and return the levelled plan and the report data.

    ``progress(phase, value, bound, seconds)`` is called on every improving solution, with
    ``value`` and ``bound`` in the phase's units (working days for ``finish``).  Ctrl-C stops
    the search and keeps the best plan so far (``result.outcome.interrupted``).
    """
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
    outcome = solve(ctx.problem, objective, within_float, left, workers, progress,
                    stable=stable)
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
        wrong = {k: T[k] - pos(after.start[i]) for k, i in enumerate(ctx.leaves)
                 if pos(after.start[i]) != T[k]}
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


# =============================================================================================
# Resource load
# =============================================================================================
@dataclass
class WeekLoad:
    week: str                    # ISO week, e.g. 2023-W47
    monday: dt.date
    work: float                  # person-days of work assigned in the week
    available: float             # person-days the resource can give (capacity x days present)
    peak: float                  # the highest load on one day, in units
    over: bool                   # over capacity (or working while absent) on some day


@dataclass
class OverAllocation:
    first: dt.date
    last: dt.date
    days: int                    # working days
    peak: float                  # units in use on the worst day
    tasks: list                  # ids of the tasks using the resource then


@dataclass
class ResourceLoad:
    id: str
    name: str
    capacity: float
    assumption: bool
    daily: dict                  # working-day index -> units in use
    absent: set                  # working-day indices of absences
    weeks: list
    over: list

    @property
    def peak(self) -> float:
        return max(self.daily.values(), default=0.0)


def resource_loads(sched: Schedule) -> list:
    """Load of every resource of ``sched.plan`` per working day and per ISO week, with the
    over-allocations (days above capacity, or work while absent) merged into periods."""
    plan = sched.plan
    cal = sched.calendar
    first = pos(sched.project_start_key)
    last = max(pos(sched.project_finish_key) - 1, first)
    out = []
    for r in plan.resources:
        daily: dict = {}
        who: dict = {}
        for i, t in enumerate(plan.tasks):
            if t.summary or not sched.duration[i]:
                continue
            for a in t.assignments:
                if a.resource != r.id:
                    continue
                s = pos(sched.start[i])
                for x in range(s, s + sched.duration[i]):
                    daily[x] = daily.get(x, 0.0) + a.units
                    who.setdefault(x, []).append(t.id)
        absent = set()
        for a, b in _absent_spans(plan, r, cal):
            absent.update(range(a, b))
        lo = min([first] + list(daily))
        hi = max([last] + list(daily))
        weeks: list = []
        by_label: dict = {}
        monday = cal.date(lo) - dt.timedelta(days=cal.date(lo).weekday())
        end = cal.date(hi)
        while monday <= end:            # every ISO week, also those without working days
            iso = monday.isocalendar()
            w = WeekLoad(f"{iso[0]}-W{iso[1]:02d}", monday, 0.0, 0.0, 0.0, False)
            weeks.append(w)
            by_label[w.monday] = w
            monday += dt.timedelta(days=7)
        for x in range(lo, hi + 1):
            d = cal.date(x)
            w = by_label[d - dt.timedelta(days=d.weekday())]
            u = daily.get(x, 0.0)
            w.work += u
            if x not in absent:
                w.available += r.capacity
            w.peak = max(w.peak, u)
            if _over(u, r.capacity, x in absent):
                w.over = True
        over: list = []
        prev = None
        for x in sorted(daily):
            u = daily[x]
            if not _over(u, r.capacity, x in absent):
                continue
            if over and prev == x - 1:
                o = over[-1]
                o.last = cal.date(x)
                o.days += 1
                o.peak = max(o.peak, u)
                o.tasks.extend(tid for tid in who[x] if tid not in o.tasks)
            else:
                over.append(OverAllocation(cal.date(x), cal.date(x), 1, u, list(who[x])))
            prev = x
        for w in weeks:
            w.work = round(w.work, 6)
            w.available = round(w.available, 6)
        out.append(ResourceLoad(r.id, r.name, r.capacity, r.assumption, daily, absent, weeks,
                                over))
    return out


def _over(units: float, capacity: float, absent: bool) -> bool:
    return units > capacity + 1e-9 or (absent and units > 1e-9)
