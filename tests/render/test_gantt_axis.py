"""The Gantt chart's time axis: holiday seasons and public holidays shaded, Norwegian and
English words without the system locale, the status-date and finish lines."""
import datetime as dt

from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D

from gantt_helpers import D, artists, header_texts, seed_chart, small_plan  # noqa: F401
from planner.render.gantt import build_gantt, render_gantt


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
