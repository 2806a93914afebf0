"""The Gantt chart on printed pages: a long plan's chart does not fit one A4 page at a size
anyone can read, so the printed report shows it as a run of landscape pages, each with the
chart's title and time axis, a run of whole phases (a phase longer than a page is cut), and the
legend.  The pages are views of the one chart in the file (nothing is drawn twice); the screen
shows the whole chart."""
from __future__ import annotations

#: what a Gantt page may fill on A4 landscape with 10 mm margins, less room for the heading
#: and the caption, in inches
PAGE_W_IN = 277 / 25.4
PAGE_H_IN = 168 / 25.4

PT = 72.0

#: a phase a little longer than a page is shrunk this far to keep it whole on its page
STRETCH = 1 / 0.85


def gantt_views(layout, tasks) -> list[list[tuple[float, float]]]:
    """The printed pages of a chart from :func:`planner.render.gantt.gantt_bytes`: per page the
    bands ``(y0, y1)`` in points from the top of the chart that it shows (title and axis,
    rows, legend); ``[]`` when one page holds every row (the whole chart is printed, scaled
    to the page)."""
    n = len(layout.rows)
    head, rh, h = layout.rows_top_in, layout.row_height_in, layout.height_in
    foot = h - head - n * rh
    scale = min(1.0, PAGE_W_IN / layout.width_in)
    cap = max(1, int((PAGE_H_IN / scale - head - foot) / rh))
    if h * scale <= PAGE_H_IN or cap >= n:
        return []
    whole = max(cap, int((PAGE_H_IN * STRETCH / scale - head - foot) / rh))
    pages = pack(phase_blocks(layout, tasks), cap, whole)
    return [[(0.0, head * PT), ((head + a * rh) * PT, (head + b * rh) * PT),
             ((h - foot) * PT, h * PT)] for a, b in pages]


def phase_blocks(layout, tasks) -> list[tuple[int, int]]:
    """The rows as runs ``[a, b)`` that start at each phase summary (the rows above the first
    phase go with it)."""
    phases = set(layout.phases)
    starts = [r.row for r in layout.rows if tasks[r.row].id in phases and r.row > 0]
    edges = [0] + starts + [len(layout.rows)]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def pack(blocks: list[tuple[int, int]], cap: int, whole: int | None = None
         ) -> list[tuple[int, int]]:
    """Consecutive blocks joined into pages of at most ``cap`` rows; a block of up to
    ``whole`` rows keeps a page of its own (it is printed a little smaller), a longer one is
    cut into equal parts.

    >>> pack([(0, 18), (18, 39), (39, 54)], 26)
    [(0, 18), (18, 39), (39, 54)]
    >>> pack([(0, 5), (5, 9), (9, 40)], 12)
    [(0, 9), (9, 20), (20, 31), (31, 40)]
    >>> pack([(0, 18), (18, 39), (39, 54)], 19, 23)
    [(0, 18), (18, 39), (39, 54)]
    """
    whole = cap if whole is None else whole
    pages: list[list[int]] = []
    for a, b in blocks:
        if cap < b - a <= whole:
            pages.append([a, b])
        elif b - a > cap:
            parts = -(-(b - a) // cap)
            size = -(-(b - a) // parts)
            pages += [[x, min(b, x + size)] for x in range(a, b, size)]
        elif pages and pages[-1][1] == a and b - pages[-1][0] <= cap:
            pages[-1][1] = b
        else:
            pages.append([a, b])
    return [(a, b) for a, b in pages]
