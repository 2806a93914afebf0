"""Text and JSON renderings of resource loads and of a levelling result (planner.level)."""
from __future__ import annotations

from ..level import Move, Result, resource_loads
from ..schedule import Schedule
from .table import msp_date, write_csv


def _num(x: float) -> str:
    """0.5 -> "0.5", 2.0 -> "2", 0.125 -> "0.125"."""
    return f"{x:.3f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def format_loads(loads: list, sched: Schedule, title: str) -> str:
    """The weekly load table (person-days of work / available) and the over-allocations."""
    lines = [title, "Person-days of work / person-days available per ISO week; ! marks a week "
                    "with a day over capacity.", ""]
    weeks: dict = {}
    for ld in loads:
        for w in ld.weeks:
            weeks.setdefault(w.week, {})[ld.id] = w
    heads = [f"{ld.id} ({_num(ld.capacity)})" for ld in loads]
    working = {w.week for ld in loads for w in ld.weeks if w.available or w.work}
    width = [max(len(h), 9) for h in heads]
    lines.append("Week      " + "  ".join(h.rjust(wd) for h, wd in zip(heads, width)))
    lines.append("--------  " + "  ".join("-" * wd for wd in width))
    for label in sorted(weeks):
        if label not in working:
            continue                    # a week without working days (e.g. summer holiday)
        cells = []
        for ld, wd in zip(loads, width):
            w = weeks[label].get(ld.id)
            if w is None or (w.work == 0 and not w.over):
                cells.append("-".rjust(wd))
            else:
                mark = "!" if w.over else " "
                cells.append(f"{_num(round(w.work, 3))}/{_num(round(w.available, 3))}{mark}"
                             .rjust(wd))
        lines.append(f"{label}  " + "  ".join(cells))
    lines.append("")
    total = sum(len(ld.over) for ld in loads)
    if not total:
        lines.append("No over-allocations.")
    else:
        lines.append(f"Over-allocations ({total}):")
        for ld in loads:
            for o in ld.over:
                span = o.first.isoformat() if o.first == o.last else \
                    f"{o.first.isoformat()} to {o.last.isoformat()}"
                lines.append(f"  {ld.id}: {span} ({o.days} working day{'s' * (o.days != 1)}), "
                             f"{_num(round(o.peak, 3))} of {_num(ld.capacity)} units: tasks "
                             f"{', '.join(o.tasks)}")
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


PHASE_TEXT = {"finish": "project finish", "delay": "total delay", "peak": "peak load",
              "overload": "over-allocation"}


def loads_to_csv(loads: list, dialect: str = "plain") -> str:
    """One CSV row per resource and ISO week."""
    rows = [[ld.id, wk.week, wk.monday, float(wk.work), float(wk.available), float(wk.peak),
             int(wk.over)] for ld in loads for wk in ld.weeks]
    return write_csv(["resource", "week", "monday", "work_days", "available_days",
                      "peak_units", "over"], rows, dialect)


def phase_text(name: str, value: int, scale: int = 1) -> str:
    """A phase's objective value in words: working days, person-days or a peak ratio."""
    if name in ("finish", "delay"):
        return f"{value} working days"
    if name == "peak":
        return f"{value / 1000:.3g} (sum over resources of peak load / capacity)"
    return f"{_num(round(value / scale, 3))} person-days of work left unlevelled"


def progress_printer(scale: int, emit):
    """A ``progress`` callback that prints each improving solution through ``emit(text)``."""
    def report(phase, value, bound, seconds):
        bnd = phase_text(phase, bound, scale).split(" ")[0]
        emit(f"  {seconds:7.2f} s  {PHASE_TEXT[phase]}: {phase_text(phase, value, scale)} "
             f"(bound {bnd})")
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


def format_report(res: Result, source: str = "", name_width: int = 44) -> str:
    """The levelling report: status, bound and gap, finish before and after, peaks, and every
    task that moved with the resource conflict that moved it."""
    out = []
    o = res.outcome
    obj = {"finish": "earliest finish, then least total delay",
           "smooth": "earliest finish, then lowest peak loads, then least total delay"}[
        res.objective]
    if res.within_float:
        obj = ("within float (the finish stays), least over-allocation, " +
               ("then lowest peak loads, " if res.objective == "smooth" else "") +
               "then least total delay")
    out.append(f"Levelling {source or res.plan.name}: {obj}")
    status = res.status + (" (interrupted: best plan so far)" if o.interrupted else "")
    out.append(f"Status: {status}")
    for ph in o.phases:
        if ph.status == "SKIPPED":
            out.append(f"  {PHASE_TEXT[ph.name]}: not run (no time left)")
            continue
        if ph.value is None:
            out.append(f"  {PHASE_TEXT[ph.name]}: {ph.status}")
            continue
        scale = res.context.scale
        gap = "" if ph.gap is None else f", gap {100 * ph.gap:.1f}%"
        bound = phase_text(ph.name, ph.bound, scale).split(" ")[0]
        out.append(f"  {PHASE_TEXT[ph.name]}: {phase_text(ph.name, ph.value, scale)}, "
                   f"bound {bound}{gap}: {ph.status}")
    for note in o.notes:
        out.append(f"  note: {note}")
    b, a = res.before, res.after
    diff = a.project_duration - b.project_duration
    out.append(f"Project finish: {msp_date(b.project_finish)} -> {msp_date(a.project_finish)} "
               f"({diff:+d} working days; {b.project_duration} -> {a.project_duration})")
    loads_b = {ld.id: ld for ld in resource_loads(b)}
    loads_a = resource_loads(a)
    if loads_a:
        out.append("Resource peaks (units in use on the busiest day / capacity):")
        for ld in loads_a:
            lb = loads_b[ld.id]
            flag = "" if not ld.over else f"  still over-allocated on {len(ld.over)} period(s)"
            out.append(f"  {ld.id:<8} {_num(round(lb.peak, 3))} -> {_num(round(ld.peak, 3))} "
                       f"of {_num(ld.capacity)}{flag}")
    left = [(ld, o) for ld in loads_a for o in ld.over]
    if left:
        why = "could not be levelled within float" if res.within_float else "remain"
        out.append(f"Over-allocations that {why} ({len(left)}):")
        for ld, o in left:
            span = o.first.isoformat() if o.first == o.last else \
                f"{o.first.isoformat()} to {o.last.isoformat()}"
            out.append(f"  {ld.id}: {span} ({o.days} working day{'s' * (o.days != 1)}), "
                       f"{_num(round(o.peak, 3))} of {_num(ld.capacity)} units: tasks "
                       f"{', '.join(o.tasks)}")
    if not res.moves:
        out.append("No task moved.")
    else:
        out.append(f"Moved tasks ({len(res.moves)}):")
        rows = [("ID", "Task", "Moved", "Delay", "Start before", "Start after", "Why")]
        for m in res.moves:
            name = m.name if len(m.name) <= name_width else m.name[:name_width - 1] + "…"
            rows.append((m.id, name, f"+{m.days} d", f"{m.delay} d", msp_date(m.old_start),
                         msp_date(m.new_start), _why(m, res)))
        widths = [max(len(r[c]) for r in rows) for c in range(6)]
        for k, r in enumerate(rows):
            cells = [r[0].rjust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]),
                     r[3].rjust(widths[3]), r[4].ljust(widths[4]), r[5].ljust(widths[5]), r[6]]
            out.append("  " + "  ".join(cells).rstrip())
            if k == 0:
                out.append("  " + "  ".join("-" * w for w in widths) + "  ---")
    return "\n".join(out) + "\n"


def _why(m: Move, res: Result) -> str:
    if m.delay > 0:
        caps = {r.id: r.capacity for r in res.plan.resources}
        parts = []
        for rid, tids, absent in m.conflicts:
            what = f"{rid} (capacity {_num(caps[rid])})"
            if tids:
                what += " busy with " + ", ".join(tids)
            if absent:
                what += (" and absent" if tids else " absent")
            parts.append(what)
        if parts:
            return "waits for " + "; ".join(parts)
        return "levelling delay (stability tie-break)"
    if m.follows:
        return f"follows moved predecessor {m.follows}"
    return "follows its links"
