"""A risk run as the JSON object of `planner risk --format json` (docs/risk.md).

``{"iterations", "seed", "finish": {"deterministic", "mean", "p10", "p50", "p80", "p85",
"p90"}, "probability_by": {DATE: p}, "tasks": [{"id", "criticality", "cruciality", ...}],
"risks": [{"id", "occurred", "finish_impact_days", ...}]}`` plus the plan, start, working days,
convergence and stop rule.  Dates are ISO; the same seed gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {(k.isoformat() if isinstance(k, dt.date) else k): _plain(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def risk_to_json(summary: dict) -> str:
    """One task and one risk per line, like `planner schedule --format json`."""
    data = _plain(summary)
    dumps = json.dumps
    head = {k: v for k, v in data.items() if k not in ("tasks", "risks")}
    body = dumps(head, ensure_ascii=False)[:-1]
    parts = [body, ',\n "tasks": [\n  ',
             ",\n  ".join(dumps(t, ensure_ascii=False) for t in data["tasks"]),
             '\n ],\n "risks": [', ",".join("\n  " + dumps(r, ensure_ascii=False)
                                           for r in data["risks"]),
             "\n ]}\n" if data["risks"] else "]}\n"]
    return "".join(parts)
