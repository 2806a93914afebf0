"""Levelling PSPLIB j30 instances (planner.io.psplib, planner.level).

A sample of j30 instances and two of the hardest are pinned to the published optimal makespans.
Every pinned solve uses one worker, a fixed seed and CP-SAT's deterministic time limit, so it
does not depend on the machine's speed or load; the wall-clock quality claim (480/480 within
10 s on 2 workers) is a benchmark: benchmarks/psplib.py, docs/levelling.md.
"""
from __future__ import annotations

import os

import pytest
from levelkit import DATA, DETERMINISTIC, j30, psplib

from planner.level import level, resource_loads

J30 = {"j301_1": 43, "j305_7": 76, "j3010_4": 58, "j3021_3": 76, "j3025_9": 84,
       "j3033_2": 60, "j3041_5": 99, "j3047_6": 53}


@pytest.mark.parametrize("name", sorted(J30))
def test_j30_sample_reaches_the_known_optimum(name):
    res = level(j30(name), stable=False, **DETERMINISTIC)
    assert res.after.project_duration == J30[name]
    assert res.outcome.phase("finish").status == "OPTIMAL"
    assert not any(ld.over for ld in resource_loads(res.after))


@pytest.mark.parametrize("name,optimum", [("j3029_8", 80), ("j3013_5", 67)])
def test_hardest_j30_instances_reach_the_known_optimum(name, optimum):
    """Two of the hardest j30 instances: the plain CP-SAT model and the LP-based complete
    search leave them at 81 and 68 in many runs.  planner's complete search without the LP
    finds and proves the optimum on a single worker with seed 1 (OR-Tools 9.15: after 2.8 and
    4.6 units of CP-SAT's deterministic time, about 3-5 s on an idle core and more on a loaded
    machine, with the same result), inside the limit of 10."""
    res = level(j30(name), stable=False, **DETERMINISTIC)
    finish = res.outcome.phase("finish")
    assert res.after.project_duration == optimum
    assert finish.status == "OPTIMAL" and finish.bound == optimum
    assert not any(ld.over for ld in resource_loads(res.after))


def test_a_first_search_without_a_plan_does_not_end_the_solve(monkeypatch):
    """On a big plan the short deterministic first search may end UNKNOWN (its budget spent in
    presolve): the parallel search must still run and improve on the heuristic plan, not stop
    with it.  Simulated here by a first search that finds nothing.  The parallel search is not
    reproducible, so what is checked is that it ran from the heuristic plan and improved on it
    within the proven bounds (it reaches the optimum, 58, in a few seconds on an idle machine)."""
    import planner.level.phases as phases

    real = phases.run_phase
    parallel = []

    def first_finds_nothing(*args, **kwargs):
        if kwargs.get("deterministic"):
            return phases.PhaseResult(args[4], "UNKNOWN", seconds=0.0), None
        parallel.append(args[7])
        return real(*args, **kwargs)

    monkeypatch.setattr(phases, "run_phase", first_finds_nothing)
    res = level(j30("j3013_1"), time_limit=20, workers=2, stable=False)
    finish = res.outcome.phase("finish")
    assert parallel == [2]
    assert res.outcome.heuristic_makespan > 58
    assert finish.solutions > 0
    assert 58 <= res.after.project_duration < res.outcome.heuristic_makespan
    assert finish.bound <= 58 and res.outcome.lower_bound <= 58
    assert not any(ld.over for ld in resource_loads(res.after))


def test_psplib_reader_errors(tmp_path):
    mod = psplib()
    text = open(os.path.join(DATA, "j301_1.sm"), encoding="latin-1").read()
    bad = tmp_path / "bad.sm"
    bad.write_text(text.replace("   2        1          3           6  11  15",
                                "   2        2          3           6  11  15"))
    with pytest.raises(Exception) as exc:
        mod.read_sm(str(bad))
    assert "bad.sm:20: job 2 has 2 modes" in exc.value.format()
    with pytest.raises(Exception) as exc:
        mod.read_optima(str(tmp_path / "j30opt.sm"))
    assert exc.value.format() == f"{tmp_path / 'j30opt.sm'}: no such file"
