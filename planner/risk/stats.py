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
    """Ranks (1 = smallest) of whole numbers along each row, ties sharing their average rank:
    by counting (one ``bincount`` per slice of rows), not by sorting."""
    lo = a.min(axis=1, keepdims=True)
    v = (a - lo).astype(np.int64)
    width = int(v.max()) + 1 if v.size else 1
    out = np.empty(a.shape, dtype=float)
    step = max(1, 16_000_000 // max(width, a.shape[1]))
    for s in range(0, a.shape[0], step):
        keys = v[s:s + step] + (np.arange(min(step, a.shape[0] - s)) * width)[:, None]
        counts = np.bincount(keys.ravel(), minlength=keys.shape[0] * width)
        below = np.cumsum(counts) - counts
        below -= np.repeat(below[::width], width)          # counts of the row's own values
        out[s:s + step] = (below + (counts + 1) / 2)[keys]
    return out


def spearman_rows(a: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Spearman's rank correlation of each row of ``a`` (whole numbers) with ``target``; NaN
    where a row (or the target) does not vary.

    The ranks of a row are a function of its values, so the sums that Pearson's formula needs
    come from two ``bincount`` calls per slice of rows (counts, and the target's centred ranks
    summed per value), never from a rank array as large as the samples."""
    r, n = a.shape
    out = np.full(r, np.nan)
    if r == 0:
        return out
    rt = average_ranks(target[None, :])[0]
    rt -= rt.mean()
    norm_t = float(rt @ rt)
    lo = a.min(axis=1, keepdims=True)
    width = int((a.max(axis=1, keepdims=True) - lo).max()) + 1
    step = max(1, 4_000_000 // max(n, width))
    mean_rank = (n + 1) / 2
    for s in range(0, r, step):
        rows = min(step, r - s)
        keys = a[s:s + rows] - lo[s:s + rows] + (np.arange(rows) * width)[:, None]
        keys = keys.ravel().astype(np.int64, copy=False)
        counts = np.bincount(keys, minlength=rows * width).reshape(rows, width)
        sums = np.bincount(keys, weights=np.tile(rt, rows),
                           minlength=rows * width).reshape(rows, width)
        ranks = np.cumsum(counts, axis=1) - (counts - 1) / 2       # average rank per value
        num = (ranks * sums).sum(axis=1)
        var = (counts * (ranks - mean_rank) ** 2).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[s:s + rows] = num / np.sqrt(var * norm_t)
        out[s:s + rows][(var == 0) | (norm_t == 0)] = np.nan
    return out
