"""The monthly status view and the milestone trend, on the seed plan's illustrative history
(status/*.yaml) and on small hand-checked plans."""
import os

import pytest
from tracking_helpers import D, tracked

from planner.io.status_yaml import apply_status, load_status
from planner.io.yaml_plan import load_plan
from planner.render.status import render_status, status_to_dict
from planner.render.trend import render_trend, write_trend_chart
from planner.schedule import schedule
from planner.tracking import baseline_of, milestone_trend, status_report, task_states

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STATUS = ["2023-08-31", "2023-09-29", "2023-10-31"]


@pytest.fixture(scope="module")
def history():
    plan = load_plan(os.path.join(ROOT, "plans", "ssiks_it.yaml"))
    base = baseline_of(schedule(plan))
    scheds = [schedule(apply_status(plan, load_status(os.path.join(ROOT, "status",
                                                                   f"{d}.yaml"))))
              for d in STATUS]
    return base, scheds


def ids(rows):
    return [r["id"] for r in rows]


def test_october_status_of_the_seed_plan(history):
    base, (_aug, sep, octo) = history
    rep = status_report(octo, base, sep)
    assert rep.period_start == D(2023, 9, 30)
    assert ids(rep.done) == ["9", "10", "11"]
    assert [(r["id"], r["percent_complete"], r["remaining_days"], r["resume"], r["finish"])
            for r in rep.in_progress] == [
        ("12", 80, 3, None, D(2023, 11, 3)),                  # 12 days run, 3 left
        ("14", 10, 14, D(2023, 11, 13), D(2023, 11, 30))]     # split: waits for 13
    assert [(r["id"], r["baseline_finish"], r["finish_variance_days"]) for r in rep.late] == [
        ("12", D(2023, 10, 12), 16), ("13", D(2023, 10, 19), 16), ("14", D(2023, 11, 9), 15)]
    assert ids(rep.starting) == ["13"]
    assert rep.finish == {"forecast": D(2024, 8, 28), "baseline": D(2024, 6, 28),
                          "variance_days": 20, "variance_calendar_days": 61}
    # the procurement's re-estimate (task 16: 45 days, not 35) moved the critical path
    assert ids(rep.critical_entered) == ["16", "17", "18", "51"]
    assert "24" in ids(rep.critical_left) and "54" in ids(rep.critical_left)
    assert [(r["predecessor"], r["task"], r["type"]) for r in rep.out_of_sequence] == \
        [("13", "14", "FS")]


def test_status_texts(history):
    base, (_aug, sep, octo) = history
    rep = status_report(octo, base, sep)
    en = render_status(rep, "en")
    assert "Finish forecast: Wed 28.08.24; baseline 'baseline' Fri 28.06.24: +20 working " \
           "days, +61 calendar days" in en
    assert "  14  started Mon 23.10.23 before 13 finished (Fri 10.11.23) [FS]" in en
    nb = render_status(rep, "nb", markdown=True)
    assert "### Pågår (2)" in nb
    assert "| 14 | Utarbeidelse av versjon 1 av Digitaliserings- og IT-strateg… | man 23.10.23 " \
           "| 10 | 14 dager | man 13.11.23 | tor 30.11.23 | +15 | * |" in nb
    assert "- Ble kritiske: 16, 17, 18, 51" in nb
    data = status_to_dict(rep)
    assert data["finish"]["forecast"] == "2024-08-28"
    assert data["in_progress"][1]["resume"] == "2023-11-13"


def test_status_without_baseline_or_previous_uses_the_plan_and_a_month(history):
    _base, (aug, _sep, _oct) = history
    rep = status_report(aug)
    assert rep.reference == "plan" and rep.critical_entered is None
    assert rep.period_start == D(2023, 8, 1)
    assert ids(rep.done) == ["4", "5"]                      # 2 finished in June
    assert rep.finish["variance_days"] == 3 and rep.finish["variance_calendar_days"] == 38
    assert "Critical path since" not in render_status(rep, "en")


def test_task_states():
    tasks = [{"id": "A", "name": "a", "duration": 5}, {"id": "B", "name": "b", "duration": 2},
             {"id": "C", "name": "c", "duration": 3, "predecessors": "A"},
             {"id": "D", "name": "d", "duration": 1, "predecessors": "B"},
             {"id": "E", "name": "e", "duration": 2}]
    base = baseline_of(schedule(tracked(tasks, {"status_date": "2024-01-08", "tasks": {},
                                                "reschedule": "as_is"}).plan))
    s = tracked(tasks, {"status_date": "2024-01-10", "tasks": {
        "A": {"actual_start": "2024-01-08", "percent_complete": 60},   # on time: 12th
        "B": {"actual_start": "2024-01-08", "actual_finish": "2024-01-09"},
        "E": {"actual_start": "2024-01-09", "percent_complete": 50}}})  # finishes 11th > 9th
    # D: its baseline start (10th) is by the status date but it has not started
    assert task_states(s, base) == ["started", "done", "not_started", "late", "late"]


def test_critical_path_changes():
    tasks = [{"id": "A", "name": "a", "duration": 5}, {"id": "B", "name": "b", "duration": 3},
             {"id": "C", "name": "c", "duration": 1, "predecessors": "A;B"}]
    before = tracked(tasks, {"status_date": "2024-01-08", "tasks": {
        "A": {"actual_start": "2024-01-08", "percent_complete": 20}}})
    after = tracked(tasks, {"status_date": "2024-01-10", "tasks": {
        "A": {"actual_start": "2024-01-08", "percent_complete": 60},
        "B": {"actual_start": "2024-01-10", "percent_complete": 0}}})
    # B started late: its 3 days run 11-15, past A's finish on the 12th
    rep = status_report(after, None, before)
    assert ids(rep.critical_entered) == ["B"] and ids(rep.critical_left) == ["A"]


def test_trend_of_the_seed_plan(history, tmp_path):
    base, scheds = history
    trend = milestone_trend(scheds, base)
    assert trend.status_dates == [D(2023, 8, 31), D(2023, 9, 29), D(2023, 10, 31)]
    assert [(i.id, i.kind) for i in trend.items] == \
        [("1", "phase"), ("3", "phase"), ("19", "phase"), ("40", "phase")]
    assert trend.items[0].forecasts == [D(2024, 8, 5), D(2024, 8, 9), D(2024, 8, 28)]
    assert trend.items[0].baseline == D(2024, 6, 28)
    text = render_trend(trend, "nb")
    assert text.splitlines()[0].startswith("Milepælstrendanalyse: Plan for etablering")
    assert "28.06.24   05.08.24  09.08.24  28.08.24  +23" in text
    out = tmp_path / "trend.png"
    write_trend_chart(trend, str(out))
    first = out.read_bytes()
    assert first[:8] == b"\x89PNG\r\n\x1a\n" and len(first) > 20000
    write_trend_chart(trend, str(out))
    assert out.read_bytes() == first                    # deterministic


def test_trend_marks_done_milestones():
    tasks = [{"id": "A", "name": "a", "duration": 2},
             {"id": "M", "name": "decision", "duration": 0, "predecessors": "A"},
             {"id": "B", "name": "b", "duration": 3, "predecessors": "M"}]
    first = tracked(tasks, {"status_date": "2024-01-08", "tasks": {
        "A": {"actual_start": "2024-01-08"}}})
    second = tracked(tasks, {"status_date": "2024-01-12", "tasks": {
        "A": {"actual_start": "2024-01-08", "actual_finish": "2024-01-11"},
        "M": {"actual_start": "2024-01-11"}}})
    trend = milestone_trend([second, first])            # sorted by status date
    (m,) = trend.items
    assert (m.id, m.kind, m.forecasts, m.done) == \
        ("M", "milestone", [D(2024, 1, 10), D(2024, 1, 11)], [False, True])
