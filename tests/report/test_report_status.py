"""The October 2023 report against what `planner status` and `planner trend` say for the same
files (docs/tracking.md), and the red/amber/green rule at its edges."""
import json
import re
import subprocess
import sys

import pytest

from .report_helpers import HISTORY, ROOT, SEED_PLAN, STATUS, run_report
from .test_report_content import section_html, text


def planner_json(*args):
    proc = subprocess.run([sys.executable, "-m", "planner", *args, "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def status_json():
    return planner_json("status", SEED_PLAN, "--status", STATUS, "--previous", HISTORY[-2],
                        "--baseline", "baseline")


def nb_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}.{m}.{y[2:]}"


def test_summary_agrees_with_planner_status(seed_html, status_json):
    fin = status_json["finish"]
    summary = text(section_html(seed_html["nb"], "summary"))
    assert f"Prognosert slutt onsdag 28. august 2024 ({nb_date(fin['forecast'])})" in summary
    assert f"Grunnplanens slutt (baseline) fredag 28. juni 2024 ({nb_date(fin['baseline'])})" \
        in summary
    wd, cd = fin["variance_days"], fin["variance_calendar_days"]
    assert (wd, cd) == (20, 61)
    assert f"Avvik +{wd} arbeidsdager, +{cd} kalenderdager" in summary
    assert f"{wd} arbeidsdager ({cd} kalenderdager) senere enn grunnplanens fredag 28. juni " \
           f"2024" in summary
    # 20 working days late with the default amber limit of 10: red, and the rule is stated
    assert 'class="rag rag-red"' in section_html(seed_html["nb"], "summary")
    assert "Tidsplan RØD" in summary
    assert "gul når den er inntil 10 arbeidsdager etter, rød ut over det" in summary
    assert "Forsinkelsen går over fellesferie (juli), 01.07.24–31.07.24" in summary
    en = text(section_html(seed_html["en"], "summary"))
    assert "Schedule RED" in en and "Variance +20 working days, +61 calendar days" in en


def test_work_done_counts_the_actual_days(seed_html):
    from planner.io.status_yaml import apply_status, load_status
    from planner.io.yaml_plan import load_plan
    from planner.schedule import schedule

    plan = load_plan(f"{ROOT}/{SEED_PLAN}")
    sched = schedule(apply_status(plan, load_status(f"{ROOT}/{STATUS}")))
    prog = sched.progress
    leaves = [i for i, t in enumerate(plan.tasks) if not t.summary]
    done = sum(prog.actual[i] for i in leaves)
    total = sum(prog.actual[i] + prog.remaining[i] for i in leaves)
    summary = text(section_html(seed_html["nb"], "summary"))
    pct = f"{100 * done / total:.0f}"
    assert f"Utført arbeid {pct} % av arbeidet ({done} av {total} arbeidsdager" in summary


def test_key_dates_against_baseline_and_previous_status(seed_html):
    trend = planner_json("trend", SEED_PLAN, *HISTORY, "--baseline", "baseline")
    dates = section_html(seed_html["nb"], "dates")
    rows = {m[0]: m for m in re.findall(
        r"<tr><td>(\d+)</td><td>[^<]*</td>" + r'<td class="num[^"]*">([^<]*)</td>' * 5, dates)}
    assert len(rows) == len(trend["items"])
    for item in trend["items"]:
        _id, base, prev, now, var, change = rows[item["id"]]
        assert base == nb_date(item["baseline"])
        assert prev == nb_date(item["forecasts"][-2])
        assert now == nb_date(item["forecasts"][-1])
        assert var.startswith("+") or var == "0" or var.startswith("\u2212")
    # the project: 28.06.24 -> 09.08.24 -> 28.08.24 is +20 working days against the baseline
    # and +13 since September (the summer break in between counts no working days)
    assert rows["1"][1:] == ("28.06.24", "09.08.24", "28.08.24", "+20", "+13")


def test_this_period_and_the_critical_path_agree_with_planner_status(seed_html, status_json):
    period = text(section_html(seed_html["nb"], "period"))
    for key, heading in (("done", "Ferdig siden forrige status"), ("in_progress", "Pågår"),
                         ("late", "Forsinket mot grunnplanen"),
                         ("starting", "Starter de neste 4 ukene")):
        assert f"{heading} ({len(status_json[key])})" in period
        for row in status_json[key]:
            assert row["name"] in period
    assert "Fra 30.09.23 til 31.10.23" in period
    crit = text(section_html(seed_html["nb"], "critical"))
    entered = status_json["critical_entered"]
    assert f"Ble kritiske siden forrige status ({len(entered)})" in crit
    assert all(r["name"] in crit for r in entered)
    assert f"Ikke lenger kritiske ({len(status_json['critical_left'])})" in crit


def summary_of(plan_path, lang="nb", **inputs):
    """The summary section's text of the report of ``plan_path`` (no charts drawn)."""
    from planner.render.report import gather
    from planner.render.report.html import _section
    from planner.render.report.summary import summary_section

    data = gather(plan_path, lang=lang, **inputs)
    return _section(summary_section(data))


@pytest.mark.parametrize("amber, level", [(19, "red"), (20, "amber"), (40, "amber")])
def test_rag_follows_the_plans_amber_limit(tmp_path, amber, level):
    """October is 20 working days late: red beyond the limit, amber up to it."""
    src = open(f"{ROOT}/{SEED_PLAN}", encoding="utf-8").read()
    plan = tmp_path / "ssiks_it.yaml"
    plan.write_text(src.replace("  start: 2023-06-14\n",
                                f"  start: 2023-06-14\n  report: {{amber_days: {amber}}}\n"),
                    encoding="utf-8")
    html = summary_of(str(plan), status=f"{ROOT}/{STATUS}")
    assert f'class="rag rag-{level}"' in html
    word = {"red": "RØD", "amber": "GUL", "green": "GRØNN"}[level]
    assert f'<span class="rag-label">{word}</span>' in html
    assert f"inntil {amber} arbeidsdager etter" in html


def test_green_when_the_forecast_is_the_baseline():
    summary = text(summary_of(f"{ROOT}/{SEED_PLAN}", "en", baseline="baseline"))
    assert "Schedule GREEN" in summary and ", as in the baseline." in summary
    assert "Variance 0 working days, 0 calendar days" in summary


def test_history_alone_takes_its_latest_file_as_now(tmp_path):
    out = tmp_path / "r.md"
    code, _o, err = run_report(SEED_PLAN, "--history", *HISTORY, "-o", str(out))
    assert code == 0, err
    md = out.read_text(encoding="utf-8")
    assert "*Statusrapport per tirsdag 31. oktober 2023*" in md
    assert "| Forrige prognose |" in md


def test_an_unknown_baseline_is_one_line(tmp_path):
    code, _o, err = run_report(SEED_PLAN, "--status", STATUS, "--baseline", "baseline7", "-o",
                               str(tmp_path / "r.html"))
    assert code == 2 and err.count("\n") == 1
    assert "no baseline 'baseline7'" in err
    assert not (tmp_path / "r.html").exists()
