"""With zero-width estimates every iteration is planner's deterministic schedule, exactly:
the same keys for every task, the same finish, the same critical tasks (seed plan and random
plans with every link type, lags in working and elapsed days, summary links, constraints,
deadlines and levelling delays)."""
import numpy as np
import pytest
from risk_helpers import run, seed_plan, zero_width
from randplans import random_plan

from planner.errors import PlanError
from planner.risk.cpm import run as run_passes
from planner.risk.days import DayTable
from planner.risk.network import compile_network
from planner.schedule import schedule


def assert_same_keys(plan, m=4):
    sched = schedule(plan)
    net = compile_network(plan, sched.calendar)
    dur = np.repeat(net.duration[:, None], m, axis=1).astype(np.int32)
    passes = run_passes(net, dur, DayTable(sched.calendar))
    tf = passes.total_float(net)
    for name in ("es", "ef", "ls", "lf", "total_float"):
        got = tf if name == "total_float" else getattr(passes, name)
        want = np.array(getattr(sched, name))[:, None]
        bad = np.flatnonzero((got != want).any(axis=1))
        assert not bad.size, (name, [net.ids[i] for i in bad])
    assert (passes.finish == sched.project_finish_key).all()


def test_seed_plan_zero_width_is_the_deterministic_schedule():
    plan = seed_plan()
    sched = schedule(plan)
    result = run(plan, zero_width(plan), n=300)
    assert (result.finish == sched.project_finish_key).all()
    summary = result.summary()
    assert summary["finish"]["p10"] == summary["finish"]["p90"] == sched.project_finish
    assert summary["finish"]["deterministic"].isoformat() == "2024-06-28"
    assert [t["criticality"] for t in summary["tasks"]] == [float(c) for c in sched.critical]
    assert_same_keys(plan)


@pytest.mark.parametrize("seed", range(60))
def test_random_plans_zero_width_match_keys(seed):
    for options in ({}, {"leveling": True}, {"n_tasks": 80, "text_ids": True}):
        try:
            plan = random_plan(1000 * seed + 7, **options)
            schedule(plan)
        except PlanError:
            continue                    # a plan planner itself refuses is not a risk case
        assert_same_keys(plan)


def test_random_plan_criticality_equals_deterministic_critical():
    checked = 0
    for seed in range(40):
        plan = random_plan(seed)
        try:
            sched = schedule(plan)
        except PlanError:
            continue
        result = run(plan, zero_width(plan), n=50, seed=seed)
        assert list(result.criticality) == [float(c) for c in sched.critical]
        assert (result.finish == sched.project_finish_key).all()
        checked += 1
    assert checked >= 30
