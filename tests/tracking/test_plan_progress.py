"""Progress written inside a plan's tasks: the same keys and semantics as a status file, kept
when the plan is saved (e.g. by `planner level -o`)."""
from tracking_helpers import D, dates

from planner.io.schedule_json import schedule_to_json
from planner.io.status_yaml import apply_status, status_from_data
from planner.io.yaml_plan import dump_plan, load_plan, plan_from_data, save_plan
from planner.schedule import schedule

PLAN = {"project": {"name": "T", "start": "2024-01-08", "calendar": {"base": "standard"},
                    "status_date": "2024-01-10", "out_of_sequence": "progress_override"},
        "tasks": [{"id": "A", "name": "a", "duration": 5, "actual_start": "2024-01-08",
                   "percent_complete": 40},
                  {"id": "B", "name": "b", "duration": 5, "predecessors": "A",
                   "actual_start": "2024-01-09", "percent_complete": 20}]}


def test_progress_in_the_plan_is_tracked_with_the_default_reschedule():
    plan = plan_from_data(PLAN)
    assert plan.tracked and plan.reschedule == "after_status_date"
    assert plan.out_of_sequence == "progress_override"
    s = schedule(plan)
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 15))
    assert dates(s, "B") == (D(2024, 1, 9), D(2024, 1, 16))


def test_a_status_date_alone_keeps_the_plan_as_written():
    project = {k: v for k, v in PLAN["project"].items() if k != "out_of_sequence"}
    data = {"project": project, "tasks": [{"id": "A", "name": "a", "duration": 5}]}
    plan = plan_from_data(data)
    assert not plan.tracked
    assert dates(schedule(plan), "A") == (D(2024, 1, 8), D(2024, 1, 12))
    assert '"status"' not in schedule_to_json(schedule(plan))


def test_saved_plan_keeps_its_progress(tmp_path):
    plan = plan_from_data(PLAN)
    path = str(tmp_path / "p.yaml")
    save_plan(plan, path)
    text = open(path, encoding="utf-8").read()
    assert "  reschedule: after_status_date\n  out_of_sequence: progress_override\n" in text
    assert "  actual_start: '2024-01-08'\n  percent_complete: 40\n" in text
    again = load_plan(path)
    assert schedule_to_json(schedule(again)) == schedule_to_json(schedule(plan))


def test_status_file_overrides_the_plans_progress_task_by_task():
    plan = plan_from_data(PLAN)
    st = status_from_data({"status_date": "2024-01-12", "tasks": {
        "A": {"actual_start": "2024-01-08", "actual_finish": "2024-01-11"}}})
    s = schedule(apply_status(plan, st))
    assert s.plan.out_of_sequence == "retained_logic"         # the status file's default
    assert dates(s, "A") == (D(2024, 1, 8), D(2024, 1, 11))
    # B keeps the plan's progress (1 of 5 days from the 9th), resumes after the 12th
    assert dates(s, "B") == (D(2024, 1, 9), D(2024, 1, 18))
    assert dump_plan(plan) == dump_plan(plan_from_data(PLAN))   # the plan is not changed
