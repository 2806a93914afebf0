"""Statistics of a run: P-values of whole working days, rank correlation, convergence."""
from __future__ import annotations

import numpy as np

#: the P-values the report gives (P50 is the Norwegian state's "styringsramme", P85 its
#: "kostnadsramme")
PERCENTS = (10, 50, 80, 85, 90)


def percentile(values: np.ndarray, percent: int) -> int:
    """The smallest value that at least ``percent`` % of ``values`` are at or below (exact on
    integers: no interpolation between days)."""
    lo = int(values.min())
    counts = np.cumsum(np.bincount(values - lo))
    return lo + int(np.searchsorted(counts * 100, percent * len(values), side="left"))


def prefix_percentiles(values: np.ndarray, lengths, percent: int) -> list[int]:
    """``percentile(values[:n], percent)`` for each ``n`` in ``lengths``."""
    lo = int(values.min())
    width = int(values.max()) - lo + 1
    out = []
    for n in lengths:
        counts = np.cumsum(np.bincount(values[:n] - lo, minlength=width))
        out.append(lo + int(np.searchsorted(counts * 100, percent * n, side="left")))
    return out


def convergence(values: np.ndarray) -> dict:
    """How far P50 and P85 moved (max - min, working days) over the last 10% of the run:
    checked at 11 points from 90% to 100% of the iterations."""
    n = len(values)
    lengths = sorted({max(1, round(n * (90 + j) / 100)) for j in range(11)})
    out = {"window_iterations": n - lengths[0]}
    for p in (50, 85):
        vals = prefix_percentiles(values, lengths, p)
        out[f"p{p}_moved_days"] = max(vals) - min(vals)
    return out


def average_ranks(a: np.ndarray) -> np.ndarray:
    """Ranks (1 = smallest) along each row, ties sharing their average rank."""
    r, n = a.shape
    order = np.argsort(a, axis=1, kind="stable")
    s = np.take_along_axis(a, order, axis=1)
    new = np.ones((r, n), dtype=bool)
    new[:, 1:] = s[:, 1:] != s[:, :-1]
    idx = np.arange(n)
    first = np.maximum.accumulate(np.where(new, idx, 0), axis=1)
    last_of_run = np.ones((r, n), dtype=bool)
    last_of_run[:, :-1] = new[:, 1:]
    last = np.minimum.accumulate(np.where(last_of_run, idx, n - 1)[:, ::-1], axis=1)[:, ::-1]
    ranks = np.empty((r, n), dtype=float)
    np.put_along_axis(ranks, order, (first + last) / 2 + 1, axis=1)
    return ranks


def spearman_rows(a: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Spearman's rank correlation of each row of ``a`` with ``target``; NaN where a row (or
    the target) does not vary."""
    if a.shape[0] == 0:
        return np.zeros(0)
    ra = average_ranks(a)
    rt = average_ranks(target[None, :])[0]
    ra -= ra.mean(axis=1, keepdims=True)
    rt = rt - rt.mean()
    num = ra @ rt
    den = np.sqrt((ra * ra).sum(axis=1) * (rt @ rt))
    with np.errstate(invalid="ignore", divide="ignore"):
        out = num / den
    out[den == 0] = np.nan
    return out
