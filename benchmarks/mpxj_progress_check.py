#!/usr/bin/env python3
"""planner's scheduling of progress against MPXJ's MicrosoftScheduler, without MSPDI progress.

    python benchmarks/mpxj_progress_check.py [--plans 200]

For each seeded random plan of tests/randplans.py (no constraints) it makes a status from the
plan's own schedule (half the leaves by start; some finished at their dates, some started with
a percent complete or remaining days, some not reported), schedules it with ``reschedule:
as_is`` and ``out_of_sequence: progress_override`` (MPXJ's scheduling of a progressed
project), writes the schedule as MSPDI, reads it into MPXJ, sets every leaf's ActualStart,
ActualFinish, Duration, ActualDuration, RemainingDuration and PercentComplete on MPXJ's tasks
directly, lets MicrosoftScheduler reschedule, and compares every date, duration, slack and
critical flag (tests/mpxj_harness.py).  It prints the count of plans that differ and the first
differences.  MSPDI import and export of progress are checked by the tests of the MSPDI code.
"""
from __future__ import annotations

import argparse
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from mpxj_harness import differences, mpxj  # noqa: E402
from randplans import random_plan  # noqa: E402

from planner.errors import PlanError  # noqa: E402
from planner.io.mspdi import schedule_to_mspdi, task_uids  # noqa: E402
from planner.io.status_yaml import ReportedProgress, Status, apply_status  # noqa: E402
from planner.schedule import schedule  # noqa: E402


def make_status(sched, rng: random.Random) -> Status:
    plan = sched.plan
    starts = sorted(sched.date(sched.start[i]) for i in sched.net.order)
    sd = max(starts[len(starts) // 2], plan.start)
    st = Status(status_date=sd, reschedule="as_is", out_of_sequence="progress_override")
    for i in sched.net.order:
        t = plan.tasks[i]
        a, f = sched.date(sched.start[i]), sched.date(sched.finish[i])
        if a > sd or a < plan.start or rng.random() < 0.2:
            continue
        if f <= sd and rng.random() < 0.7:
            st.tasks[t.id] = ReportedProgress(actual_start=a, actual_finish=f)
        elif t.duration and rng.random() < 0.3:
            st.tasks[t.id] = ReportedProgress(actual_start=a, remaining_days=rng.randint(1, 8))
        elif t.duration:
            pc = rng.choice([0, 10, 25, 40, 50, 75, 90])
            st.tasks[t.id] = ReportedProgress(actual_start=a, percent_complete=pc)
        else:
            st.tasks[t.id] = ReportedProgress(actual_start=a)
    return st


def mpxj_schedule(m, s):
    """MPXJ's MicrosoftScheduler on ``s``'s plan with the actuals set on its tasks."""
    D, U = m.mpxj.Duration, m.mpxj.TimeUnit
    plan = s.plan
    hours = plan.calendar.hours

    def when(key):
        d = s.calendar.date(key // 2)
        h, mi = map(int, (hours[1] if key & 1 else hours[0]).split(":"))
        return m.time.LocalDateTime.of(d.year, d.month, d.day, h, mi)

    pf = m.read(schedule_to_mspdi(s))
    uids, _ = task_uids(plan)
    by_uid = {int(t.getUniqueID()): t for t in pf.getTasks()}
    prog = s.progress
    for i, t in enumerate(plan.tasks):
        if t.summary:
            continue
        jt = by_uid[uids[i]]
        jt.setDuration(D.getInstance(float(s.duration[i]), U.DAYS))
        done, left = (prog.actual[i], prog.remaining[i]) if prog.state[i] else (0, s.duration[i])
        jt.setActualDuration(D.getInstance(float(done), U.DAYS))
        jt.setRemainingDuration(D.getInstance(float(left), U.DAYS))
        if prog.state[i]:
            jt.setActualStart(when(prog.astart[i]))
            jt.setPercentageComplete(m.lang.Double(float(prog.percent[i])))
            if prog.state[i] == 2:
                jt.setActualFinish(when(prog.afinish[i]))
    m.schedule(pf)
    return m.tasks(pf)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=200)
    args = ap.parse_args()
    m = mpxj()
    checked, skipped, failing = 0, 0, []
    for seed in range(args.plans):
        plan = random_plan(seed, constraints=False)
        try:
            s = schedule(apply_status(plan, make_status(schedule(plan), random.Random(seed))))
        except PlanError:
            skipped += 1            # e.g. 90 % of a short task done past the status date
            continue
        checked += 1
        diffs = differences(s, mpxj_schedule(m, s))
        if diffs:
            failing.append((seed, diffs[:3]))
    print(f"{checked} progressed plans ({skipped} seeds gave no valid status): "
          f"{checked - len(failing)} agree with MPXJ in every field, {len(failing)} differ")
    for seed, diffs in failing:
        print(f"  plan {seed}: {diffs}")


if __name__ == "__main__":
    main()
