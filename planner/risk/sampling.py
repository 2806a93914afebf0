"""Draws: durations from three-point estimates, risk events, and rank correlation.

Iterations come in blocks of :data:`BLOCK`; block ``b`` draws from its own generator,
``PCG64(SeedSequence(seed, spawn_key=(b,)))``, so iteration ``i``'s numbers depend only on the
seed and the input, never on how many iterations run: the first 10,000 iterations of a longer
(or ``--until-stable``) run are those of a 10,000-iteration run.

Every draw is one uniform number ``U`` put through the distribution's inverse distribution
function (its quantile function):

* triangular: in closed form; uniform (the most likely value is not used): ``A + (B - A) U``;
* Beta-PERT: ``A + (B - A) Q(U)`` with ``Q`` the quantile function of Beta(alpha, beta),
  alpha = 1 + 4(M-A)/(B-A), beta = 1 + 4(B-M)/(B-A).  ``Q`` is tabulated once per shape at
  :data:`PERT_POINTS` equally spaced probabilities (from the density integrated on a fine
  grid) and interpolated linearly: the draws' distribution function equals Beta's at every
  table point and is off by less than ``1 / (PERT_POINTS - 1)`` between them, far below the
  sampling error of any run, and four times faster than drawing Beta variates;
* correlation: the draws of correlated tasks are reordered, within the block, to follow the
  ranks of correlated normal scores (Iman and Conover's method).  Normals with Pearson
  correlation ``2 sin(pi r / 6)`` have Spearman rank correlation ``r``, so the requested
  coefficient is the rank correlation the durations get;
* a sampled duration or delay is rounded to the nearest whole working day, never below 0.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import PlanError
from .model import RiskInput, ThreePoint

BLOCK = 1000


def block_rng(seed: int, block: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed,
                                                                      spawn_key=(block,))))


#: probabilities at which the Beta-PERT quantile function is tabulated
PERT_POINTS = 2049
_DENSITY_POINTS = 4097


def continuous(rng: np.random.Generator, points: list, size: int) -> np.ndarray:
    """``(len(points), size)`` draws from the three-point distributions ``points``."""
    return ThreePoints(points).draw(rng, size)


class ThreePoints:
    """Three-point distributions compiled once: their bounds by kind, and the Beta-PERT
    quantile tables, so that each block costs one uniform and a few array operations per
    draw."""

    def __init__(self, points: list):
        a = np.array([p.optimistic for p in points], dtype=float)
        m = np.array([p.most_likely for p in points], dtype=float)
        b = np.array([p.pessimistic for p in points], dtype=float)
        kind = np.array([p.distribution for p in points], dtype=object)
        wide = b > a
        self.a, self.m, self.b = a, m, b
        self.tri = np.flatnonzero(wide & (kind == "triangular"))
        self.uni = np.flatnonzero(wide & (kind == "uniform"))
        self.pert = np.flatnonzero(wide & (kind == "pert"))
        pa, pm, pb = a[self.pert], m[self.pert], b[self.pert]
        shapes = np.stack([1 + 4 * (pm - pa) / (pb - pa), 1 + 4 * (pb - pm) / (pb - pa)], 1)
        shapes, row = np.unique(shapes.reshape(-1, 2), axis=0, return_inverse=True)
        self.table = beta_table(shapes[:, 0], shapes[:, 1]).ravel()
        self.offset = (row.reshape(-1) * PERT_POINTS)[:, None]

    def draw(self, rng: np.random.Generator, size: int) -> np.ndarray:
        a, m, b = self.a, self.m, self.b
        u = rng.random((len(a), size))
        out = np.repeat(a[:, None], size, axis=1)
        if self.tri.size:
            i = self.tri
            ta, tm, tb, tu = a[i, None], m[i, None], b[i, None], u[i]
            low = ta + np.sqrt(tu * (tb - ta) * (tm - ta))
            high = tb - np.sqrt((1 - tu) * (tb - ta) * (tb - tm))
            out[i] = np.where(tu < (tm - ta) / (tb - ta), low, high)
        if self.uni.size:
            i = self.uni
            out[i] = a[i, None] + (b - a)[i, None] * u[i]
        if self.pert.size:
            i = self.pert
            t = u[i] * (PERT_POINTS - 1)
            j = np.minimum(t.astype(np.int64), PERT_POINTS - 2)
            f = t - j
            j += self.offset
            lo = self.table[j]
            out[i] = a[i, None] + (b - a)[i, None] * (lo + f * (self.table[j + 1] - lo))
        return out


def beta_table(alpha: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """``(shapes, PERT_POINTS)``: Beta's quantiles at probabilities ``0, 1/(P-1), ..., 1``,
    from the density integrated by the trapezoid rule on :data:`_DENSITY_POINTS` points."""
    x = np.linspace(0.0, 1.0, _DENSITY_POINTS)
    probs = np.linspace(0.0, 1.0, PERT_POINTS)
    out = np.empty((len(alpha), PERT_POINTS))
    with np.errstate(divide="ignore"):
        logx, log1x = np.log(x), np.log1p(-x)
    for i, (a, b) in enumerate(zip(alpha, beta)):
        with np.errstate(invalid="ignore"):
            dens = np.exp((a - 1) * logx + (b - 1) * log1x)
        dens[0] = 1.0 if a == 1 else 0.0
        dens[-1] = 1.0 if b == 1 else 0.0
        cdf = np.concatenate([[0.0], np.cumsum((dens[1:] + dens[:-1]) / 2)])
        out[i] = np.interp(probs, cdf / cdf[-1], x)
    return out


def whole_days(x: np.ndarray) -> np.ndarray:
    """Rounded to the nearest whole working day (halves up), never below 0."""
    return np.maximum(np.floor(x + 0.5), 0).astype(np.int32)


def correlate(x: np.ndarray, rows: np.ndarray, factor: np.ndarray,
              rng: np.random.Generator) -> None:
    """Reorder ``x[rows]`` (each row within itself) to the ranks of normal scores with
    covariance ``factor @ factor.T``."""
    z = factor @ rng.standard_normal((factor.shape[1], x.shape[1]))
    ranks = np.argsort(np.argsort(z, axis=1, kind="stable"), axis=1, kind="stable")
    ordered = np.sort(x[rows], axis=1)
    x[rows] = np.take_along_axis(ordered, ranks, axis=1)


@dataclass(slots=True)
class Sampler:
    """What varies, compiled from a :class:`RiskInput` for a network's task rows."""

    rows: np.ndarray            # task rows with an estimate
    points: ThreePoints         # their distributions
    corr_rows: np.ndarray       # positions in ``rows`` that are correlated
    factor: np.ndarray | None   # normal scores' factor (Pearson matrix = factor @ factor.T)
    risk_p: np.ndarray          # probability per risk
    risk_points: ThreePoints    # delay per risk
    risk_rows: list             # task rows per risk
    seed: int
    _cache: tuple = (-1, None)

    def columns(self, start: int, stop: int):
        """Iterations ``start .. stop - 1``, as :meth:`block` gives them."""
        parts = []
        for b in range(start // BLOCK, (stop - 1) // BLOCK + 1):
            if self._cache[0] != b:
                self._cache = (b, self.block(b))
            lo, hi = max(start - b * BLOCK, 0), min(stop - b * BLOCK, BLOCK)
            parts.append([x[:, lo:hi] for x in self._cache[1]])
        if len(parts) == 1:
            return tuple(parts[0])
        return tuple(np.concatenate([p[k] for p in parts], axis=1) for k in range(3))

    def block(self, b: int):
        """Block ``b``: (durations ``(len(rows), BLOCK)``, occurred ``(risks, BLOCK)`` bool,
        delays ``(risks, BLOCK)``), whole working days."""
        rng = block_rng(self.seed, b)
        x = self.points.draw(rng, BLOCK)
        if self.factor is not None:
            correlate(x, self.corr_rows, self.factor, rng)
        occurred = rng.random((len(self.risk_p), BLOCK)) < self.risk_p[:, None]
        delay = whole_days(self.risk_points.draw(rng, BLOCK))
        return whole_days(x), occurred, delay


def make_sampler(inp: RiskInput, index: dict, seed: int) -> Sampler:
    ids = sorted(inp.estimates, key=index.__getitem__)
    rows = np.array([index[t] for t in ids], dtype=np.int64)
    points = [inp.estimates[t] for t in ids]
    corr_rows, factor = _correlation(inp, ids)
    risks = inp.risks
    return Sampler(rows, ThreePoints(points), corr_rows, factor,
                   np.array([r.probability for r in risks], dtype=float),
                   ThreePoints([r.delay for r in risks]),
                   [np.array([index[t] for t in r.tasks], dtype=np.int64) for r in risks],
                   seed)


def _correlation(inp: RiskInput, ids: list):
    if not inp.correlations:
        return np.zeros(0, dtype=np.int64), None
    where = {t: k for k, t in enumerate(ids)}
    members: list = []
    pairs: dict = {}
    for c in inp.correlations:
        for t in c.tasks:
            est: ThreePoint | None = inp.estimates.get(t)
            if est is None or est.width <= 0:
                raise PlanError(f"task {t} is correlated but has no uncertain estimate "
                                f"(optimistic < pessimistic) to correlate", file=c.file,
                                path=c.src + ("tasks",))
            if t not in members:
                members.append(t)
        for i, a in enumerate(c.tasks):
            for b in c.tasks[i + 1:]:
                key = tuple(sorted((a, b)))
                old = pairs.get(key)
                if old is not None and old[0] != c.coefficient:
                    raise PlanError(f"tasks {a} and {b} are given two coefficients "
                                    f"({old[0]:g} and {c.coefficient:g})", file=c.file,
                                    path=c.src + ("coefficient",))
                pairs[key] = (c.coefficient, c)
    members.sort(key=where.__getitem__)
    k = len(members)
    at = {t: j for j, t in enumerate(members)}
    pearson = np.eye(k)
    for (a, b), (r, _c) in pairs.items():
        pearson[at[a], at[b]] = pearson[at[b], at[a]] = 2 * math.sin(math.pi * r / 6)
    w, v = np.linalg.eigh(pearson)
    if w.min() < -1e-9:
        first = inp.correlations[0]
        raise PlanError(f"the correlations do not form a valid correlation matrix (it is not "
                        f"positive semi-definite, smallest eigenvalue {w.min():.3f}): tasks "
                        f"cannot all be that strongly (anti-)correlated with each other; "
                        f"weaken some coefficients", file=first.file,
                        path=("correlations",))
    factor = v * np.sqrt(np.clip(w, 0, None))
    return np.array([where[t] for t in members], dtype=np.int64), factor
