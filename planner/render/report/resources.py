"""The resource section (over-allocations left in the forecast, from
:func:`planner.level.resource_loads`) and the footer (what the report was made from)."""
from __future__ import annotations

from ... import __version__
from .doc import Cell, Facts, Heading, Missing, Para, Section, Table
from .inputs import ReportData
from .words import WORDS, date_long, date_short, number


def resources_section(data: ReportData) -> Section:
    lang = data.lang
    w = WORDS[lang]
    sec = Section("resources", w["resources"])
    loads = data.loads
    if not loads:
        return sec.add(Missing(w["no_resources"]))
    rows = []
    for ld in loads:
        n = len(ld.over)
        rows.append([ld.name, Cell(number(ld.capacity, lang, _digits(ld.capacity)), "num"),
                     Cell(number(ld.peak, lang, _digits(ld.peak)), "num later"
                          if ld.peak > ld.capacity + 1e-9 else "num"),
                     Cell(str(n), "num later" if n else "num")])
    sec.add(Table([w["resource"], w["capacity"], w["peak"], w["over"]], rows, num=(1, 2, 3)))
    over = [(ld, o) for ld in loads for o in ld.over]
    sec.add(Heading(f"{w['over']} ({len(over)})"))
    if not over:
        return sec.add(Para(w["no_over"], "muted"))
    sec.add(Table([w["resource"], w["start"], w["finish"], w["peak"],
                   w["tasks_word"].capitalize()],
                  [[ld.name, Cell(date_short(o.first, lang), "num"),
                    Cell(date_short(o.last, lang), "num"),
                    Cell(f"{number(o.peak, lang, _digits(o.peak))} / "
                         f"{number(ld.capacity, lang, _digits(ld.capacity))}", "num later"),
                    ", ".join(o.tasks)] for ld, o in over], num=(1, 2, 3)))
    return sec


def _digits(x: float) -> int:
    """Decimals enough for 0.5 or 0.125, none for whole numbers."""
    for k in range(4):
        if abs(round(x, k) - x) < 1e-9:
            return k
    return 3


def footer_section(data: ReportData) -> Section:
    w = WORDS[data.lang]
    lang = data.lang
    facts = [(w["plan_file"], data.plan_path)]
    if data.status_path:
        facts.append((w["status_file"], data.status_path))
        facts.append((w["status_date"], f"{date_long(data.status_date, lang)} "
                                        f"({date_short(data.status_date, lang)})"))
    facts.append((w["baseline_name"], data.baseline_name if data.baseline is not None else
                  w["plan_as_baseline"] if data.reference is not None else
                  w["not_available"]))
    if data.history:
        facts.append((w["history"], ", ".join(p for p, _s in data.history)))
    if data.estimates_path:
        facts.append((w["estimates_file"], data.estimates_path))
    facts.append((w["version"], __version__))
    if data.command:
        facts.append((w["command"], Cell(data.command, "code")))
    if data.stamp is not None:
        facts.append((w["made"], date_long(data.stamp, lang)))
    return Section("footer", w["footer"], [Facts(facts)])

