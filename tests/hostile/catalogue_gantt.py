"""Family 4 in charts: any name a person can type must render (emoji, control characters,
newlines, scripts the font lacks) in PNG, SVG and PDF."""
from __future__ import annotations

import os

from hostile_plans import PLAN, plan
from hostile_runner import Case

NAMES = {
    "emoji": "Kick-off 🎉🚀",
    "emoji-zwj-family": "Team 👩‍👩‍👧 and 🏳️‍🌈",
    "control-chars": "bell \\x07 escape \\x1b del \\x7f",
    "newline": "first line\\nsecond line",
    "crlf-tab": "a\\r\\nb\\tc",
    "cjk": "中文 日本語 한국어",
    "rtl": "العربية עברית",
    "indic-thai": "हिन्दी ภาษาไทย",
    "combining": "e\\u0301 a\\u0308 n\\u0303",
    "zero-width": "zero\\u200bwidth\\u200d joiner\\u2060",
    "bidi-override": "\\u202eevil\\u202c text",
    "noncharacters": "\\uffff \\ufffe \\U0010ffff",
    "line-separators": "a\\u2028b\\u2029c\\x85d",
    "math-and-dollars": "$x^2$ \\\\frac{a}{b} 100 %",
    "only-spaces": "   ",
    "only-emoji": "🎉",
    "long-10k": "ø" * 10_000,
    "nul": "a\\0b",
}


def _valid(fmt, name="g"):
    def check(folder, _res):
        path = os.path.join(folder, f"{name}.{fmt}")
        with open(path, "rb") as fh:
            data = fh.read()
        if fmt == "png":
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
        elif fmt == "pdf":
            assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
        else:
            import xml.dom.minidom

            xml.dom.minidom.parseString(data)        # well-formed XML, so browsers open it
    return check


def cases() -> list[Case]:
    out = []
    for key, name in NAMES.items():
        for fmt in (("png", "svg", "pdf") if key in ("emoji", "control-chars", "newline",
                                                      "noncharacters") else ("png",)):
            text = plan(task2='{id: 2, name: "' + name + '", duration: 5}')
            out.append(Case(f"gantt-{key}-{fmt}", 4, ["gantt", "p.yaml", "-o", f"g.{fmt}"],
                            {"p.yaml": text}, 0, rf"^g\.{fmt}: 4 tasks", creates=(f"g.{fmt}",),
                            check=_valid(fmt), timeout=30))
    out += [
        Case("gantt-project-name-emoji-svg", 4, ["gantt", "p.yaml", "-o", "g.svg"],
             {"p.yaml": PLAN.replace("name: Hostile", 'name: "Plan 🚀\\x07\\n"')}, 0,
             creates=("g.svg",), check=_valid("svg"), timeout=30),
        Case("gantt-scenario-label-controls", 4,
             ["gantt", "p.yaml", "-o", "g.svg", "--set", "2.duration=+1", "--set",
              "project.name=a\x07b🚀"], {"p.yaml": PLAN}, 0, creates=("g.svg",),
             check=_valid("svg"), timeout=30),
        Case("gantt-links-emoji", 4, ["gantt", "p.yaml", "-o", "g.png", "--links"],
             {"p.yaml": plan(task2='{id: 2, name: "🎉\\n🎉", duration: 5}')}, 0,
             creates=("g.png",), check=_valid("png"), timeout=30),
        Case("gantt-name-width-emoji", 4, ["gantt", "p.yaml", "-o", "g.png", "--name-width", "10"],
             {"p.yaml": plan(task2='{id: 2, name: "' + "🎉 " * 40 + '", duration: 5}')}, 0,
             creates=("g.png",), check=_valid("png"), timeout=30),
        Case("gantt-onto-plan", 1, ["gantt", "p.yaml", "-o", "p.yaml"], {"p.yaml": PLAN}, 2,
             r"cannot tell the chart format"),
        Case("gantt-bad-dpi-name", 4, ["gantt", "p.yaml", "-o", "g.gif"], {"p.yaml": PLAN}, 2,
             r"^error: cannot tell the chart format from 'g\.gif'"),
    ]
    return out
