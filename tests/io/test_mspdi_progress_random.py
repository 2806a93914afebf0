"""Random progressed plans (tests/randplans.py + tests/randprogress.py) through MS Project XML,
judged by MPXJ's MicrosoftScheduler (docs/ms-project.md, "Progress").

MPXJ schedules a started task from its ``ActualStart`` for its ``Duration`` and lets it ignore
its predecessors; it reads neither ``StatusDate`` nor ``Stop``/``Resume``.  So:

- ``as_is`` with ``progress_override`` is what MPXJ computes: every date, duration, float and
  critical flag must agree (the export the issue asks for);
- ``after_status_date``: the status date reaches MPXJ as the start-no-earlier-than constraints
  of the tasks not started (MS Project's *Update Project*), which MPXJ applies; with started
  tasks reported by their remaining days (so none is split) and no date constraints of their
  own, everything must agree;
- a task split at the status date (``after_status_date``) or held by retained logic is
  scheduled by MPXJ as if it ran on: every early date must agree except on the split tasks and
  the tasks after them.

Also: import of these files, and of the files MPXJ's MSPDIWriter writes from them, schedules
to the file's dates; YAML -> MSPDI -> YAML -> MSPDI gives the same file twice and the second
YAML is the first's fixed point.
"""
from __future__ import annotations

import pytest

from mpxj_harness import differences, known_mpxj_quirk, mpxj
from randplans import random_plan
from randprogress import random_status
from planner.io.mspdi import read_mspdi, schedule_to_mspdi, task_uids
from planner.io.status_yaml import apply_status, status_from_data
from planner.io.yaml_plan import dump_plan, load_plan, save_plan
from planner.schedule import schedule
from planner.schedule.progress import DONE, NOT_STARTED, STARTED
from planner.tracking import baseline_of

N_AS_IS = 200               # as_is + progress_override, 40 of them with resources
N_OTHER = 100               # per other combination
EARLY = ("start", "finish", "early_start", "early_finish")


def progressed(seed, reschedule, oos, *, constraints=True, remaining_only=False,
               resources=False):
    plan = random_plan(seed, constraints=constraints, resources=resources, text_ids=resources)
    st = random_status(plan, seed, reschedule=reschedule, out_of_sequence=oos,
                       remaining_only=remaining_only)
    return plan, schedule(apply_status(plan, status_from_data(st)))


def real_differences(sched, text, fields=None):
    """MPXJ's differences from planner but the one MPXJ quirk (tests/mpxj_harness.py), the
    UID -> task position map, and MPXJ's tasks."""
    m = mpxj()
    uids, _ = task_uids(sched.plan)
    index = {u: i for i, u in enumerate(uids)}
    theirs = m.tasks(m.reschedule(text))
    diffs = differences(sched, theirs) if fields is None else differences(sched, theirs, fields)
    return [d for d in diffs if not known_mpxj_quirk(sched, index, d)], index, theirs


@pytest.fixture(scope="module")
def as_is_plans():
    out = []
    for seed in range(N_AS_IS):
        res = seed >= N_AS_IS - 40
        plan, sched = progressed(10_000 + seed if res else seed, "as_is", "progress_override",
                                 resources=res)
        out.append((seed, plan, sched, schedule_to_mspdi(sched, {
            "baseline": baseline_of(schedule(plan))})))
    return out


def test_the_random_progress_covers_what_it_claims(as_is_plans):
    seen = {"done": 0, "started": 0, "not_started": 0, "percent": 0, "remaining": 0,
            "both": 0, "start_only": 0, "oos": 0, "re_estimates": 0, "milestones_done": 0}
    for _seed, _plan, sched, _text in as_is_plans:
        prog = sched.progress
        seen["oos"] += len(prog.out_of_sequence)
        for i, t in enumerate(sched.plan.tasks):
            if t.summary:
                continue
            st = prog.state[i]
            seen[("not_started", "started", "done")[st]] += 1
            seen["milestones_done"] += st == DONE and t.milestone
            if st == STARTED:
                pc, rem = t.percent_complete is not None, t.remaining_days is not None
                seen[{(True, False): "percent", (False, True): "remaining",
                      (True, True): "both", (False, False): "start_only"}[(pc, rem)]] += 1
            seen["re_estimates"] += st == NOT_STARTED and t.remaining_days is not None
    for key, value in seen.items():
        assert value >= 40, (key, value)


def test_mpxj_agrees_on_every_random_plan_as_is(as_is_plans):
    tasks = 0
    for seed, _plan, sched, text in as_is_plans:
        real, _index, _theirs = real_differences(sched, text)
        assert real == [], f"plan {seed}: {real[:5]}"
        tasks += len(sched.plan.tasks) + 1
    assert len(as_is_plans) == N_AS_IS and tasks > 4000


def test_mpxj_agrees_after_the_status_date_where_it_models_it():
    for seed in range(N_OTHER):
        _plan, sched = progressed(seed, "after_status_date", "progress_override",
                                  constraints=False, remaining_only=True)
        assert not any(sched.progress.split(i) for i in range(len(sched.plan.tasks)))
        real, _index, _theirs = real_differences(sched, schedule_to_mspdi(sched))
        assert real == [], f"plan {seed}: {real[:5]}"


def _after(sched, first: list) -> set:
    """``first`` and every task after them (successors, transitively) and their summaries."""
    net = sched.net
    seen, stack = set(first), list(first)
    while stack:
        for s, *_ in net.leaf_succs[stack.pop()]:
            if s not in seen:
                seen.add(s)
                stack.append(s)
    out = set(seen)
    for i in seen:
        p = net.parent[i]
        while p >= 0:
            out.add(p)
            p = net.parent[p]
    return out


@pytest.mark.parametrize("reschedule, oos", [("after_status_date", "progress_override"),
                                             ("after_status_date", "retained_logic"),
                                             ("as_is", "retained_logic")])
def test_mpxj_runs_split_work_on_and_agrees_on_everything_before_it(reschedule, oos):
    splits = differing = 0
    for seed in range(N_OTHER):
        _plan, sched = progressed(seed, reschedule, oos, constraints=False)
        prog = sched.progress
        split = [i for i, t in enumerate(sched.plan.tasks) if not t.summary and prog.split(i)]
        splits += len(split)
        real, index, theirs = real_differences(sched, schedule_to_mspdi(sched), EARLY)
        after = _after(sched, split)
        outside = [d for d in real if d[0] != 0 and index[d[0]] not in after]
        assert outside == [], f"plan {seed}: {outside[:5]}"
        differing += len({d[0] for d in real})
        uid = {i: u for u, i in index.items()}
        for i in split:            # MPXJ: the remaining work straight after the done part
            a = (prog.astart[i] + 1) // 2
            assert theirs[uid[i]]["finish"][:10] == \
                sched.calendar.date(a + sched.duration[i] - 1).isoformat()
    assert splits > 50 and differing > 50


def test_import_schedules_to_the_files_dates(as_is_plans, tmp_path):
    m = mpxj()
    for seed, _plan, sched, text in as_is_plans[:40]:
        for k, doc in enumerate((text, m.write(m.reschedule(text)))):   # planner's, MPXJ's
            path = tmp_path / f"{seed}-{k}.xml"
            path.write_text(doc, encoding="utf-8")
            imp = read_mspdi(str(path))
            again = schedule(imp.plan)
            assert imp.plan.tracked, seed
            assert imp.disagreements(again) == [], (seed, k)


@pytest.mark.parametrize("reschedule, oos", [("as_is", "progress_override"),
                                             ("after_status_date", "retained_logic")])
def test_progress_and_baselines_round_trip(reschedule, oos, tmp_path):
    for seed in range(0, 120, 2):
        plan, sched = progressed(seed, reschedule, oos)
        bases = {"baseline": baseline_of(schedule(plan)),
                 "baseline2": baseline_of(sched, "baseline2")}
        text = schedule_to_mspdi(sched, bases)
        xml, yml = tmp_path / f"{seed}.xml", tmp_path / f"{seed}.yaml"
        xml.write_text(text, encoding="utf-8")
        imp = read_mspdi(str(xml), near=str(yml))
        save_plan(imp.plan, str(yml))
        again = schedule(load_plan(str(yml)))
        assert schedule_to_mspdi(again, imp.baselines) == text, seed
        assert (again.plan.reschedule, again.plan.out_of_sequence) == (reschedule, oos)
        p1, p2 = sched.progress, again.progress
        for name in ("state", "astart", "afinish", "actual", "remaining", "stop", "resume"):
            assert getattr(p1, name) == getattr(p2, name), (seed, name)
        for name, b in bases.items():
            got = imp.baselines[name]
            assert (got.start, got.finish, got.duration) == (b.start, b.finish, b.duration)
            assert {k: (v.start, v.finish, v.duration) for k, v in got.tasks.items()} == \
                {k: (v.start, v.finish, v.duration) for k, v in b.tasks.items()}, seed
        # the imported YAML is a fixed point
        xml2 = tmp_path / f"{seed}-2.xml"
        xml2.write_text(schedule_to_mspdi(again, imp.baselines), encoding="utf-8")
        assert dump_plan(read_mspdi(str(xml2), near=str(yml)).plan) == dump_plan(imp.plan)
