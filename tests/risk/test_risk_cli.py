"""`planner risk` end to end: the JSON contract, the table and Markdown in both languages,
the charts, estimates inside the plan, and numpy only in this command."""
import json
import subprocess
import sys

from conftest import ROOT, run_cli
from risk_helpers import SEED_ESTIMATES, SEED_PLAN

ARGS = ("risk", SEED_PLAN, "--estimates", SEED_ESTIMATES, "-n", "2000")


def test_json_contract_and_same_bytes():
    code, out, err = run_cli(*ARGS, "--seed", "3", "--by", "2024-06-28", "--by", "31.12.24",
                             "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["iterations"] == 2000 and data["seed"] == 3
    fin = data["finish"]
    assert set(fin) == {"deterministic", "mean", "p10", "p50", "p80", "p85", "p90"}
    assert fin["deterministic"] == "2024-06-28"
    assert fin["p10"] <= fin["p50"] <= fin["p80"] <= fin["p85"] <= fin["p90"]
    assert list(data["probability_by"]) == ["2024-06-28", "2024-12-31"]
    assert 0 <= data["probability_by"]["2024-06-28"] < data["probability_by"]["2024-12-31"]
    tasks = {t["id"]: t for t in data["tasks"]}
    assert len(tasks) == 54
    assert {"criticality", "cruciality"} <= set(tasks["24"])
    assert tasks["24"]["estimate"] == {"optimistic": 80.0, "most_likely": 100.0,
                                       "pessimistic": 160.0, "distribution": "pert"}
    assert tasks["1"]["criticality"] == 1.0 and tasks["1"]["summary"] is True
    risks = {r["id"]: r for r in data["risks"]}
    assert set(risks) == {"R1", "R2", "R3", "R4", "R5"}
    assert {"occurred", "finish_impact_days"} <= set(risks["R4"])
    assert data["convergence"]["window_iterations"] == 200
    again = run_cli(*ARGS, "--seed", "3", "--by", "2024-06-28", "--by", "31.12.24",
                    "--format", "json")[1]
    assert again == out
    assert run_cli(*ARGS, "--seed", "4", "--format", "json")[1] != out


def test_default_by_date_is_the_deterministic_finish():
    data = json.loads(run_cli(*ARGS, "--format", "json")[1])
    assert list(data["probability_by"]) == ["2024-06-28"]


def test_table_in_english_and_norwegian():
    code, out, _ = run_cli(*ARGS, "--lang", "en")
    assert code == 0
    assert out.startswith("Schedule risk: Plan for etablering")
    assert "P85 (upper limit)" in out and "Deterministic (plan)  28.06.24           236" in out
    assert "Chance of finishing by 28.06.24:" in out
    assert "Top drivers" in out and "Risk events" in out
    nb = run_cli(*ARGS)[1]                                  # Norwegian by default
    assert nb == run_cli(*ARGS, "--lang", "nb")[1]
    assert nb.startswith("Tidsrisiko: ") and "P50 (styringsramme)" in nb
    assert "P85 (kostnadsramme)" in nb and "Sannsynlighet for å være ferdig innen 28.06.24" in nb
    assert "Risikohendelser" in nb and " %" in nb and "," in nb.split("Gjennomsnitt")[1][:40]


def test_markdown():
    out = run_cli(*ARGS, "--format", "md", "--lang", "nb")[1]
    lines = out.splitlines()
    assert lines[0].startswith("# Tidsrisiko: ")
    assert "| Deterministisk (plan) | 28.06.24 | 236 |" in lines
    assert "## Viktigste drivere" in out


def test_charts(tmp_path):
    png, svg = tmp_path / "risk.png", tmp_path / "risk.svg"
    assert run_cli(*ARGS, "-o", str(png))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run_cli(*ARGS, "-o", str(svg), "--lang", "en")[0] == 0
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Schedule risk" in text
    nb = tmp_path / "nb.svg"
    run_cli(*ARGS, "-o", str(nb))
    assert "Tidsrisiko" in nb.read_text(encoding="utf-8")       # Norwegian by default


def test_estimates_in_the_plan_file(tmp_path):
    with open(SEED_PLAN, encoding="utf-8") as fh:
        plan = fh.read()
    with open(SEED_ESTIMATES, encoding="utf-8") as fh:
        estimates = fh.read()
    path = tmp_path / "plan.yaml"
    path.write_text(plan + "\n" + estimates, encoding="utf-8")
    assert run_cli("schedule", str(path))[0] == 0          # the plan loader accepts the keys
    inside = run_cli("risk", str(path), "-n", "2000", "--format", "json")[1]
    beside = run_cli(*ARGS, "--format", "json")[1]
    assert json.loads(inside)["finish"] == json.loads(beside)["finish"]


def test_until_stable():
    data = json.loads(run_cli("risk", SEED_PLAN, "--estimates", SEED_ESTIMATES,
                              "--until-stable", "--format", "json")[1])
    assert data["until_stable"] is True and data["limit"] == 100000
    assert 2000 <= data["iterations"] < 100000 and data["convergence"]["stable"]


def test_numpy_only_in_the_risk_command():
    code = ("import sys; from click.testing import CliRunner; from planner.cli import main; "
            f"r = CliRunner().invoke(main, ['schedule', {SEED_PLAN!r}]); "
            "assert r.exit_code == 0; print('numpy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT).stdout
    assert out.strip() == "False"
