"""Engine internals that the hard instances rely on: the problem compiled from a plan, the
heuristic schedule (serial SGS) and the precedence reasoning with resources."""
from __future__ import annotations

import random

from levelkit import j30

from planner.level import closure, compile_plan, resource_delays, serial_sgs


def _j30_problem(name):
    return compile_plan(j30(name)).problem


def test_resource_implied_distances_hold_in_every_feasible_schedule():
    """The precedence reasoning only adds distances that every feasible schedule keeps: check
    them against many different feasible schedules (serial SGS under random priorities).  The
    reasoning runs with CP-SAT's deterministic time per pair, so the distances found do not
    depend on the machine."""
    p = _j30_problem("j3013_1")
    extra = resource_delays(p, closure(p, {}), budget=None, per_pair=0.2, deterministic=True)
    assert len(extra) >= 10
    again = resource_delays(p, closure(p, {}), budget=None, per_pair=0.2, deterministic=True)
    assert again == extra
    rng = random.Random(7)
    for _ in range(200):
        S = serial_sgs(p, [(rng.random(), k) for k in range(p.n)])
        assert not p.violations(S)
        for (a, b), d in extra.items():
            assert S[b] - S[a] >= d
