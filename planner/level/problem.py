"""The integer levelling problem: tasks with starts in working-day positions, minimum
distances between starts, and cumulative resources with blocked days.

A plan's leaf tasks become a :class:`Problem` (see :mod:`planner.level.compile`): task ``k``
starts at working-time position ``S[k]`` (working days since the plan start, see
:func:`planner.schedule.pos`) and runs ``dur[k]`` working days.  Every link of every type and
lag becomes a minimum distance between two starts (``S[j] >= S[i] + delta``; elapsed-day lags a
monotone table), date constraints become bounds, and each resource is a cumulative capacity in
integer units with its absences as blocked days.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import PlanError

NEG = -(1 << 60)


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


def elapsed_deltas(p: Problem, heads: list) -> dict:
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
