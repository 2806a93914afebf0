"""Every bad status file (and bad progress in a plan) is one line, FILE:LINE: message."""
import pytest

from planner.errors import PlanError
from planner.io.status_yaml import apply_status, load_status
from planner.io.yaml_plan import load_plan
from planner.schedule import schedule

PLAN = """\
project:
  name: Liten plan
  start: 2024-01-08
  calendar: {base: standard}
tasks:
  - id: 1
    name: Fase
    tasks:
      - {id: 2, name: Analyse, duration: 5}
      - {id: 3, name: Beslutning, duration: 3, predecessors: "2"}
  - {id: 4, name: Ferdig, duration: 0, predecessors: "3"}
"""


def error_of(tmp_path, status_text, plan_text=PLAN):
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(plan_text, encoding="utf-8")
    status_path = tmp_path / "status.yaml"
    status_path.write_text(status_text, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        schedule(apply_status(load_plan(str(plan_path)), load_status(str(status_path))))
    return info.value.format().replace(str(tmp_path) + "/", "")


def status_file(*task_lines, head="status_date: 2024-01-12"):
    return head + "\ntasks:\n" + "".join(f"  {line}\n" for line in task_lines)


@pytest.mark.parametrize("lines, expected", [
    (['"2": {actual_start: 2024-01-10, actual_finish: 2024-01-09}'],
     "status.yaml:3: task 2: actual finish 2024-01-09 is before its actual start 2024-01-10"),
    (['"2": {actual_start: 2024-01-08}', '"3": {actual_start: 2024-01-15}'],
     "status.yaml:4: task 3: actual start 2024-01-15 is after the status date 2024-01-12 "
     "(actuals are reported up to the status date)"),
    (['"2":', '    actual_start: 2024-01-08', '    actual_finish: 2024-01-16'],
     "status.yaml:5: task 2: actual finish 2024-01-16 is after the status date 2024-01-12 "
     "(actuals are reported up to the status date)"),
    (['"2": {actual_finish: 2024-01-10}'],
     "status.yaml:3: task 2: has an actual_finish but no actual_start (give the day work "
     "began)"),
    (['"2": {actual_start: 2024-01-08, percent_complete: 140}'],
     "status.yaml:3: percent_complete must be from 0 to 100, not 140"),
    (['"2": {actual_start: 2024-01-08, percent_complete: -5}'],
     "status.yaml:3: percent_complete must be from 0 to 100, not -5"),
    (['"2": {actual_start: 2024-01-08, percent_complete: lots}'],
     "status.yaml:3: percent_complete must be a number from 0 to 100, not 'lots'"),
    (['"2": {actual_start: 2024-01-08}', '"3": {remaining_days: -2}'],
     "status.yaml:4: remaining_days cannot be negative (-2)"),
    (['"2": {actual_start: 2024-01-08}', '"7": {actual_start: 2024-01-10}'],
     "status.yaml:4: unknown task '7': plan 'Liten plan' has no such task (its ids: 1..4)"),
    (['"1": {actual_start: 2024-01-08}'],
     "status.yaml:3: task 1: is a summary task: its progress rolls up from its subtasks; "
     "report the progress of the subtasks instead"),
    (['"3": {percent_complete: 20}'],
     "status.yaml:3: task 3: percent_complete 20 but no actual_start (give the day work began)"),
    (['"2": {actual_start: 2024-01-08, actual_finish: 2024-01-12, percent_complete: 90}'],
     "status.yaml:3: task 2: has an actual_finish, so it is 100 % complete, not 90 %"),
    (['"2": {actual_start: 2024-01-08, actual_finish: 2024-01-12, remaining_days: 1}'],
     "status.yaml:3: task 2: has an actual_finish, so no remaining work, not 1 days"),
    (['"4": {actual_start: 2024-01-08, actual_finish: 2024-01-09}'],
     "status.yaml:3: task 4: is a milestone (0 days): its actual finish 2024-01-09 must be its "
     "actual start 2024-01-08"),
    (['"2": {actual_start: 2024-01-10, percent_complete: 100}'],
     "status.yaml:3: task 2: is finished by its percent complete, but 5 days of work from its "
     "actual start 2024-01-10 end after the status date: give actual_finish"),
    (['"2": {actual_start: 2024-01-08, percent: 20}'],
     "status.yaml:3: unknown field 'percent' in the progress of task 2; expected one of: "
     "actual_finish, actual_start, name, notes, percent_complete, remaining_days"),
    (['"2": {actual_start: 2024-01-08}', '2: {actual_start: 2024-01-09}'],
     "status.yaml:3: task 2 is listed twice"),
])
def test_bad_progress(tmp_path, lines, expected):
    got = error_of(tmp_path, status_file(*lines))
    assert got.startswith(expected), got


def test_a_status_file_for_another_plan_by_its_plan_key(tmp_path):
    text = "plan: other.yaml\n" + status_file('"2": {actual_start: 2024-01-08}')
    assert error_of(tmp_path, text) == \
        "status.yaml:1: this status file is for plan 'other.yaml', not " \
        f"'{tmp_path}/plan.yaml'".replace(str(tmp_path) + "/", "")


def test_a_status_file_names_the_plan_by_file_or_project_name(tmp_path):
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(PLAN, encoding="utf-8")
    for ref in ("plan.yaml", "plan", "Liten plan", "some/dir/plan.yaml"):
        path = tmp_path / "s.yaml"
        path.write_text(f"plan: {ref}\n" + status_file('"2": {actual_start: 2024-01-08}'),
                        encoding="utf-8")
        apply_status(load_plan(str(plan_path)), load_status(str(path)))


def test_a_status_file_for_another_plan_by_its_task_names(tmp_path):
    text = status_file('"2": {actual_start: 2024-01-08, name: Anskaffelse}')
    assert error_of(tmp_path, text) == \
        "status.yaml:3: task 2 is 'Analyse' in plan 'Liten plan', not 'Anskaffelse': a status " \
        "file for another plan?"


def test_a_status_file_for_another_plan_by_its_ids(tmp_path):
    text = status_file('"31": {actual_start: 2024-01-08}', '"32": {actual_start: 2024-01-08}')
    assert error_of(tmp_path, text) == \
        "status.yaml:3: unknown task '31': plan 'Liten plan' has no such task (its ids: 1..4); " \
        "2 of its 2 tasks are not in the plan: a status file for another plan?"


def test_a_status_file_for_another_plan_by_its_date(tmp_path):
    text = status_file('"2": {actual_start: 2023-06-15}', head="status_date: 2023-06-30")
    assert error_of(tmp_path, text) == \
        "status.yaml:1: status date 2023-06-30 is before the plan starts (2024-01-08): a " \
        "status file for another plan?"


@pytest.mark.parametrize("text, expected", [
    ("tasks: {}\n", "status.yaml:1: a status file needs `status_date:` (the last day of "
                    "reported work)"),
    ("status_date: soon\ntasks: {}\n", "status.yaml:1: 'soon' is not a date"),
    ("status_date: 2024-01-12\nreschedule: later\n",
     "status.yaml:2: reschedule must be after_status_date or as_is, not 'later'"),
    ("status_date: 2024-01-12\nout_of_sequence: strict\n",
     "status.yaml:2: out_of_sequence must be retained_logic or progress_override, not 'strict'"),
    ("status_date: 2024-01-12\ntasks: [2, 3]\n",
     "status.yaml:2: `tasks:` must be a mapping of task id to progress"),
    ("status_date: 2024-01-12\ntasks:\n  \"2\":\n", "status.yaml:3: task 2 has no progress"),
    ("", "status.yaml:1: the status file is empty"),
])
def test_bad_status_file(tmp_path, text, expected):
    got = error_of(tmp_path, text)
    assert got.startswith(expected), got


def test_progress_inside_a_plan_needs_a_status_date(tmp_path):
    plan = PLAN.replace("{id: 2, name: Analyse, duration: 5}",
                        "{id: 2, name: Analyse, duration: 5, actual_start: 2024-01-08}")
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(str(path))
    assert info.value.format() == f"{path}:9: task 2: progress needs a status date " \
        "(`status_date:` under `project:`, or use a status file)"


def test_progress_inside_a_plan_is_checked_like_a_status_file(tmp_path):
    plan = PLAN.replace("calendar: {base: standard}",
                        "calendar: {base: standard}\n  status_date: 2024-01-09").replace(
        "{id: 3, name: Beslutning, duration: 3, predecessors: \"2\"}",
        "{id: 3, name: Beslutning, duration: 3, predecessors: \"2\", actual_start: 2024-01-10}")
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    with pytest.raises(PlanError) as info:
        load_plan(str(path))
    assert info.value.format() == f"{path}:11: task 3: actual start 2024-01-10 is after the " \
        "status date 2024-01-09 (actuals are reported up to the status date)"
