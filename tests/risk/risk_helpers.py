"""Small plans and estimates for the risk tests."""
from __future__ import annotations

import os

from planner.io.estimates_yaml import risk_input_from_data
from planner.io.yaml_plan import load_plan, plan_from_data
from planner.risk.engine import simulate

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_PLAN = os.path.join(ROOT, "plans", "ssiks_it.yaml")
SEED_ESTIMATES = os.path.join(ROOT, "risk", "ssiks_it_estimates.yaml")


def seed_plan():
    return load_plan(SEED_PLAN)


def plan_of(tasks: list, start: str = "2024-01-08", seasons=("summer",)):
    """A plan from task mappings, on the Norwegian calendar."""
    return plan_from_data({"project": {"name": "Test", "start": start,
                                       "calendar": {"base": "norway",
                                                    "seasons": list(seasons)}},
                           "tasks": tasks})


def run(plan, estimates: dict, n: int = 2000, seed: int = 1):
    """Simulate ``plan`` with ``estimates`` in the estimates-file format."""
    return simulate(plan, risk_input_from_data(estimates, plan), n, seed)


def zero_width(plan) -> dict:
    """Every leaf estimated at exactly its planned duration."""
    return {"estimates": {t.id: {"optimistic": t.duration, "most_likely": t.duration,
                                 "pessimistic": t.duration}
                          for t in plan.tasks if not t.summary}}
