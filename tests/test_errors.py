"""Every kind of bad input: one line `FILE:LINE: message`, exit code 2, no traceback."""
import os

import pytest

from conftest import run_cli

GOOD_HEAD = """project:
  name: Test
  start: 2023-06-14
  calendar: {base: norway, seasons: [summer]}
tasks:
"""


def check(path, line, *fragments, command="validate"):
    code, out, err = run_cli(command, path)
    assert code == 2, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{path}:{line}: "), lines[0]
    for frag in fragments:
        assert frag in lines[0], lines[0]
    return lines[0]


def test_malformed_yaml(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: [unclosed\n    duration: 3\n")
    check(path, 8, "YAML syntax error")


def test_tab_indentation_is_malformed_yaml(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n\tname: x\n")
    check(path, 7, "YAML syntax error")


def test_duplicate_task_id(write_plan):
    path = write_plan(GOOD_HEAD + "  - {id: 1, name: a, duration: 1}\n"
                                  "  - {id: 2, name: b, duration: 1}\n"
                                  "  - {id: 1, name: c, duration: 1}\n")
    check(path, 8, "duplicate task id '1'")


def test_missing_or_bad_task_id(write_plan):
    check(write_plan(GOOD_HEAD + "  - {name: a, duration: 1}\n"), 6, "needs an `id`")
    check(write_plan(GOOD_HEAD + "  - {id: 'a b', name: a, duration: 1}\n"), 6,
          "may not be empty or contain spaces")


def test_unknown_field_suggests_the_right_one(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: a\n    duration: 1\n"
                                  "    predecesors: 2\n")
    check(path, 9, "unknown field 'predecesors'", "did you mean 'predecessors'")


def test_link_to_a_missing_task(write_plan):
    path = write_plan(GOOD_HEAD + "  - {id: 1, name: a, duration: 1}\n"
                                  "  - id: 2\n    name: b\n    duration: 1\n"
                                  "    predecessors: \"1;7FS+2\"\n")
    check(path, 10, "task 2 has a predecessor '7' that is not in the plan")


def test_dependency_cycle_is_printed(write_plan):
    path = write_plan(GOOD_HEAD + "  - {id: 1, name: a, duration: 1}\n"
                                  "  - {id: 2, name: b, duration: 1, predecessors: '1;4'}\n"
                                  "  - {id: 3, name: c, duration: 1, predecessors: '2'}\n"
                                  "  - {id: 4, name: d, duration: 1, predecessors: '3'}\n")
    check(path, 7, "dependency cycle: 2 -> 3 -> 4 -> 2")


@pytest.mark.parametrize("value, message", [
    ("-3", "duration cannot be negative"),
    ("2.5", "whole number of working days"),
    ("three", "is not a number of working days"),
])
def test_bad_durations(write_plan, value, message):
    path = write_plan(GOOD_HEAD + f"  - id: 1\n    name: a\n    duration: {value}\n")
    check(path, 8, message)


def test_task_without_duration(write_plan):
    check(write_plan(GOOD_HEAD + "  - {id: 1, name: a}\n"), 6, "needs a `duration`")


def test_date_outside_the_calendar_range(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: a\n    duration: 1\n"
                                  "    start_no_earlier_than: 2350-01-01\n")
    check(path, 9, "outside the years 1970-2199")
    path = write_plan(GOOD_HEAD.replace("2023-06-14", "1900-01-02")
                      + "  - {id: 1, name: a, duration: 1}\n")
    check(path, 3, "outside the years 1970-2199")


def test_schedule_running_past_the_calendar(write_plan):
    path = write_plan(GOOD_HEAD.replace("2023-06-14", "2198-06-01")
                      + "  - {id: 1, name: a, duration: 900}\n")
    check(path, 6, "outside the years")     # the task that runs past it


def test_not_a_date(write_plan):
    path = write_plan(GOOD_HEAD.replace("2023-06-14", "14th of June"))
    check(path, 3, "'14th of June' is not a date")


def test_unknown_calendar(write_plan):
    path = write_plan(GOOD_HEAD.replace("base: norway", "base: sweden")
                      + "  - {id: 1, name: a, duration: 1}\n")
    check(path, 4, "unknown calendar 'sweden'", "norway")


def test_unknown_season(write_plan):
    path = write_plan(GOOD_HEAD.replace("seasons: [summer]", "seasons: [summer, winter]")
                      + "  - {id: 1, name: a, duration: 1}\n")
    check(path, 4, "unknown season 'winter'", "romjul")


def test_summary_duration_that_contradicts_its_children(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: phase\n    duration: 12\n"
                                  "    tasks:\n"
                                  "      - {id: 2, name: a, duration: 5}\n"
                                  "      - {id: 3, name: b, duration: 5, predecessors: 2}\n")
    line = check(path, 8, "summary task 1 says duration 12 but its subtasks span 10")
    assert "remove the duration or fix the subtasks" in line


def test_constraint_on_a_summary_task(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: phase\n"
                                  "    constraint: {type: SNET, date: 2023-08-14}\n"
                                  "    tasks:\n"
                                  "      - {id: 2, name: a, duration: 5}\n")
    check(path, 8, "summary task 1 has a constraint (SNET)", "put it on its subtasks",
          command="schedule")


def test_summary_duration_that_agrees_is_accepted(write_plan):
    path = write_plan(GOOD_HEAD + "  - id: 1\n    name: phase\n    duration: 10\n"
                                  "    tasks:\n"
                                  "      - {id: 2, name: a, duration: 5}\n"
                                  "      - {id: 3, name: b, duration: 5, predecessors: 2}\n")
    code, out, err = run_cli("validate", path, "--lang", "en")
    assert code == 0, err
    assert "OK: 3 tasks (1 summaries), 1 links" in out


def test_bad_link_syntax(write_plan):
    path = write_plan(GOOD_HEAD + "  - {id: 1, name: a, duration: 1}\n"
                                  "  - {id: 2, name: b, duration: 1, predecessors: '1XX+3'}\n")
    check(path, 7, "cannot read predecessor '1XX+3'")


def test_missing_file_and_not_utf8(tmp_path):
    missing = str(tmp_path / "nope.yaml")
    code, _out, err = run_cli("schedule", missing)
    assert code == 2 and err.strip() == f"{missing}: no such file"
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(GOOD_HEAD.encode() + "  - {id: 1, name: Bl\xe5b\xe6r, duration: 1}\n"
                      .encode("latin-1"))
    check(str(latin), 6, "not UTF-8")


def test_json_plan_errors_have_lines(tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"project": {"name": "x", "start": "2023-06-14"},\n'
                    ' "tasks": [\n  {"id": 1, "name": "a", "duration": -1}\n ]\n}\n')
    check(str(path), 3, "duration cannot be negative")
    path.write_text('{"project": {"name": "x",\n "start": 2023-06-14}}\n')
    check(str(path), 2, "JSON syntax error")


def test_no_output_file_is_left_behind_on_error(write_plan, tmp_path):
    path = write_plan(GOOD_HEAD + "  - {id: 1, name: a, duration: -1}\n")
    out = tmp_path / "out.json"
    code, _o, _e = run_cli("schedule", path, "--format", "json", "-o", str(out))
    assert code == 2 and not out.exists()
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_usage_error_exits_2():
    code, _out, err = run_cli("schedule", "plans/ssiks_it.yaml", "--format", "xml")
    assert code == 2 and "Traceback" not in err
