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
    out = k + 1
    out >>= 1
    return out


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
    critical: np.ndarray | None = None  # leaves: iterations with total float <= 0 (counted
                                        # by the backward pass when there is no ALAP task)

    def rollup(self, net: RiskNetwork) -> None:
        """A summary's keys from its children's (an ALAP child's by its late dates)."""
        es, ef, ls, lf = self.es, self.ef, self.ls, self.lf
        ces, cef = es, ef
        if net.alap.any():
            ces, cef = es.copy(), ef.copy()
            ces[net.alap], cef[net.alap] = ls[net.alap], lf[net.alap]
        for s, rows in net.rollup:
            es[s] = ces[s] = ces[rows].min(axis=0)
            ef[s] = cef[s] = cef[rows].max(axis=0)
            ls[s] = ls[rows].min(axis=0)
            lf[s] = lf[rows].max(axis=0)

    def total_float(self, net: RiskNetwork) -> np.ndarray:
        """Total float in working days, MS Project's way (ALAP leaves: 0)."""
        self.rollup(net)
        tf = _float(self.es, self.ef, self.ls, self.lf)
        tf[net.alap] = 0
        return tf

    def critical_counts(self, net: RiskNetwork) -> np.ndarray:
        """Per task, the iterations in which its total float is 0 or less."""
        if self.critical is None:
            return np.count_nonzero(self.total_float(net) <= 0, axis=1)
        counts = self.critical
        if net.rollup:
            self.rollup(net)
            sums = [s for s, _ in net.rollup]
            tf = _float(self.es[sums], self.ef[sums], self.ls[sums], self.lf[sums])
            counts[sums] = np.count_nonzero(tf <= 0, axis=1)
        return counts


def _float(es, ef, ls, lf):
    tf = pos(ls)
    tf -= pos(es)
    fin = pos(lf)
    fin -= pos(ef)
    return np.minimum(tf, fin, out=tf)


def run(net: RiskNetwork, dur: np.ndarray, days: DayTable | None,
        backward: bool = True) -> Passes:
    """Schedule every iteration: ``dur`` is ``(tasks, iterations)`` working days (summary rows
    are ignored).  ``backward=False`` stops after the forward passes (the finish only)."""
    n, m = dur.shape
    es = np.empty((n, m), dtype=KEY)
    ef = np.empty((n, m), dtype=KEY)
    ls = lf = crit = None
    which = 2 if net.summary_links else 1
    chosen = np.zeros((0, m), dtype=np.int64)
    if net.groups:
        # an SS/SF link from a summary binds its earliest leaf after a first pass without it
        _forward(net, dur, days, es, ef, None, None, 1, None)
        chosen = np.stack([g[np.argmin(es[g], axis=0)] for g in net.groups])
    finish = _forward(net, dur, days, es, ef, None, None, which, chosen)
    if backward:
        ls = np.empty((n, m), dtype=KEY)
        lf = np.empty((n, m), dtype=KEY)
        alap = net.alap.any()
        crit = None if alap else np.zeros(n, dtype=np.int64)
        _backward(net, dur, days, es, ef, ls, lf, crit, finish, chosen)
        if alap:
            _forward(net, dur, days, es, ef, ls, lf, which, chosen)
    return Passes(es, ef, ls, lf, finish, chosen, crit)


def _forward(net, dur, days, es, ef, ls, lf, which, chosen) -> np.ndarray:
    """Early keys level by level; returns the project finish (the latest early finish)."""
    pstart = net.pstart
    alap_pass = ls is not None
    finish = np.full(dur.shape[1], -BIG, dtype=KEY)
    for lvl in net.levels:
        t = lvl.tasks
        d = dur[t]
        fixed = []                         # local positions whose finish key is the constraint's
        edges = lvl.fwd2 if which == 2 else lvl.fwd1
        if len(edges.other):
            x = _start_values(edges, es, ef, ls, lf, dur, days, pstart, chosen, alap_pass)
            if not edges.single:
                x = _combine(x, edges, np.maximum)
            if edges.dense:
                k = x
            else:
                k = np.full(d.shape, pstart, dtype=KEY)
                k[edges.keyed] = x
        else:
            k = np.full(d.shape, pstart, dtype=KEY)
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
        positive = bool(d.all())          # no milestone in this level (the usual case)
        if positive:
            k += k & 1                    # a task moves on to the next working start
        else:
            k += (d > 0) & (k & 1)
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
        if positive:                      # k is a start (even): the finish is k + 2d - 1
            f = d * 2
            f += k
            f -= 1
        else:
            f = np.where(d > 0, 2 * (pos(k) + d) - 1, k)
        for loc, c2 in fixed:
            f[loc] = c2
        es[t] = k
        ef[t] = f
        np.maximum(finish, f.max(axis=0), out=finish)
    return finish


def _combine(x, e: Edges, op):
    """Per key task, ``op`` (max or min) over its edges' values ``x``."""
    k = x[e.starts]
    for have, idx in e.slots:
        k[have] = op(k[have], x[idx])
    return k


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


def _backward(net, dur, days, es, ef, ls, lf, crit, finish, chosen) -> None:
    """Late keys level by level, last level first; with ``crit``, also count per leaf the
    iterations with total float <= 0."""
    for lvl in reversed(net.levels):
        t = lvl.tasks
        d = dur[t]
        k = np.empty(d.shape, dtype=KEY)
        k[...] = finish
        e = lvl.bwd
        if len(e.other):
            y = _finish_values(e, ls, lf, dur, days, chosen)
            if not e.single:
                y = _combine(y, e, np.minimum)
            if e.dense:
                np.minimum(k, y, out=k)
            else:
                k[e.keyed] = np.minimum(k[e.keyed], y)
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
        if lvl.deadline_local.size:
            j = lvl.deadline_local
            k[j] = np.minimum(k[j], lvl.deadline)
        k -= (k & 1) ^ 1                  # 08:00 after a break is the same as 16:00 before it
        lf[t] = k
        if d.all():                       # k is a finish (odd): the start is k + 1 - 2d
            st = d * -2
            st += k
            st += 1
            ls[t] = st
            if crit is not None:          # early and late starts even, finishes odd
                a = st - es[t]
                np.minimum(a, k - ef[t], out=a)
                crit[t] += np.count_nonzero(a <= 0, axis=1)
        else:
            st = np.where(d > 0, 2 * (pos(k) - d), k)
            ls[t] = st
            if crit is not None:
                crit[t] += np.count_nonzero(_float(es[t], ef[t], st, k) <= 0, axis=1)


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
