"""Sampling: the distributions, rounding, the blocks' independence of the run length, and
rank correlation that matches the requested coefficient."""
import math

import numpy as np
import pytest
from risk_helpers import plan_of, run

from planner.risk.model import Correlation, RiskInput, ThreePoint
from planner.risk.sampling import BLOCK, continuous, make_sampler, whole_days
from planner.risk.stats import spearman_rows


def irwin_hall_cdf(x: float, n: int) -> float:
    """P(U1 + ... + Un <= x) for independent uniforms on [0, 1]."""
    if x <= 0:
        return 0.0
    if x >= n:
        return 1.0
    return sum((-1) ** k * math.comb(n, k) * (x - k) ** n
               for k in range(int(math.floor(x)) + 1)) / math.factorial(n)


def test_chain_of_uniform_tasks_matches_irwin_hall():
    n, width, iterations = 4, 100, 20000
    tasks = [{"id": i + 1, "name": f"T{i + 1}", "duration": 50,
              **({"predecessors": str(i)} if i else {})} for i in range(n)]
    plan = plan_of(tasks, seasons=())
    est = {"estimates": {str(i + 1): {"optimistic": 0, "pessimistic": width,
                                      "distribution": "uniform"} for i in range(n)}}
    result = run(plan, est, n=iterations, seed=3)
    total = ((result.finish + 1) >> 1) - ((result.net.pstart + 1) >> 1)   # working days
    xs = np.arange(0, n * width + 1, 5)
    empirical = np.searchsorted(np.sort(total), xs, side="right") / iterations
    # a sum of rounded draws: compare at the half day between whole sums
    analytic = np.array([irwin_hall_cdf((x + 0.5) / width, n) for x in xs])
    ks = np.abs(empirical - analytic).max()
    assert ks < 1.63 / math.sqrt(iterations) + 0.004        # KS at 1%, plus the rounding
    assert abs(total.mean() - n * width / 2) < 4 * math.sqrt(n * width ** 2 / 12 / iterations)


def test_triangular_and_pert_moments():
    rng = np.random.Generator(np.random.PCG64(5))
    tri = ThreePoint(10, 20, 60)
    pert = ThreePoint(10, 20, 60, "pert")
    x = continuous(rng, [tri, pert], 200_000)
    assert x.min() >= 10 and x.max() <= 60
    assert x[0].mean() == pytest.approx(tri.mean(), abs=0.1)         # (A + M + B) / 3
    assert x[1].mean() == pytest.approx(pert.mean(), abs=0.1)        # (A + 4M + B) / 6
    a, b = pert.pert_shape()
    assert (a, b) == (1 + 4 * 10 / 50, 1 + 4 * 40 / 50)
    var = a * b / ((a + b) ** 2 * (a + b + 1)) * 50 ** 2
    assert x[1].var() == pytest.approx(var, rel=0.02)
    # the mode of the triangular draw is M
    hist, edges = np.histogram(x[0], bins=50, range=(10, 60))
    assert abs(edges[hist.argmax()] - 20) <= 1


def test_rounding_to_whole_days_never_below_zero():
    assert list(whole_days(np.array([[0.0, 0.49, 0.5, 1.5, 2.49, -0.3]]))[0]) == [0, 0, 1, 2, 2,
                                                                                   0]


@pytest.mark.parametrize("coefficient", [0.7, -0.5, 0.3])
def test_sampled_rank_correlation_matches_the_requested_one(coefficient):
    est = {"a": ThreePoint(100, 200, 900), "b": ThreePoint(100, 500, 700, "pert")}
    inp = RiskInput(est, [], [Correlation(("a", "b"), coefficient)])
    sampler = make_sampler(inp, {"a": 0, "b": 1}, seed=11)
    x = np.concatenate([sampler.block(b)[0] for b in range(10)], axis=1)
    rho = spearman_rows(x[:1], x[1])[0]
    # the standard error of Spearman's rho at n = 10,000 is about 0.01
    assert rho == pytest.approx(coefficient, abs=0.03)
    # the marginals are unchanged by the reordering
    alone = make_sampler(RiskInput(est), {"a": 0, "b": 1}, seed=11)
    y = np.concatenate([alone.block(b)[0] for b in range(10)], axis=1)
    assert abs(x[0].mean() - y[0].mean()) < 10 and abs(x[1].mean() - y[1].mean()) < 10


def test_three_correlated_tasks_through_the_engine():
    tasks = [{"id": i, "name": f"T{i}", "duration": 100} for i in (1, 2, 3)]
    plan = plan_of(tasks, seasons=())
    est = {"estimates": {str(i): {"optimistic": 50, "most_likely": 100, "pessimistic": 400}
                         for i in (1, 2, 3)},
           "correlations": [{"tasks": ["1", "2", "3"], "coefficient": 0.6}]}
    result = run(plan, est, n=8000)
    assert list(result.var_rows) == [0, 1, 2]
    x = result.durations                    # the durations the iterations were scheduled with
    for i, j in ((0, 1), (0, 2), (1, 2)):
        assert spearman_rows(x[i:i + 1], x[j])[0] == pytest.approx(0.6, abs=0.03)


def test_blocks_do_not_depend_on_the_run_length():
    tasks = [{"id": 1, "name": "A", "duration": 10}, {"id": 2, "name": "B", "duration": 10,
                                                      "predecessors": "1"}]
    plan = plan_of(tasks)
    est = {"estimates": {"1": {"optimistic": 5, "most_likely": 10, "pessimistic": 30},
                         "2": {"optimistic": 5, "most_likely": 10, "pessimistic": 30}}}
    short = run(plan, est, n=1500, seed=9)
    long = run(plan, est, n=3 * BLOCK + 7, seed=9)
    assert (long.finish[:1500] == short.finish).all()
