"""What-if overlays: each kind of change, their order, the comparison's figures, the seed
scenarios, and the errors a user meets."""
import datetime as dt
import json
import os

import numpy as np
import pytest
import yaml

from conftest import ROOT, SEED_PLAN, run_cli
from planner.errors import PlanError
from planner.io.scenario_yaml import parse_set, scenario_from_data, sets_scenario
from planner.io.yaml_plan import plan_from_data
from planner.scenario import Scenario, apply_scenarios, compare
from planner.schedule import schedule

D = dt.date

SMALL = """
project: {name: small, start: 2025-03-03, calendar: {base: norway, seasons: [easter_week]}}
tasks:
  - {id: A, name: A, duration: 5}
  - id: P
    name: Phase
    tasks:
      - {id: B, name: B, duration: 3, predecessors: A}
      - {id: C, name: C, duration: 2, predecessors: B}
  - {id: E, name: E, duration: 4, predecessors: A}
"""


def small():
    return plan_from_data(yaml.safe_load(SMALL), None)


def run(plan, *changes):
    sc = scenario_from_data({"name": "t", "changes": list(changes)}, None)
    new = apply_scenarios(plan, [sc])
    return schedule(new), new


def dates(sched, tid):
    i = sched.i(tid)
    return sched.date(sched.start[i]), sched.date(sched.finish[i])


# -- each overlay kind -------------------------------------------------------------------------
def test_duration_absolute_relative_and_factor():
    p = small()
    for value, days in ((7, 7), ("+2", 5), ("-1", 2), ("x2", 6), ("x1.5", 5), ("x0.5", 2)):
        _s, new = run(p, {"task": "B", "duration": value})
        assert new.task_index()["B"].duration == days, value
    assert p.task_index()["B"].duration == 3          # the baseline is untouched


def test_scaling_a_phase_scales_every_task_in_it():
    s, new = run(small(), {"phase": "P", "duration": "x2"})
    idx = new.task_index()
    assert (idx["B"].duration, idx["C"].duration, idx["A"].duration) == (6, 4, 5)
    assert dates(s, "P") == (D(2025, 3, 10), D(2025, 3, 21))


def test_link_lag_type_add_and_remove():
    s, _ = run(small(), {"link": "A -> B", "lag": 2})
    assert dates(s, "B") == (D(2025, 3, 12), D(2025, 3, 14))
    s, _ = run(small(), {"link": {"from": "A", "to": "B"}, "type": "SS"})
    assert dates(s, "B") == (D(2025, 3, 3), D(2025, 3, 5))
    s, _ = run(small(), {"add_link": "E -> C"})        # C now waits for E too
    assert dates(s, "C") == (D(2025, 3, 14), D(2025, 3, 17))
    s, _ = run(small(), {"add_link": {"from": "E", "to": "C", "type": "FF", "lag": 1}})
    assert dates(s, "C")[1] == D(2025, 3, 14)
    s, new = run(small(), {"remove_link": "A -> B"})
    assert dates(s, "B") == (D(2025, 3, 3), D(2025, 3, 5))
    assert new.task_index()["B"].predecessors == []


def test_constraint_deadline_and_predecessors():
    s, _ = run(small(), {"task": "E", "start_no_earlier_than": "2025-03-19"})
    assert dates(s, "E") == (D(2025, 3, 19), D(2025, 3, 24))
    s, _ = run(small(), {"task": "C", "constraint": {"type": "FNLT", "date": "2025-03-12"}})
    assert dates(s, "C")[1] == D(2025, 3, 12)
    s, _ = run(small(), {"task": "C", "deadline": "2025-03-13"})
    assert s.total_float[s.i("C")] == -1
    s, _ = run(small(), {"task": "C", "predecessors": "ESS+1"})
    assert dates(s, "C") == (D(2025, 3, 11), D(2025, 3, 12))


def test_project_start_and_calendar():
    s, _ = run(small(), {"project": {"start": "2025-03-10"}})
    assert dates(s, "A") == (D(2025, 3, 10), D(2025, 3, 14))
    # an extra day off inside A's span pushes everything a day
    s, _ = run(small(), {"calendar": {"exceptions": [{"date": "2025-03-05", "name": "x"}]}})
    assert dates(s, "A") == (D(2025, 3, 3), D(2025, 3, 10))
    base = schedule(small())
    assert base.calendar.is_working(D(2025, 4, 14)) is False          # Easter week on
    s, new = run(small(), {"calendar": {"seasons_off": ["easter_week"]}})
    assert s.calendar.is_working(D(2025, 4, 14))
    s, new = run(small(), {"calendar": {"seasons_on": [{"name": "summer",
                                                       "iso_weeks": [10, 10]}]}})
    assert [r.name for r in new.calendar.seasons] == ["easter_week", "summer"]
    assert dates(s, "A") == (D(2025, 3, 10), D(2025, 3, 14))            # week 10 is off


def test_overlays_compose_in_order():
    p = small()
    first = scenario_from_data({"changes": [{"task": "B", "duration": 10}]}, None)
    second = scenario_from_data({"changes": [{"task": "B", "duration": "x2"}]}, None)
    assert apply_scenarios(p, [first, second]).task_index()["B"].duration == 20
    assert apply_scenarios(p, [second, first]).task_index()["B"].duration == 10
    # --set comes after files, and several --set compose left to right
    sc = sets_scenario(["B.duration=4", "B.duration=+1", "B.duration=x3"])
    assert apply_scenarios(p, [sc]).task_index()["B"].duration == 15


def test_set_forms():
    p = small()
    cases = {
        "B.duration=8": lambda n: n.task_index()["B"].duration == 8,
        "project.start=2025-04-01": lambda n: n.start == D(2025, 4, 1),
        "A->B.lag=-2": lambda n: n.task_index()["B"].predecessors[0].lag == -2,
        "A->B.type=SS": lambda n: n.task_index()["B"].predecessors[0].type == "SS",
        "calendar.easter_week=off": lambda n: n.calendar.seasons == (),
        "calendar.summer=on": lambda n: [r.name for r in n.calendar.seasons] ==
        ["easter_week", "summer"],
        "calendar.seasons=romjul": lambda n: [r.name for r in n.calendar.seasons] == ["romjul"],
        "E.constraint=SNET:2025-03-20": lambda n: n.task_index()["E"].constraint.type == "SNET",
        "E.deadline=2025-03-20": lambda n: n.task_index()["E"].deadline == D(2025, 3, 20),
        "C.predecessors=A;E": lambda n: [x.pred for x in n.task_index()["C"].predecessors] ==
        ["A", "E"],
        "calendar.exception=2025-03-05..2025-03-06": lambda n: len(n.calendar.exceptions) == 1,
    }
    for expr, ok in cases.items():
        new = apply_scenarios(p, [Scenario(expr, [parse_set(expr)])])
        assert ok(new), expr


@pytest.mark.parametrize("expr, message", [
    ("Z.duration=5", "no task 'Z' in the plan"),
    ("B.colour=red", "a task has no field 'colour'"),
    ("B.duration=five", "is not N (days), +N, -N or xF"),
    ("A->C.lag=2", "task C has no link from A"),
    ("calendar.winter_break=off", "season 'winter_break' is not on in this plan"),
    ("calendar.bogus=on", "unknown season 'bogus'"),
    ("P.duration=20", "is a summary: its duration comes from its tasks"),
    ("project.start=soon", "'soon' is not a date"),
    ("nodot=1", "names no field"),
])
def test_set_errors(expr, message):
    with pytest.raises(PlanError) as err:
        apply_scenarios(small(), [Scenario(expr, [parse_set(expr)])])
    assert err.value.format().startswith(f"--set {expr}: ")
    assert message in err.value.format()


# -- comparison ----------------------------------------------------------------------------------
def busdays(a, b, cal):
    """Independent working-day count with numpy (weekends and the calendar's days off)."""
    hol = [x for x in (cal.nonworking_periods(min(a, b), max(a, b)))]
    days = []
    for first, last, _n, kind in hol:
        if kind == "working":
            continue
        d = first
        while d <= last:
            days.append(np.datetime64(d))
            d += dt.timedelta(days=1)
    n = int(np.busday_count(np.datetime64(a + dt.timedelta(days=1)),
                            np.datetime64(b + dt.timedelta(days=1)), holidays=days))
    return n


@pytest.mark.parametrize("extra", [1, 2, 4, 5, 9, 23])
def test_comparison_figures_match_an_independent_count(extra):
    base = schedule(small())
    s, _ = run(small(), {"task": "B", "duration": f"+{extra}"})
    c = compare(base, s, "t")
    old, new = base.project_finish, s.project_finish
    assert c.finish == new and c.base_finish == old
    assert c.finish_calendar_days == (new - old).days
    assert c.finish_working_days == busdays(old, new, s.calendar)
    assert c.duration - c.base_duration == extra
    moved = {m.id: m for m in c.moved}
    assert set(moved) == {"B", "C", "P"}
    assert (moved["B"].start_days, moved["B"].finish_days) == (0, extra)
    assert (moved["C"].start_days, moved["C"].finish_days) == (extra, extra)
    # E (4 days after A) had 1 day of float; a longer B makes C the only critical end
    assert c.no_longer_critical == [] and ("B" in c.became_critical) == False


def test_became_and_stopped_critical_and_driving_chain():
    base = schedule(small())
    assert [base.critical[base.i(x)] for x in "ABCE"] == [True, True, True, False]
    s, _ = run(small(), {"task": "E", "duration": 9})
    c = compare(base, s)
    assert c.became_critical == ["E"] and sorted(c.no_longer_critical) == ["B", "C"]
    chain = [(st.id, st.link) for st in c.driving_chain]
    assert chain == [("E", ("A", "FS", 0, "d")), ("A", None)]
    assert c.driving_chain[-1].reason == "the project start"


# -- the seed scenarios --------------------------------------------------------------------------
SEED_SCENARIOS = {
    "longer_procurement.yaml": ("2024-08-28", 20, 61),
    "pessimistic.yaml": ("2024-11-20", 80, 145),
    "short_summer.yaml": ("2024-06-20", -6, -8),
    "slow_decisions.yaml": ("2024-09-25", 40, 89),
    "slow_recruitment.yaml": ("2024-09-25", 40, 89),
    "summer_start.yaml": ("2024-08-30", 22, 63),
}


def test_seed_scenarios_finish_dates_are_pinned():
    files = [os.path.join(ROOT, "scenarios", f) for f in sorted(SEED_SCENARIOS)]
    code, out, err = run_cli("whatif", SEED_PLAN, *files, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["baseline"]["finish"] == "2024-06-28"
    for f, sc in zip(sorted(SEED_SCENARIOS), data["scenarios"]):
        finish, wd, cd = SEED_SCENARIOS[f]
        assert (sc["finish"], sc["finish_change_working_days"],
                sc["finish_change_calendar_days"]) == (finish, wd, cd), f
    procurement = data["scenarios"][0]
    assert procurement["became_critical"] == ["16", "17", "18", "51"]
    chain = procurement["driving_chain"]
    assert [x["id"] for x in chain][:4] == ["53", "52", "51", "18"]
    assert chain[-1] == {"id": "2", "name": "Presentasjon av anlyse og anbefalinger",
                         "start": "2023-06-14", "finish": "2023-06-14", "driven_by": None,
                         "reason": "the project start"}


def test_every_seed_scenario_is_commented_and_named():
    for f in SEED_SCENARIOS:
        text = open(os.path.join(ROOT, "scenarios", f), encoding="utf-8").read()
        assert text.startswith("# ") and "\nname: " in text and "\ndescription: " in text


def test_schedule_and_explain_accept_scenarios():
    code, out, _ = run_cli("schedule", SEED_PLAN, "--scenario",
                           os.path.join(ROOT, "scenarios", "longer_procurement.yaml"),
                           "--format", "json")
    assert json.loads(out)["project"]["finish"] == "2024-08-28"
    code, out, _ = run_cli("schedule", SEED_PLAN, "--set", "16.duration=60", "--format", "json")
    assert json.loads(out)["project"]["finish"] == "2024-08-28"
    code, out, _ = run_cli("explain", SEED_PLAN, "17", "--lang", "en")
    assert code == 0
    assert "waits for 16FS (16 finishes Fri 05.01.24)" in out
    # in English the seasons and holidays are named in English too
    assert "Christmas Day Mon 25.12.23; Second Day of Christmas Tue 26.12.23; Christmas week " \
           "Wed 27.12.23 - Fri 29.12.23" in out
    assert "Summer holiday (July) Mon 03.07.23 - Mon 31.07.23" in out
    assert "Romjul" not in out and "Fellesferie" not in out
    assert out.rstrip().endswith("start set by the project start")


def test_whatif_markdown_and_norwegian():
    code, out, _ = run_cli("whatif", SEED_PLAN, "--set", "16.duration=60", "--format", "md",
                           "--lang", "nb")
    assert code == 0
    assert out.startswith("## Hva-om mot grunnplanen: ")
    assert "| Slutt | fre 28.06.24 | ons 28.08.24 |" in out
    assert "| Endring, arbeidsdager | - | +20 |" in out
    assert "Styrende kjede (fra slutten og tilbake til starten)" in out


# -- errors from files ---------------------------------------------------------------------------
def test_scenario_file_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nchanges:\n  - task: 99\n    duration: 5\n")
    code, _out, err = run_cli("whatif", SEED_PLAN, str(bad))
    assert code == 2 and err.strip() == f"{bad}:3: no task '99' in the plan " \
        "'Plan for etablering av nytt IT-samarbeid for kommunene på Søre Sunnmøre (SSIKS-IT)'"
    bad.write_text("name: x\nchanges:\n  - task: 16\n    durration: 5\n")
    code, _out, err = run_cli("whatif", SEED_PLAN, str(bad))
    assert code == 2 and f"{bad}:4: unknown field 'durration'" in err
    bad.write_text("name: x\nchanges:\n  - remove_link: 2 -> 6\n")
    code, _out, err = run_cli("whatif", SEED_PLAN, str(bad))
    assert code == 2 and f"{bad}:3: task 6 has no link from 2 (its predecessors: 4;5)" in err
    bad.write_text("name: x\nchanges:\n  - add_link: 54 -> 2\n")
    code, _out, err = run_cli("whatif", SEED_PLAN, str(bad))
    assert code == 2 and "dependency cycle" in err and "(after the scenario: x)" in err
    assert "Traceback" not in err
