"""The month's commands as a user runs them: schedule/status/trend/baseline and --status on
every command that schedules."""
import json
import os
import shutil

import pytest
from conftest import ROOT, SEED_PLAN, run_cli

OCT = os.path.join(ROOT, "status", "2023-10-31.yaml")
SEP = os.path.join(ROOT, "status", "2023-09-29.yaml")
AUG = os.path.join(ROOT, "status", "2023-08-31.yaml")


@pytest.fixture
def plan_copy(tmp_path):
    """The seed plan in a folder of its own (its baselines file is written beside it)."""
    path = tmp_path / "ssiks_it.yaml"
    shutil.copy(SEED_PLAN, path)
    return str(path)


def test_schedule_json_with_status_and_baseline():
    code, out, err = run_cli("schedule", SEED_PLAN, "--status", OCT, "--baseline", "baseline",
                             "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    proj = data["project"]
    assert (proj["status_date"], proj["finish"], proj["baseline_finish"],
            proj["finish_variance_days"]) == ("2023-10-31", "2024-08-28", "2024-06-28", 20)
    t = {r["id"]: r for r in data["tasks"]}
    assert (t["12"]["status"], t["12"]["percent_complete"], t["12"]["remaining_days"]) == \
        ("late", 80, 3)
    assert (t["14"]["stop"], t["14"]["resume"]) == ("2023-10-23", "2023-11-13")
    assert (t["4"]["status"], t["4"]["actual_finish"], t["4"]["critical"]) == \
        ("done", "2023-08-29", False)
    assert (t["16"]["baseline_duration_days"], t["16"]["duration_days"],
            t["16"]["start_variance_days"]) == (35, 45, 15)


def test_schedule_json_without_status_has_no_new_keys():
    code, out, _err = run_cli("schedule", SEED_PLAN, "--format", "json")
    data = json.loads(out)
    assert set(data["project"]) == {"name", "start", "finish", "duration_days", "calendar"}
    assert not {"status", "actual_start", "baseline_start"} & set(data["tasks"][0])


def test_schedule_table_footer():
    code, out, _err = run_cli("schedule", SEED_PLAN, "--status", OCT, "--baseline", "baseline",
                              "--lang", "en")
    assert code == 0
    assert out.splitlines()[-2:] == [
        "Status date: Tue 31.10.23 (after_status_date, retained_logic): 9 done, 2 in progress, "
        "3 late", "Baseline 'baseline': finish Fri 28.06.24, +20 working days"]


def test_baseline_save_list_force(plan_copy):
    code, _out, err = run_cli("baseline", "save", plan_copy)
    assert code == 0, err
    path = plan_copy.replace(".yaml", ".baselines.yaml")
    assert err.strip() == f"{path}: saved baseline (54 tasks, 2023-06-14 to 2024-06-28)"
    first = open(path, "rb").read()
    code, _out, err = run_cli("baseline", "save", plan_copy)
    assert code == 2 and "baseline 'baseline' is already saved (use --force" in err
    assert open(path, "rb").read() == first                     # nothing written
    code, _out, err = run_cli("baseline", "save", plan_copy, "--status", OCT, "--name",
                              "baseline1")
    assert code == 0, err
    code, out, _err = run_cli("baseline", "list", plan_copy)
    assert out.splitlines() == [
        "Name       Status date  Start       Finish      Days  Tasks",
        "baseline   -            2023-06-14  2024-06-28  236   54",
        "baseline1  2023-10-31   2023-06-14  2024-08-28  256   54"]
    code, _out, err = run_cli("baseline", "save", plan_copy, "--force")
    assert code == 0 and "replaced baseline" in err
    lines = open(path, "rb").read().decode().splitlines()
    assert first.decode().splitlines() == lines[:len(first.decode().splitlines())]
    code, _out, err = run_cli("baseline", "save", plan_copy, "--name", "baseline11")
    assert code == 2


def test_the_seed_plans_saved_baseline_is_its_schedule(plan_copy):
    run_cli("baseline", "save", plan_copy)
    with open(plan_copy.replace(".yaml", ".baselines.yaml"), encoding="utf-8") as fh:
        mine = fh.read()
    with open(SEED_PLAN.replace(".yaml", ".baselines.yaml"), encoding="utf-8") as fh:
        assert fh.read() == mine


def test_status_command_formats():
    code, out, err = run_cli("status", SEED_PLAN, "--status", OCT, "--previous", SEP,
                             "--baseline", "baseline", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [r["id"] for r in data["done"]] == ["9", "10", "11"]
    assert data["critical_entered"][0]["id"] == "16"
    code, out, _err = run_cli("status", SEED_PLAN, "--status", OCT, "--format", "md",
                              "--lang", "en")
    assert out.startswith("## Status of Plan for etablering")
    assert "against the plan as written" in out.splitlines()[0]
    code, out, _err = run_cli("status", SEED_PLAN, "--status", AUG)
    assert "Fullført i perioden (2)" in out


def test_trend_command(tmp_path):
    png = tmp_path / "trend.png"
    code, out, err = run_cli("trend", SEED_PLAN, OCT, AUG, SEP, "--baseline", "baseline",
                             "-o", str(png))
    assert code == 0, err
    assert "Grunnplan  31.08.23  29.09.23  31.10.23  Endring siden 31.08.23, kalenderdager" \
        in out.splitlines()[2]
    assert png.read_bytes()[:4] == b"\x89PNG"
    code, _out, err = run_cli("trend", SEED_PLAN, OCT, "-o", str(tmp_path / "trend.gif"))
    assert code == 2 and "must end in .png, .svg or .pdf" in err


def test_a_bad_status_file_is_file_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("status_date: 2023-10-31\ntasks:\n  \"12\": {actual_start: 2023-11-02}\n",
                   encoding="utf-8")
    for cmd in (["schedule", SEED_PLAN], ["status", SEED_PLAN], ["explain", SEED_PLAN, "13"],
                ["whatif", SEED_PLAN, "--set", "16.duration=60"]):
        code, out, err = run_cli(*cmd, "--status", str(bad))
        assert code == 2 and out == ""
        assert err.strip() == f"{bad}:3: task 12: actual start 2023-11-02 is after the status " \
            "date 2023-10-31 (actuals are reported up to the status date)"


def test_status_on_every_command_that_schedules(tmp_path):
    code, out, err = run_cli("whatif", SEED_PLAN, "--status", OCT, "--set", "17.duration=50",
                             "--lang", "en")
    assert code == 0, err
    assert "What-if against the baseline" in out and "Wed 28.08.24" in out
    code, out, _err = run_cli("explain", SEED_PLAN, "20", "--status", OCT, "--lang", "en")
    assert "waits for 14FS (14 finishes Thu 30.11.23)" in out
    assert "12 Beslutning om digitaliseringsprinsippene: starts Mon 16.10.23" in out
    assert "start set by its actual start" in out
    xml = tmp_path / "plan.xml"
    code, _out, err = run_cli("export", SEED_PLAN, "--status", OCT, "-o", str(xml))
    assert code == 0 and "2023-06-14 to 2024-08-28" in err
    png = tmp_path / "plan.png"
    code, _out, err = run_cli("gantt", SEED_PLAN, "--status", OCT, "-o", str(png))
    assert code == 0, err
    code, out, _err = run_cli("load", SEED_PLAN, "--status", OCT, "--format", "json")
    assert code in (0, 1)
    assert json.loads(out)["project"]["finish"] == "2024-08-28"
