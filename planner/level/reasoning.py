"""Precedence reasoning with resources: for pairs of tasks joined by two or more parallel
branches, the least distance between them is computed from the small project in between (its
own little RCPSP, solved with CP-SAT) and added as a redundant precedence, which tightens every
time window.  :class:`Reasoner` runs it in a thread beside the first search."""
from __future__ import annotations

import math
import threading
import time

from .problem import NEG, Problem


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


def resource_delays(problem: Problem, dist: list, budget: float | None, max_pairs: int = 400,
                    per_pair: float = 0.2, stop_event=None, register=None,
                    deterministic: bool = False) -> dict:
    """Least start-to-start distances implied by resources between pairs of tasks joined by
    parallel branches: each is the optimum (or the proven bound) of the small project strictly
    between them, solved with CP-SAT, smallest first, each using the distances found before.
    Only distances larger than the longest path are kept: ``{(a, b): distance}``.  ``dist`` is
    updated in place (it stays the longest-path closure with the new distances).

    ``budget`` and ``per_pair`` are wall-clock seconds; with ``deterministic``, ``per_pair`` is
    CP-SAT's deterministic time and ``budget`` is not used (``max_pairs`` bounds the work), so
    the distances found do not depend on the machine."""
    from ortools.sat.python import cp_model

    p = problem
    out: dict = {}
    stop = None if deterministic else time.perf_counter() + budget
    active = set(p.active)
    for between, a, b in branch_pairs(p, dist)[:max_pairs]:
        if (stop is not None and time.perf_counter() > stop) or \
                (stop_event is not None and stop_event.is_set()):
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
        if deterministic:
            solver.parameters.max_deterministic_time = per_pair
        else:
            solver.parameters.max_time_in_seconds = max(0.01, min(per_pair,
                                                                   stop - time.perf_counter()))
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


class Reasoner:
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
