"""Baselines: the file beside the plan, variances in working days (positive = later)."""
import pytest
from tracking_helpers import D, chain, plan_of, tracked

from planner.errors import PlanError
from planner.io.baselines_yaml import (baselines_path, dump_baselines, load_baselines,
                                       save_baseline)
from planner.io.schedule_json import schedule_to_dict
from planner.schedule import schedule
from planner.tracking import baseline_number, baseline_of, project_variance, variances


def test_baselines_file_sits_beside_the_plan():
    assert baselines_path("plans/ssiks_it.yaml") == "plans/ssiks_it.baselines.yaml"
    assert baselines_path("x/p.json") == "x/p.baselines.yaml"


def test_baseline_names_are_ms_projects():
    assert [baseline_number(n) for n in ("baseline", "baseline1", "baseline10")] == [0, 1, 10]


def test_save_load_and_force(tmp_path):
    path = str(tmp_path / "p.baselines.yaml")
    sched = schedule(plan_of(chain(5, 3)))
    assert save_baseline(path, baseline_of(sched), "p.yaml") is False
    text = open(path, encoding="utf-8").read()
    assert text.splitlines()[2:] == [
        'plan: "p.yaml"', "baselines:", "  baseline:", "    status_date: null",
        "    start: 2024-01-08", "    finish: 2024-01-17", "    duration_days: 8", "    tasks:",
        '      "A": {start: 2024-01-08, finish: 2024-01-12, duration_days: 5}  # task A',
        '      "B": {start: 2024-01-15, finish: 2024-01-17, duration_days: 3}  # task B']
    with pytest.raises(PlanError) as info:
        save_baseline(path, baseline_of(sched), "p.yaml")
    assert info.value.format().startswith(f"{path}:6: baseline 'baseline' is already saved "
                                          "(use --force")
    later = schedule(plan_of(chain(6, 3)))
    assert save_baseline(path, baseline_of(later, "baseline2"), "p.yaml") is False
    assert save_baseline(path, baseline_of(later), "p.yaml", force=True) is True
    loaded = load_baselines(path)
    assert list(loaded) == ["baseline", "baseline2"]
    assert loaded["baseline"].finish == D(2024, 1, 18)
    assert loaded["baseline"].tasks["A"].finish == D(2024, 1, 15)
    # the same baselines, the same bytes
    assert dump_baselines(loaded, "p.yaml").splitlines() == \
        [line.split("  #")[0] for line in open(path, encoding="utf-8").read().splitlines()]


def test_a_missing_baselines_file_is_empty(tmp_path):
    assert load_baselines(str(tmp_path / "none.baselines.yaml")) == {}


@pytest.mark.parametrize("text, expected", [
    ("baselines:\n  first: {start: 2024-01-08, finish: 2024-01-09, duration_days: 2}\n",
     "2: unknown baseline name 'first' (use baseline or baseline1..baseline10)"),
    ("baselines:\n  baseline:\n    start: 2024-01-08\n    duration_days: 2\n",
     "3: baseline baseline needs `finish`"),
    ("baselines:\n  baseline:\n    start: 2024-01-08\n    finish: 2024-01-09\n"
     "    duration_days: 2\n    tasks:\n      \"A\": {start: 2024-01-08}\n",
     "7: task A of baseline baseline needs duration_days, finish"),
])
def test_bad_baselines_file(tmp_path, text, expected):
    path = tmp_path / "p.baselines.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_baselines(str(path))
    assert info.value.format() == f"{path}:{expected}"


def test_variance_in_working_days_positive_is_later():
    base = baseline_of(schedule(plan_of(chain(5, 3))))
    # A started 2 days late (the 10th), 1 of 5 days done: finishes the 16th, B 17-19
    s = tracked(chain(5, 3), {"status_date": "2024-01-10", "tasks": {
        "A": {"actual_start": "2024-01-10", "percent_complete": 20}}})
    va, vb = variances(s, base)
    assert (va.start_days, va.finish_days) == (2, 2)
    assert (vb.baseline_start, vb.start_days, vb.finish_days) == (D(2024, 1, 15), 2, 2)
    assert project_variance(s, base) == (2, 2)        # Wed 17th -> Fri 19th
    early = tracked(chain(5, 3), {"status_date": "2024-01-10", "tasks": {
        "A": {"actual_start": "2024-01-08", "actual_finish": "2024-01-10"}}})
    assert [v.finish_days for v in variances(early, base)] == [-2, -2]
    assert project_variance(early, base) == (-2, -2)  # Wed 17th -> Mon 15th


def test_json_gains_baseline_and_status_fields_only_when_asked():
    plan = plan_of(chain(5, 3))
    plain = schedule_to_dict(schedule(plan))
    assert set(plain["project"]) == {"name", "start", "finish", "duration_days", "calendar"}
    assert "status" not in plain["tasks"][0] and "baseline_start" not in plain["tasks"][0]
    base = baseline_of(schedule(plan))
    s = tracked(chain(5, 3), {"status_date": "2024-01-10", "tasks": {
        "A": {"actual_start": "2024-01-10", "percent_complete": 20}}})
    data = schedule_to_dict(s, baseline=base)
    assert data["project"]["status_date"] == "2024-01-10"
    assert (data["project"]["baseline_finish"], data["project"]["finish_variance_days"]) == \
        ("2024-01-17", 2)
    a, b = data["tasks"]
    assert {k: a[k] for k in ("actual_start", "actual_finish", "percent_complete",
                              "remaining_days", "status", "stop", "resume")} == {
        "actual_start": "2024-01-10", "actual_finish": None, "percent_complete": 20,
        "remaining_days": 4, "status": "late", "stop": "2024-01-10", "resume": "2024-01-11"}
    assert {k: b[k] for k in ("baseline_start", "baseline_finish", "baseline_duration_days",
                              "start_variance_days", "finish_variance_days", "status")} == {
        "baseline_start": "2024-01-15", "baseline_finish": "2024-01-17",
        "baseline_duration_days": 3, "start_variance_days": 2, "finish_variance_days": 2,
        "status": "not_started"}
    # a baseline without a status: only the baseline fields
    only = schedule_to_dict(schedule(plan), baseline=base)
    assert "status_date" not in only["project"] and "status" not in only["tasks"][0]
    assert only["tasks"][1]["finish_variance_days"] == 0
