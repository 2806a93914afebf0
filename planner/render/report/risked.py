"""The risk analysis of a report (docs/risk.md): the estimates read, the Monte Carlo run on the
forecast (with a status, only the remaining work is uncertain), its summary in the form of
``planner risk --format json`` and its chart as SVG."""
from __future__ import annotations

import json

from .inputs import ReportData
from .risks import RiskView


def run_risk(data: ReportData, estimates: str, iterations: int, seed: int) -> RiskView:
    from ...io.estimates_yaml import risk_input
    from ...io.risk_json import risk_to_json
    from ...risk.engine import simulate
    from ..risk import risk_chart_bytes

    sched = data.sched
    plan = sched.plan
    inp = risk_input(plan, estimates)
    result = simulate(plan, inp, iterations, seed, sched=sched)
    ref = data.reference
    target = ref.finish if ref is not None else sched.project_finish
    summary = result.summary([target])
    return RiskView(json.loads(risk_to_json(summary)),
                    risk_chart_bytes(result, summary, "svg", data.lang), target,
                    against_baseline=ref is not None)
