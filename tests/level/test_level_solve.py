"""Levelling small plans and the seed plan (planner.level.level).

Small plans are checked by hand (dates in the docstrings) and against a brute force over
levelling delays that uses planner.schedule itself, so the CP-SAT model is held to MS Project's
link semantics; the seed plan's levelled finish is pinned.  Every solve here uses one worker, a
fixed seed and CP-SAT's deterministic time limit (levelkit.DETERMINISTIC), never wall-clock.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from levelkit import D, DETERMINISTIC, SEED, brute_force_finish, saved, starts, write_plan

from planner.io.yaml_plan import load_plan, save_plan
from planner.level import level, resource_loads
from planner.schedule import schedule


# -- hand-checked instances ---------------------------------------------------------------
def test_capacity_one_forces_a_sequence(tmp_path):
    """Three tasks on one full-time person: 9 working days in a row, shortest first (least
    total delay): t2 Mon 8-Tue 9, t1 Wed 10-Fri 12, t3 Mon 15-Thu 18 January."""
    plan = load_plan(write_plan(tmp_path, """
resources: [{id: a, name: Analyst, capacity: 1}]
tasks:
  - {id: t1, name: Three days, duration: 3, resources: {a: 1}}
  - {id: t2, name: Two days, duration: 2, resources: {a: 1}}
  - {id: t3, name: Four days, duration: 4, resources: {a: 1}}
"""))
    res = level(plan, **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert starts(res) == {"t2": D(2024, 1, 8), "t1": D(2024, 1, 10), "t3": D(2024, 1, 15)}
    assert res.after.project_finish == D(2024, 1, 18)
    assert res.after.project_duration == 9
    before = {ld.id: ld for ld in resource_loads(res.before)}
    assert before["a"].peak == 3 and before["a"].over
    assert not any(ld.over for ld in resource_loads(res.after))
    assert {t.id: t.leveling_delay for t in res.plan.tasks} == {"t1": 2, "t2": 0, "t3": 5}


def test_half_time_resource(tmp_path):
    """Capacity 0.5: x and y (0.25 each) run side by side Mon 8-Fri 12; z (0.5) waits until
    Mon 15 and ends Wed 17 (putting z first would delay two tasks by 3 days instead)."""
    plan = load_plan(write_plan(tmp_path, """
resources: [{id: h, name: Half-time lead, capacity: 0.5}]
tasks:
  - {id: x, name: X, duration: 5, resources: {h: 0.25}}
  - {id: y, name: Y, duration: 5, resources: {h: 0.25}}
  - {id: z, name: Z, duration: 3, resources: {h: 0.5}}
"""))
    res = level(plan, **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert starts(res) == {"x": D(2024, 1, 8), "y": D(2024, 1, 8), "z": D(2024, 1, 15)}
    assert res.after.project_finish == D(2024, 1, 17)
    (ld,) = resource_loads(res.after)
    assert ld.peak == 0.5 and not ld.over
    move = {m.id: m for m in res.moves}["z"]
    assert move.days == 5 and move.delay == 5
    assert move.conflicts == [("h", ["x", "y"], False)]


def test_resource_calendar_gap(tmp_path):
    """p is away Wed 10-Thu 11 January: v (2 days) fits Mon-Tue, t (3 days) cannot span the
    gap and starts Fri 12, ending Tue 16."""
    plan = load_plan(write_plan(tmp_path, """
resources:
  - id: p
    name: Project lead
    capacity: 1
    absences: [{from: 2024-01-10, to: 2024-01-11, name: Course}]
tasks:
  - {id: t, name: Three days, duration: 3, resources: {p: 1}}
  - {id: v, name: Two days, duration: 2, resources: {p: 1}}
"""))
    before = {ld.id: ld for ld in resource_loads(schedule(plan))}["p"]
    assert [(o.first, o.last) for o in before.over] == [(D(2024, 1, 8), D(2024, 1, 10))]
    res = level(plan, **DETERMINISTIC)
    assert starts(res) == {"t": D(2024, 1, 12), "v": D(2024, 1, 8)}
    assert res.after.project_finish == D(2024, 1, 16)
    (ld,) = resource_loads(res.after)
    assert not ld.over and ld.absent == {2, 3}
    assert {m.id: m.conflicts for m in res.moves}["t"] == [("p", ["v"], True)]


WITHIN = """
resources: [{id: r, name: Reviewer, capacity: 1}]
tasks:
  - {id: a, name: A, duration: 5, resources: {r: 1}}
  - {id: b, name: B, duration: %d, predecessors: a}
  - {id: c, name: C, duration: %d, resources: {r: 1}}
"""


def test_within_float_moves_only_inside_float(tmp_path):
    """c (3 days, float 7) moves after a to Mon 15; the finish (Fri 19) stays."""
    plan = load_plan(write_plan(tmp_path, WITHIN % (5, 3)))
    res = level(plan, within_float=True, **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert starts(res)["c"] == D(2024, 1, 15)
    assert res.after.project_finish == res.before.project_finish == D(2024, 1, 19)
    assert not any(ld.over for ld in resource_loads(res.after))


def test_within_float_never_moves_the_finish_even_when_conflicts_remain(tmp_path):
    """c has 1 day of float but needs 5 days after a: within float the finish (Mon 15) stays
    and the over-allocation remains (reported); levelling for the finish moves it to Fri 19."""
    plan = load_plan(write_plan(tmp_path, WITHIN % (1, 5)))
    res = level(plan, within_float=True, **DETERMINISTIC)
    assert res.after.project_finish == res.before.project_finish == D(2024, 1, 15)
    assert res.outcome.phase("overload").value > 0
    assert any(ld.over for ld in resource_loads(res.after))
    free = level(plan, **DETERMINISTIC)
    assert free.after.project_finish == D(2024, 1, 19)
    assert not any(ld.over for ld in resource_loads(free.after))


def test_smooth_lowers_the_peak_and_keeps_the_finish(tmp_path):
    """Two reviewers (capacity 2): the finish objective leaves x and y side by side (peak 2);
    smooth moves y behind x (peak 1) inside the 4 days the chain a needs anyway."""
    plan = load_plan(write_plan(tmp_path, """
resources: [{id: r, name: Reviewers, capacity: 2}]
tasks:
  - {id: a, name: Chain, duration: 4}
  - {id: x, name: X, duration: 2, resources: {r: 1}}
  - {id: y, name: Y, duration: 2, resources: {r: 1}}
"""))
    fin = level(plan, **DETERMINISTIC)
    assert resource_loads(fin.after)[0].peak == 2
    res = level(plan, objective="smooth", **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert resource_loads(res.after)[0].peak == 1
    assert res.after.project_finish == fin.after.project_finish == D(2024, 1, 11)


# -- brute force over levelling delays, with planner.schedule's own link semantics ------------
ALL_LINKS = """
resources:
  - {id: r, name: R, capacity: 1, absences: [{date: 2024-01-17}]}
  - {id: s, name: S, capacity: 1}
tasks:
  - {id: a, name: A, duration: 3, resources: {r: 1}}
  - {id: b, name: B, duration: 2, predecessors: aSS+1, resources: {r: 1}}
  - {id: c, name: C, duration: 2, predecessors: aFF+1}
  - {id: d, name: D, duration: 3, predecessors: cSF+2, resources: {s: 1, r: 1}}
  - {id: e, name: E, duration: 1, predecessors: bFS-1}
  - {id: f, name: F, duration: 2, predecessors: a FS+3ed, resources: {s: 1}}
  - {id: g, name: G, duration: 0, predecessors: d;e;f}
"""


def test_all_link_types_lags_and_an_absence_match_brute_force(tmp_path):
    plan = load_plan(write_plan(tmp_path, ALL_LINKS))
    res = level(plan, **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert not any(ld.over for ld in resource_loads(res.after))
    # the written delays reproduce the schedule the solver chose
    again = schedule(load_plan(saved(tmp_path, res.plan)))
    assert again.project_finish == res.after.project_finish
    assert res.after.project_duration == brute_force_finish(plan, 9)


def test_date_constraints_are_kept(tmp_path):
    """m must start on Wed 10 January: levelling moves the others around it; n may not start
    after Mon 15 (SNLT) and so goes before q."""
    plan = load_plan(write_plan(tmp_path, """
resources: [{id: r, name: R, capacity: 1}]
tasks:
  - {id: m, name: Fixed, duration: 2, constraint: {type: MSO, date: 2024-01-10}, resources: {r: 1}}
  - {id: n, name: Late start, duration: 2, constraint: {type: SNLT, date: 2024-01-15}, resources: {r: 1}}
  - {id: q, name: Free, duration: 3, resources: {r: 1}}
"""))
    res = level(plan, **DETERMINISTIC)
    s = starts(res)
    assert s["m"] == D(2024, 1, 10)
    assert s["n"] <= D(2024, 1, 15)
    assert not any(ld.over for ld in resource_loads(res.after))
    assert res.after.project_duration == brute_force_finish(plan, 6)


@st.composite
def small_plans(draw):
    n = draw(st.integers(3, 4))
    cap = draw(st.sampled_from([1, 1, 2]))
    lines = [f"resources: [{{id: r, name: R, capacity: {cap}}}]", "tasks:"]
    for k in range(n):
        dur = draw(st.integers(1, 3))
        units = draw(st.integers(1, cap))
        preds = []
        for j in range(k):
            if draw(st.integers(0, 3)) == 0:
                typ = draw(st.sampled_from(["", "SS", "FF", "SF"]))
                lag = draw(st.integers(-1, 2)) if typ else 0
                preds.append(f"t{j}{typ}{lag:+d}" if typ and lag else f"t{j}{typ}")
        use = (draw(st.booleans()) or k == 0) and k < 3
        item = f"  - {{id: t{k}, name: T{k}, duration: {dur}"
        if preds:
            item += f", predecessors: \"{';'.join(preds)}\""
        if use:
            item += f", resources: {{r: {units}}}"
        lines.append(item + "}")
    return "\n".join(lines) + "\n"


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=small_plans())
def test_random_small_plans(tmp_path, body):
    """For random small plans with every link type: levelling for the finish is optimal (brute
    force over delays), and levelling within float keeps the finish."""
    plan = load_plan(write_plan(tmp_path, body))
    res = level(plan, **DETERMINISTIC)
    assert res.status == "OPTIMAL"
    assert not any(ld.over for ld in resource_loads(res.after))
    limit = sum(t.duration for t in plan.tasks if t.assignments) + 2
    assert res.after.project_duration == brute_force_finish(plan, limit)
    within = level(plan, within_float=True, **DETERMINISTIC)
    assert within.after.project_finish == within.before.project_finish


# -- the seed plan ------------------------------------------------------------------------
def test_seed_plan_levelled_finish(tmp_path):
    """The role-based resources of the seed plan (assumptions) over-allocate the digitalisation
    council and the general manager; the optimal levelling ends Thu 5 September 2024 (262
    working days instead of 236), every over-allocation gone.  It is proven with a tiny share
    of CP-SAT's deterministic time (the machine-independent form of "well under a second"), and
    the same plan gives the same levelled plan byte for byte."""
    plan = load_plan(SEED)
    assert all(r.assumption for r in plan.resources)
    assert sum(len(ld.over) for ld in resource_loads(schedule(plan))) == 3
    res = level(plan, **DETERMINISTIC)
    assert sum(ph.work for ph in res.outcome.phases) < 0.5
    assert res.status == "OPTIMAL"
    assert res.after.project_finish == D(2024, 9, 5)
    assert res.after.project_duration == 262
    assert not any(ld.over for ld in resource_loads(res.after))
    first = saved(tmp_path, res.plan)
    data = open(first, encoding="utf-8").read()
    again = level(plan, **DETERMINISTIC)
    save_plan(again.plan, str(tmp_path / "second.yaml"))
    assert open(tmp_path / "second.yaml", encoding="utf-8").read() == data  # deterministic
    assert schedule(load_plan(first)).project_finish == D(2024, 9, 5)


# -- the deterministic limit -------------------------------------------------------------
def test_a_deterministic_limit_needs_one_worker(tmp_path):
    plan = load_plan(write_plan(tmp_path, ALL_LINKS))
    with pytest.raises(ValueError, match="a deterministic limit needs workers=1, not 2"):
        level(plan, workers=2, deterministic_limit=1.0)


def test_a_deterministic_limit_bounds_the_work_not_the_clock(tmp_path):
    """The limit is shared between the phases in CP-SAT's deterministic time: no phase uses
    more than it, and a limit too small to search leaves the phases SKIPPED with the heuristic
    plan, as a spent wall-clock limit does."""
    plan = load_plan(SEED)
    res = level(plan, **DETERMINISTIC)
    assert all(ph.work <= DETERMINISTIC["deterministic_limit"] for ph in res.outcome.phases)
    none = level(plan, workers=1, deterministic_limit=0.0)
    assert [ph.status for ph in none.outcome.phases] == ["SKIPPED", "SKIPPED"]
    assert none.after.project_duration >= 262
    assert not any(ld.over for ld in resource_loads(none.after))
