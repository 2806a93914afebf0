"""The chart as a file: PNG, SVG or PDF bytes with fixed metadata (no dates), SVG tooltips on
the task names, and the atomic write of :func:`render_gantt`."""
from __future__ import annotations

import datetime as dt
import io
import re
from xml.sax.saxutils import escape

from ... import __version__
from ...errors import PlanError
from ...schedule import Schedule
from .chart import build_gantt
from .drawable import one_line
from .layout import GanttLayout
from .style import FORMATS, rc


def gantt_bytes(sched: Schedule, fmt: str = "png", **options) -> tuple[bytes, GanttLayout]:
    """The chart as the bytes of a PNG, SVG or PDF file, and its layout.  Same input, same
    bytes: no file dates, and SVG ids salted with a constant."""
    creator = f"planner {__version__}"
    name = one_line(options.get("title") or sched.plan.name)
    buf = io.BytesIO()
    with rc():
        fig, layout = build_gantt(sched, fmt=fmt, **options)
        if fmt == "png":
            _write_png(fig, buf, layout.dpi, {"Software": creator, "Title": name})
        elif fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Creator": creator, "Date": None,
                                                     "Title": name})
        else:
            fig.savefig(buf, format="pdf", metadata={"Creator": creator, "Producer": creator,
                                                     "CreationDate": None, "ModDate": None,
                                                     "Title": name})
    data = buf.getvalue()
    if fmt == "svg":
        data = _svg_tooltips(data, sched, layout)
    return data, layout


def _write_png(fig, out, dpi, meta):
    """RGB (the page is opaque: a quarter less data than matplotlib's RGBA) at zlib level 3,
    which is faster than the default and, for charts, no larger."""
    from PIL import Image, PngImagePlugin

    canvas = fig.canvas
    canvas.draw()
    w, h = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (w, h), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    info = PngImagePlugin.PngInfo()
    for key, value in meta.items():
        info.add_itxt(key, value)
    image.convert("RGB").save(out, "png", compress_level=3, pnginfo=info, dpi=(dpi, dpi))


def _svg_tooltips(data: bytes, sched: Schedule, layout: GanttLayout) -> bytes:
    """Give every task name in an SVG a ``<title>`` (a tooltip): the full name and dates."""
    tips = {}
    for r in layout.rows:
        t = sched.plan.tasks[r.row]
        done = f", {r.progress.percent} %" if r.progress is not None else ""
        tips[f"row{r.row}-name"] = (f"{t.id} {one_line(t.name)} ({r.start.isoformat()} - "
                                    f"{r.finish.isoformat()}, {sched.duration[r.row]} d"
                                    f"{done})")

    def add(m):
        tip = tips.get(m.group(1))
        if tip is None:
            return m.group(0)
        return f'{m.group(0)}\n   <title>{escape(tip)}</title>'

    text = data.decode("utf-8")
    return re.sub(r'<g id="(row\d+-name)">', add, text).encode("utf-8")


def format_of(path: str) -> str:
    """``png``, ``svg`` or ``pdf`` from a file name; a PlanError for any other ending."""
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if ext not in FORMATS:
        raise PlanError(f"cannot tell the chart format from {path!r}: the file name must end in "
                        f".png, .svg or .pdf")
    return ext


def render_gantt(sched: Schedule, path: str, *, baseline=None,
                 links: bool = False, lang: str = "nb", status_date: dt.date | None = None,
                 paper: str = "A3", dpi: float = 150, max_name_chars: int | None = None,
                 title: str | None = None, scenario_label: str | None = None) -> GanttLayout:
    """Write the Gantt chart of ``sched`` to ``path`` (.png, .svg or .pdf, whole or not at all).

    ``baseline``: another schedule of the same plan (e.g. before a scenario was applied), or a
    saved :class:`~planner.tracking.Baseline` (``planner gantt --baseline NAME``), drawn as grey
    bars under the current bars, matched by task id; the title then gives the finish-date
    change in working days (in ``sched``'s calendar) and calendar days.
    A tracked schedule (a status applied, docs/tracking.md) shows its progress: the work done
    darker inside each bar, the gap of a task split at the status date, a percent-complete
    column, and an orange outline on tasks late against the saved baseline (else the plan as
    written).
    ``links``: draw dependency arrows.  ``lang``: "nb" or "en" for every word and date.
    ``status_date``: a dashed line at the end of that day (default: the plan's status date).
    ``paper``: landscape page A4-A0; the page grows taller when the rows need it.
    ``dpi``: PNG resolution (lowered, and ``layout.dpi_reduced`` set, beyond 40 megapixels).
    ``max_name_chars``: shorten longer names with an ellipsis (they are listed under the legend).
    """
    from ...io.documents import write_atomic

    fmt = format_of(path)
    if status_date is None:
        status_date = sched.plan.status_date
    data, layout = gantt_bytes(sched, fmt, baseline=baseline, links=links, lang=lang,
                               status_date=status_date, paper=paper, dpi=dpi,
                               max_name_chars=max_name_chars, title=title,
                               scenario_label=scenario_label)
    write_atomic(path, data)
    return layout
