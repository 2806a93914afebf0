"""The report's parts on their own: the docstring examples, the Gantt chart's printed pages
(every row once, in order, whole phases, each page within A4 landscape), inline SVG made safe
to sit beside another, and the word tables of both languages."""
import doctest
import importlib
import re

import pytest

MODULES = ["summary", "gantt_pages"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"planner.render.report.{name}")
    failed, attempted = doctest.testmod(module)
    assert attempted > 0 and failed == 0


def test_the_gantt_pages_cover_every_row_once_in_whole_phases(seed_schedule):
    from planner.render.gantt import gantt_bytes
    from planner.render.report.gantt_pages import PAGE_H_IN, PAGE_W_IN, PT, STRETCH, gantt_views

    _svg, layout = gantt_bytes(seed_schedule, "svg", paper="A4")
    pages = gantt_views(layout, seed_schedule.plan.tasks)
    head = layout.rows_top_in * PT
    rh = layout.row_height_in * PT
    rows = []
    for bands in pages:
        (t0, t1), (r0, r1), (f0, f1) = bands
        assert (t0, t1) == (0.0, pytest.approx(head))          # title and time axis
        assert f1 == pytest.approx(layout.height_in * PT)      # legend and notes
        a, b = round((r0 - head) / rh), round((r1 - head) / rh)
        rows += list(range(a, b))
        scale = min(1.0, PAGE_W_IN / layout.width_in)
        # each page fits A4 landscape, a long phase shrunk a little at most
        assert ((t1 - t0) + (r1 - r0) + (f1 - f0)) / PT * scale <= PAGE_H_IN * STRETCH + 1e-9
    assert rows == list(range(len(seed_schedule.plan.tasks)))
    # the seed plan's three phases (tasks 3, 19 and 40) each start a page
    starts = [round((bands[1][0] - head) / rh) for bands in pages]
    assert [seed_schedule.plan.tasks[k].id for k in starts[1:]] == ["19", "40"]


def test_a_short_plan_prints_as_one_chart(write_plan):
    from planner.io.yaml_plan import load_plan
    from planner.render.gantt import gantt_bytes
    from planner.render.report.gantt_pages import gantt_views
    from planner.schedule import schedule

    sched = schedule(load_plan(write_plan(
        "project: {name: Lite, start: 2024-01-08}\ntasks:\n  - {id: A, name: A, duration: 3}\n")))
    _svg, layout = gantt_bytes(sched, "svg", paper="A4")
    assert gantt_views(layout, sched.plan.tasks) == []


def test_inline_svg_ids_are_prefixed_and_nothing_points_outside():
    from planner.render.report.svg import inline_svg

    src = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
           '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
           '<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt" '
           'viewBox="0 0 100 50" xmlns="http://www.w3.org/2000/svg" version="1.1">\n'
           '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'
           '</metadata>\n<defs><clipPath id="p1"><rect/></clipPath><path id="g-41"/></defs>\n'
           '<g id="figure_1" clip-path="url(#p1)"><use xlink:href="#g-41"/></g></svg>')
    out = inline_svg(src, "c", "A chart")
    assert out.startswith('<svg class="chart" style="max-width:100pt" role="img" '
                          'aria-label="A chart" viewBox="0 0 100 50" version="1.1">')
    assert "http" not in out and "<metadata" not in out and "xmlns" not in out
    assert set(re.findall(r'id="([^"]+)"', out)) == {"c-p1", "c-g-41", "c-figure_1"}
    assert 'clip-path="url(#c-p1)"' in out and '<use href="#c-g-41"/>' in out


def test_both_languages_have_every_word():
    from planner.render.report.words import WORDS

    assert WORDS["nb"].keys() == WORDS["en"].keys()
    for key in WORDS["nb"]:
        assert type(WORDS["nb"][key]) is type(WORDS["en"][key]), key
        if isinstance(WORDS["nb"][key], str):
            assert set(re.findall(r"{\w+}", WORDS["nb"][key])) == \
                set(re.findall(r"{\w+}", WORDS["en"][key])), key


def test_numbers_and_dates_in_each_language():
    import datetime as dt

    from planner.render.report.words import date_long, date_short, number, percent, signed

    d = dt.date(2024, 6, 28)
    assert (date_short(d, "nb"), date_long(d, "nb")) == ("28.06.24", "fredag 28. juni 2024")
    assert (date_short(d, "en"), date_long(d, "en")) == ("2024-06-28", "Friday 28 June 2024")
    assert percent(0.425, "nb", 1) == "42,5\u00a0%" and percent(0.425, "en", 1) == "42.5%"
    assert number(-0.25, "nb") == "\u22120,25" and number(0.5, "en", 1) == "0.5"
    assert [signed(n, "nb") for n in (5, 0, -3, None)] == ["+5", "0", "\u22123", "—"]
