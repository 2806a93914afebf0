"""What a project leader met in a month of use (issue 16): one language default for every
command, Excel and Norwegian CSV, exit codes, the levelled plan keeping its comments, the
scenario named in the schedule."""
import csv
import io
import json
import os
import subprocess
import sys

import openpyxl
import pytest

from conftest import ROOT, SEED_PLAN, run_cli

SLOW = os.path.join(ROOT, "scenarios", "slow_recruitment.yaml")


def run(*args, env=None, cwd=ROOT, text=True):
    full = dict(os.environ, PYTHONPATH=ROOT)
    full.pop("PLANNER_LANG", None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True,
                          text=text, cwd=cwd, env=full, timeout=300)


# -- one language rule -------------------------------------------------------------------------
@pytest.mark.parametrize("args, nb, en", [
    (("schedule", SEED_PLAN), "Prosjektslutt: fre 28.06.24", "Project finish: Fri 28.06.24"),
    (("whatif", SEED_PLAN, "--set", "16.duration=60"), "Hva-om mot grunnplanen",
     "What-if against the baseline"),
    (("explain", SEED_PLAN, "17"), "venter på 16FS", "waits for 16FS"),
    (("validate", SEED_PLAN), "mangler etterfølger", "missing successors"),
    (("load", SEED_PLAN), "Overbelastninger (3):", "Over-allocations (3):"),
])
def test_every_command_defaults_to_norwegian_and_follows_planner_lang(args, nb, en):
    default = run(*args)
    assert nb in default.stdout and en not in default.stdout
    english = run(*args, env={"PLANNER_LANG": "en"})
    assert en in english.stdout and nb not in english.stdout
    forced = run(*args, "--lang", "nb", env={"PLANNER_LANG": "en"})
    assert forced.stdout == default.stdout                      # --lang comes first


def test_the_plan_sets_the_language_and_the_environment_overrides_it(tmp_path):
    text = open(SEED_PLAN, encoding="utf-8").read().replace(
        "  start: 2023-06-14\n", "  start: 2023-06-14\n  language: en\n", 1)
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert "Project finish: Fri 28.06.24" in run("schedule", str(path)).stdout
    assert "Prosjektslutt" in run("schedule", str(path), env={"PLANNER_LANG": "nb"}).stdout
    bad = run("schedule", SEED_PLAN, env={"PLANNER_LANG": "de"})
    assert bad.returncode == 2 and bad.stderr.strip() == \
        "error: PLANNER_LANG='de': use nb or en"
    path.write_text(text.replace("language: en", "language: de"), encoding="utf-8")
    r = run("validate", str(path))
    assert r.returncode == 2 and r.stderr.strip() == \
        f"{path}:17: language must be nb or en, not 'de'"


def test_norwegian_load_and_level_reports_have_no_english_words(tmp_path):
    load = run("load", SEED_PLAN).stdout
    assert "Dagsverk arbeid / dagsverk tilgjengelig per ISO-uke" in load
    assert "dl: 21.11.23 til 18.12.23 (20 arbeidsdager), 0,75 av 0,5 enheter: aktiviteter" in load
    for word in ("Week", "Over-allocations", "working", "units", "tasks", " to "):
        assert word not in load
    level = run("level", SEED_PLAN, "-q", "--within-float", "--time-limit", "10",
                "--workers", "1").stdout
    assert level.startswith("Ressursutjevning av ")
    assert "Prosjektslutt: fre 28.06.24 -> fre 28.06.24 (+0 arbeidsdager; 236 -> 236)" in level
    assert "venter på dr (kapasitet 0,5) opptatt med" in level
    for word in ("Levelling", "Project", "waits", "capacity", "Moved", "Over-allocations"):
        assert word not in level


def test_explain_in_norwegian_names_the_constraint_in_norwegian():
    r = run("explain", SEED_PLAN, "44", "--set", "44.constraint=SNET:2024-03-01")
    assert "start gitt av begrensningen «Start ikke tidligere enn» 01.03.24" in r.stdout
    assert "holdes av: «Start ikke tidligere enn» 01.03.24" in r.stdout
    assert "its constraint" not in r.stdout and "no earlier" not in r.stdout


def test_english_chart_names_seasons_in_english(tmp_path):
    out = tmp_path / "plan.svg"
    assert run("gantt", SEED_PLAN, "-o", str(out), "--lang", "en").returncode == 0
    svg = out.read_text(encoding="utf-8")
    assert "Summer holiday" in svg and "Christmas week" in svg and "Easter week" in svg
    assert "Fellesferie" not in svg and "Romjul" not in svg
    run("gantt", SEED_PLAN, "-o", str(out))
    assert "Fellesferie" in out.read_text(encoding="utf-8")          # nb by default


def test_norwegian_footer_dates():
    out = run("schedule", SEED_PLAN).stdout
    assert "Prosjektslutt: fre 28.06.24 (236 arbeidsdager, 14.06.23 - 28.06.24)" in out


# -- Excel and Norwegian CSV -------------------------------------------------------------------
def test_schedule_whatif_and_load_as_xlsx(tmp_path):
    out = tmp_path / "plan.xlsx"
    r = run("schedule", SEED_PLAN, "--format", "xlsx", "-o", str(out))
    assert r.returncode == 0, r.stderr
    ws = openpyxl.load_workbook(out)["Tidsplan"]
    assert ws["D2"].is_date and ws["D2"].number_format == "dd.mm.yy"
    first = out.read_bytes()
    run("schedule", SEED_PLAN, "--format", "xlsx", "-o", str(out))
    assert out.read_bytes() == first
    w = run("whatif", SEED_PLAN, SLOW, "--format", "xlsx", "-o", str(tmp_path / "w.xlsx"),
            "--lang", "en")
    assert w.returncode == 0, w.stderr
    ws = openpyxl.load_workbook(tmp_path / "w.xlsx")["What-if"]
    assert ws["C1"].value == "Rekrutteringen tar 40 dager lengre"
    assert ws["C2"].value.date().isoformat() == "2024-09-25"
    load = run("load", SEED_PLAN, "--format", "xlsx", text=False)
    assert load.returncode == 1 and load.stdout.startswith(b"PK")       # over-allocated: 1
    wb = openpyxl.load_workbook(io.BytesIO(load.stdout))
    assert wb.sheetnames == ["Belastning", "Overbelastning"]


def test_csv_dialect_excel_nb():
    r = run("schedule", SEED_PLAN, "--format", "csv", "--csv-dialect", "excel-nb", text=False)
    text = r.stdout.decode("utf-8")
    assert text.startswith("\ufeffid;name;") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[4][:2] == ["4", "Gjennomgang og vurdering av Tellmanns analyse og anbefalinger"]
    load = run("load", SEED_PLAN, "--format", "csv", "--csv-dialect", "excel-nb").stdout
    assert "kd;2023-W24;12.06.2023;1;3;0,5;0" in load


# -- exit codes and outputs --------------------------------------------------------------------
def test_export_refuses_mpp(tmp_path):
    out = tmp_path / "plan.mpp"
    r = run("export", SEED_PLAN, "-o", str(out))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "MS Project XML (MSPDI) is an .xml file" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


def test_level_within_float_exits_1_when_over_allocations_remain():
    r = run("level", SEED_PLAN, "--within-float", "-q", "--time-limit", "10", "--workers", "1",
            "--lang", "en")
    assert r.returncode == 1
    assert "Over-allocations that could not be levelled within float (2):" in r.stdout
    assert r.stderr.strip() == ("check failed: 2 over-allocations remain within float (level "
                                "without --within-float to remove them, moving the finish)")
    load = run("load", SEED_PLAN)
    assert load.returncode == 1


def test_level_output_keeps_every_comment_of_the_seed_plan(tmp_path):
    out = tmp_path / "levelled.yaml"
    r = run("level", SEED_PLAN, "-o", str(out), "--time-limit", "30", "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "the plan file with its comments; leveling_delay on 8 tasks" in r.stderr
    before = open(SEED_PLAN, encoding="utf-8").read().splitlines()
    after = out.read_text(encoding="utf-8").splitlines()
    comments = [x for x in before if x.lstrip().startswith("#") or " # " in x]
    assert len(comments) > 20 and all(c in after for c in comments)
    assert [x for x in after if x.lstrip().startswith("#")] == \
        [x for x in before if x.lstrip().startswith("#")]
    assert [x for x in after if x not in before] == \
        [x for x in after if x.strip().startswith("leveling_delay: ")]
    s = run("schedule", str(out), "--format", "json")
    assert json.loads(s.stdout)["project"]["finish"] == "2024-09-05"


def test_schedule_names_its_scenarios():
    table = run("schedule", SEED_PLAN, "--scenario", SLOW, "--set", "16.duration=+1w",
                "--lang", "en")
    first = table.stdout.splitlines()[0]
    assert first == "Scenarios: Rekrutteringen tar 40 dager lengre; --set 16.duration=+1w"
    data = json.loads(run("schedule", SEED_PLAN, "--scenario", SLOW, "--format", "json").stdout)
    assert data["project"]["scenarios"] == ["Rekrutteringen tar 40 dager lengre"]
    plain = json.loads(run("schedule", SEED_PLAN, "--format", "json").stdout)
    assert "scenarios" not in plain["project"]
    assert not run("schedule", SEED_PLAN, "--lang", "en").stdout.startswith("Scenario")
