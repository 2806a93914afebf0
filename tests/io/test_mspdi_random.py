"""Random plans (tests/randplans.py) through MS Project XML: MPXJ's MS Project scheduler must
agree with planner on every date, duration, float and critical flag, and YAML -> MSPDI -> YAML
-> MSPDI must give the same file twice.

Counts: 220 plans with all link types, lags in working and elapsed days, summaries with and
without links, milestones, constraints, deadlines, holiday seasons and dated exceptions; 60 more
that also have resources, absences, assignments and task ids that are not numbers.  Levelling
delays are tested on their own at the end, because MPXJ does not apply them as MS Project does
(docs/ms-project.md).
"""
from __future__ import annotations

import pytest

from mpxj_harness import (NEWER_THAN_PJ12, differences, known_mpxj_quirk, mpxj,
                          newer_elements_in, schema_errors)
from randplans import random_plan
from planner.io.mspdi import read_mspdi, schedule_to_mspdi, task_uids
from planner.io.yaml_plan import load_plan, save_plan
from planner.schedule import schedule

N_PLANS = 220
N_RESOURCE_PLANS = 60
SEEDS = [(seed, {}) for seed in range(N_PLANS)] + \
    [(10_000 + seed, {"resources": True, "text_ids": True}) for seed in range(N_RESOURCE_PLANS)]


@pytest.fixture(scope="module")
def exported():
    out = []
    for seed, opts in SEEDS:
        sched = schedule(random_plan(seed, **opts))
        out.append((seed, opts, sched, schedule_to_mspdi(sched)))
    return out


def test_the_random_plans_cover_what_they_claim(exported):
    seen = {"types": set(), "neg": 0, "pos": 0, "ed": 0, "summary_links": 0,
            "plain_summaries": 0, "milestones": 0, "constraints": set(), "seasons": set(),
            "working_exceptions": 0, "assignments": 0, "text_ids": 0, "deadlines": 0}
    for _seed, _opts, sched, _text in exported:
        plan = sched.plan
        ids = plan.task_index()
        seen["seasons"].update(s.name for s in plan.calendar.seasons)
        seen["working_exceptions"] += sum(e.working for e in plan.calendar.exceptions)
        for t in plan.tasks:
            for link in t.predecessors:
                seen["types"].add(link.type)
                seen["neg"] += link.lag < 0
                seen["pos"] += link.lag > 0
                seen["ed"] += link.lag_unit == "ed"
                seen["summary_links"] += t.summary or ids[link.pred].summary
            if t.summary and not t.predecessors:
                seen["plain_summaries"] += 1
            seen["milestones"] += t.milestone
            if t.constraint:
                seen["constraints"].add(t.constraint.type)
            seen["deadlines"] += t.deadline is not None
            seen["assignments"] += len(t.assignments)
            seen["text_ids"] += not t.id.isdigit()
    assert seen["types"] == {"FS", "SS", "FF", "SF"}
    assert seen["constraints"] == {"SNET", "FNET", "SNLT", "FNLT", "MSO", "MFO", "ALAP"}
    assert len(seen["seasons"]) == 6
    for key in ("neg", "pos", "ed", "summary_links", "plain_summaries", "milestones",
                "working_exceptions", "assignments", "text_ids", "deadlines"):
        assert seen[key] > 20, key


def test_mpxj_microsoft_scheduler_agrees_on_every_random_plan(exported):
    m = mpxj()
    excused = 0
    for seed, opts, sched, text in exported:
        uids, _ = task_uids(sched.plan)
        uid_index = {u: i for i, u in enumerate(uids)}
        diffs = differences(sched, m.tasks(m.reschedule(text)))
        real = [d for d in diffs if not known_mpxj_quirk(sched, uid_index, d)]
        excused += len(diffs) - len(real)
        assert real == [], f"random plan {seed} {opts}: {real[:5]}"
    assert len(exported) == N_PLANS + N_RESOURCE_PLANS >= 200
    assert excused == 16          # docs/ms-project.md: 16 summaries in 15 of the 280 plans


def test_random_exports_are_valid_pj12_except_for_the_named_elements(exported):
    # a sample (the schema check is slow in Python): between them these plans use every
    # element the writer emits, resources and custom fields included
    sample = exported[:N_PLANS:12] + exported[N_PLANS::6]
    assert newer_elements_in(schema_errors(sample[0][3])) == set(NEWER_THAN_PJ12)
    for seed, _opts, _sched, text in sample:
        assert schema_errors(text, drop=NEWER_THAN_PJ12) == [], seed


def test_yaml_mspdi_yaml_mspdi_round_trip_is_lossless(exported, tmp_path):
    for seed, opts, sched, text in exported:
        xml1 = tmp_path / f"{seed}.xml"
        yml = tmp_path / f"{seed}.yaml"
        xml1.write_text(text, encoding="utf-8")
        imported = read_mspdi(str(xml1), near=str(yml))
        save_plan(imported.plan, str(yml))
        again = schedule(load_plan(str(yml)))
        assert schedule_to_mspdi(again) == text, f"random plan {seed} {opts}"
        assert imported.disagreements(again) == []
        assert imported.notes == []
        for k in ("es", "ef", "ls", "lf", "start", "finish", "total_float", "free_float",
                  "critical", "duration"):
            assert getattr(again, k) == getattr(sched, k), (seed, k)


def test_round_trip_keeps_ids_names_links_resources(exported, tmp_path):
    for seed, opts, sched, text in exported[-N_RESOURCE_PLANS:]:
        xml1 = tmp_path / f"{seed}.xml"
        xml1.write_text(text, encoding="utf-8")
        plan = read_mspdi(str(xml1), near=str(tmp_path / "p.yaml")).plan
        orig = sched.plan
        assert [t.id for t in plan.tasks] == [t.id for t in orig.tasks]
        assert [t.name for t in plan.tasks] == [t.name for t in orig.tasks]
        assert [t.parent for t in plan.tasks] == [t.parent for t in orig.tasks]
        assert [[(lk.pred, lk.type, lk.lag, lk.lag_unit) for lk in t.predecessors]
                for t in plan.tasks] == \
            [[(lk.pred, lk.type, lk.lag, lk.lag_unit if lk.lag else "d") for lk in t.predecessors]
             for t in orig.tasks]
        assert [(r.id, r.name, r.capacity, r.assumption, r.absences) for r in plan.resources] == \
            [(r.id, r.name, r.capacity, r.assumption, r.absences) for r in orig.resources]
        assert [[(a.resource, a.units) for a in t.assignments] for t in plan.tasks] == \
            [[(a.resource, a.units) for a in t.assignments] for t in orig.tasks]
        assert [t.notes for t in plan.tasks] == [t.notes for t in orig.tasks]


def test_levelling_delay_is_written_and_read_back(tmp_path):
    plan = random_plan(7, leveling=True)
    assert sum(t.leveling_delay > 0 for t in plan.tasks) >= 3
    text = schedule_to_mspdi(schedule(plan))
    path = tmp_path / "lev.xml"
    path.write_text(text, encoding="utf-8")
    back = read_mspdi(str(path), near=str(tmp_path / "lev.yaml")).plan
    assert [(t.id, t.leveling_delay) for t in back.tasks] == \
        [(t.id, t.leveling_delay) for t in plan.tasks]
    assert schedule_to_mspdi(schedule(back)) == text
    # MPXJ reads the value as working days, with its format
    project = mpxj().read(text)
    from java.lang import Integer
    uids, _ = task_uids(plan)
    for i, t in enumerate(plan.tasks):
        if t.leveling_delay:
            d = project.getTaskByUniqueID(Integer.valueOf(uids[i])).getLevelingDelay()
            assert (float(d.getDuration()), str(d.getUnits().name())) == \
                (float(t.leveling_delay), "DAYS")


def test_mpxj_applies_a_levelling_delay_as_elapsed_days_and_only_without_predecessors():
    """What docs/ms-project.md says about MPXJ: MicrosoftScheduler.addLevelingDelay turns
    "3d" into 3 elapsed days, and only for a task without predecessors; planner (like MS
    Project's leveller) adds working days to the early start of any task."""
    from planner.io.yaml_plan import plan_from_data

    data = {"project": {"name": "lev", "start": "2024-09-05",          # a Thursday
                        "calendar": {"base": "norway", "seasons": []}},
            "tasks": [{"id": 1, "name": "free", "duration": 2, "leveling_delay": 3},
                      {"id": 2, "name": "first", "duration": 1},
                      {"id": 3, "name": "linked", "duration": 1, "predecessors": "2",
                       "leveling_delay": 3}]}
    sched = schedule(plan_from_data(data))
    row = {t["id"]: t for t in (sched.row(i) for i in range(3))}
    assert str(row["1"]["start"]) == "2024-09-10"      # Thu + 3 working days = Tue
    assert str(row["3"]["start"]) == "2024-09-11"      # after task 2 (Thu) + 3 working days
    m = mpxj()
    tasks = m.tasks(m.reschedule(schedule_to_mspdi(sched)))
    assert tasks[1]["start"] == "2024-09-09T08:00"      # Thu + 3 elapsed days = Sun -> Mon
    assert tasks[3]["start"] == "2024-09-06T08:00"      # delay ignored: right after task 2
