"""Monte Carlo schedule risk: :func:`simulate` runs the plan ``n`` times on sampled durations.

Per iteration: every estimated task gets a duration drawn from its three-point estimate
(correlated tasks slip together), every risk event occurs with its probability and then adds
its drawn delay to its tasks' durations, and the plan is scheduled with planner's own rules
(:mod:`.cpm`) in the plan's calendar, so a slip into July lands after the summer break.
Collected: the project finish, each task's total float (criticality: the share of iterations
with total float <= 0), the varying durations (cruciality: their Spearman rank correlation
with the finish), and per risk event the finish without its delay (its finish impact).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from ..errors import PlanError
from ..model import Plan
from ..schedule import Schedule, schedule
from .cpm import pos, run
from .days import DayTable
from .model import RiskInput
from .network import RiskNetwork, compile_network
from .sampling import BLOCK, Sampler, make_sampler
from .stats import PERCENTS, convergence, percentile, spearman_rows

#: --until-stable: at least this many iterations, and P85 within this many working days over
#: the last 10% of them
STABLE_MIN = 2000
STABLE_DAYS = 1
#: task-iterations per array chunk (bounds the memory of a large plan), and iterations at most
CHUNK_CELLS = 8_000_000
MAX_COLUMNS = 10_000


@dataclass(slots=True)
class RiskResult:
    plan: Plan
    sched: Schedule                  # the deterministic schedule (planned durations)
    net: RiskNetwork
    days: DayTable
    inp: RiskInput
    seed: int
    finish: np.ndarray               # project finish key per iteration
    criticality: np.ndarray          # per task
    cruciality: np.ndarray           # per task, NaN where the duration does not vary
    mean_duration: np.ndarray        # per task
    risk_occurred: np.ndarray        # per risk: share of iterations
    risk_impact: np.ndarray          # per risk: mean finish delay, working days
    risk_impact_calendar: np.ndarray  # per risk: mean finish delay, calendar days
    var_rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    durations: np.ndarray | None = None  # (varying tasks, iterations): the sampled durations
    until_stable: bool = False
    limit: int = 0

    @property
    def iterations(self) -> int:
        return len(self.finish)

    @property
    def finish_days(self) -> np.ndarray:
        """The working-day index of the finish date per iteration."""
        return self.finish >> 1

    def date(self, day: int) -> dt.date:
        return self.sched.calendar.date(int(day))

    def probability_by(self, d: dt.date) -> float:
        """Share of iterations that finish on or before ``d``."""
        last = self.sched.calendar.index_on_or_before(d)
        return float(np.count_nonzero(self.finish_days <= last)) / self.iterations

    def summary(self, by=()) -> dict:
        """Everything the reports show, as plain data (dates as ``datetime.date``)."""
        fd = self.finish_days
        start = pos(self.net.pstart)
        det_day = self.sched.project_finish_key >> 1
        mean_day = int(np.floor(fd.mean() + 0.5))
        finish = {"deterministic": self.date(det_day), "mean": self.date(mean_day)}
        work = {"deterministic": int(pos(self.sched.project_finish_key)) - start,
                "mean": round(float(pos(self.finish).mean()) - start, 1)}
        for p in PERCENTS:
            day = percentile(fd, p)
            finish[f"p{p}"] = self.date(day)
            work[f"p{p}"] = int(percentile(pos(self.finish), p)) - start
        conv = convergence(fd)
        conv["stable"] = conv["p85_moved_days"] <= STABLE_DAYS
        return {
            "plan": self.plan.name, "iterations": self.iterations, "seed": self.seed,
            "until_stable": self.until_stable, "limit": self.limit,
            "start": self.sched.project_start, "finish": finish, "working_days": work,
            "probability_by": {d: round(self.probability_by(d), 4) for d in by},
            "convergence": conv, "tasks": self._tasks(), "risks": self._risks(),
        }

    def _tasks(self) -> list:
        out = []
        sched = self.sched
        estimates = self.inp.estimates
        for i, t in enumerate(self.plan.tasks):
            c = self.cruciality[i]
            est = estimates.get(t.id)
            out.append({
                "id": t.id, "name": t.name, "summary": t.summary,
                "critical": bool(sched.critical[i]),
                "criticality": round(float(self.criticality[i]), 4),
                "cruciality": None if np.isnan(c) else round(float(c), 4),
                "planned_days": int(sched.duration[i]),
                "mean_days": None if t.summary else round(float(self.mean_duration[i]), 2),
                "estimate": None if est is None else {
                    "optimistic": est.optimistic, "most_likely": est.most_likely,
                    "pessimistic": est.pessimistic, "distribution": est.distribution},
            })
        return out

    def _risks(self) -> list:
        return [{"id": r.id, "name": r.name, "probability": r.probability,
                 "tasks": list(r.tasks),
                 "occurred": round(float(self.risk_occurred[k]), 4),
                 "finish_impact_days": round(float(self.risk_impact[k]), 2),
                 "finish_impact_calendar_days": round(float(self.risk_impact_calendar[k]), 2)}
                for k, r in enumerate(self.inp.risks)]


def simulate(plan: Plan, inp: RiskInput, n: int = 10_000, seed: int = 0,
             until_stable: bool = False, progress=None,
             sched: Schedule | None = None) -> RiskResult:
    """Run ``n`` iterations (with ``until_stable``: at most ``n``, stopping once P85 has not
    moved by more than a working day over the last 10% of them).  ``progress(done, total)``
    is called as iterations complete.  A tracked plan (a status applied) runs on its remaining
    work only (:mod:`planner.risk.tracked`)."""
    if n < 1:
        raise PlanError(f"-n must be at least 1 iteration, not {n}")
    if plan.minutes_per_day:            # sampled in whole working days (working_time.py)
        from ..working_time import whole_day_plan

        plan, sched = whole_day_plan(plan), None
    if sched is None:
        sched = schedule(plan)
    if sched.progress is not None:
        from .tracked import remaining_input, remaining_plan

        plan = remaining_plan(sched)
        inp = remaining_input(inp, sched)
        sched = schedule(plan)
    cal = sched.calendar
    net = compile_network(plan, cal)
    index = {tid: i for i, tid in enumerate(net.ids)}
    sampler = make_sampler(inp, index, seed)
    days = DayTable(cal, -30, (sched.project_finish_key >> 1) + 300)
    acc = _Accumulator(net, sampler)
    # columns per chunk: whole blocks for a small plan, part of one for a large plan; one block
    # at most with --until-stable, which checks after every block
    width = max(16, CHUNK_CELLS // max(net.n, 1))
    width = min(BLOCK, width) if until_stable else min(MAX_COLUMNS, width)
    if width > BLOCK:
        width -= width % BLOCK
    done = 0
    while done < n:
        stop = min(n, done + width)
        acc.add(days, *sampler.columns(done, stop))
        done = stop
        if progress is not None:
            progress(done, n)
        if (until_stable and done >= STABLE_MIN and done < n and done % BLOCK == 0
                and convergence(acc.finish_keys() >> 1)["p85_moved_days"] <= STABLE_DAYS):
            break
    return acc.result(plan, sched, days, inp, seed, until_stable, n)


class _Accumulator:
    """Runs chunks of iterations and keeps what the result needs."""

    def __init__(self, net: RiskNetwork, sampler: Sampler):
        self.net = net
        self.sampler = sampler
        rows = set(sampler.rows.tolist())
        for r in sampler.risk_rows:
            rows.update(r.tolist())
        self.var_rows = np.array(sorted(rows), dtype=np.int64)
        self.crit = np.zeros(net.n, dtype=np.int64)
        self.finish: list = []
        self.durations: list = []
        k = len(sampler.risk_p)
        self.occurred = np.zeros(k, dtype=np.int64)
        self.impact = np.zeros(k, dtype=np.int64)
        self.impact_cal = np.zeros(k, dtype=np.int64)
        self.base = net.duration.astype(np.int32)

    def add(self, days, est, occurred, delay) -> None:
        net, s = self.net, self.sampler
        m = est.shape[1]
        dur = np.repeat(self.base[:, None], m, axis=1)
        dur[s.rows] = est
        for k, rows in enumerate(s.risk_rows):
            dur[rows] += occurred[k] * delay[k]
        passes = run(net, dur, days)
        self.crit += passes.critical_counts(net)
        self.finish.append(passes.finish)
        self.durations.append(dur[self.var_rows])
        for k, rows in enumerate(s.risk_rows):
            cols = np.flatnonzero(occurred[k])
            self.occurred[k] += cols.size
            if not cols.size or not delay[k, cols].any():
                continue
            without = dur[:, cols]
            without[rows] -= delay[k, cols]
            f0 = run(net, without, days, backward=False).finish
            f1 = passes.finish[cols]
            self.impact[k] += int((pos(f1) - pos(f0)).sum())
            self.impact_cal[k] += int((days.ordinals(f1 >> 1) - days.ordinals(f0 >> 1)).sum())

    def finish_keys(self) -> np.ndarray:
        return np.concatenate(self.finish)

    def result(self, plan, sched, days, inp, seed, until_stable, limit) -> RiskResult:
        net = self.net
        finish = self.finish_keys()
        total = len(finish)
        durations = np.concatenate(self.durations, axis=1)
        mean = net.duration.astype(float)
        cruc = np.full(net.n, np.nan)
        if len(self.var_rows):
            mean[self.var_rows] = durations.mean(axis=1)
            cruc[self.var_rows] = spearman_rows(durations, pos(finish))
        return RiskResult(plan, sched, net, days, inp, seed, finish, self.crit / total, cruc,
                          mean, self.occurred / total, self.impact / total,
                          self.impact_cal / total, self.var_rows, durations, until_stable,
                          limit)
