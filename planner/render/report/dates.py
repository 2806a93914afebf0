"""Key dates: the project, its phases and its milestones, each with the baseline finish, the
previous status's forecast, the forecast now and the variances in working days."""
from __future__ import annotations

from .doc import Cell, Missing, Section, Table
from .inputs import ReportData
from .words import WORDS, date_short, signed


def key_items(sched) -> list[int]:
    """The rows of the key-date table: every milestone and every summary of outline level 1
    or 2 (the project and its phases), in plan order (the items a milestone trend follows)."""
    return [i for i, t in enumerate(sched.plan.tasks)
            if t.milestone or (t.summary and t.outline_level <= 2)]


def finish_shift(sched, a, b) -> int:
    """Working days from finish date ``a`` to finish date ``b`` on ``sched``'s calendar
    (positive when ``b`` is later)."""
    cal = sched.calendar
    return (cal.finish_key(b) + 1) // 2 - (cal.finish_key(a) + 1) // 2


def variance_cell(n: int | None, lang: str) -> Cell:
    """A variance in working days, red when later, green when earlier."""
    cls = "num later" if n and n > 0 else "num earlier" if n and n < 0 else "num"
    return Cell(signed(n, lang), cls)


def dates_section(data: ReportData) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sched = data.sched
    sec = Section("dates", w["dates"])
    ref, prev = data.reference, data.previous
    head = [w["id"], w["item"]]
    if ref is not None:
        head.append(w["baseline"])
    if prev is not None:
        head.append(w["previous"])
    head.append(w["current"])
    if ref is not None:
        head.append(w["variance_wd"])
    if prev is not None:
        head.append(w["change_wd"])
    rows = []
    for i in key_items(sched):
        t = sched.plan.tasks[i]
        fin = sched.date(sched.finish[i])
        kind = w["milestone"] if t.milestone else w["project"] if t.outline_level == 1 else \
            w["phase"]
        row = [t.id, f"{t.name} ({kind})"]
        b = ref.tasks.get(t.id) if ref is not None else None
        p_fin = _finish_in(prev, t.id)
        if ref is not None:
            row.append(Cell(date_short(b.finish if b else None, lang), "num"))
        if prev is not None:
            row.append(Cell(date_short(p_fin, lang), "num"))
        row.append(Cell(date_short(fin, lang), "num strong"))
        if ref is not None:
            row.append(variance_cell(finish_shift(sched, b.finish, fin) if b else None, lang))
        if prev is not None:
            row.append(variance_cell(finish_shift(sched, p_fin, fin) if p_fin else None, lang))
        rows.append(row)
    sec.add(Table(head, rows, num=tuple(range(2, len(head)))))
    if ref is None:
        sec.add(Missing(w["no_reference"]))
    elif prev is None:
        sec.add(Missing(w["no_previous"]))
    return sec


def _finish_in(sched, task_id: str):
    if sched is None:
        return None
    i = sched.net.index.get(task_id)
    return None if i is None else sched.date(sched.finish[i])
