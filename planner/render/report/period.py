"""This period and the next (done since the previous status, in progress, late, starting in the
next four weeks), and the critical path now with what entered or left it since the previous
status.  The lists come from :func:`planner.tracking.status_report`."""
from __future__ import annotations

from .dates import variance_cell
from .doc import Cell, Heading, Missing, Para, Section, Table
from .inputs import ReportData
from .words import WORDS, count, date_short, percent


#: more tasks than this entered or left the critical path: listed by id in one line
COMPACT = 8


def period_section(data: ReportData) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sec = Section("period", w["period"])
    rep = data.status
    if rep is None:
        return sec.add(Missing(w["no_status"]))
    sec.add(Para(w["period_from_to"].format(a=date_short(rep.period_start, lang),
                                             b=date_short(rep.status_date, lang)), "muted"))
    fin, var = w["finish"], w["variance_wd"]
    sec.add(Heading(f"{w['done_period']} ({len(rep.done)})"))
    sec.add(_table(rep.done, [w["id"], w["name"], fin, var],
                   lambda r: [_d(r["finish"], lang), variance_cell(r["finish_variance_days"],
                                                                   lang)], lang))
    sec.add(Heading(f"{w['in_progress']} ({len(rep.in_progress)})"))
    sec.add(_table(rep.in_progress, [w["id"], w["name"], w["pct"], w["remaining"], fin, var],
                   lambda r: [Cell(percent(r["percent_complete"] / 100, lang), "num"),
                              Cell(count(r["remaining_days"], w["wd"]), "num"),
                              _d(r["finish"], lang),
                              variance_cell(r["finish_variance_days"], lang)], lang))
    sec.add(Heading(f"{w['late']} ({len(rep.late)})"))
    sec.add(_table(rep.late, [w["id"], w["name"], w["baseline"], fin, var],
                   lambda r: [_d(r["baseline_finish"], lang), _d(r["finish"], lang),
                              variance_cell(r["finish_variance_days"], lang)], lang))
    sec.add(Heading(f"{w['starting']} ({len(rep.starting)})"))
    sec.add(_table(rep.starting, [w["id"], w["name"], w["start"], fin],
                   lambda r: [_d(r["start"], lang), _d(r["finish"], lang)], lang))
    return sec


def critical_section(data: ReportData, chains: int = 4) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sched = data.sched
    sec = Section("critical", w["critical"])
    paths = sched.critical_paths(limit=chains + 1)
    if paths:
        sec.add(Heading(w["chains"]))
        for p in paths[:chains]:
            sec.add(Para(" → ".join(p), "chain"))
        if len(paths) > chains:
            sec.add(Para(w["more_chains"], "muted"))
    rows = []
    for i in sorted((i for i in sched.net.order if sched.critical[i]),
                    key=lambda i: (sched.es[i], i)):
        t = sched.plan.tasks[i]
        rows.append({"id": t.id, "name": t.name, "start": sched.date(sched.start[i]),
                     "finish": sched.date(sched.finish[i]),
                     "total_float_days": sched.total_float[i]})
    sec.add(Heading(f"{w['critical_now']} ({len(rows)})"))
    sec.add(_table(rows, [w["id"], w["name"], w["start"], w["finish"]],
                   lambda r: [_d(r["start"], lang), _d(r["finish"], lang)], lang))
    rep = data.status
    if rep is None or rep.critical_entered is None:
        return sec.add(Missing(w["no_previous"] if rep is not None else w["no_status"]))
    for key, items in (("entered", rep.critical_entered), ("left", rep.critical_left)):
        sec.add(Heading(f"{w[key]} ({len(items)})"))
        if len(items) > COMPACT:       # a list of ids, not a page of rows
            from ..table import id_runs

            sec.add(Para(f"{w['tasks_word'].capitalize()} "
                         f"{id_runs(sched, _flags(sched, items))}.", "ids"))
            continue
        sec.add(_table(items, [w["id"], w["name"], w["float"]],
                       lambda r: [Cell(count(r["total_float_days"], w["wd"]), "num")], lang))
    return sec


def _flags(sched, items: list) -> list:
    ids = {r["id"] for r in items}
    return [t.id in ids for t in sched.plan.tasks]


def _table(items: list, head: list, cells, lang: str):
    """One row per task: its id, its name, then ``cells(row)``; a line saying so when there
    are none."""
    if not items:
        return Para(WORDS[lang]["none"], "muted")
    rows = [[Cell(r["id"], "num"), r["name"], *cells(r)] for r in items]
    return Table(head, rows, num=(0,) + tuple(range(2, len(head))))


def _d(d, lang: str) -> Cell:
    return Cell(date_short(d, lang), "num")
