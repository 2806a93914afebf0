"""Excel workbooks (.xlsx) of a schedule, a what-if comparison and resource loads.

Municipal staff open these in Excel with Norwegian settings: dates are real date cells shown as
``dd.mm.yy``, numbers are numbers, the header row is frozen and filterable, summary tasks group
their tasks (Excel's outline, the +/- in the margin, summaries above their tasks as in MS
Project), and critical rows are red.  The same input gives the same bytes: the document's
creation and modification dates are the plan's start date and every entry of the zip archive
carries a fixed time stamp.  openpyxl is imported only here.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..schedule import Schedule

DATE_FORMAT = "dd.mm.yy"
RED = "C00000"
HEAD_FILL = "DDEBF7"
CRIT_FILL = "FCE4E4"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_OUTLINE = 7                        # Excel's deepest outline level

WORDS = {
    "en": {"schedule": "Schedule", "id": "ID", "name": "Task name", "dur": "Duration (days)",
           "start": "Start", "finish": "Finish", "es": "Early start", "ef": "Early finish",
           "ls": "Late start", "lf": "Late finish", "tf": "Total float", "ff": "Free float",
           "crit": "Critical", "pred": "Predecessors", "yes": "yes", "no": "no",
           "whatif": "What-if", "moved": "Moved", "scenario": "Scenario",
           "baseline": "baseline", "s_change": "Start change (days)",
           "f_change": "Finish change (days)", "old_start": "Start before",
           "old_finish": "Finish before", "metric": "", "m_finish": "Finish",
           "m_wd": "Change, working days", "m_cd": "Change, calendar days",
           "m_dur": "Duration, working days", "m_moved": "Tasks moved",
           "m_became": "Became critical", "m_stopped": "No longer critical",
           "load": "Load", "over": "Over-allocations", "week": "Week", "monday": "Monday",
           "work": "work", "available": "available", "resource": "Resource", "from": "From",
           "to": "To", "days": "Working days", "peak": "Peak units", "capacity": "Capacity",
           "tasks": "Tasks"},
    "nb": {"schedule": "Tidsplan", "id": "ID", "name": "Aktivitet", "dur": "Varighet (dager)",
           "start": "Start", "finish": "Slutt", "es": "Tidligste start",
           "ef": "Tidligste slutt", "ls": "Seneste start", "lf": "Seneste slutt",
           "tf": "Total slakk", "ff": "Fri slakk", "crit": "Kritisk", "pred": "Forgjengere",
           "yes": "ja", "no": "nei", "whatif": "Hva-om", "moved": "Flyttet",
           "scenario": "Scenario", "baseline": "grunnplan",
           "s_change": "Endring start (dager)", "f_change": "Endring slutt (dager)",
           "old_start": "Start før", "old_finish": "Slutt før", "metric": "",
           "m_finish": "Slutt", "m_wd": "Endring, arbeidsdager",
           "m_cd": "Endring, kalenderdager", "m_dur": "Varighet, arbeidsdager",
           "m_moved": "Aktiviteter flyttet", "m_became": "Ble kritiske",
           "m_stopped": "Ikke lenger kritiske", "load": "Belastning",
           "over": "Overbelastning", "week": "Uke", "monday": "Mandag", "work": "arbeid",
           "available": "tilgjengelig", "resource": "Ressurs", "from": "Fra", "to": "Til",
           "days": "Arbeidsdager", "peak": "Høyeste belastning", "capacity": "Kapasitet",
           "tasks": "Aktiviteter"},
}


# -- workbook plumbing -------------------------------------------------------------------------
def _new_book(title: str, when: dt.date):
    from openpyxl import Workbook

    wb = Workbook()
    stamp = dt.datetime(when.year, when.month, when.day)
    props = wb.properties
    props.creator = "planner"
    props.title = title
    props.created = props.modified = stamp
    return wb


def _sheet(wb, title: str, heads: list, widths: list, first: bool = False):
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.active if first else wb.create_sheet()
    ws.title = title[:31]
    ws.append(heads)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEAD_FILL)
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    for k, width in enumerate(widths):
        ws.column_dimensions[_col(k)].width = width
    return ws


def _col(k: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(k + 1)


def _finish_sheet(ws, date_cols=(), red_rows=()) -> None:
    """Date formats on ``date_cols`` (0-based), red rows, an autofilter over the data."""
    from openpyxl.styles import Font, PatternFill

    for row in ws.iter_rows(min_row=2):
        for k in date_cols:
            row[k].number_format = DATE_FORMAT
    red = Font(color=RED)
    red_bold = Font(color=RED, bold=True)
    fill = PatternFill("solid", fgColor=CRIT_FILL)
    for r in red_rows:
        for cell in ws[r]:
            cell.font = red_bold if cell.font.bold else red
            cell.fill = fill
    if ws.max_row >= 1:
        ws.auto_filter.ref = f"A1:{_col(ws.max_column - 1)}{ws.max_row}"


class _FixedZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same time stamp (openpyxl uses the clock)."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as fh:          # a worksheet, written to a temporary file
            self.writestr(arcname or filename, fh.read())


def workbook_bytes(wb) -> bytes:
    """The workbook as .xlsx bytes, the same for the same content."""
    from openpyxl.writer.excel import ExcelWriter

    buf = io.BytesIO()
    with _FixedZip(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return buf.getvalue()


# -- the schedule ------------------------------------------------------------------------------
def schedule_xlsx(sched: Schedule, lang: str = "en", title: str | None = None) -> bytes:
    """One row per task, in plan order: dates as date cells, floats and durations as numbers,
    summaries bold and grouped over their tasks, critical tasks red."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import Outline

    w = WORDS[lang]
    plan = sched.plan
    wb = _new_book(title or plan.name, sched.project_start)
    heads = [w[k] for k in ("id", "name", "dur", "start", "finish", "es", "ef", "ls", "lf",
                            "tf", "ff", "crit", "pred")]
    ws = _sheet(wb, w["schedule"], heads, [6, 60, 10, 10, 10, 10, 10, 10, 10, 8, 8, 8, 16],
                first=True)
    ws.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=False)
    bold = Font(bold=True)
    red_rows = []
    for i, t in enumerate(plan.tasks):
        r = sched.row(i)
        ws.append([_number_or_text(t.id), t.name, r["duration_days"], r["start"], r["finish"],
                   r["early_start"], r["early_finish"], r["late_start"], r["late_finish"],
                   r["total_float_days"], r["free_float_days"],
                   w["yes"] if r["critical"] else w["no"],
                   ";".join(lk.label() for lk in t.predecessors)])
        row = ws.max_row
        ws.cell(row, 2).alignment = Alignment(indent=t.outline_level - 1)
        level = min(t.outline_level - 1, MAX_OUTLINE)
        if level:
            ws.row_dimensions[row].outline_level = level
        if t.summary:
            for cell in ws[row]:
                cell.font = bold
        if r["critical"]:
            red_rows.append(row)
    _finish_sheet(ws, date_cols=range(3, 9), red_rows=red_rows)
    return workbook_bytes(wb)


def _number_or_text(tid: str):
    """MS Project's numeric IDs as numbers (Excel sorts them right), other ids as text."""
    return int(tid) if tid.isdigit() and not tid.startswith("0") else tid


# -- what-if -----------------------------------------------------------------------------------
def whatif_xlsx(base: Schedule, comps: list, names: list, lang: str = "en") -> bytes:
    """The comparison table (a row per figure, a column per scenario) and every moved task."""
    w = WORDS[lang]
    wb = _new_book(base.plan.name, base.project_start)
    labels = [n for n, _s in names]
    ws = _sheet(wb, w["whatif"], [w["metric"], w["baseline"]] + labels,
                [24, 14] + [max(14, min(40, len(x) + 2)) for x in labels], first=True)
    ws.append([w["m_finish"], base.project_finish] + [c.finish for c in comps])
    ws.append([w["m_wd"], 0] + [c.finish_working_days for c in comps])
    ws.append([w["m_cd"], 0] + [c.finish_calendar_days for c in comps])
    ws.append([w["m_dur"], base.project_duration] + [c.duration for c in comps])
    ws.append([w["m_moved"], 0] + [len(c.moved) for c in comps])
    ws.append([w["m_became"], ""] + [", ".join(c.became_critical) for c in comps])
    ws.append([w["m_stopped"], ""] + [", ".join(c.no_longer_critical) for c in comps])
    for cell in ws[2]:
        cell.number_format = DATE_FORMAT
    heads = [w[k] for k in ("scenario", "id", "name", "old_start", "start", "s_change",
                            "old_finish", "finish", "f_change")]
    mv = _sheet(wb, w["moved"], heads, [30, 6, 60, 10, 10, 10, 10, 10, 10])
    for label, c in zip(labels, comps):
        for m in c.moved:
            mv.append([label, _number_or_text(m.id), m.name, m.old_start, m.new_start,
                       m.start_days, m.old_finish, m.new_finish, m.finish_days])
    _finish_sheet(mv, date_cols=(3, 4, 6, 7))
    return workbook_bytes(wb)


# -- resource loads ----------------------------------------------------------------------------
def loads_xlsx(loads: list, sched: Schedule, lang: str = "en") -> bytes:
    """A row per ISO week with each resource's person-days of work and available (weeks with a
    day over capacity in red), and a sheet of the over-allocations."""
    from openpyxl.styles import Font, PatternFill

    w = WORDS[lang]
    wb = _new_book(sched.plan.name, sched.project_start)
    heads = [w["week"], w["monday"]]
    for ld in loads:
        heads += [f"{ld.id} {w['work']}", f"{ld.id} {w['available']}"]
    ws = _sheet(wb, w["load"], heads, [10, 10] + [12] * (2 * len(loads)), first=True)
    weeks: dict = {}
    for k, ld in enumerate(loads):
        for wk in ld.weeks:
            weeks.setdefault((wk.week, wk.monday), {})[k] = wk
    red, fill = Font(color=RED, bold=True), PatternFill("solid", fgColor=CRIT_FILL)
    for (label, monday), cells in sorted(weeks.items()):
        row = [label, monday]
        for k in range(len(loads)):
            wk = cells.get(k)
            row += [wk.work, wk.available] if wk else [None, None]
        ws.append(row)
        for k, wk in cells.items():
            if wk.over:
                for col in (3 + 2 * k, 4 + 2 * k):
                    ws.cell(ws.max_row, col).font = red
                    ws.cell(ws.max_row, col).fill = fill
    for row in ws.iter_rows(min_row=2, min_col=3):
        for cell in row:
            cell.number_format = "0.0##"
    _finish_sheet(ws, date_cols=(1,))
    heads = [w[k] for k in ("resource", "from", "to", "days", "peak", "capacity", "tasks")]
    ov = _sheet(wb, w["over"], heads, [12, 10, 10, 12, 14, 10, 30])
    for ld in loads:
        for o in ld.over:
            ov.append([ld.id, o.first, o.last, o.days, round(o.peak, 6), ld.capacity,
                       ", ".join(o.tasks)])
    _finish_sheet(ov, date_cols=(1, 2))
    return workbook_bytes(wb)
