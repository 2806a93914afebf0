#!/usr/bin/env python3
"""Speed of `planner risk`, and planner side by side with a Monte Carlo peer from PyPI.

    python benchmarks/bench_risk.py [--n-big 10000] [--skip-peer]

1. seed    10,000 iterations of the seed plan with risk/ssiks_it_estimates.yaml (estimates,
           profiles, five risk events, correlations): the compute of ``simulate`` (sampling,
           both passes, floats, criticality, cruciality, each risk event's impact), best of 3.
           Target < 1 s.
2. big     1,000 iterations of a generated 10,000-task plan (benchmarks/bench_schedule.py's
           layered plan: FS/SS/FF links, lags, phases; every task estimated -10%/+0%/+50%,
           three risk events, one correlation), in a fresh process: compute seconds and peak
           resident memory.  Targets < 30 s and < 2 GB.
3. peer    pmcontrols 0.2.1 (``pip install pmcontrols``: CPM + PERT Monte Carlo) and planner on
           the same network with the same estimates, no holidays (calendar ``standard``), the
           same n = 10,000: the seed plan, and a generated finish-to-start network of 2,000
           tasks.  pmcontrols models finish-to-start links without lags and Beta-PERT
           durations only, so the seed plan's two lags (48FS-12, 52FS-11) are set to 0, every
           estimate is Beta-PERT, and there are no risk events or correlations.  Printed: both
           times and their ratio, and P50/P80 of the duration in working days from both with
           the sampling error (bootstrap standard error of planner's quantile; planner rounds
           each sampled duration to a whole day, pmcontrols keeps fractions, which moves a
           quantile by at most about half a day).
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))

SEED_PLAN = os.path.join(ROOT, "plans", "ssiks_it.yaml")
SEED_ESTIMATES = os.path.join(ROOT, "risk", "ssiks_it_estimates.yaml")


def _best(fn, repeat=3):
    best, out = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        dt_ = time.perf_counter() - t
        best = dt_ if best is None else min(best, dt_)
    return best, out


# -- 1. the seed plan --------------------------------------------------------------------------
def bench_seed(n: int = 10_000) -> dict:
    from planner.io.estimates_yaml import load_estimates
    from planner.io.yaml_plan import load_plan
    from planner.risk.engine import simulate

    plan = load_plan(SEED_PLAN)
    inp = load_estimates(SEED_ESTIMATES, plan)
    simulate(plan, inp, 1000)                      # warm: imports, the calendar's holidays
    secs, result = _best(lambda: simulate(plan, inp, n, seed=0))
    s = result.summary()
    return {"iterations": n, "compute_s": round(secs, 3), "p50": s["finish"]["p50"].isoformat(),
            "p85": s["finish"]["p85"].isoformat()}


# -- 2. a 10k-task plan ------------------------------------------------------------------------
def big_plan_data(n: int) -> dict:
    from bench_schedule import generate

    data = generate(n)
    phases = [p["id"] for p in data["tasks"]]
    first = data["tasks"][0]["tasks"]
    data["profiles"] = {"alle": {"optimistic": "-10%", "pessimistic": "+50%", "tasks": phases}}
    data["risks"] = [{"id": f"R{k}", "name": f"Risiko {k}", "probability": 0.2 + 0.1 * k,
                      "tasks": [str(data["tasks"][k * 10]["tasks"][0]["id"])],
                      "delay_days": {"optimistic": 5, "most_likely": 10, "pessimistic": 30}}
                     for k in range(3)]
    data["correlations"] = [{"tasks": [str(first[0]["id"]), str(first[1]["id"])],
                             "coefficient": 0.5}]
    return data


def bench_big_child(n_tasks: int, n: int) -> dict:
    from planner.io.estimates_yaml import risk_input_from_data
    from planner.io.yaml_plan import plan_from_data
    from planner.risk.engine import simulate

    data = big_plan_data(n_tasks)
    plan = plan_from_data(data)
    inp = risk_input_from_data(data, plan)
    t = time.perf_counter()
    result = simulate(plan, inp, n, seed=0)
    secs = time.perf_counter() - t
    s = result.summary()
    return {"tasks": len(plan.tasks), "iterations": n, "compute_s": round(secs, 2),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "deterministic": s["finish"]["deterministic"].isoformat(),
            "p50": s["finish"]["p50"].isoformat(), "p85": s["finish"]["p85"].isoformat()}


def bench_big(n_tasks: int, n: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--big-child", str(n_tasks), str(n)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout)


# -- 3. side by side with pmcontrols -----------------------------------------------------------
def seed_network() -> tuple[dict, dict]:
    """The seed plan on the standard calendar with its lags set to 0, and its estimates as
    Beta-PERT (estimates-file data)."""
    import yaml

    with open(SEED_PLAN, encoding="utf-8") as fh:
        plan = yaml.safe_load(fh)
    with open(SEED_ESTIMATES, encoding="utf-8") as fh:
        est = yaml.safe_load(fh)
    plan["project"]["calendar"] = {"base": "standard"}

    def strip(tasks):
        for t in tasks:
            t.pop("resources", None)
            if "predecessors" in t:
                t["predecessors"] = ";".join(p.split("FS")[0]
                                             for p in str(t["predecessors"]).split(";"))
            strip(t.get("tasks", []))

    strip(plan["tasks"])
    plan.pop("resources", None)
    keep = {"estimates": copy.deepcopy(est["estimates"]), "profiles": copy.deepcopy(
        est["profiles"])}
    for group in ("estimates", "profiles"):
        for value in keep[group].values():
            value["distribution"] = "pert"
    return plan, keep


def fs_network(n: int, seed: int = 3) -> tuple[dict, dict]:
    """A layered finish-to-start network of ``n`` tasks, PERT estimates on every task."""
    rnd = random.Random(seed)
    width = max(10, int(n ** 0.5))
    tasks, estimates, prev = [], {}, []
    while len(tasks) < n:
        layer = []
        for _ in range(min(width, n - len(tasks))):
            i = len(tasks) + 1
            d = rnd.randint(2, 20)
            t = {"id": i, "name": f"T{i}", "duration": d}
            if prev:
                t["predecessors"] = ";".join(str(p) for p in rnd.sample(prev, min(
                    len(prev), rnd.randint(1, 3))))
            tasks.append(t)
            layer.append(i)
            lo, hi = max(1, d - rnd.randint(0, d // 2)), d + rnd.randint(0, d)
            estimates[str(i)] = {"optimistic": lo, "most_likely": d, "pessimistic": hi,
                                 "distribution": "pert"}
        prev = layer
    plan = {"project": {"name": f"FS network {n}", "start": "2025-01-06",
                        "calendar": {"base": "standard"}}, "tasks": tasks}
    return plan, {"estimates": estimates}


def peer_activities(plan, inp) -> list:
    """The plan's leaves as pmcontrols activities: id, predecessors, a/m/b."""
    acts = []
    for t in plan.tasks:
        if t.summary:
            continue
        e = inp.estimates.get(t.id)
        a, m, b = (e.optimistic, e.most_likely, e.pessimistic) if e else (t.duration,) * 3
        acts.append({"id": t.id, "predecessors": [lk.pred for lk in t.predecessors],
                     "a": a, "m": m, "b": b})
    return acts


def bench_peer(label: str, plan_data: dict, est_data: dict, n: int = 10_000) -> dict:
    import numpy as np
    import pmcontrols as pm

    from planner.io.estimates_yaml import risk_input_from_data
    from planner.io.yaml_plan import plan_from_data
    from planner.risk.engine import simulate

    plan = plan_from_data(plan_data)
    summaries = {t.id for t in plan.tasks if t.summary}
    for t in plan.tasks:
        for lk in t.predecessors:
            if lk.type != "FS" or lk.lag or t.summary or lk.pred in summaries:
                raise SystemExit(f"{label}: pmcontrols cannot model the link {lk.label()} "
                                 f"into task {t.id}")
    inp = risk_input_from_data(est_data, plan)
    acts = peer_activities(plan, inp)
    simulate(plan, inp, 500)                                  # warm both
    pm.pert(acts[:5] if len(acts) > 5 else acts, n_sim=100, seed=0)
    t_planner, result = _best(lambda: simulate(plan, inp, n, seed=0))
    t_peer, peer = _best(lambda: pm.pert(acts, n_sim=n, seed=0))
    start = (result.net.pstart + 1) >> 1
    days = ((result.finish + 1) >> 1) - start
    from planner.risk.stats import percentile

    rng = np.random.default_rng(1)
    out = {"network": label, "tasks": len(acts), "iterations": n,
           "planner_s": round(t_planner, 3), "pmcontrols_s": round(t_peer, 3),
           "ratio": round(t_peer / t_planner, 1)}
    for p in (50, 80):
        ours = percentile(days, p)
        theirs = peer.stats[f"mc_p{p}"]
        boot = [percentile(days[rng.integers(0, n, n)], p) for _ in range(200)]
        se = float(np.std(boot))
        allowed = 3 * math.sqrt(2) * max(se, 0.29) + 0.5     # 0.29: a whole day's resolution
        out[f"p{p}"] = {"planner": ours, "pmcontrols": round(theirs, 2), "se": round(se, 2),
                        "difference": round(ours - theirs, 2), "allowed": round(allowed, 2),
                        "agree": abs(ours - theirs) <= allowed}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n-big", type=int, default=10_000, help="tasks in the big plan")
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--big-child", nargs=2, type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.big_child:
        print(json.dumps(bench_big_child(*args.big_child)))
        return
    print("seed plan:", json.dumps(bench_seed()))
    print("big plan: ", json.dumps(bench_big(args.n_big, 1000)))
    if args.skip_peer:
        return
    try:
        import pmcontrols  # noqa: F401
    except ImportError:
        print("peer: pmcontrols is not installed (pip install pmcontrols)")
        return
    print("peer:     ", json.dumps(bench_peer("seed plan, lags 0, no holidays",
                                              *seed_network())))
    print("peer:     ", json.dumps(bench_peer("FS network", *fs_network(2000))))


if __name__ == "__main__":
    main()
