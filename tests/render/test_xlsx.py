"""Excel output read back with openpyxl: date cells and formats, numbers, outline grouping,
frozen header, critical rows, identical bytes; and the excel-nb CSV dialect."""
import csv
import datetime as dt
import io
import time

import openpyxl
import pytest

from conftest import SEED_PLAN
from planner.io.yaml_plan import load_plan
from planner.level import resource_loads
from planner.render.levelling import loads_to_csv
from planner.render.table import render_csv
from planner.render.xlsx import loads_xlsx, schedule_xlsx, whatif_xlsx
from planner.scenario import apply_changes, compare
from planner.io.scenario_yaml import parse_set
from planner.schedule import schedule

D = dt.datetime


@pytest.fixture(scope="module")
def sched():
    return schedule(load_plan(SEED_PLAN))


def _book(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _red(cell) -> bool:
    color = cell.font.color
    return color is not None and isinstance(color.rgb, str) and color.rgb.endswith("C00000")


def _rows(ws):
    return {r[0].value: r for r in ws.iter_rows(min_row=2)}


def test_schedule_workbook_cells(sched):
    data = schedule_xlsx(sched, "nb")
    wb = _book(data)
    ws = wb["Tidsplan"]
    assert [c.value for c in ws[1]][:5] == ["ID", "Aktivitet", "Varighet (dager)", "Start",
                                            "Slutt"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:M55"
    rows = _rows(ws)
    r4 = rows[4]
    assert r4[1].value == "Gjennomgang og vurdering av Tellmanns analyse og anbefalinger"
    assert r4[2].value == 30 and isinstance(r4[2].value, int)
    assert r4[3].value == D(2023, 6, 15) and r4[3].number_format == "dd.mm.yy"
    assert r4[4].value == D(2023, 8, 24) and r4[4].is_date
    assert r4[11].value == "ja" and _red(r4[0]) and _red(r4[1])      # critical: red
    r15 = rows[15]
    assert r15[9].value == 145 and r15[11].value == "nei" and not _red(r15[0])
    assert rows[1][2].value == 236 and rows[1][4].value == D(2024, 6, 28)
    assert rows[49][12].value == "48FS-12"


def test_schedule_workbook_groups_summaries_over_their_tasks(sched):
    ws = _book(schedule_xlsx(sched, "en"))["Schedule"]
    plan = sched.plan
    assert ws.sheet_properties.outlinePr.summaryBelow is False
    for row, t in enumerate(plan.tasks, start=2):
        assert (ws.row_dimensions[row].outline_level or 0) == t.outline_level - 1
        assert bool(ws.cell(row, 2).font.bold) == t.summary
        assert (ws.cell(row, 2).alignment.indent or 0) == t.outline_level - 1
    assert max(t.outline_level for t in plan.tasks) >= 3


def test_same_input_same_bytes(sched):
    a = schedule_xlsx(sched, "nb")
    time.sleep(1.1)                        # a zip time stamp from the clock would differ now
    assert schedule_xlsx(sched, "nb") == a
    props = _book(a).properties
    assert props.created == props.modified == D(2023, 6, 14) and props.creator == "planner"


def test_whatif_workbook(sched):
    changes = [parse_set("24.duration=+40")]
    alt = schedule(apply_changes(sched.plan, changes))
    comp = compare(sched, alt, "slow")
    wb = _book(whatif_xlsx(sched, [comp], [("slow", alt.project_start)], "en"))
    ws = wb["What-if"]
    assert [c.value for c in ws[1]] == [None, "baseline", "slow"]
    assert [c.value for c in ws[2]] == ["Finish", D(2024, 6, 28), D(2024, 9, 25)]
    assert ws["C2"].number_format == "dd.mm.yy"
    assert [c.value for c in ws[3]] == ["Change, working days", 0, 40]
    mv = wb["Moved"]
    assert mv.max_row - 1 == len(comp.moved) > 1
    m24 = next(m for m in comp.moved if m.id == "24")
    row24 = next(r for r in mv.iter_rows(min_row=2) if r[1].value == 24)
    assert [c.value for c in row24[3:9]] == [
        D.combine(m24.old_start, dt.time()), D.combine(m24.new_start, dt.time()), 0,
        D.combine(m24.old_finish, dt.time()), D.combine(m24.new_finish, dt.time()), 40]
    assert row24[6].number_format == "dd.mm.yy"


def test_load_workbook(sched):
    loads = resource_loads(sched)
    wb = _book(loads_xlsx(loads, sched, "nb"))
    ws = wb["Belastning"]
    assert [c.value for c in ws[1]][:4] == ["Uke", "Mandag", "kd arbeid", "kd tilgjengelig"]
    first = ws[2]
    assert first[0].value == "2023-W24" and first[1].value == D(2023, 6, 12)
    assert first[1].number_format == "dd.mm.yy"
    assert (first[2].value, first[3].value) == (1, 3)
    over = wb["Overbelastning"]
    expected = [(ld.id, o) for ld in loads for o in ld.over]
    assert over.max_row - 1 == len(expected) == 3
    got = [r for r in over.iter_rows(min_row=2)]
    for (rid, o), r in zip(expected, got):
        assert r[0].value == rid and r[1].value.date() == o.first and r[3].value == o.days
    red = {(r[0].value, c.column) for r in ws.iter_rows(min_row=2) for c in r[2:] if _red(c)}
    over_weeks = {(w.week, 3 + 2 * k + j) for k, ld in enumerate(loads) for w in ld.weeks
                  if w.over for j in (0, 1)}
    assert red == over_weeks and red


def test_excel_nb_csv(sched):
    text = render_csv(sched, dialect="excel-nb")
    assert text.startswith("\ufeffid;name;outline_level;")
    assert "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    r4 = next(r for r in rows if r[0] == "4")
    assert r4[6:8] == ["15.06.2023", "24.08.2023"]
    load = loads_to_csv(resource_loads(sched), dialect="excel-nb")
    rows = list(csv.reader(io.StringIO(load[1:]), delimiter=";"))
    assert rows[0][:3] == ["resource", "week", "monday"]
    assert ["kd", "2023-W24", "12.06.2023", "1", "3", "0,5", "0"] in rows
    assert render_csv(sched).startswith("id,name,")          # the plain dialect stays
