"""Gantt charts: what is drawn where (bars against the schedule's dates, colours, glyphs,
shading, header words), the files (valid PNG/SVG/PDF of the right size, deterministic), the
page sizing, labels that never overlap, the baseline comparison and the command line."""
import dataclasses
import datetime as dt
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle

from conftest import ROOT, SEED_PLAN, run_cli
from planner.io.yaml_plan import plan_from_data
from planner.render import gantt
from planner.render.gantt import (COLORS, PAPER, build_gantt, gantt_bytes, key_x, label_boxes,
                                  render_gantt)
from planner.schedule import schedule

D = dt.date.toordinal


@pytest.fixture(scope="module")
def seed_chart(seed_schedule):
    return build_gantt(seed_schedule)


def artists(fig, kind=None):
    chart = fig.axes[0]
    out = {}
    for a in chart.get_children():
        gid = a.get_gid()
        if gid and (kind is None or isinstance(a, kind)):
            out[gid] = a
    return out


def header_texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def small_plan(extra_project="", tasks=None):
    tasks = tasks or [
        {"id": "A", "name": "Forprosjekt", "tasks": [
            {"id": "a1", "name": "Oppstart", "duration": 0},
            {"id": "a2", "name": "Kartlegging", "duration": 20, "predecessors": "a1"},
            {"id": "a3", "name": "Analyse $x$ og 50% mer", "duration": 15,
             "predecessors": "a2SS+5"},
            {"id": "a4", "name": "Beslutning tatt", "duration": 0, "predecessors": "a3"}]},
        {"id": "B", "name": "Gjennomføring", "tasks": [
            {"id": "b1", "name": "Anskaffelse", "duration": 40, "predecessors": "a4"},
            {"id": "b2", "name": "Opplæring", "duration": 10, "predecessors": "b1FF"},
            {"id": "b3", "name": "Innføring", "duration": 25, "predecessors": "b1FS-5"}]},
        {"id": "C", "name": "Uavhengig arbeid", "duration": 30}]
    data = {"project": {"name": "Liten plan", "start": "2024-06-03",
                        "calendar": {"base": "norway", "seasons": ["summer", "romjul"]}},
            "tasks": tasks}
    if extra_project:
        data["project"].update(extra_project)
    return schedule(plan_from_data(data))


def generated_plan(n_phases, per_phase, name_len=1):
    """Phases of chained tasks, every fifth a milestone, some long names."""
    phases, k = [], 0
    for p in range(n_phases):
        kids = []
        for j in range(per_phase):
            k += 1
            t = {"id": f"t{k}", "name": " ".join(["Aktivitet", str(k)] + ["med et langt navn"]
                                                 * (name_len if j % 7 == 3 else 0)),
                 "duration": 0 if j % 5 == 4 else 3 + (k * 7) % 17}
            if j:
                t["predecessors"] = kids[-1]["id"] + ("" if j % 3 else "SS+2")
            elif phases:
                t["predecessors"] = phases[-1]["tasks"][-1]["id"]
            kids.append(t)
        phases.append({"id": f"P{p + 1}", "name": f"Fase {p + 1}", "tasks": kids})
    return schedule(plan_from_data({
        "project": {"name": "Generert", "start": "2024-01-08",
                    "calendar": {"base": "norway",
                                 "seasons": ["summer", "romjul", "easter_week"]}},
        "tasks": phases}))


def assert_no_overlap(boxes):
    """No two label boxes intersect (touching is fine)."""
    boxes = sorted(boxes, key=lambda b: b[1][0])
    active = []
    for text, (x0, y0, x1, y1) in boxes:
        active = [a for a in active if a[1][2] > x0 + 0.01]
        for other, (ax0, ay0, ax1, ay1) in active:
            overlap_y = min(y1, ay1) - max(y0, ay0)
            assert overlap_y <= 0.01, f"{text!r} overlaps {other!r}"
        active.append((text, (x0, y0, x1, y1)))


# -- bars against the schedule ---------------------------------------------------------------------
def test_bars_span_the_scheduled_days(seed_schedule, seed_chart):
    fig, layout = seed_chart
    s = seed_schedule
    bars = artists(fig, Rectangle)
    summaries = artists(fig, Polygon)
    assert len(layout.rows) == 54
    for i, t in enumerate(s.plan.tasks):
        start, finish = s.date(s.start[i]), s.date(s.finish[i])
        row = layout.rows[i]
        assert (row.task_id, row.start, row.finish) == (t.id, start, finish)
        # a bar runs from the start of its first day to the end of its last
        assert (row.x0, row.x1) == (D(start), D(finish) + 1)
        if t.summary:
            xs = [x for x, _ in summaries[f"summary-{i}"].get_xy()]
            assert (min(xs), max(xs)) == (D(start), D(finish) + 1)
        else:
            bar = bars[f"bar-{i}"]
            assert bar.get_x() == D(start)
            assert bar.get_x() + bar.get_width() == D(finish) + 1
            assert bar.get_y() < i < bar.get_y() + bar.get_height()    # in its own row
    # spot checks against the report's table: task 24 Tue 05.12.23 - Fri 10.05.24
    r24 = layout.rows[23]
    assert (r24.x0, r24.x1) == (D(dt.date(2023, 12, 5)), D(dt.date(2024, 5, 11)))


def test_critical_bars_are_red_and_others_blue(seed_schedule, seed_chart):
    fig, layout = seed_chart
    bars = artists(fig, Rectangle)
    crit = {t.id for i, t in enumerate(seed_schedule.plan.tasks) if seed_schedule.critical[i]}
    assert {"24", "26", "54"} <= crit and "25" not in crit
    for r in layout.rows:
        if r.kind != "task":
            continue
        colour = to_hex(bars[f"bar-{r.row}"].get_facecolor())
        assert colour == (COLORS["critical"] if r.task_id in crit else COLORS["normal"]), r.task_id


def test_summary_bars_for_the_three_phases(seed_chart):
    fig, layout = seed_chart
    assert layout.phases == ["3", "19", "40"]
    summaries = artists(fig, Polygon)
    assert sorted(summaries) == ["summary-0", "summary-18", "summary-2", "summary-39"]
    for gid, poly in summaries.items():
        assert to_hex(poly.get_facecolor()) == COLORS["summary"]
        assert len(poly.get_xy()) >= 6              # a bar with a point at each end
    # each phase is named on the chart beside its bar, in bold
    phase_labels = {t.get_text(): t for t in fig.axes[0].texts if (t.get_gid() or "")
                    .startswith("phase-")}
    assert set(phase_labels) == {"Design fasen - vurdere og beslutte",
                                 "Operasjonalisering av SSIKS-IT",
                                 "Operasjonalisering av Digitaliserings- og IT-strategien"}
    assert all(t.get_fontweight() == "bold" for t in phase_labels.values())


def test_total_float_is_a_tail_to_the_late_finish(seed_schedule, seed_chart):
    fig, layout = seed_chart
    s = seed_schedule
    tails = {gid: a for gid, a in artists(fig, Rectangle).items() if gid.startswith("float-")}
    with_float = [i for i in range(54) if s.total_float[i] > 0]
    assert sorted(tails) == sorted(f"float-{i}" for i in with_float)
    i = s.i("15")                                   # 145 days of float, late finish 28.06.24
    tail = tails[f"float-{i}"]
    assert tail.get_x() == D(dt.date(2023, 11, 16)) + 1
    assert tail.get_x() + tail.get_width() == D(s.date(s.lf[i])) + 1 == D(dt.date(2024, 6, 29))
    assert tail.get_height() < 0.15                 # thin, not a bar
    assert layout.rows[s.i("24")].float_x1 is None  # critical: no tail


def test_milestones_are_diamonds_at_their_instant():
    s = small_plan()
    fig, layout = build_gantt(s)
    marks = artists(fig, Line2D)
    for tid in ("a1", "a4"):
        i = s.i(tid)
        m = marks[f"milestone-{i}"]
        assert m.get_marker() == "D"
        # a1 sits at 08:00 on the first day, a4 at 16:00 on a3's last day (its end)
        assert m.get_xdata()[0] == key_x(s, s.start[i]) == layout.rows[i].x0
    assert layout.rows[s.i("a1")].x0 == D(dt.date(2024, 6, 3))
    assert layout.rows[s.i("a4")].x0 == D(s.date(s.finish[s.i("a3")])) + 1
    assert to_hex(marks[f"milestone-{s.i('a4')}"].get_markerfacecolor()) == COLORS["critical"]


def test_deadlines_are_arrows_green_when_kept_red_when_missed():
    plain = small_plan()
    tasks = [{"id": "k", "name": "Kept", "duration": 10, "deadline": "2024-06-28"},
             {"id": "m", "name": "Missed", "duration": 10, "predecessors": "k",
              "deadline": "2024-06-20"}]
    s = small_plan(tasks=tasks)
    fig, layout = build_gantt(s, lang="nb")
    marks = artists(fig, Line2D)
    for tid, day, colour in (("k", dt.date(2024, 6, 28), "deadline"),
                             ("m", dt.date(2024, 6, 20), "deadline_missed")):
        i = s.i(tid)
        m = marks[f"deadline-{i}"]
        assert m.get_marker() == "v"
        assert m.get_xdata()[0] == D(day) + 1 == layout.rows[i].deadline_x   # end of the day
        assert to_hex(m.get_markerfacecolor()) == COLORS[colour]
    # k finishes Fri 14.06, before its deadline; m finishes Fri 28.06, after it
    assert layout.rows[s.i("k")].x1 <= layout.rows[s.i("k")].deadline_x
    assert layout.rows[s.i("m")].x1 > layout.rows[s.i("m")].deadline_x
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "Frist" in legend
    fig2, _ = build_gantt(plain)
    assert "Frist" not in [t.get_text() for t in fig2.legends[0].get_texts()]
    assert not any(g.startswith("deadline-") for g in artists(fig2))


def test_levelling_delay_is_a_thin_line_before_the_bar():
    tasks = [{"id": "a", "name": "A", "duration": 5},
             {"id": "b", "name": "B", "duration": 5, "predecessors": "a", "leveling_delay": 3}]
    s = small_plan(tasks=tasks)
    fig, layout = build_gantt(s, lang="en")
    i = s.i("b")
    line = artists(fig, Rectangle)[f"delay-{i}"]
    # a: Mon 03.06 - Fri 07.06; b would start Mon 10.06, waits 3 working days: Thu 13.06
    assert s.date(s.start[i]) == dt.date(2024, 6, 13)
    assert line.get_x() == D(dt.date(2024, 6, 10)) == layout.rows[i].delay_x0
    assert line.get_x() + line.get_width() == layout.rows[i].x0 == D(dt.date(2024, 6, 13))
    assert layout.rows[s.i("a")].delay_x0 is None
    assert "Levelling delay" in [t.get_text() for t in fig.legends[0].get_texts()]


# -- calendar shading and words --------------------------------------------------------------------
def test_holidays_and_seasons_are_shaded(seed_chart):
    fig, layout = seed_chart
    spans = {(dt.date.fromordinal(int(a)), dt.date.fromordinal(int(b) - 1), name, kind)
             for a, b, name, kind, _whole in layout.shading}
    # July 2023 (with its weekends), romjul and Easter week; 17 May a public holiday
    assert (dt.date(2023, 7, 1), dt.date(2023, 7, 31), "Fellesferie (juli)", "season") in spans
    assert (dt.date(2023, 12, 27), dt.date(2023, 12, 31), "Romjul", "season") in spans
    assert (dt.date(2024, 5, 17), dt.date(2024, 5, 17), "Grunnlovsdag", "holiday") in spans
    shaded = artists(fig, PolyCollection)["shading-season"]
    xs = sorted({round(p.vertices[:, 0].min()) for p in shaded.get_paths()})
    assert D(dt.date(2023, 7, 1)) in xs
    # the summer break is named above the chart
    assert "Fellesferie" in [e[0] for e in layout.event_labels]


def test_norwegian_and_english_words_without_the_locale(seed_schedule, seed_chart):
    import locale

    fig, layout = seed_chart
    words = header_texts(fig)
    # A3 has room for three-letter months: Norwegian ones, not the locale's
    assert {"jun", "jul", "aug", "okt", "des", "mai", "2023", "2024"} <= set(words)
    assert {"ID", "Aktivitet", "Varighet", "Start", "Slutt", "uke"} <= set(words)
    assert layout.title[0] == seed_schedule.plan.name
    assert layout.title[1].startswith("Slutt fredag 28. juni 2024")
    assert "kritisk linje 236 arbeidsdager" in layout.title[1]
    old = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        fig_en, layout_en = build_gantt(seed_schedule, lang="en")
    finally:
        locale.setlocale(locale.LC_TIME, old)
    words_en = header_texts(fig_en)
    assert {"Jun", "Oct", "Dec", "May", "Task", "Duration", "Finish"} <= set(words_en)
    assert "okt" not in words_en and "des" not in words_en
    assert layout_en.title[1].startswith("Finish Friday 28 June 2024")
    assert "critical path 236 working days" in layout_en.title[1]


def test_status_date_line_and_finish_line(seed_schedule, tmp_path):
    fig, layout = build_gantt(seed_schedule, status_date=dt.date(2024, 1, 15))
    marks = artists(fig, Line2D)
    assert list(marks["status-line"].get_xdata()) == [D(dt.date(2024, 1, 16))] * 2
    assert list(marks["finish-line"].get_xdata()) == [D(dt.date(2024, 6, 29))] * 2
    labels = [e[0] for e in layout.event_labels]
    assert "Statusdato 15.01.24" in labels and "Prosjektslutt 28.06.24" in labels
    # without one there is no status line; the plan's own status date is the default
    assert "status-line" not in artists(build_gantt(seed_schedule)[0], Line2D)
    s = small_plan({"status_date": "2024-08-20"})
    assert render_gantt(s, str(tmp_path / "s.png")).status_x == D(dt.date(2024, 8, 21))


def test_dependency_arrows(seed_schedule):
    fig, layout = build_gantt(seed_schedule, links=True)
    n_links = sum(len(t.predecessors) for t in seed_schedule.plan.tasks)
    assert layout.links == n_links == 51
    segs = [seg for c in fig.axes[0].collections if isinstance(c, LineCollection)
            and (c.get_gid() or "").startswith("links-") for seg in c.get_segments()]
    assert len(segs) == 51
    # 4 -> 6 (FS, critical): leaves 4's finish and ends on 6's start, in 6's row
    r4, r6 = layout.rows[3], layout.rows[5]
    seg = next(s for s in segs if s[0][0] == r4.x1 and s[0][1] == 3 and 5 - 0.5 < s[-1][1] < 5.5)
    assert r6.x0 <= seg[-1][0] <= r6.x0 + 3


# -- the baseline comparison -----------------------------------------------------------------------
def delayed(seed_schedule, task="24", days=120):
    plan = seed_schedule.plan
    tasks = [dataclasses.replace(t, duration=days) if t.id == task else t for t in plan.tasks]
    return schedule(dataclasses.replace(plan, tasks=tasks))


def test_baseline_ghost_bars_and_finish_change_in_the_title(seed_schedule):
    current = delayed(seed_schedule)
    fig, layout = build_gantt(current, baseline=seed_schedule, scenario_label="rekruttering")
    assert current.project_finish == dt.date(2024, 8, 28)
    # 28.06 -> 28.08.2024: 61 calendar days, 20 working days (July is the summer break)
    assert layout.finish_change == (20, 61)
    assert layout.title[0].endswith("Scenario: rekruttering")
    assert "Grunnplan: slutt fredag 28. juni 2024" in layout.title[2]
    assert "+20 arbeidsdager (+61 kalenderdager)" in layout.title[2]
    assert "kritisk linje 236 → 256 arbeidsdager" in layout.title[2]
    # the baseline's finish is a dashed line, named above the chart
    line = artists(fig, Line2D)["baseline-finish-line"]
    assert list(line.get_xdata()) == [D(dt.date(2024, 6, 29))] * 2
    assert "Grunnplan 28.06.24" in [e[0] for e in layout.event_labels]
    ghosts = {g: a for g, a in artists(fig, Rectangle).items() if g.startswith("baseline-")}
    assert len(ghosts) == 54
    b = seed_schedule
    for tid in ("24", "26", "1"):
        i = current.i(tid)
        g = ghosts[f"baseline-{i}"]
        assert g.get_x() == D(b.date(b.start[i]))
        assert g.get_x() + g.get_width() == D(b.date(b.finish[i])) + 1
        assert to_hex(g.get_facecolor()) == COLORS["baseline"]
        bar = artists(fig)[f"bar-{i}" if not current.plan.tasks[i].summary else f"summary-{i}"]
        assert g.get_zorder() < bar.get_zorder()            # under the current bar
    # the moved task is drawn where the scenario puts it, its ghost where it was
    r26 = layout.rows[current.i("26")]
    assert r26.start == dt.date(2024, 6, 12) and r26.baseline[0] == D(dt.date(2024, 5, 13))
    # an earlier finish is reported as a negative change
    _fig, back = build_gantt(seed_schedule, baseline=current, lang="en")
    assert back.finish_change == (-20, -61)
    assert "-20 working days (-61 calendar days)" in back.title[2]


# -- files -----------------------------------------------------------------------------------------
def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_png_is_one_a3_page_at_150_dpi(tmp_path, seed_schedule):
    out = tmp_path / "seed.png"
    layout = render_gantt(seed_schedule, str(out))
    data = out.read_bytes()
    assert (layout.width_in, layout.height_in) == PAPER["A3"]         # fits one A3 page
    assert png_size(data) == layout.pixels == (2481, 1753)
    assert b"pHYs" in data and b"Software" in data
    assert layout.font_size >= 7.0 and layout.row_height_in >= 0.16
    assert not any(r.truncated for r in layout.rows)                  # no name shortened
    layout200 = render_gantt(seed_schedule, str(out), dpi=200)
    assert png_size(out.read_bytes()) == layout200.pixels == (3308, 2338)


def test_svg_and_pdf_are_valid_and_deterministic(tmp_path, seed_schedule):
    svg1, lay = gantt_bytes(seed_schedule, "svg", links=True)
    svg2, _ = gantt_bytes(seed_schedule, "svg", links=True)
    assert svg1 == svg2
    root = ET.fromstring(svg1)
    assert root.tag.endswith("svg")
    assert (root.get("width"), root.get("height")) == ("1190.88pt", "841.68pt")   # A3 landscape
    titles = [e.text for e in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith("10 Beslutning om tittel, stillingsbrøk, rapporteringsvei og "
                            "mandat for Digitaliseringssjefene (2023-09-22") for t in titles)
    assert b"<dc:date>" not in svg1
    pdf1, _ = gantt_bytes(seed_schedule, "pdf")
    pdf2, _ = gantt_bytes(seed_schedule, "pdf")
    assert pdf1 == pdf2 and pdf1.startswith(b"%PDF-") and pdf1.rstrip().endswith(b"%%EOF")
    assert re.search(rb"/MediaBox \[ ?0 0 1190\.88 841\.68 ?\]", pdf1)
    assert b"/CreationDate" not in pdf1
    png1, _ = gantt_bytes(seed_schedule, "png", status_date=dt.date(2024, 1, 15))
    png2, _ = gantt_bytes(seed_schedule, "png", status_date=dt.date(2024, 1, 15))
    assert png1 == png2


def test_file_is_written_whole_or_not_at_all(tmp_path, seed_schedule):
    from planner.errors import PlanError

    with pytest.raises(PlanError, match="must end in .png, .svg or .pdf"):
        render_gantt(seed_schedule, str(tmp_path / "chart.jpg"))
    assert list(tmp_path.iterdir()) == []


# -- sizes and labels ------------------------------------------------------------------------------
def test_labels_never_overlap(seed_schedule):
    current = delayed(seed_schedule)
    cases = [
        build_gantt(seed_schedule)[0],
        build_gantt(seed_schedule, fmt="svg", status_date=dt.date(2024, 1, 15))[0],
        build_gantt(current, baseline=seed_schedule, links=True, lang="en",
                    status_date=dt.date(2023, 12, 28), scenario_label="delay")[0],
        build_gantt(seed_schedule, paper="A4")[0],
        build_gantt(generated_plan(6, 40, name_len=8), status_date=dt.date(2024, 7, 1))[0],
    ]
    for fig in cases:
        boxes = label_boxes(fig)
        assert len(boxes) > 100
        assert_no_overlap(boxes)


def test_height_grows_with_the_task_count_and_long_names_are_shortened(seed_schedule):
    _f, small = build_gantt(generated_plan(2, 10))
    assert small.height_in == PAPER["A3"][1] and small.row_height_in > 0.16
    _f, big = build_gantt(generated_plan(4, 75, name_len=12))
    assert big.row_height_in == 0.16 and big.height_in > 304 * 0.16 > PAPER["A3"][1]
    long_rows = [r for r in big.rows if r.truncated]
    assert long_rows and all(r.label.endswith("…") for r in long_rows)
    fig, a4 = build_gantt(seed_schedule, paper="A4", max_name_chars=40)
    r10 = a4.rows[9]
    assert r10.truncated and len(r10.label) <= 40 and r10.label.endswith("…")
    # the full names of shortened rows are listed under the legend
    notes = [t.get_text() for t in fig.texts]
    assert "Forkortede navn:" in notes
    assert ("10: Beslutning om tittel, stillingsbrøk, rapporteringsvei og mandat for "
            "Digitaliseringssjefene") in notes


def test_names_are_drawn_literally(tmp_path):
    s = small_plan()
    svg, _ = gantt_bytes(s, "svg")
    assert "Analyse $x$ og 50% mer" in svg.decode()          # in the tooltip, not as math
    fig, _ = build_gantt(s, fmt="svg")
    assert "Analyse $x$ og 50% mer" in [t.get_text() for t in fig.axes[1].texts]


def test_huge_png_gets_a_lower_resolution(monkeypatch, tmp_path):
    monkeypatch.setattr(gantt, "MAX_PIXELS", 6_000_000)
    s = generated_plan(2, 10)
    out = tmp_path / "g.png"
    layout = render_gantt(s, str(out), dpi=300)
    assert layout.dpi_reduced and layout.dpi < 300
    w, h = png_size(out.read_bytes())
    assert (w, h) == layout.pixels and w * h <= 6_000_000


# -- the command line ------------------------------------------------------------------------------
def test_cli_writes_the_chart(tmp_path):
    out = tmp_path / "plan.png"
    code, stdout, err = run_cli("gantt", SEED_PLAN, "-o", str(out), "--links",
                                "--status-date", "2024-01-15")
    assert code == 0, err
    assert png_size(out.read_bytes()) == (2481, 1753)
    assert stdout == "" and err.strip() == f"{out}: 54 tasks, 2481 x 1753 px at 150 dpi"
    pdf = tmp_path / "plan.pdf"
    assert run_cli("gantt", SEED_PLAN, "-o", str(pdf), "--lang", "en", "--paper", "a2")[0] == 0
    assert re.search(rb"/MediaBox \[ ?0 0 1684\.08 1190\.88 ?\]", pdf.read_bytes())


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/x.jpg"], "must end in .png, .svg or .pdf"),
    (["-o", "{tmp}/x.png", "--status-date", "15.13.2024"], "--status-date: '15.13.2024' is not"),
    (["-o", "{tmp}/missing/x.png"], "cannot write"),
])
def test_cli_bad_input_exits_2_without_a_file(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    code, out, err = run_cli("gantt", SEED_PLAN, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_matplotlib_is_imported_only_by_the_gantt_command():
    code = ("import sys, planner.cli, planner.render\n"
            "sys.stderr.write(repr('matplotlib' in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr.strip() == "False", proc.stderr


def test_cli_draws_a_scenario_over_its_baseline(tmp_path):
    out = tmp_path / "whatif.svg"
    code, _out, err = run_cli("gantt", SEED_PLAN, "--set", "16.duration=60", "-o", str(out),
                              "--lang", "en")
    assert code == 0, err
    svg = out.read_text(encoding="utf-8")
    # the title names the scenario and the finish change that `planner whatif` reports
    assert "Scenario: - -set 16.duration=60" in svg      # (an SVG comment cannot hold "--")
    assert "change +20 working days (+61 calendar days)" in svg
    code, _out, err = run_cli("gantt", SEED_PLAN, "--set", "99.duration=60", "-o",
                              str(tmp_path / "x.png"))
    assert code == 2 and "no task '99'" in err and not (tmp_path / "x.png").exists()
