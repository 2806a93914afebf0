"""Schedule risk with a status (docs/risk.md, --status): the actuals are facts, only the
remaining work is uncertain, and with no uncertainty the result is the tracked forecast."""
import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from risk_helpers import ROOT, SEED_ESTIMATES, plan_of, seed_plan, zero_width

from planner.io.estimates_yaml import load_estimates, risk_input_from_data
from planner.io.status_yaml import apply_status, load_status, status_from_data
from planner.risk.engine import simulate
from planner.risk.tracked import remaining_input, remaining_plan
from planner.schedule import schedule

STATUS = [os.path.join(ROOT, "status", f) for f in ("2023-08-31.yaml", "2023-09-29.yaml",
                                                    "2023-10-31.yaml")]


def tracked(plan, path):
    return schedule(apply_status(plan, load_status(path)))


@pytest.mark.parametrize("path", STATUS)
def test_no_uncertainty_gives_the_tracked_forecast(path):
    plan = seed_plan()
    sched = tracked(plan, path)
    inp = risk_input_from_data(zero_width(plan), plan)
    summary = simulate(sched.plan, inp, 500, 0, sched=sched).summary()
    assert set(summary["finish"].values()) == {sched.project_finish}
    # the plain plan of the remaining work schedules every task where the forecast has it
    plain = schedule(remaining_plan(sched))
    for i, t in enumerate(plan.tasks):
        if not t.summary:
            assert plain.date(plain.finish[i]) == sched.date(sched.finish[i]), t.id


def test_actuals_are_facts_and_the_rest_is_scaled_to_what_is_left():
    plan = seed_plan()
    sched = tracked(plan, STATUS[-1])                  # October: 2-11 done, 12 and 14 started
    inp = remaining_input(load_estimates(SEED_ESTIMATES, plan), sched)
    full = load_estimates(SEED_ESTIMATES, plan).estimates
    assert not {"6", "7", "8", "9", "10", "11"} & set(inp.estimates)   # done: no estimate
    prog = sched.progress
    i12 = sched.net.index["12"]                        # 5 days planned, 3 left
    assert prog.remaining[i12] == 3
    assert inp.estimates["12"].most_likely == pytest.approx(full["12"].most_likely * 3 / 5)
    assert inp.estimates["12"].pessimistic == pytest.approx(full["12"].pessimistic * 3 / 5)
    # 16 is re-estimated from 35 to 45 days before it starts: its estimate moves with it
    assert inp.estimates["16"].most_likely == pytest.approx(45)
    # R1 (on task 6, finished) can no longer happen; the others still can
    ids = [r.id for r in inp.risks]
    assert "R1" not in ids and {"R2", "R3", "R4", "R5"} <= set(ids)


def test_a_start_to_start_link_holds_from_the_actual_start():
    plan = plan_of([{"id": "A", "name": "A", "duration": 10},
                    {"id": "B", "name": "B", "duration": 4, "predecessors": "ASS+2"},
                    {"id": "C", "name": "C", "duration": 3, "predecessors": "A"}], seasons=())
    status = status_from_data({"status_date": "2024-01-12",
                               "tasks": {"A": {"actual_start": "2024-01-09",
                                               "percent_complete": 20}}}, "s.yaml")
    sched = schedule(apply_status(plan, status))
    plain = schedule(remaining_plan(sched))
    for i in range(3):
        assert plain.date(plain.start[i]) == sched.date(sched.start[i]) or i == 0
        assert plain.date(plain.finish[i]) == sched.date(sched.finish[i])
    assert plain.date(plain.start[1]) == dt.date(2024, 1, 15)      # after the status date


def test_planner_risk_with_a_status_agrees_with_planner_status():
    def run(*args):
        proc = subprocess.run([sys.executable, "-m", "planner", *args, "--format", "json"],
                              capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    risk = run("risk", "plans/ssiks_it.yaml", "--estimates", "risk/ssiks_it_estimates.yaml",
               "--status", "status/2023-10-31.yaml", "-n", "2000")
    status = run("status", "plans/ssiks_it.yaml", "--status", "status/2023-10-31.yaml")
    assert risk["finish"]["deterministic"] == status["finish"]["forecast"]
    # the seed estimates lean late (pessimistic far above most likely): P50 after the forecast
    assert risk["finish"]["p50"] > status["finish"]["forecast"]
    assert [r["id"] for r in risk["risks"]] == ["R2", "R3", "R4", "R5"]
