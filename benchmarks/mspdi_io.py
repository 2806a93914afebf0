#!/usr/bin/env python3
"""Time MS Project XML export and import of a large plan (prints numbers, checks nothing).

    python benchmarks/mspdi_io.py [N_TASKS]      (default 100000)

The plan is bench_schedule.py's layered random plan (phases of about sqrt(N) tasks, 1-3 links
each from the phase before, the Norwegian calendar with three seasons; the phases' ids are not
numbers, so they travel in MSPDI's Text1 field).  Prints the time to schedule, to write the MSPDI
text, its size, the time to read it back (defusedxml parse, mapping, calendar folding) and the
peak memory of the process.
"""
import os
import resource
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from bench_schedule import generate  # noqa: E402
from planner.io.mspdi import read_mspdi, schedule_to_mspdi  # noqa: E402
from planner.io.yaml_plan import plan_from_data  # noqa: E402
from planner.schedule import schedule  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    plan = plan_from_data(generate(n))
    t0 = time.perf_counter()
    sched = schedule(plan)
    t1 = time.perf_counter()
    text = schedule_to_mspdi(sched)
    t2 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "plan.xml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        t3 = time.perf_counter()
        imported = read_mspdi(path, near=os.path.join(tmp, "plan.yaml"))
        t4 = time.perf_counter()
    assert len(imported.plan.tasks) == len(plan.tasks)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"tasks {len(plan.tasks)}  schedule {t1 - t0:.2f} s  export {t2 - t1:.2f} s "
          f"({len(text) / 1e6:.0f} MB)  import {t4 - t3:.2f} s  peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
