"""Gantt charts of a schedule with matplotlib: PNG, SVG or PDF for the transition board.

:func:`render_gantt` writes a chart; :func:`build_gantt` returns the matplotlib figure and a
:class:`GanttLayout` (every bar's position in day numbers, the page size, the title) so that
callers and tests can check what was drawn without reading pixels.

The chart is MS Project's Gantt view on one page: a table (ID, indented name, duration, start,
finish) on the left and one bar per task on a time axis on the right.  Phases (summary tasks) get
black summary bars with end caps and a tinted row band; critical tasks are red, others blue;
milestones are diamonds; deadlines are arrows above the bar (red when missed); total float is a
thin grey tail from a bar's finish to its late finish; holiday seasons and public holidays are
shaded; a weekly grid runs under year, month and ISO week headings in Norwegian or English (no
system locale is used).  An optional *baseline* schedule is drawn as grey ghost bars under the
current bars and the finish-date change goes in the title.

Geometry first, artists second.  The modules, from the bottom up:

- ``style``: paper sizes, formats, the font, colours, the deterministic matplotlib settings
- ``words``: the nb/en word table and date formats
- ``measure``: text widths, fitting and glyph outlines (:class:`TextMeasure`)
- ``drawable``: names as the font can draw them (control characters, missing glyphs)
- ``layout``: the options, coordinates (:func:`key_x`) and one :class:`RowLayout` per task
- ``table``: the table's columns, shortened names, row bands and labels
- ``axis``: the time axis: range, header rows, grid, seasons and holidays, labels and lines
- ``glyphs``: bars, summaries, milestones, deadlines, float tails, delays, baseline ghosts
- ``links``: dependency arrows
- ``legend``: title, legend and footnotes
- ``page``: the font size and where every part goes (a :class:`~.page.Page` of numbers)
- ``chart``: the figure, drawn from the page in a fixed order (:func:`build_gantt`)
- ``output``: PNG/SVG/PDF bytes, SVG tooltips, the file (:func:`render_gantt`)

matplotlib is imported by this package only; ``planner.cli`` imports it inside ``planner gantt``.
"""
from __future__ import annotations

from .axis import pack_lanes
from .chart import build_gantt, label_boxes
from .layout import GanttLayout, RowLayout, deadline_x, key_x, phase_ids
from .measure import TextMeasure
from .output import format_of, gantt_bytes, render_gantt
from .page import MAX_PIXELS, MAX_PNG_SIDE, MIN_PNG_DPI
from .style import COLORS, FONT, FORMATS, PAPER
from .words import MONTHS, WEEKDAYS, WORDS, count_text, long_date, month_label, short_date

__all__ = [
    "COLORS", "FONT", "FORMATS", "MAX_PIXELS", "MAX_PNG_SIDE", "MIN_PNG_DPI", "MONTHS", "PAPER",
    "WEEKDAYS", "WORDS", "GanttLayout", "RowLayout", "TextMeasure", "build_gantt", "count_text",
    "deadline_x", "format_of", "gantt_bytes", "key_x", "label_boxes", "long_date",
    "month_label", "pack_lanes", "phase_ids", "render_gantt", "short_date",
]
