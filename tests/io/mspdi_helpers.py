"""Shared by the MSPDI tests: a plan through MS Project XML and back."""
from __future__ import annotations

from planner.io.mspdi import read_mspdi, schedule_to_mspdi
from planner.io.yaml_plan import load_plan, plan_from_data, save_plan
from planner.schedule import schedule


def round_trip(doc: dict, folder):
    """``(schedule, its MSPDI text, the import of that text, the imported plan scheduled
    again from the YAML it was saved as)``."""
    sched = schedule(plan_from_data(doc))
    text = schedule_to_mspdi(sched)
    path = folder / "plan.xml"
    path.write_text(text, encoding="utf-8")
    imp = read_mspdi(str(path), near=str(folder / "plan.yaml"))
    save_plan(imp.plan, str(folder / "plan.yaml"))
    return sched, text, imp, schedule(load_plan(str(folder / "plan.yaml")))
