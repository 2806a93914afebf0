#!/usr/bin/env python3
"""Resource levelling on the PSPLIB single-mode RCPSP instances (e.g. j30).

Usage::

    python benchmarks/psplib.py PATH... [--time-limit S] [--workers N] [--optimum FILE]

PATH is a ``.sm`` file or a folder of them.  Each instance is read into a Plan by
:mod:`planner.io.psplib` (one task per job, a seven-day working week so that working days are the
instance's time units, one resource per renewable resource), is levelled by
:func:`planner.level.level` -- the engine of ``planner level`` with the objective ``finish`` --
and gives one CSV line
``instance,makespan,status,seconds``.  A summary follows: the share proven optimal, the share
matching the known optimum (read from ``--optimum``, by default ``<folder>opt.sm`` beside a
folder, as PSPLIB ships ``j30opt.sm`` beside ``j30/``), the mean gap between makespan and bound,
the mean and max time, and the machine's load average (timings mean little on a busy machine).

The makespan is the optimisation target here, so the levelling's second phase (least total delay
against the early schedule, which keeps a real plan stable) is left out: a benchmark instance has
no plan to keep stable.  ``seconds`` is the wall time of the whole ``level`` call, including
reading the plan into the model and writing the levelling delays back.

``--plain`` runs, for comparison, the plain CP-SAT model instead of planner's engine: a start
and an interval per job, the precedences, one cumulative per resource, the horizon the sum of
the durations, minimise the finish, one solve with the same time limit and workers.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from planner.errors import PlanError  # noqa: E402
from planner.io.psplib import read_optima, read_sm  # noqa: E402
from planner.model import Plan  # noqa: E402

def instance_files(paths: list) -> list:
    files = []
    for p in paths:
        if os.path.isdir(p):
            names = [f for f in os.listdir(p) if f.endswith(".sm")]
            files.extend(os.path.join(p, f) for f in sorted(names, key=_natural))
        else:
            files.append(p)
    return files


def _natural(name: str):
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name)]


def guess_optimum_file(paths: list) -> str | None:
    for p in paths:
        folder = p.rstrip("/") if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))
        cand = folder + "opt.sm"
        if os.path.isfile(cand):
            return cand
    return None


def plain(plan: Plan, time_limit: float, workers: int):
    """The plain CP-SAT model of an instance: ``(makespan, bound, status)``."""
    from ortools.sat.python import cp_model

    from planner.level import compile_plan

    p = compile_plan(plan).problem
    horizon = sum(p.dur)
    m = cp_model.CpModel()
    S = [m.new_int_var(0, horizon, f"s{k}") for k in range(p.n)]
    finish = m.new_int_var(0, horizon, "finish")
    for i, j, d in p.links:
        m.add(S[j] >= S[i] + d)
    for k in range(p.n):
        m.add(finish >= S[k] + p.dur[k])
    iv = {k: m.new_fixed_size_interval_var(S[k], p.dur[k], f"i{k}") for k in p.active}
    for r, cap in enumerate(p.capacity):
        ks = [k for k in p.active if p.demand[k].get(r)]
        m.add_cumulative([iv[k] for k in ks], [p.demand[k][r] for k in ks], cap)
    m.minimize(finish)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    st = solver.solve(m)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, None, solver.status_name(st)
    return int(solver.objective_value), int(solver.best_objective_bound), solver.status_name(st)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help=".sm files or folders of them")
    ap.add_argument("--time-limit", type=float, default=10.0, help="seconds per instance")
    ap.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    ap.add_argument("--optimum", help="table of known optimal makespans (e.g. j30opt.sm)")
    ap.add_argument("--plain", action="store_true",
                    help="the plain CP-SAT model instead of planner's engine (for comparison)")
    args = ap.parse_args(argv)

    import importlib

    importlib.import_module("ortools.sat.python.cp_model")  # imported once, before any timing

    from planner.level import level

    files = instance_files(args.paths)
    if not files:
        print("no .sm files found", file=sys.stderr)
        return 2
    opt_file = args.optimum or guess_optimum_file(args.paths)
    try:
        optima = read_optima(opt_file) if opt_file else {}
    except PlanError as exc:
        print(exc.format(), file=sys.stderr)
        return 2
    load0 = os.getloadavg()
    print("instance,makespan,status,seconds", flush=True)
    rows = []
    for path in files:
        try:
            plan = read_sm(path)
        except PlanError as exc:
            print(exc.format(), file=sys.stderr)
            return 2
        t = time.perf_counter()
        if args.plain:
            makespan, bound, status = plain(plan, args.time_limit, args.workers)
        else:
            res = level(plan, objective="finish", time_limit=args.time_limit,
                        workers=args.workers, stable=False)
            ph = res.outcome.phase("finish")
            makespan = res.after.project_duration
            bound = ph.bound if ph is not None and ph.bound is not None else makespan
            status = ph.status if ph is not None else res.status
        secs = time.perf_counter() - t
        rows.append((plan.name, makespan, status, secs, bound))
        print(f"{plan.name},{makespan},{status},{secs:.2f}", flush=True)
    load1 = os.getloadavg()
    n = len(rows)
    proven = sum(1 for r in rows if r[2] == "OPTIMAL")
    known = [r for r in rows if r[0] in optima]
    match = sum(1 for r in known if r[1] == optima[r[0]])
    gaps = [(r[1] - r[4]) / r[1] if r[1] else 0.0 for r in rows]
    times = [r[3] for r in rows]
    print()
    print(f"instances: {n}; time limit {args.time_limit:g} s, {args.workers} workers"
          + ("; the plain CP-SAT model" if args.plain else ""))
    print(f"proven optimal: {proven}/{n} ({100 * proven / n:.1f}%)")
    if known:
        worse = [f"{r[0]} ({r[1]} vs {optima[r[0]]})" for r in known if r[1] != optima[r[0]]]
        print(f"matching the known optimum: {match}/{len(known)} "
              f"({100 * match / len(known):.1f}%)" + (f"; off: {', '.join(worse)}" if worse
                                                       else ""))
    else:
        print("matching the known optimum: no table of optima found (use --optimum)")
    print(f"mean gap (makespan - bound) / makespan: {100 * sum(gaps) / n:.2f}%")
    print(f"time: mean {sum(times) / n:.2f} s, max {max(times):.2f} s "
          f"({max(rows, key=lambda r: r[3])[0]})")
    print(f"load average (1/5/15 min): start {load0[0]:.2f}/{load0[1]:.2f}/{load0[2]:.2f}, "
          f"end {load1[0]:.2f}/{load1[1]:.2f}/{load1[2]:.2f}; {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
