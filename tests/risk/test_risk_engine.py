"""The engine's results on plans whose answer is known: merge bias, the July break, risk
events with probability 0 and 1, the stop rule, and byte-identical output for a seed."""
import datetime as dt

import numpy as np
import pytest
from risk_helpers import SEED_ESTIMATES, plan_of, run, seed_plan

from planner.io.estimates_yaml import load_estimates
from planner.io.risk_json import risk_to_json
from planner.render.risk import risk_chart_bytes
from planner.render.risk_text import render_risk
from planner.risk.engine import simulate
from planner.schedule import schedule

WIDE = {"optimistic": 10, "most_likely": 20, "pessimistic": 30}


def working_days(result):
    return ((result.finish + 1) >> 1) - ((result.net.pstart + 1) >> 1)


def test_two_equal_parallel_branches_split_criticality_and_merge_bias():
    tasks = [{"id": 1, "name": "Start", "duration": 0},
             {"id": 2, "name": "A", "duration": 20, "predecessors": "1"},
             {"id": 3, "name": "B", "duration": 20, "predecessors": "1"},
             {"id": 4, "name": "Slutt", "duration": 0, "predecessors": "2;3"}]
    plan = plan_of(tasks, seasons=())
    result = run(plan, {"estimates": {"2": WIDE, "3": WIDE}}, n=10000)
    crit = dict(zip(result.net.ids, result.criticality))
    # each branch drives the finish about half the time (ties, both critical, ~1/15)
    assert abs(crit["2"] - crit["3"]) < 0.03
    assert 0.47 < crit["2"] < 0.62
    assert crit["1"] == crit["4"] == 1.0
    # merge bias: the P50 of the maximum is later than either branch's own P50 (20 days)
    summary = result.summary()
    assert summary["working_days"]["p50"] >= 22
    alone = run(plan_of(tasks[:2], seasons=()), {"estimates": {"2": WIDE}}, n=10000)
    assert alone.summary()["working_days"]["p50"] == 20
    cruc = dict(zip(result.net.ids, result.cruciality))
    assert cruc["2"] == pytest.approx(cruc["3"], abs=0.05)
    assert 0.5 < cruc["2"] < 0.8


def test_a_slip_into_july_moves_past_the_summer_break():
    # 20 working days from Monday 03.06.24 end on Friday 28.06.24, before 1-31 July
    plan = plan_of([{"id": 1, "name": "Før ferien", "duration": 20}], start="2024-06-03")
    assert schedule(plan).project_finish == dt.date(2024, 6, 28)
    result = run(plan, {"estimates": {"1": {"optimistic": 15, "most_likely": 20,
                                            "pessimistic": 30}}}, n=5000)
    dates = {result.date(d) for d in np.unique(result.finish_days)}
    assert not any(d.month == 7 for d in dates)
    late = working_days(result) > 20
    assert late.any() and (~late).any()
    assert min(d for d in dates if d > dt.date(2024, 6, 28)) == dt.date(2024, 8, 1)
    # one working day late is a month and a bit on the calendar
    share_late = late.mean()
    assert result.probability_by(dt.date(2024, 7, 31)) == pytest.approx(1 - share_late)
    summary = result.summary([dt.date(2024, 6, 28)])
    assert summary["probability_by"][dt.date(2024, 6, 28)] == pytest.approx(1 - share_late,
                                                                           abs=1e-4)


def test_a_risk_with_probability_zero_changes_nothing():
    plan = seed_plan()
    base = {"estimates": {"16": {"optimistic": 30, "most_likely": 35, "pessimistic": 80}}}
    with_risk = dict(base, risks=[{"id": "R", "probability": 0, "tasks": ["16", "24"],
                                   "delay_days": WIDE}])
    a, b = run(plan, base, n=2000), run(plan, with_risk, n=2000)
    assert (a.finish == b.finish).all()
    assert (a.criticality == b.criticality).all()
    assert b.summary()["risks"][0]["occurred"] == 0
    assert b.summary()["risks"][0]["finish_impact_days"] == 0


def test_a_risk_with_probability_one_is_a_fixed_delay():
    plan = seed_plan()
    result = run(plan, {"risks": [{"id": "R", "probability": 1, "tasks": ["24"],
                                   "delay_days": 10}]}, n=500)
    delayed = seed_plan()
    delayed.tasks[[t.id for t in delayed.tasks].index("24")].duration += 10
    want = schedule(delayed)
    assert (result.finish == want.project_finish_key).all()
    assert list(result.criticality) == [float(c) for c in want.critical]
    risk = result.summary()["risks"][0]
    assert risk["occurred"] == 1.0
    # 24 is critical: 10 working days later, and the slip crosses the July break
    assert risk["finish_impact_days"] == 10
    assert risk["finish_impact_calendar_days"] == (want.project_finish -
                                                  schedule(plan).project_finish).days


def test_until_stable_stops_early_and_agrees_with_a_fixed_run():
    plan = seed_plan()
    inp = load_estimates(SEED_ESTIMATES, plan)
    stable = simulate(plan, inp, 50_000, seed=4, until_stable=True)
    assert 2000 <= stable.iterations < 50_000
    assert stable.iterations % 1000 == 0
    conv = stable.summary()["convergence"]
    assert conv["p85_moved_days"] <= 1 and conv["stable"]
    fixed = simulate(plan, inp, stable.iterations, seed=4)
    assert risk_to_json(fixed.summary()) == risk_to_json(stable.summary()).replace(
        '"until_stable": true, "limit": 50000', f'"until_stable": false, "limit": '
                                                f'{stable.iterations}')


def test_same_seed_same_bytes_and_another_seed_differs(tmp_path):
    plan = seed_plan()
    inp = load_estimates(SEED_ESTIMATES, plan)
    by = [dt.date(2024, 6, 28), dt.date(2024, 12, 31)]
    one = simulate(plan, inp, 3000, seed=7)
    two = simulate(seed_plan(), load_estimates(SEED_ESTIMATES, seed_plan()), 3000, seed=7)
    s1, s2 = one.summary(by), two.summary(by)
    assert risk_to_json(s1) == risk_to_json(s2)
    assert render_risk(s1, "nb", markdown=True) == render_risk(s2, "nb", markdown=True)
    for fmt in ("png", "svg", "pdf"):
        assert risk_chart_bytes(one, s1, fmt) == risk_chart_bytes(two, s2, fmt)
    other = simulate(plan, inp, 3000, seed=8)
    assert risk_to_json(other.summary(by)) != risk_to_json(s1)


def test_the_seed_plan_result_is_later_than_the_plan():
    plan = seed_plan()
    result = simulate(plan, load_estimates(SEED_ESTIMATES, plan), 4000, seed=0)
    s = result.summary([dt.date(2024, 6, 28)])
    fin = s["finish"]
    assert fin["deterministic"] == dt.date(2024, 6, 28)
    assert fin["deterministic"] < fin["p10"] <= fin["p50"] <= fin["p80"] <= fin["p85"]
    assert fin["p85"] <= fin["p90"]
    assert not any(d.month == 7 for d in fin.values())        # nobody finishes in July
    tasks = {t["id"]: t for t in s["tasks"]}
    assert tasks["24"]["cruciality"] > 0.3 and tasks["6"]["cruciality"] > 0.3
    assert tasks["15"]["criticality"] == 0.0                  # 145 days of float
    assert tasks["2"]["cruciality"] is None                   # never varies
    risks = {r["id"]: r for r in s["risks"]}
    assert set(risks) == {"R1", "R2", "R3", "R4", "R5"}
    assert all(abs(r["occurred"] - r["probability"]) < 0.03 for r in risks.values())
    assert risks["R4"]["finish_impact_days"] > risks["R5"]["finish_impact_days"] > 0
