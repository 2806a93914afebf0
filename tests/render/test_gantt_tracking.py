"""The Gantt chart of a plan followed through the year (docs/tracking.md, docs/gantt.md): the
seed plan at its October 2023 status against its saved baseline.  What each row's layout says
(done part, split gap, late flag, baseline bar), what is drawn, the table's percent column,
the legend in both languages, and that a plan without progress draws as before."""
import datetime as dt
import os

import pytest
from matplotlib.patches import Rectangle

from conftest import ROOT
from gantt_helpers import D, artists, assert_no_overlap, small_plan
from planner.io.baselines_yaml import load_baselines
from planner.io.status_yaml import apply_status, load_status
from planner.render.gantt import build_gantt, gantt_bytes, label_boxes
from planner.schedule import schedule
from planner.tracking import task_states

STATUS = os.path.join(ROOT, "status", "2023-10-31.yaml")
BASELINES = os.path.join(ROOT, "plans", "ssiks_it.baselines.yaml")


@pytest.fixture(scope="module")
def tracked(seed_schedule):
    return schedule(apply_status(seed_schedule.plan, load_status(STATUS)))


@pytest.fixture(scope="module")
def baseline():
    return load_baselines(BASELINES)["baseline"]


@pytest.fixture(scope="module")
def chart(tracked, baseline):
    return build_gantt(tracked, baseline=baseline, status_date=dt.date(2023, 10, 31))


def row(layout, tid):
    return next(r for r in layout.rows if r.task_id == tid)


def test_done_tasks_are_dark_from_their_actual_start_to_their_actual_finish(chart):
    fig, layout = chart
    r = row(layout, "4")                               # done 15 June - 29 August 2023
    assert (r.progress.state, r.progress.percent) == ("done", 100)
    assert (r.x0, r.x1, r.progress.done_x1) == (D(dt.date(2023, 6, 15)),
                                                D(dt.date(2023, 8, 29)) + 1,
                                                D(dt.date(2023, 8, 29)) + 1)
    assert (r.progress.actual_start, r.progress.actual_finish) == (dt.date(2023, 6, 15),
                                                                   dt.date(2023, 8, 29))
    done = artists(fig)[f"done-{r.row}"]
    assert (done.get_x(), done.get_x() + done.get_width()) == (r.x0, r.x1)


def test_a_started_task_is_dark_up_to_the_work_done(chart):
    fig, layout = chart
    r = row(layout, "12")          # started 16 October, 12 days done to the 31st, 3 days left
    p = r.progress
    assert (p.state, p.percent, p.gap) == ("started", 80, None)
    assert p.done_x1 == D(dt.date(2023, 10, 31)) + 1
    assert r.x1 == D(dt.date(2023, 11, 3)) + 1
    assert f"done-{r.row}" in artists(fig) and f"split-{r.row}" not in artists(fig)


def test_a_task_split_at_the_status_date_has_a_gap_with_a_thin_line(chart):
    fig, layout = chart
    r = row(layout, "14")   # 1 of 15 days done on 23 October; the rest waits for task 13
    p = r.progress
    assert p.gap == (D(dt.date(2023, 10, 23)) + 1, D(dt.date(2023, 11, 13)))
    drawn = artists(fig)
    first, rest, line = (drawn[f"bar-{r.row}"], drawn[f"bar-{r.row}-rest"],
                         drawn[f"split-{r.row}"])
    assert (first.get_x(), first.get_x() + first.get_width()) == (r.x0, p.gap[0])
    assert (rest.get_x(), rest.get_x() + rest.get_width()) == (p.gap[1], r.x1)
    assert (line.get_x(), line.get_x() + line.get_width()) == p.gap
    assert line.get_height() < first.get_height() / 4


def test_late_tasks_are_outlined(tracked, baseline, chart):
    fig, layout = chart
    states = task_states(tracked, baseline)
    drawn = artists(fig)
    late = [r.task_id for r in layout.rows if r.progress.late]
    assert late == [t.id for t, s in zip(tracked.plan.tasks, states) if s == "late"]
    assert {"12", "13", "14"} <= set(late)
    for r in layout.rows:
        outlined = f"late-{r.row}" in drawn
        assert outlined == (r.progress.late and r.kind != "summary"), r.task_id
    assert drawn[f"late-{row(layout, '13').row}"].get_facecolor()[3] == 0   # an outline only


def test_the_baseline_is_a_grey_bar_under_each_task(chart, baseline):
    fig, layout = chart
    r = row(layout, "9")
    b = baseline.tasks["9"]
    assert r.baseline == (D(b.start), D(b.finish) + 1)
    ghost = artists(fig, Rectangle)[f"baseline-{r.row}"]
    bar = artists(fig, Rectangle)[f"bar-{r.row}"]
    assert ghost.get_y() > bar.get_y() and ghost.get_height() < bar.get_height()
    assert layout.finish_change == (20, 61)
    assert layout.title[2].startswith("Grunnplan: slutt fredag 28. juni 2024")


def test_the_table_shows_percent_complete_and_the_actual_dates(chart):
    fig, _layout = chart
    texts = {t for coll in fig.axes[1].collections for t in getattr(coll, "planner_labels", [])}
    assert {"Utført", "100 %", "80 %", "7 %", "0 %"} <= texts | {
        t.get_text() for ax in fig.axes for t in ax.texts}
    assert "15.06.23" in texts and "29.08.23" in texts          # task 4's actual dates


def test_the_legend_names_every_new_symbol_in_both_languages(tracked, baseline):
    for lang, words in (("nb", ["Utført arbeid", "Opphold: resten etter statusdato",
                                "Forsinket mot grunnplanen", "Statusdato",
                                "Grunnplan"]),
                        ("en", ["Work done", "Gap: the rest after the status date",
                                "Late against the baseline", "Status date",
                                "Baseline"])):
        fig, _ = build_gantt(tracked, baseline=baseline, lang=lang,
                             status_date=dt.date(2023, 10, 31))
        labels = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
        for w in words:
            assert w in labels, (lang, w)


def test_without_a_baseline_late_is_against_the_plan(tracked):
    _fig, layout = build_gantt(tracked, status_date=dt.date(2023, 10, 31))
    assert all(r.baseline is None for r in layout.rows)
    fig, _ = build_gantt(tracked)
    labels = [t.get_text() for leg in fig.legends for t in leg.get_texts()]
    assert "Forsinket mot planen" in labels and "Grunnplan" not in labels


def test_no_two_labels_overlap_on_the_tracked_chart(chart):
    fig, _ = chart
    assert_no_overlap(label_boxes(fig))


def test_a_plan_without_progress_draws_no_progress(seed_schedule):
    fig, layout = build_gantt(seed_schedule, status_date=dt.date(2023, 10, 31))
    assert all(r.progress is None for r in layout.rows)
    gids = artists(fig)
    assert not [g for g in gids if g.startswith(("done-", "split-", "late-"))]
    texts = {t for coll in fig.axes[1].collections for t in getattr(coll, "planner_labels", [])}
    assert "Utført" not in texts and "0 %" not in texts


def test_the_tracked_chart_is_deterministic(tracked, baseline):
    a, _ = gantt_bytes(tracked, "svg", baseline=baseline)
    b, _ = gantt_bytes(tracked, "svg", baseline=baseline)
    assert a == b


def test_a_saved_baselines_milestone_sits_where_the_schedule_has_it_on_the_same_day():
    from planner.tracking import baseline_of

    sched = small_plan()
    base = baseline_of(sched)
    _fig, layout = build_gantt(sched, baseline=base)
    for r in layout.rows:
        if r.kind == "milestone":
            assert r.baseline == (r.x0, r.x0), r.task_id
        elif r.kind == "task":
            assert r.baseline == (float(D(r.start)), float(D(r.finish) + 1)), r.task_id


def test_planner_gantt_status_and_baseline(tmp_path, tracked, baseline):
    from conftest import SEED_PLAN, run_cli

    out = tmp_path / "oktober.png"
    code, _out, err = run_cli("gantt", SEED_PLAN, "--status", STATUS, "--baseline", "baseline",
                              "-o", str(out))
    assert code == 0, err
    data, _layout = gantt_bytes(tracked, "png", baseline=baseline,
                                status_date=dt.date(2023, 10, 31))
    assert out.read_bytes() == data
    code, _out, err = run_cli("gantt", SEED_PLAN, "--baseline", "baseline9", "-o",
                              str(tmp_path / "x.png"))
    assert code == 2 and "no baseline 'baseline9'" in err
    assert not (tmp_path / "x.png").exists()


def test_no_line_up_the_header_strikes_through_a_label(chart):
    # the finish label (28.08.24, upper lane) stands across the baseline's finish line (28.06,
    # its label in the lower lane): that line stops at the top of the lower lane
    fig, layout = chart
    head = fig.axes[2]
    top = head.get_ylim()[1]
    labels = {e[0].split()[0]: e for e in layout.event_labels}
    assert labels["Prosjektslutt"][3] > labels["Grunnplan"][3]
    dashed = [ln for ln in head.get_lines()
              if ln.get_color() == "#555555" and ln.get_linestyle() == "--"]
    assert len(dashed) == 1 and max(dashed[0].get_ydata()) < top
    finish_line = [ln for ln in head.get_lines() if ln.get_color() == "#1a1a1a"]
    assert max(finish_line[0].get_ydata()) == top
