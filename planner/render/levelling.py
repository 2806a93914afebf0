"""Text and JSON renderings of resource loads and of a levelling result (planner.level)."""
from __future__ import annotations

from ..level import Move, Result, resource_loads
from ..schedule import Schedule
from .table import msp_date, write_csv


WORDS = {
    "en": {
        "load_title": "Resource load of {plan} ({kind} schedule, {start} to {finish})",
        "levelled": "levelled", "unlevelled": "unlevelled",
        "load_intro": "Person-days of work / person-days available per ISO week; ! marks a "
                      "week with a day over capacity.",
        "week": "Week", "no_over": "No over-allocations.", "over": "Over-allocations ({n}):",
        "over_line": "{rid}: {span} ({days} {wd}), {peak} of {cap} units: tasks {tasks}",
        "to": "to", "wd1": "working day", "wd": "working days",
        "obj_finish": "earliest finish, then least total delay",
        "obj_smooth": "earliest finish, then lowest peak loads, then least total delay",
        "obj_float": "within float (the finish stays), least over-allocation, ",
        "obj_float_smooth": "then lowest peak loads, ", "obj_float_end": "then least total delay",
        "levelling": "Levelling {src}: {obj}", "status": "Status: {status}",
        "interrupted": " (interrupted: best plan so far)", "not_run": "not run (no time left)",
        "bound": "bound", "gap": "gap", "note": "note",
        "finish": "Project finish: {a} -> {b} ({diff} working days; {da} -> {db})",
        "peaks": "Resource peaks (units in use on the busiest day / capacity):",
        "of": "of", "still": "  still over-allocated on {n} period(s)",
        "left": "Over-allocations that {why} ({n}):", "left_float":
            "could not be levelled within float", "left_remain": "remain",
        "none_moved": "No task moved.", "moved": "Moved tasks ({n}):",
        "heads": ("ID", "Task", "Moved", "Delay", "Start before", "Start after", "Why"),
        "waits": "waits for ", "capacity": "capacity", "busy": " busy with ",
        "and_absent": " and absent", "absent": " absent",
        "tie": "levelling delay (stability tie-break)",
        "follows": "follows moved predecessor {id}", "links": "follows its links",
        "ph_finish": "project finish", "ph_delay": "total delay", "ph_peak": "peak load",
        "ph_overload": "over-allocation", "v_days": "{v} working days",
        "v_peak": "{v} (sum over resources of peak load / capacity)",
        "v_over": "{v} person-days of work left unlevelled",
        "status_words": {},
    },
    "nb": {
        "load_title": "Ressursbelastning i {plan} ({kind} plan, {start} til {finish})",
        "levelled": "utjevnet", "unlevelled": "ikke utjevnet",
        "load_intro": "Dagsverk arbeid / dagsverk tilgjengelig per ISO-uke; ! markerer en uke "
                      "med en dag over kapasitet.",
        "week": "Uke", "no_over": "Ingen overbelastning.", "over": "Overbelastninger ({n}):",
        "over_line": "{rid}: {span} ({days} {wd}), {peak} av {cap} enheter: aktiviteter "
                     "{tasks}",
        "to": "til", "wd1": "arbeidsdag", "wd": "arbeidsdager",
        "obj_finish": "tidligste slutt, deretter minst samlet forsinkelse",
        "obj_smooth": "tidligste slutt, deretter lavest toppbelastning, deretter minst samlet "
                      "forsinkelse",
        "obj_float": "innenfor slakk (sluttdatoen står), minst overbelastning, ",
        "obj_float_smooth": "deretter lavest toppbelastning, ",
        "obj_float_end": "deretter minst samlet forsinkelse",
        "levelling": "Ressursutjevning av {src}: {obj}", "status": "Status: {status}",
        "interrupted": " (avbrutt: beste plan så langt)", "not_run": "ikke kjørt (ingen tid "
                                                                      "igjen)",
        "bound": "grense", "gap": "avstand", "note": "merk",
        "finish": "Prosjektslutt: {a} -> {b} ({diff} arbeidsdager; {da} -> {db})",
        "peaks": "Toppbelastning per ressurs (enheter i bruk den travleste dagen / kapasitet):",
        "of": "av", "still": "  fortsatt overbelastet i {n} periode(r)",
        "left": "Overbelastninger som {why} ({n}):", "left_float":
            "ikke kunne utjevnes innenfor slakk", "left_remain": "gjenstår",
        "none_moved": "Ingen aktivitet ble flyttet.", "moved": "Flyttede aktiviteter ({n}):",
        "heads": ("ID", "Aktivitet", "Flyttet", "Forsinkelse", "Start før", "Start etter",
                  "Hvorfor"),
        "waits": "venter på ", "capacity": "kapasitet", "busy": " opptatt med ",
        "and_absent": " og fraværende", "absent": " fraværende",
        "tie": "utjevningsforsinkelse (stabilitet ved likhet)",
        "follows": "følger flyttet forgjenger {id}", "links": "følger koblingene sine",
        "ph_finish": "prosjektslutt", "ph_delay": "samlet forsinkelse",
        "ph_peak": "toppbelastning", "ph_overload": "overbelastning",
        "v_days": "{v} arbeidsdager",
        "v_peak": "{v} (sum over ressurser av toppbelastning / kapasitet)",
        "v_over": "{v} dagsverk arbeid som ikke er utjevnet",
        "status_words": {"OPTIMAL": "OPTIMAL", "FEASIBLE": "GJENNOMFØRBAR",
                         "INFEASIBLE": "UMULIG", "UNKNOWN": "UKJENT", "SKIPPED": "HOPPET OVER"},
    },
}

#: the solver's notes (planner.level) in Norwegian
NOTES_NB = (
    (r"task (.+) cannot start by its latest start", r"aktivitet \1 kan ikke starte innen sin "
                                                     r"seneste start"),
    (r"time windows are empty", "tidsvinduene er tomme"),
    (r"precedence reasoning: (\d+) resource-implied (.*)",
     r"rekkefølgeresonnement: \1 ressursavledede \2"),
    (r"no task has resources: nothing to level",
     "ingen aktivitet har ressurser: ingenting å utjevne"),
)


def _num(x: float, lang: str = "en") -> str:
    """0.5 -> "0.5" ("0,5" in Norwegian), 2.0 -> "2", 0.125 -> "0.125"."""
    text = f"{x:.3f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))
    return text.replace(".", ",") if lang == "nb" else text


def _day(d, lang: str) -> str:
    return d.isoformat() if lang == "en" else f"{d:%d.%m.%y}"


def _span(o, lang: str) -> str:
    w = WORDS[lang]
    if o.first == o.last:
        return _day(o.first, lang)
    return f"{_day(o.first, lang)} {w['to']} {_day(o.last, lang)}"


def _over_line(ld, o, lang: str) -> str:
    w = WORDS[lang]
    return w["over_line"].format(rid=ld.id, span=_span(o, lang), days=o.days,
                                 wd=w["wd1"] if o.days == 1 else w["wd"],
                                 peak=_num(round(o.peak, 3), lang), cap=_num(ld.capacity, lang),
                                 tasks=", ".join(o.tasks))


def load_title(plan_label: str, sched: Schedule, levelled: bool, lang: str = "en") -> str:
    w = WORDS[lang]
    return w["load_title"].format(plan=plan_label, kind=w["levelled" if levelled else
                                                        "unlevelled"],
                                  start=_day(sched.project_start, lang),
                                  finish=_day(sched.project_finish, lang))


def start_line(source: str, objective: str, within_float: bool, seconds: float, workers: int,
               lang: str = "en") -> str:
    """What ``planner level`` says on standard error before the search."""
    if lang == "nb":
        return (f"utjevner {source} ({objective}{', innenfor slakk' if within_float else ''}, "
                f"{seconds:g} s, {workers} arbeider{'e' * (workers != 1)}; Ctrl-C beholder "
                f"den beste planen så langt)")
    return (f"levelling {source} ({objective}{', within float' if within_float else ''}, "
            f"{seconds:g} s, {workers} worker{'s' * (workers != 1)}; Ctrl-C keeps the best "
            f"plan so far)")


def note_text(note: str, lang: str) -> str:
    if lang != "nb":
        return note
    import re

    for pattern, repl in NOTES_NB:
        if re.fullmatch(pattern, note):
            return re.sub(pattern, repl, note)
    return note


def format_loads(loads: list, sched: Schedule, title: str, lang: str = "en") -> str:
    """The weekly load table (person-days of work / available) and the over-allocations."""
    w = WORDS[lang]
    lines = [title, w["load_intro"], ""]
    weeks: dict = {}
    for ld in loads:
        for wk in ld.weeks:
            weeks.setdefault(wk.week, {})[ld.id] = wk
    heads = [f"{ld.id} ({_num(ld.capacity, lang)})" for ld in loads]
    working = {wk.week for ld in loads for wk in ld.weeks if wk.available or wk.work}
    width = [max(len(h), 9) for h in heads]
    lines.append(f"{w['week']:<8}  " + "  ".join(h.rjust(wd) for h, wd in zip(heads, width)))
    lines.append("--------  " + "  ".join("-" * wd for wd in width))
    for label in sorted(weeks):
        if label not in working:
            continue                    # a week without working days (e.g. summer holiday)
        cells = []
        for ld, wd in zip(loads, width):
            wk = weeks[label].get(ld.id)
            if wk is None or (wk.work == 0 and not wk.over):
                cells.append("-".rjust(wd))
            else:
                mark = "!" if wk.over else " "
                cells.append(f"{_num(round(wk.work, 3), lang)}/"
                             f"{_num(round(wk.available, 3), lang)}{mark}".rjust(wd))
        lines.append(f"{label}  " + "  ".join(cells))
    lines.append("")
    total = sum(len(ld.over) for ld in loads)
    if not total:
        lines.append(w["no_over"])
    else:
        lines.append(w["over"].format(n=total))
        for ld in loads:
            for o in ld.over:
                lines.append("  " + _over_line(ld, o, lang))
    return "\n".join(lines) + "\n"


def loads_to_dict(loads: list, sched: Schedule) -> dict:
    return {
        "project": {"name": sched.plan.name, "start": sched.project_start.isoformat(),
                    "finish": sched.project_finish.isoformat()},
        "resources": [{
            "id": ld.id, "name": ld.name, "capacity": ld.capacity,
            "assumption": ld.assumption, "peak_units": round(ld.peak, 6),
            "weeks": [{"week": w.week, "monday": w.monday.isoformat(), "work_days": w.work,
                       "available_days": w.available, "peak_units": round(w.peak, 6),
                       "over": w.over} for w in ld.weeks],
            "over_allocations": [{"from": o.first.isoformat(), "to": o.last.isoformat(),
                                  "working_days": o.days, "peak_units": round(o.peak, 6),
                                  "tasks": o.tasks} for o in ld.over],
        } for ld in loads],
    }


def loads_to_csv(loads: list, dialect: str = "plain") -> str:
    """One CSV row per resource and ISO week."""
    rows = [[ld.id, wk.week, wk.monday, float(wk.work), float(wk.available), float(wk.peak),
             int(wk.over)] for ld in loads for wk in ld.weeks]
    return write_csv(["resource", "week", "monday", "work_days", "available_days",
                      "peak_units", "over"], rows, dialect)


def phase_name(name: str, lang: str = "en") -> str:
    """A phase's name in words: finish -> "project finish"."""
    return WORDS[lang][f"ph_{name}"]


def phase_text(name: str, value: int, scale: int = 1, lang: str = "en") -> str:
    """A phase's objective value in words: working days, person-days or a peak ratio."""
    w = WORDS[lang]
    if name in ("finish", "delay"):
        return w["v_days"].format(v=value)
    if name == "peak":
        v = f"{value / 1000:.3g}"
        return w["v_peak"].format(v=v.replace(".", ",") if lang == "nb" else v)
    return w["v_over"].format(v=_num(round(value / scale, 3), lang))


def progress_printer(scale: int, emit, lang: str = "en"):
    """A ``progress`` callback that prints each improving solution through ``emit(text)``."""
    w = WORDS[lang]

    def report(phase, value, bound, seconds):
        bnd = phase_text(phase, bound, scale, lang).split(" ")[0]
        emit(f"  {seconds:7.2f} s  {phase_name(phase, lang)}: "
             f"{phase_text(phase, value, scale, lang)} ({w['bound']} {bnd})")
    return report


def result_to_dict(res: Result) -> dict:
    before, after = res.before, res.after
    loads_b = {ld.id: ld for ld in resource_loads(before)}
    loads_a = resource_loads(after)
    return {
        "status": res.status,
        "interrupted": res.outcome.interrupted,
        "objective": res.objective,
        "within_float": res.within_float,
        "phases": [{"name": ph.name, "status": ph.status, "value": ph.value,
                    "bound": ph.bound, "gap": None if ph.gap is None else round(ph.gap, 6)}
                   for ph in res.outcome.phases],
        "finish_before": before.project_finish.isoformat(),
        "finish_after": after.project_finish.isoformat(),
        "duration_days_before": before.project_duration,
        "duration_days_after": after.project_duration,
        "moves": [{"id": m.id, "name": m.name, "moved_days": m.days, "delay_days": m.delay,
                   "start_before": m.old_start.isoformat(),
                   "start_after": m.new_start.isoformat(),
                   "conflicts": [{"resource": rid, "tasks": tids, "absent": absent}
                                 for rid, tids, absent in m.conflicts],
                   "follows": m.follows} for m in res.moves],
        "resources": [{"id": ld.id, "capacity": ld.capacity,
                       "peak_before": round(loads_b[ld.id].peak, 6),
                       "peak_after": round(ld.peak, 6),
                       "over_allocations_before": len(loads_b[ld.id].over),
                       "over_allocations_after": len(ld.over)} for ld in loads_a],
    }


def _objective(res: Result, lang: str) -> str:
    w = WORDS[lang]
    if res.within_float:
        return (w["obj_float"] + (w["obj_float_smooth"] if res.objective == "smooth" else "") +
                w["obj_float_end"])
    return w[f"obj_{res.objective}"]


def _status(status: str, lang: str) -> str:
    return WORDS[lang]["status_words"].get(status, status)


def format_report(res: Result, source: str = "", name_width: int = 44, lang: str = "en") -> str:
    """The levelling report: status, bound and gap, finish before and after, peaks, and every
    task that moved with the resource conflict that moved it."""
    w = WORDS[lang]
    out = []
    o = res.outcome
    out.append(w["levelling"].format(src=source or res.plan.name, obj=_objective(res, lang)))
    out.append(w["status"].format(status=_status(res.status, lang) +
                                  (w["interrupted"] if o.interrupted else "")))
    for ph in o.phases:
        label = phase_name(ph.name, lang)
        if ph.status == "SKIPPED":
            out.append(f"  {label}: {w['not_run']}")
            continue
        if ph.value is None:
            out.append(f"  {label}: {_status(ph.status, lang)}")
            continue
        scale = res.context.scale
        gap = ""
        if ph.gap is not None:
            pct = f"{100 * ph.gap:.1f}"
            gap = f", {w['gap']} {pct.replace('.', ',') if lang == 'nb' else pct}%"
        bound = phase_text(ph.name, ph.bound, scale, lang).split(" ")[0]
        out.append(f"  {label}: {phase_text(ph.name, ph.value, scale, lang)}, "
                   f"{w['bound']} {bound}{gap}: {_status(ph.status, lang)}")
    for note in o.notes:
        out.append(f"  {w['note']}: {note_text(note, lang)}")
    b, a = res.before, res.after
    out.append(w["finish"].format(a=msp_date(b.project_finish, lang),
                                  b=msp_date(a.project_finish, lang),
                                  diff=f"{a.project_duration - b.project_duration:+d}",
                                  da=b.project_duration, db=a.project_duration))
    loads_b = {ld.id: ld for ld in resource_loads(b)}
    loads_a = resource_loads(a)
    if loads_a:
        out.append(w["peaks"])
        for ld in loads_a:
            lb = loads_b[ld.id]
            flag = "" if not ld.over else w["still"].format(n=len(ld.over))
            out.append(f"  {ld.id:<8} {_num(round(lb.peak, 3), lang)} -> "
                       f"{_num(round(ld.peak, 3), lang)} {w['of']} {_num(ld.capacity, lang)}"
                       f"{flag}")
    left = [(ld, o) for ld in loads_a for o in ld.over]
    if left:
        why = w["left_float"] if res.within_float else w["left_remain"]
        out.append(w["left"].format(why=why, n=len(left)))
        for ld, o in left:
            out.append("  " + _over_line(ld, o, lang))
    if not res.moves:
        out.append(w["none_moved"])
    else:
        out.append(w["moved"].format(n=len(res.moves)))
        out.extend(_moves_table(res, name_width, lang))
    return "\n".join(out) + "\n"


def _moves_table(res: Result, name_width: int, lang: str) -> list:
    rows = [WORDS[lang]["heads"]]
    for m in res.moves:
        name = m.name if len(m.name) <= name_width else m.name[:name_width - 1] + "…"
        rows.append((m.id, name, f"+{m.days} d", f"{m.delay} d", msp_date(m.old_start, lang),
                     msp_date(m.new_start, lang), _why(m, res, lang)))
    widths = [max(len(r[c]) for r in rows) for c in range(6)]
    out = []
    for k, r in enumerate(rows):
        cells = [r[0].rjust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]),
                 r[3].rjust(widths[3]), r[4].ljust(widths[4]), r[5].ljust(widths[5]), r[6]]
        out.append("  " + "  ".join(cells).rstrip())
        if k == 0:
            out.append("  " + "  ".join("-" * x for x in widths) + "  ---")
    return out


def _why(m: Move, res: Result, lang: str = "en") -> str:
    w = WORDS[lang]
    if m.delay > 0:
        caps = {r.id: r.capacity for r in res.plan.resources}
        parts = []
        for rid, tids, absent in m.conflicts:
            what = f"{rid} ({w['capacity']} {_num(caps[rid], lang)})"
            if tids:
                what += w["busy"] + ", ".join(tids)
            if absent:
                what += (w["and_absent"] if tids else w["absent"])
            parts.append(what)
        if parts:
            return w["waits"] + "; ".join(parts)
        return w["tie"]
    if m.follows:
        return w["follows"].format(id=m.follows)
    return w["links"]
