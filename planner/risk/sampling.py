"""Draws: durations from three-point estimates, risk events, and rank correlation.

Iterations come in blocks of :data:`BLOCK`; block ``b`` draws from its own generator,
``PCG64(SeedSequence(seed, spawn_key=(b,)))``, so iteration ``i``'s numbers depend only on the
seed and the input, never on how many iterations run: the first 10,000 iterations of a longer
(or ``--until-stable``) run are those of a 10,000-iteration run.

* triangular: by its inverse distribution function from one uniform number; uniform (the
  most likely value is not used): ``A + (B - A) * U``;
* Beta-PERT: ``A + (B - A) * Beta(alpha, beta)`` with alpha = 1 + 4(M-A)/(B-A) and
  beta = 1 + 4(B-M)/(B-A);
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


def continuous(rng: np.random.Generator, points: list, size: int) -> np.ndarray:
    """``(len(points), size)`` draws from the three-point distributions ``points``."""
    a = np.array([p.optimistic for p in points], dtype=float)
    m = np.array([p.most_likely for p in points], dtype=float)
    b = np.array([p.pessimistic for p in points], dtype=float)
    kind = np.array([p.distribution for p in points], dtype=object)
    pert, flat = kind == "pert", kind == "uniform"
    wide = b > a
    out = np.repeat(a[:, None], size, axis=1)
    tri = np.flatnonzero(wide & ~pert & ~flat)
    if tri.size:
        ta, tm, tb = a[tri, None], m[tri, None], b[tri, None]
        u = rng.random((tri.size, size))
        cut = (tm - ta) / (tb - ta)
        low = ta + np.sqrt(u * (tb - ta) * (tm - ta))
        high = tb - np.sqrt((1 - u) * (tb - ta) * (tb - tm))
        out[tri] = np.where(u < cut, low, high)
    pt = np.flatnonzero(wide & pert)
    if pt.size:
        pa, pm, pb = a[pt], m[pt], b[pt]
        alpha = 1 + 4 * (pm - pa) / (pb - pa)
        beta = 1 + 4 * (pb - pm) / (pb - pa)
        draws = rng.beta(alpha[:, None], beta[:, None], size=(pt.size, size))
        out[pt] = pa[:, None] + (pb - pa)[:, None] * draws
    un = np.flatnonzero(wide & flat)
    if un.size:
        out[un] = a[un, None] + (b - a)[un, None] * rng.random((un.size, size))
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
    points: list                # their ThreePoints
    corr_rows: np.ndarray       # positions in ``rows`` that are correlated
    factor: np.ndarray | None   # normal scores' factor (Pearson matrix = factor @ factor.T)
    risk_p: np.ndarray          # probability per risk
    risk_points: list           # delay per risk
    risk_rows: list             # task rows per risk
    seed: int

    def block(self, b: int):
        """Block ``b``: (durations ``(len(rows), BLOCK)``, occurred ``(risks, BLOCK)`` bool,
        delays ``(risks, BLOCK)``), whole working days."""
        rng = block_rng(self.seed, b)
        x = continuous(rng, self.points, BLOCK)
        if self.factor is not None:
            correlate(x, self.corr_rows, self.factor, rng)
        occurred = rng.random((len(self.risk_p), BLOCK)) < self.risk_p[:, None]
        delay = whole_days(continuous(rng, self.risk_points, BLOCK))
        return whole_days(x), occurred, delay


def make_sampler(inp: RiskInput, index: dict, seed: int) -> Sampler:
    ids = sorted(inp.estimates, key=index.__getitem__)
    rows = np.array([index[t] for t in ids], dtype=np.int64)
    points = [inp.estimates[t] for t in ids]
    corr_rows, factor = _correlation(inp, ids)
    risks = inp.risks
    return Sampler(rows, points, corr_rows, factor,
                   np.array([r.probability for r in risks], dtype=float),
                   [r.delay for r in risks],
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
