"""The risk section: the S-curve of the finish date, P50 and P85, the chance of meeting the
baseline finish, the top drivers by cruciality and the risk events by their impact.  It reads the
risk analysis in the form of ``planner risk --format json`` (docs/risk.md), the contract scripts
rely on, plus the S-curve chart as SVG."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .doc import Cell, Chart, Facts, Heading, Missing, Para, Section, Table
from .inputs import ReportData
from .words import WORDS, date_long, date_short, number, percent

TOP_DRIVERS = 6


@dataclass(slots=True)
class RiskView:
    """A risk analysis as the report needs it."""

    result: dict                  # planner risk --format json
    chart_svg: bytes              # S-curve and histogram, drivers, risk events
    target: dt.date               # the date whose chance is asked (the baseline finish)
    against_baseline: bool = True  # False: the target is the plan's own finish


def _iso(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def chance_of(risk: RiskView) -> float:
    return float(risk.result["probability_by"][risk.target.isoformat()])


def risk_facts(risk: RiskView, target: dt.date, lang: str) -> list:
    """P50, P85 and the chance of ``target`` as label/value pairs (also in the summary)."""
    w = WORDS[lang]
    fin = risk.result["finish"]
    p50, p85 = _iso(fin["p50"]), _iso(fin["p85"])
    chance = chance_of(risk)
    cls = "green" if chance >= 0.85 else "amber" if chance >= 0.5 else "red"
    return [(w["p50"], f"{date_long(p50, lang)} ({date_short(p50, lang)})"),
            (w["p85"], f"{date_long(p85, lang)} ({date_short(p85, lang)})"),
            (f"{w['chance' if risk.against_baseline else 'chance_plan']} "
             f"({date_short(target, lang)})",
             Cell(w["chance_text"].format(pct=percent(chance, lang),
                                          n=_count(risk.result["iterations"])), cls))]


def _count(n: int) -> str:
    """``10 000``: thousands apart by a no-break space, as Norwegian and SI both write."""
    return f"{n:,}".replace(",", "\u00a0")


def risks_section(data: ReportData) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sec = Section("risks", w["risks"])
    risk = data.risk
    if risk is None:
        return sec.add(Missing(w["no_estimates"]))
    fin = risk.result["finish"]
    alt = f"{w['scurve_caption']} P50 {date_short(_iso(fin['p50']), lang)}, " \
          f"P85 {date_short(_iso(fin['p85']), lang)}"
    sec.add(Facts(risk_facts(risk, risk.target, lang)))
    sec.add(Para(w["p_explained"].format(n=_count(risk.result["iterations"]),
                                          rest=w["p_rest"] if data.status_path else ""),
                 "muted"))
    sec.add(Chart("risk", risk.chart_svg, alt, w["scurve_caption"]))
    tasks = sorted((t for t in risk.result["tasks"] if t["cruciality"] is not None),
                   key=lambda t: (-abs(t["cruciality"]), t["id"]))
    tasks = [t for t in tasks if t["cruciality"] and not t["summary"]][:TOP_DRIVERS]
    sec.add(Heading(w["drivers"]))
    if tasks:
        sec.add(Table([w["id"], w["name"], w["cruciality"], w["criticality"]],
                      [[Cell(t["id"], "num"), t["name"],
                        Cell(number(t["cruciality"], lang), "num"),
                        Cell(percent(t["criticality"], lang), "num")] for t in tasks],
                      num=(0, 2, 3)))
    else:
        sec.add(Para(w["none"], "muted"))
    events = sorted(risk.result.get("risks", []),
                    key=lambda r: (-r["finish_impact_days"], r["id"]))
    sec.add(Heading(w["events"]))
    if events:
        sec.add(Table([w["id"], w["risk_event"], w["occurred"], w["impact"]],
                      [[Cell(r["id"], "num"), r["name"],
                        Cell(percent(r["occurred"], lang), "num"),
                        Cell(f"{number(r['finish_impact_days'], lang, 1)} "
                             f"{w['wd'][1]}", "num")] for r in events], num=(0, 2, 3)))
    else:
        sec.add(Para(w["none"], "muted"))
    return sec
