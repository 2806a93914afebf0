#!/usr/bin/env python3
"""Resource levelling on the PSPLIB single-mode RCPSP instances (e.g. j30).

Usage::

    python benchmarks/psplib.py PATH... [--time-limit S] [--workers N] [--optimum FILE]

PATH is a ``.sm`` file or a folder of them.  Each instance becomes a Plan (one task per job, a
seven-day working week so that working days are the instance's time units, one resource per
renewable resource), is levelled by :func:`planner.level.level` -- the engine of
``planner level`` with the objective ``finish`` -- and gives one CSV line
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
import datetime as dt
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from planner.errors import PlanError  # noqa: E402
from planner.model import Assignment, CalendarDef, Link, Plan, Resource, Task  # noqa: E402

START = dt.date(2001, 1, 1)
EVERY_DAY = CalendarDef(name="psplib", label="every day a working day (PSPLIB time units)",
                        workweek=(0, 1, 2, 3, 4, 5, 6), country=None, first_year=2000,
                        last_year=2199)


def read_sm(path: str) -> Plan:
    """A PSPLIB ``.sm`` (single-mode RCPSP) file as a Plan; errors name the file and line."""
    try:
        with open(path, encoding="latin-1") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise PlanError(f"cannot read: {exc.strerror}", file=path, line=0) from None

    def fail(msg, k):
        raise PlanError(msg, file=path, line=k + 1)

    def find(prefix, start=0):
        for k in range(start, len(lines)):
            if lines[k].strip().upper().startswith(prefix):
                return k
        fail(f"no '{prefix}' section (is this a PSPLIB .sm file?)", len(lines) - 1)

    def ints(k):
        try:
            return [int(x) for x in lines[k].split()]
        except ValueError:
            fail(f"expected whole numbers, not {lines[k].strip()!r}", k)

    k = find("JOBS (INCL. SUPERSOURCE/SINK")
    m = re.search(r":\s*(\d+)", lines[k])
    if not m:
        fail("cannot read the number of jobs", k)
    n_jobs = int(m.group(1))
    k = find("- RENEWABLE")
    m = re.search(r":\s*(\d+)", lines[k])
    n_res = int(m.group(1)) if m else fail("cannot read the number of renewable resources", k)
    k = find("- NONRENEWABLE")
    m = re.search(r":\s*(\d+)", lines[k])
    n_nonren = int(m.group(1)) if m else 0
    k = find("- DOUBLY CONSTRAINED")
    m = re.search(r":\s*(\d+)", lines[k])
    n_doubly = int(m.group(1)) if m else 0

    k = find("PRECEDENCE RELATIONS") + 2
    succ: dict = {}
    while k < len(lines) and not lines[k].startswith("*"):
        row = ints(k)
        if row:
            job, modes, count = row[0], row[1], row[2]
            if modes != 1:
                fail(f"job {job} has {modes} modes: only single-mode (.sm) instances are "
                     f"supported", k)
            if len(row) != 3 + count:
                fail(f"job {job} says {count} successors but lists {len(row) - 3}", k)
            succ[job] = row[3:]
        k += 1
    k = find("REQUESTS/DURATIONS") + 1
    while k < len(lines) and not lines[k].startswith("-"):
        k += 1
    k += 1
    dur: dict = {}
    demand: dict = {}
    first_req = k
    while k < len(lines) and not lines[k].startswith("*"):
        row = ints(k)
        if row:
            if len(row) != 3 + n_res + n_nonren + n_doubly:
                fail(f"expected job, mode, duration and {n_res + n_nonren + n_doubly} "
                     f"requests", k)
            if any(row[3 + n_res:]):
                fail(f"job {row[0]} needs a non-renewable resource: not supported", k)
            dur[row[0]] = row[2]
            demand[row[0]] = row[3:3 + n_res]
        k += 1
    k = find("RESOURCEAVAILABILITIES") + 2
    caps = ints(k)[:n_res] if k < len(lines) else []
    if len(caps) != n_res:
        fail(f"expected {n_res} resource availabilities", k)
    jobs = sorted(dur)
    if len(jobs) != n_jobs or sorted(succ) != jobs:
        fail(f"expected {n_jobs} jobs in both the precedence and the request tables", first_req)
    preds: dict = {j: [] for j in jobs}
    for j in jobs:
        for s in succ[j]:
            if s not in preds:
                fail(f"job {j} has an unknown successor {s}", first_req)
            preds[s].append(j)
    resources = [Resource(id=f"R{r + 1}", name=f"R {r + 1}", capacity=float(c))
                 for r, c in enumerate(caps)]
    name = os.path.splitext(os.path.basename(path))[0]
    tasks = []
    for j in jobs:
        tasks.append(Task(id=str(j), name=f"job {j}", duration=dur[j],
                          predecessors=[Link(str(p)) for p in sorted(preds[j])],
                          assignments=[Assignment(f"R{r + 1}", float(u))
                                       for r, u in enumerate(demand[j]) if u]))
    for r, c in enumerate(caps):
        if c <= 0 and any(demand[j][r] for j in jobs):
            fail(f"resource R{r + 1} has no capacity but is requested", k)
    return Plan(name=name, start=START, calendar=EVERY_DAY, tasks=tasks, resources=resources,
                source=path)


def read_optima(path: str) -> dict:
    """``{instance name: optimal makespan}`` from a PSPLIB ``j30opt.sm``-style table (columns
    parameter, instance, makespan; instance ``j30P_I`` is row P, I)."""
    prefix = os.path.basename(path).split("opt")[0]
    out = {}
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit() and \
                    parts[2].isdigit():
                out[f"{prefix}{parts[0]}_{parts[1]}"] = int(parts[2])
    return out


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
    optima = read_optima(opt_file) if opt_file else {}
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
