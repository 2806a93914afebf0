"""The monthly status view (:class:`~planner.tracking.StatusReport`) as a terminal table,
Markdown for the board's memo, or plain data for JSON; Norwegian or English."""
from __future__ import annotations

import datetime as dt

from ..tracking import StatusReport
from .table import msp_date

WORDS = {
    "en": {
        "title": "Status of", "at": "at", "period": "period", "against": "against",
        "baseline": "baseline", "plan": "the plan as written", "finish": "Finish forecast",
        "wd": "working days", "cd": "calendar days", "done": "Done this period",
        "progress": "In progress", "late": "Late against the", "starting": "Starting in the next "
        "4 weeks", "critical": "Critical path since the previous status", "entered": "Became "
        "critical", "left": "Left the critical path", "oos": "Out-of-sequence progress",
        "id": "ID", "task": "Task", "start": "Start", "fin": "Finish", "var": "Var",
        "started": "Started", "pct": "% done", "rem": "Remaining", "resumes": "Resumes",
        "bfin": "Baseline finish", "crit": "Crit", "float": "Float", "none": "none",
        "oos_fs": "started {a} before {p} finished ({pf})",
        "oos_ss": "started {a} before {p} started ({ps})",
        "oos_ff": "finished {af} before {p} finished ({pf})",
        "oos_sf": "finished {af} before {p} started ({ps})",
        "days": "days",
    },
    "nb": {
        "title": "Status for", "at": "per", "period": "periode", "against": "mot",
        "baseline": "grunnplan", "plan": "planen slik den er skrevet", "finish": "Prognose for "
        "slutt", "wd": "arbeidsdager", "cd": "kalenderdager", "done": "Fullført i perioden",
        "progress": "Pågår", "late": "Forsinket mot", "starting": "Starter de neste 4 ukene",
        "critical": "Kritisk linje siden forrige status", "entered": "Ble kritiske",
        "left": "Ikke lenger kritiske", "oos": "Fremdrift utenfor rekkefølge",
        "id": "ID", "task": "Aktivitet", "start": "Start", "fin": "Slutt", "var": "Avvik",
        "started": "Startet", "pct": "% ferdig", "rem": "Gjenstår", "resumes": "Fortsetter",
        "bfin": "Slutt i grunnplan", "crit": "Krit", "float": "Slakk", "none": "ingen",
        "oos_fs": "startet {a} før {p} var ferdig ({pf})",
        "oos_ss": "startet {a} før {p} startet ({ps})",
        "oos_ff": "ferdig {af} før {p} var ferdig ({pf})",
        "oos_sf": "ferdig {af} før {p} startet ({ps})",
        "days": "dager",
    },
}


def signed(n) -> str:
    return "" if n is None else (f"{n:+d}" if n else "0")


def text_table(head: list, rows: list, markdown: bool, indent: str = "  ") -> list:
    """Rows of cells as aligned text lines, or as a Markdown table."""
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        return out
    widths = [max(len(r[k]) for r in rows + [head]) for k in range(len(head))]
    return [(indent + "  ".join(c.ljust(widths[k]) for k, c in enumerate(r))).rstrip()
            for r in [head] + rows]


def _name(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_status(rep: StatusReport, lang: str = "nb", markdown: bool = False) -> str:
    w = WORDS[lang]

    def d(x: dt.date) -> str:
        return msp_date(x, lang)

    ref = (f"{w['baseline']} {rep.reference!r}" if rep.reference != "plan" else w["plan"])
    title = (f"{w['title']} {rep.plan} {w['at']} {d(rep.status_date)} ({w['period']} "
             f"{rep.period_start:%d.%m.%y}-{rep.status_date:%d.%m.%y}; {w['against']} {ref})")
    f = rep.finish
    out = [f"## {title}" if markdown else title, ""]
    out.append(f"{w['finish']}: {d(f['forecast'])}; {ref} {d(f['baseline'])}: "
               f"{signed(f['variance_days'])} {w['wd']}, {signed(f['variance_calendar_days'])} "
               f"{w['cd']}")

    def section(heading, head, rows):
        out.append("")
        out.append(f"### {heading} ({len(rows)})" if markdown else f"{heading} ({len(rows)})")
        if rows:
            if markdown:
                out.append("")
            out.extend(text_table(head, rows, markdown))
        elif not markdown:
            out.append(f"  {w['none']}")

    section(w["done"], [w["id"], w["task"], w["start"], w["fin"], w["var"]],
            [[r["id"], _name(r["name"]), d(r["start"]), d(r["finish"]),
              signed(r["finish_variance_days"])] for r in rep.done])
    section(w["progress"], [w["id"], w["task"], w["started"], w["pct"], w["rem"], w["resumes"],
                            w["fin"], w["var"], w["crit"]],
            [[r["id"], _name(r["name"]), d(r["start"]), f"{r['percent_complete']:g}",
              f"{r['remaining_days']} {w['days']}", d(r["resume"]) if r["resume"] else "",
              d(r["finish"]), signed(r["finish_variance_days"]), "*" if r["critical"] else ""]
             for r in rep.in_progress])
    late = f"{w['late']} {ref}"
    section(late, [w["id"], w["task"], w["bfin"], w["fin"], w["var"], w["crit"]],
            [[r["id"], _name(r["name"]), d(r["baseline_finish"]), d(r["finish"]),
              signed(r["finish_variance_days"]), "*" if r["critical"] else ""]
             for r in rep.late])
    section(w["starting"], [w["id"], w["task"], w["start"], w["fin"], w["crit"]],
            [[r["id"], _name(r["name"]), d(r["start"]), d(r["finish"]),
              "*" if r["critical"] else ""] for r in rep.starting])
    if rep.critical_entered is not None:
        heading = f"{w['critical']} ({d(rep.previous_date)})"
        out += ["", f"### {heading}" if markdown else heading]
        for label, rows in ((w["entered"], rep.critical_entered), (w["left"], rep.critical_left)):
            ids = ", ".join(r["id"] for r in rows) or w["none"]
            out.append(f"{'- ' if markdown else '  '}{label}: {ids}")
    section(w["oos"], [w["id"], w["task"]],
            [[r["task"], _oos_text(r, w, d)] for r in rep.out_of_sequence])
    return "\n".join(out) + "\n"


def _oos_text(r: dict, w: dict, d) -> str:
    return w["oos_" + r["type"].lower()].format(
        a=d(r["task_start"]), af=d(r["task_finish"]), p=r["predecessor"],
        pf=d(r["predecessor_finish"]), ps=d(r["predecessor_start"])) + f" [{r['type']}]"


def status_to_dict(rep: StatusReport) -> dict:
    """The report as JSON-ready data (dates ISO)."""
    def conv(x):
        if isinstance(x, dt.date):
            return x.isoformat()
        if isinstance(x, dict):
            return {k: conv(v) for k, v in x.items()}
        if isinstance(x, list):
            return [conv(v) for v in x]
        return x

    return conv({"plan": rep.plan, "status_date": rep.status_date,
                 "period_start": rep.period_start, "previous_status_date": rep.previous_date,
                 "reference": rep.reference, "finish": rep.finish, "done": rep.done,
                 "in_progress": rep.in_progress, "late": rep.late, "starting": rep.starting,
                 "critical_entered": rep.critical_entered, "critical_left": rep.critical_left,
                 "out_of_sequence": rep.out_of_sequence})


FOOTER = {
    "en": {"status": "Status date", "done": "done", "started": "in progress", "late": "late",
           "baseline": "Baseline", "finish": "finish", "wd": "working days"},
    "nb": {"status": "Statusdato", "done": "fullført", "started": "pågår", "late": "forsinket",
           "baseline": "Grunnplan", "finish": "slutt", "wd": "arbeidsdager"},
}


def tracking_footer(sched, baseline=None, lang: str = "en") -> str:
    """Lines under the schedule table of a tracked schedule: the status date and how many
    leaf tasks are done, in progress and late; with a baseline, its finish and the variance."""
    from ..tracking import plan_reference, project_variance, task_states

    w = FOOTER[lang]
    out = []
    if sched.plan.tracked:
        ref = baseline if baseline is not None else plan_reference(sched)
        states = task_states(sched, ref)
        leaves = [i for i, t in enumerate(sched.plan.tasks) if not t.summary]
        started = sum(1 for i in leaves if sched.progress.state[i] == 1)
        done = sum(1 for i in leaves if states[i] == "done")
        late = sum(1 for i in leaves if states[i] == "late")
        out.append(f"{w['status']}: {msp_date(sched.plan.status_date, lang)} "
                   f"({sched.plan.reschedule}, {sched.plan.out_of_sequence}): {done} "
                   f"{w['done']}, {started} {w['started']}, {late} {w['late']}")
    if baseline is not None:
        days, _cal = project_variance(sched, baseline)
        out.append(f"{w['baseline']} {baseline.name!r}: {w['finish']} "
                   f"{msp_date(baseline.finish, lang)}, {signed(days)} {w['wd']}")
    return "\n".join(out) + "\n"
