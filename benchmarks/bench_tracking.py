#!/usr/bin/env python3
"""Scheduling a progressed plan against the same plan without progress.

    python benchmarks/bench_tracking.py [--size 10000] [--repeat 7]

Generates the layered random plan of bench_schedule.py (``--size`` leaf tasks), schedules it,
and makes a status from that schedule: the status date is the start of the median leaf, so
half the leaves have progress: those finished by the status date are done at their dates,
the others that started are started with a percent complete from the days run (every third
re-estimated with remaining days).  It then times :func:`planner.schedule.schedule` on both
plans (best CPU time of ``--repeat`` rounds that run both in turn, in one process, the
cyclic collector paused as in the CLI)
and prints the ratio.  Target: at most 1.2.  Applying the status (checking it against the plan)
is timed on its own.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

from bench_schedule import generate  # noqa: E402

from planner.io.status_yaml import ReportedProgress, Status, apply_status  # noqa: E402
from planner.io.yaml_plan import plan_from_data  # noqa: E402
from planner.schedule import schedule  # noqa: E402


def make_status(sched) -> Status:
    """Half the leaves progressed, from the plan's own schedule (so every actual is valid)."""
    plan = sched.plan
    leaves = sorted(sched.net.order, key=lambda i: (sched.start[i], i))
    half = leaves[: len(leaves) // 2]
    sd = sched.date(sched.start[half[-1]])
    st = Status(status_date=sd, source="bench-status.yaml")
    for k, i in enumerate(half):
        t = plan.tasks[i]
        a, f = sched.date(sched.start[i]), sched.date(sched.finish[i])
        if f <= sd:
            st.tasks[t.id] = ReportedProgress(actual_start=a, actual_finish=f)
        elif k % 3 == 0:
            st.tasks[t.id] = ReportedProgress(actual_start=a, remaining_days=max(1, t.duration // 2))
        else:
            ran = sched.calendar.working_days(a, sd)
            pc = min(99, 100 * ran // max(t.duration, 1))
            st.tasks[t.id] = ReportedProgress(actual_start=a, percent_complete=pc)
    return st


def best_of_both(a, b, repeat: int) -> tuple[float, float]:
    """The best CPU time of ``a`` and of ``b`` over ``repeat`` rounds, run in turn so that a
    busy machine slows both alike (CPU time, as other processes on a shared machine would
    otherwise add their share to the wall clock)."""
    ta, tb = [], []
    for _ in range(repeat):
        for fn, out in ((a, ta), (b, tb)):
            t0 = time.process_time()
            fn()
            out.append(time.process_time() - t0)
    return min(ta), min(tb)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10000)
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()
    gc.disable()
    plan = plan_from_data(generate(args.size), None)
    base = schedule(plan)
    status = make_status(base)
    t0 = time.perf_counter()
    tracked = apply_status(plan, status)
    apply_s = time.perf_counter() - t0
    progressed = sum(t.has_progress for t in tracked.tasks)
    leaves = len(base.net.order)
    sched = schedule(tracked)
    prog = sched.progress
    done = sum(1 for i in sched.net.order if prog.state[i] == 2)
    started = sum(1 for i in sched.net.order if prog.state[i] == 1)
    plain, with_progress = best_of_both(lambda: schedule(plan), lambda: schedule(tracked),
                                        args.repeat)
    print(f"plan: {leaves} leaf tasks ({len(plan.tasks)} with summaries); status date "
          f"{status.status_date.isoformat()}: {progressed} progressed ({done} done, {started} "
          f"started), {len(prog.out_of_sequence)} out-of-sequence links")
    print(f"schedule without progress: {plain * 1000:8.1f} ms CPU (best of {args.repeat})")
    print(f"schedule with progress:    {with_progress * 1000:8.1f} ms")
    print(f"apply the status:          {apply_s * 1000:8.1f} ms (once)")
    print(f"ratio: {with_progress / plain:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
