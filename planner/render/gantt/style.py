"""The chart's fixed choices: page sizes, file formats, the font, the colours, and the
matplotlib settings that make the same input give the same bytes."""
from __future__ import annotations

from matplotlib import rc_context

FORMATS = ("png", "svg", "pdf")

#: landscape paper sizes in inches (ISO 216)
PAPER = {"A4": (11.69, 8.27), "A3": (16.54, 11.69), "A2": (23.39, 16.54),
         "A1": (33.11, 23.39), "A0": (46.81, 33.11)}

FONT = "DejaVu Sans"      # shipped with matplotlib: the same glyphs (and bytes) on every machine

COLORS = {
    "critical": "#d62728", "normal": "#3a75c4", "summary": "#1a1a1a",
    "float": "#7f7f7f", "baseline": "#c4c4c4", "baseline_edge": "#8a8a8a",
    "season": "#ffe2b8", "holiday": "#dcdcdc", "finish": "#1a1a1a", "status": "#2ca02c",
    "link": "#6b6b6b", "zebra": "#f4f4f4", "phase": "#e3ebf6", "grid": "#e0e0e0",
    "month": "#b0b0b0", "header": "#eeeeee", "text": "#1a1a1a", "muted": "#555555",
    "later": "#b00000", "earlier": "#1a7f1a", "deadline": "#2ca02c", "deadline_missed": "#d62728",
    "delay": "#9467bd",
    # progress (docs/tracking.md): the done part of a bar, darker; late tasks outlined
    "critical_done": "#7f1416", "normal_done": "#1b3f73", "late": "#ff8c00",
}


def rc():
    """The matplotlib settings every chart is measured, drawn and written under."""
    return rc_context({"font.family": FONT, "svg.hashsalt": "planner-gantt",
                       "svg.fonttype": "path", "pdf.fonttype": 42, "path.simplify": True,
                       "text.parse_math": False, "text.hinting": "no_hinting"})
