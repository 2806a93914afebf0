"""The Gantt page's layout: labels that never overlap, the page growing with the rows, long
names shortened and listed, names drawn literally, the PNG resolution lowered for huge charts."""
import datetime as dt

import pytest

from gantt_helpers import (assert_no_overlap, delayed, generated_plan, png_size,
                           small_plan)
from planner.render.gantt import PAPER, build_gantt, gantt_bytes, label_boxes, render_gantt
from planner.render.gantt import page as gantt_page


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
    monkeypatch.setattr(gantt_page, "MAX_PIXELS", 6_000_000)
    s = generated_plan(2, 10)
    out = tmp_path / "g.png"
    layout = render_gantt(s, str(out), dpi=300)
    assert layout.dpi_reduced and layout.dpi < 300
    w, h = png_size(out.read_bytes())
    assert (w, h) == layout.pixels and w * h <= 6_000_000


def test_the_page_is_numbers_before_it_is_drawn(seed_schedule):
    from matplotlib.figure import Figure

    from planner.render.gantt.layout import Options
    from planner.render.gantt.measure import TextMeasure

    opts = Options(baseline=None, links=False, lang="nb", status_date=None, paper="A4",
                   dpi=150.0, max_name_chars=40, fmt="png", title=None, scenario_label=None)
    made = []
    real_init = Figure.__init__

    def spy(self, *a, **k):
        made.append(self)
        real_init(self, *a, **k)

    Figure.__init__ = spy
    try:
        page = gantt_page.lay_out(seed_schedule, opts, TextMeasure())
    finally:
        Figure.__init__ = real_init
    assert made == []                                   # no figure, no artist
    _fig, layout = build_gantt(seed_schedule, paper="A4", max_name_chars=40)
    assert (page.fs, page.row_h, page.height) == (layout.font_size, layout.row_height_in,
                                                  layout.height_in)
    assert [(r.x0, r.x1, r.label) for r in page.rows] == [(r.x0, r.x1, r.label)
                                                          for r in layout.rows]
    # everything fits the page: the shortened names' list ends above the bottom margin
    assert page.notes and page.rows_bottom - 0.12 - page.legend_h - page.notes_h >= page.margin - 1e-9
    assert page.chart_left + page.chart_w + page.margin == pytest.approx(page.width)
