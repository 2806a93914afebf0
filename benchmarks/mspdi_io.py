#!/usr/bin/env python3
"""Time MS Project XML export and import of a large plan (prints numbers, checks nothing).

    python benchmarks/mspdi_io.py [N_TASKS]      (default 100000)

The plan: N_TASKS tasks in summaries of 50 (one summary, 49 subtasks), each subtask linked to one
of the few before it, some links across summaries, the Norwegian calendar with the summer
season.  Prints the time to schedule, to write the MSPDI text, its size, the time to read it back
(defusedxml parse + mapping + calendar folding) and the peak memory of the process.
"""
import os
import random
import resource
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from planner.io.mspdi import read_mspdi, schedule_to_mspdi  # noqa: E402
from planner.io.yaml_plan import plan_from_data  # noqa: E402
from planner.schedule import schedule  # noqa: E402


def plan_data(n_tasks: int) -> dict:
    rng = random.Random(1)
    roots, tid = [], 0
    for g in range(max(1, n_tasks // 50)):
        tid += 1
        sid, kids = tid, []
        for k in range(49):
            tid += 1
            t = {"id": tid, "name": f"Oppgave {tid}", "duration": rng.randint(0, 10)}
            preds = [str(tid - 1 - rng.randint(0, min(k - 1, 5)))] if k else []
            if g and rng.random() < 0.05:
                preds.append(str(sid - 50 + rng.randint(1, 49)))
            if preds:
                t["predecessors"] = ";".join(preds)
            kids.append(t)
        roots.append({"id": sid, "name": f"Fase {sid}", "tasks": kids})
    return {"project": {"name": "Stor plan", "start": "2024-01-02",
                        "calendar": {"base": "norway", "seasons": ["summer"]}},
            "tasks": roots}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    plan = plan_data(n)
    plan = plan_from_data(plan)
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
