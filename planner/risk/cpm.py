"""The critical-path passes of :mod:`planner.schedule`, for many iterations at once.

Arrays are ``(tasks, iterations)`` of time keys (``2*i`` is 08:00 on working day ``i``,
``2*i - 1`` is 16:00 on working day ``i - 1``); a pass walks the topological levels of a
:class:`~planner.risk.network.RiskNetwork` and handles every task of a level, in every
iteration, with a few array operations.  The integer rules are those of
:mod:`planner.schedule` line for line, so with fixed durations every iteration is the
deterministic schedule, key for key.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..schedule import FF, FS, SF, SS
from .days import DayTable
from .network import CODES, Edges, RiskNetwork

KEY = np.int32
BIG = 1 << 30
SNET, FNLT, FNET, SNLT, MSO, MFO = (CODES[c] for c in ("SNET", "FNLT", "FNET", "SNLT", "MSO",
                                                       "MFO"))


def pos(k):
    """Working-time position of keys (working days since the origin)."""
    return (k + 1) >> 1


def add_days(k, d):
    """Keys moved on by ``d >= 0`` working days: to a finish (16:00) when ``d > 0``."""
    return np.where(d > 0, 2 * (pos(k) + d) - 1, k)


def sub_days(k, d):
    """Keys moved back by ``d >= 0`` working days: to a start (08:00) when ``d > 0``."""
    return np.where(d > 0, 2 * (pos(k) - d), k)


def add_lag(k, lag):
    """Keys moved by a non-zero lag of working days (either sign)."""
    return 2 * (pos(k) + lag) - (lag > 0)


@dataclass(slots=True)
class Passes:
    """Keys per task and iteration; ``finish`` is the project finish per iteration."""

    es: np.ndarray
    ef: np.ndarray
    ls: np.ndarray
    lf: np.ndarray
    finish: np.ndarray
    chosen: np.ndarray

    def total_float(self, net: RiskNetwork) -> np.ndarray:
        """Total float in working days, MS Project's way (ALAP leaves: 0; summaries rolled
        up from their leaves)."""
        es, ef, ls, lf = self.es, self.ef, self.ls, self.lf
        sums, cat, offsets = net.rollup
        if len(sums):
            alap = net.alap[cat][:, None]
            es[sums] = np.minimum.reduceat(np.where(alap, ls[cat], es[cat]), offsets, axis=0)
            ef[sums] = np.maximum.reduceat(np.where(alap, lf[cat], ef[cat]), offsets, axis=0)
            ls[sums] = np.minimum.reduceat(ls[cat], offsets, axis=0)
            lf[sums] = np.maximum.reduceat(lf[cat], offsets, axis=0)
        tf = np.minimum(pos(ls) - pos(es), pos(lf) - pos(ef))
        tf[net.alap] = 0
        return tf


def run(net: RiskNetwork, dur: np.ndarray, days: DayTable | None,
        backward: bool = True) -> Passes:
    """Schedule every iteration: ``dur`` is ``(tasks, iterations)`` working days (summary rows
    are ignored).  ``backward=False`` stops after the forward passes (the finish only)."""
    n, m = dur.shape
    es = np.zeros((n, m), dtype=KEY)
    ef = np.zeros((n, m), dtype=KEY)
    ls = lf = es
    which = 2 if net.summary_links else 1
    chosen = np.zeros((0, m), dtype=np.int64)
    if net.groups:
        # an SS/SF link from a summary binds its earliest leaf after a first pass without it
        _forward(net, dur, days, es, ef, None, None, 1, None)
        chosen = np.stack([g[np.argmin(es[g], axis=0)] for g in net.groups])
    _forward(net, dur, days, es, ef, None, None, which, chosen)
    finish = ef[net.leaves].max(axis=0)
    if backward:
        ls = np.zeros((n, m), dtype=KEY)
        lf = np.zeros((n, m), dtype=KEY)
        _backward(net, dur, days, ls, lf, finish, chosen)
        if net.alap.any():
            _forward(net, dur, days, es, ef, ls, lf, which, chosen)
    return Passes(es, ef, ls, lf, finish, chosen)


def _forward(net, dur, days, es, ef, ls, lf, which, chosen) -> None:
    pstart = net.pstart
    alap_pass = ls is not None
    for lvl in net.levels:
        t = lvl.tasks
        d = dur[t]
        k = np.full(d.shape, pstart, dtype=KEY)
        fixed = []                         # local positions whose finish key is the constraint's
        edges = lvl.fwd2 if which == 2 else lvl.fwd1
        if len(edges.other):
            x = _start_values(edges, es, ef, ls, lf, dur, days, pstart, chosen, alap_pass)
            k[edges.keyed] = np.maximum.reduceat(x, edges.starts, axis=0)
        for code, loc, c1, c2 in lvl.cons:
            free = loc[~np.isin(loc, edges.keyed)]      # no predecessor: start at the constraint
            if not free.size:
                continue
            sel = np.isin(loc, free)
            if code == SNET:
                k[free] = c1[sel]
            elif code == FNET:
                k[free] = sub_days(c2[sel], d[free])
                fixed.append((free, c2[sel]))
        k += (d > 0) & (k & 1)            # a task moves on to the next working start
        if lvl.delay_local.size:
            j = lvl.delay_local
            k[j] = 2 * (pos(k[j]) + lvl.delay)
        for code, loc, c1, c2 in lvl.cons:
            kk, dd = k[loc], d[loc]
            if code == SNET:
                k[loc] = np.maximum(kk, c1)
            elif code == FNLT:
                k[loc] = np.minimum(kk, sub_days(c2, dd))
            elif code == FNET:
                k[loc] = np.maximum(kk, sub_days(c2, dd))
            elif code == SNLT:
                k[loc] = np.minimum(kk, c1)
            elif code == MSO:
                k[loc] = c1
            elif code == MFO:
                k[loc] = sub_days(c2, dd)
                fixed.append((loc, np.broadcast_to(c2, dd.shape)))
        f = np.where(d > 0, 2 * (pos(k) + d) - 1, k)
        for loc, c2 in fixed:
            f[loc] = c2
        es[t] = k
        ef[t] = f


def _start_values(e: Edges, es, ef, ls, lf, dur, days, pstart, chosen, alap_pass):
    """The earliest start key each edge allows its successor (``_link_start``)."""
    p = e.other
    x = np.empty((len(p), es.shape[1]), dtype=KEY)
    if e.simple.size:
        x[e.simple] = ef[p[e.simple]]
    for code, idx in e.by_type:
        pp = p[idx]
        src = ef if code in (FS, FF) else es
        v = src[pp]
        if alap_pass and e.alap.size:
            late = np.isin(idx, e.alap)
            if late.any():
                v[late] = (lf if code in (FS, FF) else ls)[pp[late]]
        if code in (FF, SF):
            v = sub_days(v, dur[e.key[idx]])
        x[idx] = v
    _lags(e, x, days, 1)
    if e.ff.size:
        x[e.ff] = np.maximum(x[e.ff], pstart)
    if e.masked.size:
        on = chosen[e.group] == e.cand
        x[e.masked] = np.where(on, x[e.masked], -BIG)
    return x


def _lags(e: Edges, x, days, sign) -> None:
    if e.lag_work.size:
        j = e.lag_work
        x[j] = add_lag(x[j], sign * e.lag[j])
    if e.lag_elapsed.size:
        j = e.lag_elapsed
        x[j] = days.add_elapsed(x[j], sign * e.lag[j])


def _backward(net, dur, days, ls, lf, finish, chosen) -> None:
    dl_tasks, dl_keys = net.deadline
    deadline = np.full(net.n, BIG, dtype=np.int64)
    deadline[dl_tasks] = dl_keys
    for lvl in reversed(net.levels):
        t = lvl.tasks
        d = dur[t]
        k = np.broadcast_to(finish, d.shape).astype(KEY)
        e = lvl.bwd
        if len(e.other):
            y = _finish_values(e, ls, lf, dur, days, chosen)
            k[e.keyed] = np.minimum(k[e.keyed], np.minimum.reduceat(y, e.starts, axis=0))
        for code, loc, c1, c2 in lvl.cons:
            kk, dd = k[loc], d[loc]
            if code == MSO:
                k[loc] = add_days(np.broadcast_to(c1, dd.shape), dd)
            elif code == MFO:
                k[loc] = c2
            elif code == SNLT:
                k[loc] = np.minimum(kk, add_days(np.broadcast_to(c1, dd.shape), dd))
            elif code == FNLT:
                k[loc] = np.minimum(kk, c2)
        k = np.minimum(k, deadline[t][:, None]).astype(KEY, copy=False)
        k -= 1 - (k & 1)                  # 08:00 after a break is the same as 16:00 before it
        lf[t] = k
        ls[t] = np.where(d > 0, 2 * (pos(k) - d), k)


def _finish_values(e: Edges, ls, lf, dur, days, chosen):
    """The latest finish key each edge allows its predecessor (``_link_finish``)."""
    s = e.other
    y = np.empty((len(s), ls.shape[1]), dtype=KEY)
    if e.simple.size:
        y[e.simple] = ls[s[e.simple]]
    for code, idx in e.by_type:
        ss = s[idx]
        if code == FS:
            v = ls[ss]
        elif code == FF:
            v = lf[ss]
        elif code == SS:
            v = ls[ss]
            v = v + (v & 1)
        else:
            v = add_days(lf[ss], dur[e.key[idx]])
        y[idx] = v
    _lags(e, y, days, -1)
    for code, idx in e.by_type:
        if code == SS:
            y[idx] = add_days(y[idx], dur[e.key[idx]])
    if e.masked.size:
        on = chosen[e.group] == e.cand
        y[e.masked] = np.where(on, y[e.masked], BIG)
    return y
