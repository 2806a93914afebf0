"""The heuristic schedule: a serial schedule-generation scheme (SGS) under several priority
rules, each improved by forward-backward passes.  It gives the solver its upper bound, its
solution hint and a tight horizon."""
from __future__ import annotations

import heapq
import random
import time

from .problem import Problem


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
