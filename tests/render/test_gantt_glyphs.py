"""Gantt glyphs against the schedule: bars from the start of the first day to the end of the
last, colours, summary bars and phase names, float tails, milestones, deadlines, levelling
delays, dependency arrows and the baseline's ghost bars with the finish change in the title."""
import datetime as dt

from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle

from gantt_helpers import D, artists, delayed, seed_chart, small_plan  # noqa: F401 (fixture)
from planner.render.gantt import COLORS, build_gantt, key_x


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
