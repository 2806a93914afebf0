"""A plan compiled for the vectorised passes: numpy arrays, one group of tasks per level.

:func:`compile_network` starts from :func:`planner.schedule.compile_plan` (the same ids, link
codes, constraint and deadline keys the deterministic scheduler uses) and

* expands MS Project's summary logic as :mod:`planner.schedule` does: a link into a summary
  binds each of its leaves, an FS/FF link out of a summary binds each leaf's finish, and an
  SS/SF link out of a summary binds its *earliest* leaf.  Which leaf is earliest depends on the
  sampled durations, so such a link becomes one *masked* edge per leaf, active in an iteration
  only where that leaf is the one chosen after the first pass;
* sorts the leaves into topological levels (a task's level is one more than its predecessors'
  highest), so a pass handles a whole level, for every iteration, in a few array operations;
* groups, per level, the edges into its tasks (forward pass) and out of them (backward pass),
  by kind, so the common finish-to-start link without lag costs one gather; a task's edges are
  combined slot by slot (first edges of all tasks, then second edges, ...), which is ten times
  faster than ``np.maximum.reduceat`` along the task axis.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..calendar import WorkCalendar
from ..errors import PlanError
from ..model import Plan
from ..schedule import CONSTRAINT_CODE, FF, FS, SF, SS, compile_plan
from ..schedule.rollup import _subtask_order as leaves_under   # MPXJ's allChildTasks order

ALAP = CONSTRAINT_CODE["ALAP"]
CODES = {name: CONSTRAINT_CODE[name] for name in ("SNET", "FNLT", "FNET", "SNLT", "MSO", "MFO")}


@dataclass(slots=True)
class Edges:
    """Edges of one level, grouped by the level's task at one end (the *key*: the successor in
    the forward pass, the predecessor in the backward pass)."""

    other: np.ndarray        # the task at the other end, per edge
    key: np.ndarray          # the level's task, per edge
    starts: np.ndarray       # first edge of each key task that has edges
    slots: tuple             # (key tasks with a (j+1)-th edge, that edge) for j = 1, 2, ...
    keyed: np.ndarray        # local positions (in the level) of the tasks that have edges
    simple: np.ndarray       # edges FS without lag and without mask: one gather
    by_type: tuple           # (type, edge positions) for the other edges
    lag_work: np.ndarray     # edge positions with a lag in working days
    lag_elapsed: np.ndarray  # edge positions with a lag in elapsed days
    lag: np.ndarray          # lag per edge (column vector)
    ff: np.ndarray           # FF edges (the forward pass keeps them after the project start)
    masked: np.ndarray       # edge positions with a mask
    group: np.ndarray        # mask group per masked edge
    cand: np.ndarray         # the leaf that must be chosen, per masked edge
    alap: np.ndarray         # forward: positions of edges from an ALAP task to a non-ALAP one
    single: bool             # every key task has one edge (no reduction needed)
    dense: bool              # every task of the level has an edge


@dataclass(slots=True)
class Level:
    tasks: np.ndarray
    fwd1: Edges              # first forward pass: the plan's leaf-to-leaf links
    fwd2: Edges | None       # second forward pass: with summary links (None: none)
    bwd: Edges
    cons: tuple              # (code, local positions, start keys, finish keys)
    delay_local: np.ndarray
    delay: np.ndarray
    deadline_local: np.ndarray
    deadline: np.ndarray     # finish keys (column vector)


@dataclass(slots=True)
class RiskNetwork:
    ids: list
    n: int
    leaves: np.ndarray
    summary: np.ndarray      # bool per task
    duration: np.ndarray     # planned working days (0 for summaries)
    levels: list
    groups: list             # per mask group: candidate leaves in MS Project's order
    alap: np.ndarray         # bool per task
    rollup: list             # (summary, its children's rows), children before parents
    pstart: int
    summary_links: bool      # the second forward pass (with summary logic) is the one


def compile_network(plan: Plan, cal: WorkCalendar) -> RiskNetwork:
    net = compile_plan(plan, cal)
    n = len(net.ids)
    summary = np.array(net.summary, dtype=bool)
    kids: dict[int, list] = {}
    for i, p in enumerate(net.parent):
        if p >= 0:
            kids.setdefault(p, []).append(i)
    leaf_edges = [(p, s, typ, lag, el, -1, -1) for s in range(n) if not net.summary[s]
                  for p, typ, lag, el in net.leaf_preds[s]]
    extra, groups = _expand(net, kids)
    edges = leaf_edges + extra
    leaves = [i for i in range(n) if not net.summary[i]]
    level_of = _levels(net, plan, leaves, edges)
    alap = np.array([c is not None and c[0] == ALAP for c in net.constraint], dtype=bool)
    levels = _build_levels(net, level_of, leaves, leaf_edges, edges, bool(extra), alap)
    return RiskNetwork(
        ids=list(net.ids), n=n, leaves=np.array(leaves, dtype=np.int64), summary=summary,
        duration=np.array(net.dur, dtype=np.int64), levels=levels, groups=groups, alap=alap,
        rollup=_rollup(net, kids), pstart=cal.start_key(plan.start),
        summary_links=bool(extra))


def _expand(net, kids) -> tuple[list, list]:
    extra: list = []
    groups: list = []
    group_of: dict[int, int] = {}
    for p, s, typ, lag, el in net.summary_links:
        succs = sorted(leaves_under(net, kids, s)) if net.summary[s] else [s]
        if not net.summary[p]:
            extra.extend((p, b, typ, lag, el, -1, -1) for b in succs)
            continue
        subs = leaves_under(net, kids, p)
        if not subs:
            raise PlanError(f"summary task {net.ids[p]} has no subtasks to link from")
        if typ in (SS, SF):
            g = group_of.get(p)
            if g is None:
                g = group_of[p] = len(groups)
                groups.append(np.array(subs, dtype=np.int64))
            for b in succs:
                extra.extend((a, b, typ, lag, el, g, a) for a in subs)
        else:
            extra.extend((a, b, typ, lag, el, -1, -1) for a in sorted(subs) for b in succs)
    return extra, groups


def _levels(net, plan, leaves, edges) -> dict:
    preds: dict[int, list] = {i: [] for i in leaves}
    succs: dict[int, list] = {i: [] for i in leaves}
    for p, s, *_ in edges:
        preds[s].append(p)
        succs[p].append(s)
    waiting = {i: len(preds[i]) for i in leaves}
    ready = [i for i in leaves if not waiting[i]]
    level = {i: 0 for i in ready}
    done = 0
    while ready:
        nxt = []
        for i in ready:
            done += 1
            for s in succs[i]:
                lv = level[i] + 1
                if level.get(s, -1) < lv:
                    level[s] = lv
                waiting[s] -= 1
                if not waiting[s]:
                    nxt.append(s)
        ready = nxt
    if done < len(leaves):
        stuck = min(i for i in leaves if waiting[i])
        raise PlanError(f"task {net.ids[stuck]}: an SS/SF link from a summary to a task that "
                        f"one of the summary's own subtasks waits for; risk analysis cannot "
                        f"order such a plan (link from a subtask instead)",
                        path=plan.tasks[stuck].src + ("predecessors",), file=plan.source)
    return level


def _build_levels(net, level_of, leaves, leaf_edges, edges, has_extra, alap) -> list:
    depth = max(level_of.values()) + 1
    tasks_at: list[list] = [[] for _ in range(depth)]
    for i in leaves:
        tasks_at[level_of[i]].append(i)
    ea = np.array(edges, dtype=np.int64).reshape(-1, 7)
    e1 = np.array(leaf_edges, dtype=np.int64).reshape(-1, 7)
    lv_s, lv_p = _level_index(ea[:, 1], level_of), _level_index(ea[:, 0], level_of)
    lv1 = _level_index(e1[:, 1], level_of)
    out = []
    for lv, tl in enumerate(tasks_at):
        t = np.array(tl, dtype=np.int64)
        fwd1 = _edges(e1[lv1 == lv], t, 1, 0, alap)
        fwd2 = _edges(ea[lv_s == lv], t, 1, 0, alap) if has_extra else None
        bwd = _edges(ea[lv_p == lv], t, 0, 1, None)
        cons = []
        for code in CODES.values():
            loc = [j for j, i in enumerate(tl) if net.constraint[i] is not None
                   and net.constraint[i][0] == code]
            if loc:
                cs = [net.constraint[tl[j]] for j in loc]
                cons.append((code, np.array(loc, dtype=np.int64),
                             np.array([c[1] for c in cs], dtype=np.int64)[:, None],
                             np.array([c[2] for c in cs], dtype=np.int64)[:, None]))
        dloc = [j for j, i in enumerate(tl) if net.delay[i]]
        dlines = [j for j, i in enumerate(tl) if net.deadline_key[i] is not None]
        out.append(Level(t, fwd1, fwd2, bwd, tuple(cons), np.array(dloc, dtype=np.int64),
                         np.array([net.delay[tl[j]] for j in dloc], dtype=np.int64)[:, None],
                         np.array(dlines, dtype=np.int64),
                         np.array([net.deadline_key[tl[j]] for j in dlines],
                                  dtype=np.int64)[:, None]))
    return out


def _level_index(tasks: np.ndarray, level_of: dict) -> np.ndarray:
    return np.array([level_of[int(i)] for i in tasks], dtype=np.int64)


def _edges(e: np.ndarray, level_tasks: np.ndarray, key_col: int, other_col: int,
           alap) -> Edges:
    """The edges ``e`` (rows p, s, type, lag, elapsed, group, cand) grouped by the task in
    ``key_col``, which is one of ``level_tasks``."""
    local = np.searchsorted(level_tasks, e[:, key_col])
    order = np.argsort(local, kind="stable")
    e, local = e[order], local[order]
    first = np.ones(len(local), dtype=bool)
    first[1:] = local[1:] != local[:-1]
    typ, lag, el, group = e[:, 2], e[:, 3], e[:, 4].astype(bool), e[:, 5]
    alap_edge = np.zeros(len(e), dtype=bool)
    if alap is not None and len(e):
        alap_edge = alap[e[:, 0]] & ~alap[e[:, 1]]
    plain = (typ == FS) & (lag == 0) & (group < 0) & ~alap_edge
    rest = np.flatnonzero(~plain)
    by_type = tuple((code, rest[typ[rest] == code]) for code in (FS, SS, FF, SF)
                    if np.any(typ[rest] == code))
    masked = np.flatnonzero(group >= 0)
    starts = np.flatnonzero(first)
    degree = np.diff(np.append(starts, len(local)))
    slots = tuple((np.flatnonzero(degree > j), starts[degree > j] + j)
                  for j in range(1, int(degree.max()) if len(degree) else 0))
    return Edges(other=e[:, other_col], key=e[:, key_col], starts=starts, slots=slots,
                 keyed=local[first], simple=np.flatnonzero(plain), by_type=by_type,
                 lag_work=np.flatnonzero((lag != 0) & ~el), lag_elapsed=np.flatnonzero(
                     (lag != 0) & el), lag=lag[:, None], ff=np.flatnonzero(typ == FF),
                 masked=masked, group=group[masked], cand=e[masked, 6][:, None],
                 alap=np.flatnonzero(alap_edge), single=len(local) == int(first.sum()),
                 dense=int(first.sum()) == len(level_tasks))


def _rollup(net, kids) -> list:
    """Each summary with its direct children, deepest first: a summary's rolled-up keys are
    those of its children, which are rolled up before it (MS Project's order)."""
    out = []
    for s in sorted((i for i in range(len(net.ids)) if net.summary[i]), reverse=True):
        rows = sorted(kids.get(s, ()))
        if rows == list(range(rows[0], rows[-1] + 1)):
            out.append((s, slice(rows[0], rows[-1] + 1)))
        else:
            out.append((s, np.array(rows, dtype=np.int64)))
    return out
