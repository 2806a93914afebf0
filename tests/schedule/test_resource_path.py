"""The resource-critical path of a levelled plan (issue 16 point 3): table, JSON and Gantt."""
import dataclasses
import datetime as dt
import json

import pytest

from conftest import SEED_PLAN
from planner.io.schedule_json import schedule_to_json
from planner.io.yaml_plan import load_plan
from planner.model import Assignment, CalendarDef, Link, Plan, Resource, Task
from planner.render.gantt import build_gantt
from planner.render.table import render_table
from planner.schedule import schedule
from planner.schedule.resource_path import resource_critical, resource_critical_ids

#: the delays `planner level plans/ssiks_it.yaml --workers 1` writes (docs/levelling.md)
SEED_DELAYS = {"25": 10, "26": 10, "29": 10, "30": 10, "32": 19, "34": 15, "42": 6, "54": 10}
DECISIONS = [str(i) for i in range(4, 15)]
EXPECTED = (["2"] + DECISIONS + ["20", "21", "22", "23", "27", "30", "28", "25", "31", "26",
                                  "32"])


@pytest.fixture(scope="module")
def levelled():
    plan = load_plan(SEED_PLAN)
    tasks = [dataclasses.replace(t, leveling_delay=SEED_DELAYS.get(t.id, 0)) for t in plan.tasks]
    return schedule(dataclasses.replace(plan, tasks=tasks))


def test_the_seed_plans_finish_is_set_by_the_decisions_and_the_dl_chain(levelled):
    assert levelled.project_finish == dt.date(2024, 9, 5)
    assert levelled.critical_tasks() == ["32"]          # float alone names only the last task
    assert resource_critical_ids(levelled) == EXPECTED
    floats = {t.id: levelled.total_float[i] for i, t in enumerate(levelled.plan.tasks)}
    assert all(floats[d] == 26 for d in DECISIONS)      # months of link float, yet they decide


def test_a_wait_goes_back_only_to_the_task_that_freed_the_full_resource(levelled):
    ids = set(resource_critical_ids(levelled))
    # 32 waits for dl: 26 frees it on 24.06.24; 46 and 47 keep using dl and are not the cause
    assert {"26", "32"} <= ids and not ids & {"46", "47", "54", "29", "15", "16", "17"}


def test_a_plan_without_levelling_has_no_resource_critical_path(seed_schedule):
    assert resource_critical(seed_schedule) is None
    text = schedule_to_json(seed_schedule)
    assert "resource_critical" not in text
    assert "Resource-critical" not in render_table(seed_schedule)


def test_a_hand_typed_delay_with_no_releaser_ends_the_chain():
    plan = Plan("demo", dt.date(2024, 1, 1), CalendarDef("mon-fri"), [
        Task("a", "A", 3, assignments=[Assignment("r", 0.5)]),
        Task("b", "B", 2, assignments=[Assignment("r", 0.5)], leveling_delay=3,
             predecessors=[Link("c")]),
        Task("c", "C", 1)], resources=[Resource("r", "R")])
    sched = schedule(plan)
    # a and b fit r together: a did not hold b back, and c's link did not set b's start
    assert resource_critical_ids(sched) == ["b"]


def test_json_and_table_mark_the_resource_critical_tasks(levelled):
    data = json.loads(schedule_to_json(levelled))
    marked = [t["id"] for t in data["tasks"] if t["resource_critical"]]
    assert sorted(marked, key=int) == sorted(EXPECTED, key=int)
    assert data["resource_critical_path"] == EXPECTED and data["critical_path"] == ["32"]
    table = render_table(levelled, lang="nb")
    assert "Ressurskritisk linje (utjevnet plan): 2, 4-14, 20-23, 25-28, 30-32" in table
    starred = [line.split()[0] for line in table.splitlines()[2:56] if line.endswith("*")]
    assert sorted(starred, key=int) == sorted(EXPECTED, key=int)


def test_the_gantt_draws_the_resource_critical_path_red_and_names_it(levelled, seed_schedule):
    fig, layout = build_gantt(levelled)
    title = layout.title[1]
    assert "ressurskritisk linje 262 arbeidsdager" in title
    red = [r.task_id for r in layout.rows if r.critical]
    assert sorted(red, key=int) == sorted(EXPECTED, key=int)
    assert all(r.float_x1 is None for r in layout.rows if r.critical)
    fig, plain = build_gantt(seed_schedule)
    title = plain.title[1]
    assert "·  kritisk linje 236 arbeidsdager" in title
