"""The risk figures of a report are those of `planner risk --format json` for the same plan,
estimates, iterations and seed (docs/risk.md)."""
import json
import subprocess
import sys

from .report_helpers import ESTIMATES, ROOT, SEED_PLAN, run_report


def test_the_report_shows_what_planner_risk_computes(tmp_path):
    out = tmp_path / "r.md"
    code, _o, err = run_report(SEED_PLAN, "--estimates", ESTIMATES, "-n", "2000", "--seed", "7",
                               "-o", str(out))
    assert code == 0, err
    proc = subprocess.run([sys.executable, "-m", "planner", "risk", SEED_PLAN, "--estimates",
                           ESTIMATES, "-n", "2000", "--seed", "7", "--by", "2024-06-28",
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    risk = json.loads(proc.stdout)
    md = out.read_text(encoding="utf-8")

    def nb(iso):
        y, m, d = iso.split("-")
        return f"{d}.{m}.{y[2:]}"

    fin = risk["finish"]
    assert any(r.startswith("| P50 (styringsramme) | ") and r.endswith(f"({nb(fin['p50'])}) |")
               for r in md.splitlines())
    assert any(r.startswith("| P85 (kostnadsramme) | ") and r.endswith(f"({nb(fin['p85'])}) |")
               for r in md.splitlines())
    chance = round(100 * risk["probability_by"]["2024-06-28"])
    assert f"| Sjanse for å nå planlagt slutt (28.06.24) | {chance}\u00a0% (2\u00a0000 " \
           f"simuleringer) |" in md
    # the drivers table: the top drivers by cruciality, in that order, with their figures
    leaves = sorted((t for t in risk["tasks"] if t["cruciality"] and not t["summary"]),
                    key=lambda t: (-abs(t["cruciality"]), t["id"]))[:6]
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    start = rows.index("| ID | Aktivitet | Sensitivitet | Kritikalitet |")
    got = [r.split(" | ")[0][2:] for r in rows[start + 1:start + 1 + len(leaves)]]
    assert got == [t["id"] for t in leaves]
    for t in leaves:
        cruc = f"{t['cruciality']:.2f}".replace(".", ",").replace("-", "\u2212")
        crit = f"{100 * t['criticality']:.0f}\u00a0%"
        assert f"| {t['id']} | {t['name']} | {cruc} | {crit} |" in rows
    # risk events by their finish impact, largest first
    events = sorted(risk["risks"], key=lambda r: (-r["finish_impact_days"], r["id"]))
    start = rows.index("| ID | Risikohendelse | Inntraff | Virkning på slutt |")
    got = [r.split(" | ")[0][2:] for r in rows[start + 1:start + 1 + len(events)]]
    assert got == [r["id"] for r in events]
