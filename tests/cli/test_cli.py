"""The command line as a user meets it: table, JSON contract, CSV, exit codes, imports."""
import csv
import io
import json
import subprocess
import sys

from conftest import ROOT, SEED_PLAN, run_cli

TASK_KEYS = {"id", "name", "outline_level", "summary", "milestone", "duration_days", "start",
             "finish", "early_start", "early_finish", "late_start", "late_finish",
             "total_float_days", "free_float_days", "critical", "predecessors"}


def test_table_in_ms_project_style():
    code, out, err = run_cli("schedule", SEED_PLAN, "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "Task", "name", "Duration", "Start", "Finish", "Float",
                                "Crit"]
    row4 = next(x for x in lines if x.startswith(" 4 "))
    assert "    Gjennomgang og vurdering av Tellmanns analyse og anbefalinger" in row4
    assert "30 days  Thu 15.06.23  Thu 24.08.23" in row4 and row4.rstrip().endswith("*")
    row15 = next(x for x in lines if x.startswith("15 "))
    assert row15.split()[-1] == "145"           # not critical: no marker
    assert "Project finish: Fri 28.06.24 (236 working days" in out
    assert "2 -> 4 -> 6 -> 7" in out
    # more chains than are listed: the critical tasks in one line, as the issue names them
    assert lines[-1] == "Critical tasks: 2, 4-14, 20-24, 26, 35-39, 41-44, 46, 47, 50, 52-54"


def test_table_in_norwegian():
    code, out, _ = run_cli("schedule", SEED_PLAN, "--lang", "nb")
    assert code == 0
    assert "Aktivitet" in out and "Varighet" in out
    assert "30 dager  tor 15.06.23  tor 24.08.23" in out
    assert "Prosjektslutt: fre 28.06.24 (236 arbeidsdager" in out


def test_json_follows_the_contract_exactly():
    code, out, _ = run_cli("schedule", SEED_PLAN, "--format", "json")
    data = json.loads(out)
    assert set(data) == {"project", "tasks", "critical_path"}
    assert set(data["project"]) == {"name", "start", "finish", "duration_days", "calendar"}
    assert all(set(t) == TASK_KEYS for t in data["tasks"])
    t1 = data["tasks"][0]
    assert (t1["id"], t1["outline_level"], t1["summary"], t1["milestone"]) == ("1", 1, True, False)
    t16 = next(t for t in data["tasks"] if t["id"] == "16")
    assert (t16["late_start"], t16["late_finish"], t16["total_float_days"]) == (
        "2023-11-17", "2024-01-12", 5)
    assert t16["critical"] is False


def test_output_is_deterministic(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for out in (a, b):
        assert run_cli("schedule", SEED_PLAN, "--format", "json", "-o", str(out))[0] == 0
    assert a.read_bytes() == b.read_bytes()


def test_csv():
    code, out, _ = run_cli("schedule", SEED_PLAN, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 54
    r49 = rows[48]
    assert (r49["id"], r49["start"], r49["finish"], r49["predecessors"], r49["critical"]) == (
        "49", "2024-06-07", "2024-06-27", "48FS-12", "no")


def test_validate_reports_the_plan():
    code, out, _ = run_cli("validate", SEED_PLAN, "--lang", "en")
    assert code == 0
    assert "OK: 54 tasks (4 summaries), 51 links" in out
    assert "calendar norway (summer, romjul, easter_week)" in out
    assert "2023-06-14 to 2024-06-28, 236 working days" in out


def test_missed_deadline_exits_1_after_printing(write_plan):
    path = write_plan("project: {name: t, start: 2025-03-03}\n"
                      "tasks:\n  - {id: 1, name: a, duration: 10, deadline: 2025-03-10}\n")
    code, out, err = run_cli("schedule", path, "--lang", "en")
    assert code == 1
    assert "Project finish: Fri 14.03.25" in out
    assert "task 1 finishes 2025-03-14, after its deadline 2025-03-10" in err


def test_schedule_does_not_import_heavy_libraries():
    code = ("import sys; from planner.cli import main\n"
            "try:\n    main(['schedule', %r, '--format', 'json'])\n"
            "except SystemExit:\n    pass\n"
            "heavy = [m for m in ('ortools', 'matplotlib', 'jpype', 'numpy') if m in sys.modules]\n"
            "sys.stderr.write(repr(heavy))\n") % SEED_PLAN
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr.strip().endswith("[]"), proc.stderr


def test_python_dash_m_and_version():
    proc = subprocess.run([sys.executable, "-m", "planner", "--version"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("planner, version ")


def test_builtin_calendars_work_for_a_plan_outside_the_repository(tmp_path):
    """Run from another folder, so the installed package (not the checkout) is imported."""
    plan = tmp_path / "plan.yaml"
    plan.write_text("project: {name: t, start: 2025-03-03,\n"
                    "          calendar: {base: norway, seasons: [easter_week]}}\n"
                    "tasks:\n  - {id: 1, name: a, duration: 40}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "planner", "schedule", str(plan), "--format",
                           "json"], capture_output=True, text=True, cwd=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    # 40 working days from Mon 3 March 2025 skip Easter week (14-16 April), Easter (17, 18 and
    # 21 April) and 1 May: they end on 6 May (30 April without the Easter-week season)
    assert json.loads(proc.stdout)["project"]["finish"] == "2025-05-06"


def test_validate_lists_schedule_checks_for_the_seed_plan():
    code, out, _ = run_cli("validate", SEED_PLAN, "--lang", "en")
    assert code == 0
    lines = {line.split()[1] + " " + line.split()[2]: line for line in out.splitlines()[2:]}
    assert "9 of 50 (18%): 15, 25, 28, 29, 32, 33, 34, 45, 49" in lines["missing successors"]
    assert "2 of 51 (4%): 48FS-12->49, 52FS-11->53" in lines["leads (negative"]
    assert lines["hard constraints"].split()[0] == "ok"
    assert "7 of 50 (14%): 24, 25, 31, 45, 46, 47, 48" in lines["durations over"]
    code, out, _ = run_cli("validate", SEED_PLAN, "--no-checks")
    assert code == 0 and len(out.splitlines()) == 1
