"""PSPLIB single-mode RCPSP instances (``.sm``, e.g. the j30 set) as plans, and PSPLIB's tables of
optimal makespans.

An instance becomes a :class:`~planner.model.Plan`: one task per job (the dummy source and sink
are milestones), finish-to-start links from the precedence table, one resource per renewable
resource with its availability as capacity, the job's requests as assignments, on a seven-day
working week from 2001-01-01 so that working days are the instance's time units.  Multi-mode
instances and non-renewable resources are refused with ``FILE:LINE: message``.
"""
from __future__ import annotations

import datetime as dt
import os
import re

from ..errors import PlanError
from ..model import MAX_DAYS, MAX_UNITS, Assignment, CalendarDef, Link, Plan, Resource, Task
from .documents import read_text, short

_WHOLE = re.compile(r"[+-]?[0-9]{1,15}")

START = dt.date(2001, 1, 1)
EVERY_DAY = CalendarDef(name="psplib", label="every day a working day (PSPLIB time units)",
                        workweek=(0, 1, 2, 3, 4, 5, 6), country=None, first_year=2000,
                        last_year=2199)


def read_sm(path: str) -> Plan:
    """A PSPLIB ``.sm`` (single-mode RCPSP) file as a Plan; errors name the file and line."""
    lines = read_text(path, "latin-1").splitlines()

    def fail(msg, k):
        raise PlanError(msg, file=path, line=min(k, max(0, len(lines) - 1)) + 1)

    def find(prefix, start=0):
        for k in range(start, len(lines)):
            if lines[k].strip().upper().startswith(prefix):
                return k
        fail(f"no '{prefix}' section (is this a PSPLIB .sm file?)", len(lines) - 1)

    def ints(k):
        row = lines[k].split()
        if not all(_WHOLE.fullmatch(x) for x in row):
            fail(f"expected whole numbers, not {short(lines[k].strip())}", k)
        return [int(x) for x in row]

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
    line_of: dict = {}
    while k < len(lines) and not lines[k].startswith("*"):
        row = ints(k)
        if row:
            if len(row) < 3:
                fail("expected job, modes, number of successors and the successors", k)
            job, modes, count = row[0], row[1], row[2]
            if job in succ:
                fail(f"job {job} is listed twice", k)
            line_of[job] = k
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
            if not 0 <= row[2] <= MAX_DAYS:
                fail(f"job {row[0]} has a duration of {row[2]} (0 to {MAX_DAYS})", k)
            if any(not 0 <= u <= MAX_UNITS for u in row[3:3 + n_res]):
                fail(f"job {row[0]} requests must be 0 to {MAX_UNITS}", k)
            dur[row[0]] = row[2]
            demand[row[0]] = row[3:3 + n_res]
        k += 1
    k = find("RESOURCEAVAILABILITIES") + 2
    caps = ints(k)[:n_res] if k < len(lines) else []
    if len(caps) != n_res:
        fail(f"expected {n_res} resource availabilities", k)
    if any(not 0 <= c <= MAX_UNITS for c in caps):
        fail(f"resource availabilities must be 0 to {MAX_UNITS}", k)
    jobs = sorted(dur)
    if len(jobs) != n_jobs or sorted(succ) != jobs:
        fail(f"expected {n_jobs} jobs in both the precedence and the request tables", first_req)
    preds: dict = {j: [] for j in jobs}
    for j in jobs:
        for s in succ[j]:
            if s not in preds:
                fail(f"job {j} has an unknown successor {s}", line_of[j])
            preds[s].append(j)
    cycle = _cycle(succ)
    if cycle:
        fail(f"the precedence relations have a cycle: {' -> '.join(map(str, cycle))}",
             line_of[cycle[0]])
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


def _cycle(succ: dict) -> list:
    """A cycle of the successor lists (``[a, b, ..., a]``), or ``[]``; iterative."""
    state: dict = {}
    for root in sorted(succ):
        if root in state:
            continue
        stack = [(root, iter(succ[root]))]
        state[root] = 1
        path = [root]
        while stack:
            node, children = stack[-1]
            nxt = next(children, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state and nxt in succ:
                state[nxt] = 1
                stack.append((nxt, iter(succ[nxt])))
                path.append(nxt)
    return []


def read_optima(path: str) -> dict:
    """``{instance name: optimal makespan}`` from a PSPLIB ``j30opt.sm``-style table (columns
    parameter, instance, makespan; instance ``j30P_I`` is row P, I)."""
    prefix = os.path.basename(path).split("opt")[0]
    out = {}
    for line in read_text(path, "latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].isdigit() and parts[1].isdigit() and parts[2].isdigit():
            out[f"{prefix}{parts[0]}_{parts[1]}"] = int(parts[2])
    return out
