"""A risk run as a terminal table or Markdown, in English or Norwegian (``nb``).

The P-values carry the Norwegian state's words for them: P50 is the *styringsramme* (the
target), P85 the *kostnadsramme* (the upper limit).  Dates are written ``28.06.24``.
"""
from __future__ import annotations

WORDS = {
    "en": {"title": "Schedule risk", "iterations": "iterations", "seed": "seed",
           "date": "Finish", "wd": "Working days", "deterministic": "Deterministic (plan)",
           "mean": "Mean", "p50": "P50 (target)", "p85": "P85 (upper limit)",
           "chance": "Chance of finishing by {date}: {p}",
           "conv": "Convergence: over the last {n} iterations P50 moved {a} and P85 {b} "
                   "working days ({state}).",
           "stable": "stable", "unstable": "not stable yet: run more iterations",
           "stopped": "Stopped when stable after {n} of at most {limit} iterations.",
           "drivers": "Top drivers (cruciality: rank correlation of the task's sampled "
                      "duration with the finish)",
           "id": "ID", "task": "Task", "crit": "Criticality", "cruc": "Cruciality",
           "mean_d": "Mean d", "plan_d": "Plan d", "risks": "Risk events",
           "name": "Risk", "prob": "Probability", "occurred": "Occurred",
           "impact": "Finish impact (working / calendar days)", "none": "none",
           "no_drivers": "No task duration varies."},
    "nb": {"title": "Tidsrisiko", "iterations": "iterasjoner", "seed": "frø",
           "date": "Sluttdato", "wd": "Arbeidsdager", "deterministic": "Deterministisk (plan)",
           "mean": "Gjennomsnitt", "p50": "P50 (styringsramme)", "p85": "P85 (kostnadsramme)",
           "chance": "Sannsynlighet for å være ferdig innen {date}: {p}",
           "conv": "Konvergens: over de siste {n} iterasjonene flyttet P50 seg {a} og P85 {b} "
                   "arbeidsdager ({state}).",
           "stable": "stabilt", "unstable": "ikke stabilt ennå: kjør flere iterasjoner",
           "stopped": "Stoppet da resultatet var stabilt, etter {n} av høyst {limit} "
                      "iterasjoner.",
           "drivers": "Viktigste drivere (sensitivitet: rangkorrelasjon mellom aktivitetens "
                      "varighet og sluttdatoen)",
           "id": "ID", "task": "Aktivitet", "crit": "Kritikalitet", "cruc": "Sensitivitet",
           "mean_d": "Snitt d", "plan_d": "Plan d", "risks": "Risikohendelser",
           "name": "Risiko", "prob": "Sannsynlighet", "occurred": "Inntraff",
           "impact": "Virkning på slutt (arbeids- / kalenderdager)", "none": "ingen",
           "no_drivers": "Ingen varigheter varierer."},
}
ROWS = ("deterministic", "mean", "p10", "p50", "p80", "p85", "p90")
TOP = 10


def date_text(d) -> str:
    return f"{d:%d.%m.%y}"


def number(x: float, lang: str, digits: int = 1) -> str:
    text = f"{x:.{digits}f}"
    return text.replace(".", ",") if lang == "nb" else text


def percent(p: float, lang: str) -> str:
    text = number(100 * p, lang)
    return f"{text} %" if lang == "nb" else f"{text}%"


def drivers(summary: dict, top: int = TOP) -> list:
    """The leaf tasks whose duration matters most: by |cruciality|, then criticality."""
    rows = [t for t in summary["tasks"] if not t["summary"] and t["cruciality"] is not None]
    rows.sort(key=lambda t: (-abs(t["cruciality"]), -t["criticality"]))
    return rows[:top]


def render_risk(summary: dict, lang: str = "en", markdown: bool = False,
                name_width: int = 48) -> str:
    w = WORDS[lang]
    out = [f"{'# ' if markdown else ''}{w['title']}: {summary['plan']}",
           "", f"{summary['iterations']} {w['iterations']}, {w['seed']} {summary['seed']}", ""]
    fin, work = summary["finish"], summary["working_days"]
    rows = [[w.get(k, k.upper()), date_text(fin[k]),
             number(work[k], lang) if k == "mean" else str(work[k])] for k in ROWS]
    out += _table(["", w["date"], w["wd"]], rows, markdown, "lrr")
    out.append("")
    for d, p in summary["probability_by"].items():
        out.append(w["chance"].format(date=date_text(d), p=percent(p, lang)))
    conv = summary["convergence"]
    out.append(w["conv"].format(n=conv["window_iterations"], a=conv["p50_moved_days"],
                                b=conv["p85_moved_days"],
                                state=w["stable"] if conv["stable"] else w["unstable"]))
    if summary["until_stable"] and summary["iterations"] < summary["limit"]:
        out.append(w["stopped"].format(n=summary["iterations"], limit=summary["limit"]))
    out += ["", f"{'## ' if markdown else ''}{w['drivers']}", ""]
    top = drivers(summary)
    if top:
        rows = [[t["id"], _fit(t["name"], name_width), percent(t["criticality"], lang),
                 number(t["cruciality"], lang, 2), number(t["mean_days"], lang),
                 str(t["planned_days"])] for t in top]
        out += _table([w["id"], w["task"], w["crit"], w["cruc"], w["mean_d"], w["plan_d"]],
                      rows, markdown, "llrrrr")
    else:
        out.append(w["no_drivers"])
    out += ["", f"{'## ' if markdown else ''}{w['risks']}", ""]
    if summary["risks"]:
        risks = sorted(summary["risks"], key=lambda r: -r["finish_impact_days"])
        rows = [[r["id"], _fit(r["name"], name_width), percent(r["probability"], lang),
                 percent(r["occurred"], lang),
                 f"{number(r['finish_impact_days'], lang)} / "
                 f"{number(r['finish_impact_calendar_days'], lang)}"] for r in risks]
        out += _table([w["id"], w["name"], w["prob"], w["occurred"], w["impact"]], rows,
                      markdown, "llrrr")
    else:
        out.append(w["none"])
    return "\n".join(out) + "\n"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(head: list, rows: list, markdown: bool, align: str) -> list:
    if markdown:
        esc = [[c.replace("|", "\\|") for c in r] for r in [head] + rows]
        rule = ["---:" if a == "r" else "---" for a in align]
        return ["| " + " | ".join(r) + " |" for r in esc[:1] + [rule] + esc[1:]]
    widths = [max(len(r[j]) for r in [head] + rows) for j in range(len(head))]

    def line(r):
        cells = [c.rjust(widths[j]) if align[j] == "r" else c.ljust(widths[j])
                 for j, c in enumerate(r)]
        return "  ".join(cells).rstrip()

    return [line(head), line(["-" * x for x in widths])] + [line(r) for r in rows]
