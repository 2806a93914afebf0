"""Text renderings of a schedule: an MS Project-like table for the terminal, and CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io

from ..schedule import Schedule
from ..schedule.resource_path import resource_critical

WEEKDAY = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "nb": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
}
WORDS = {
    "en": {"id": "ID", "name": "Task name", "dur": "Duration", "start": "Start",
           "finish": "Finish", "float": "Float", "crit": "Crit", "day": "day", "days": "days",
           "finish_line": "Project finish", "working_days": "working days",
           "critical_tasks": "Critical tasks", "critical_path": "Critical path",
           "critical_paths": "Critical paths", "more": "more", "scenario": "Scenario",
           "scenarios": "Scenarios",
           "resource_critical": "Resource-critical path (levelled plan)",
           "resource_note": "Crit: on the resource-critical path; float counts links only"},
    "nb": {"id": "ID", "name": "Aktivitet", "dur": "Varighet", "start": "Start",
           "finish": "Slutt", "float": "Slakk", "crit": "Krit", "day": "dag", "days": "dager",
           "finish_line": "Prosjektslutt", "working_days": "arbeidsdager",
           "critical_tasks": "Kritiske aktiviteter", "critical_path": "Kritisk linje",
           "critical_paths": "Kritiske linjer", "more": "flere", "scenario": "Scenario",
           "scenarios": "Scenarioer",
           "resource_critical": "Ressurskritisk linje (utjevnet plan)",
           "resource_note": "Krit: på den ressurskritiske linjen; slakk regner bare avhengigheter"},
}


def msp_date(d: dt.date, lang: str = "en") -> str:
    """MS Project's short date style: ``Wed 14.06.23``."""
    return f"{WEEKDAY[lang][d.weekday()]} {d:%d.%m.%y}"


def _date(d: dt.date, lang: str) -> str:
    """ISO in English output, Norwegian ``28.06.24`` in Norwegian."""
    return f"{d:%d.%m.%y}" if lang == "nb" else d.isoformat()


def duration_text(days: int, lang: str = "en", minutes_per_day: int | None = None) -> str:
    """``3 days``; in a part-day plan a part of a day in hours or minutes (``4 h``, ``7,5 t``,
    ``90 min``)."""
    w = WORDS[lang]
    if minutes_per_day and days != int(days):
        if (days * 4) == int(days * 4) and days > 1:        # 1.5 days, 2.25 days
            return f"{number_text(days, lang)} {w['days']}"
        return part_day_text(days, minutes_per_day, lang)
    days = int(days) if days == int(days) else days
    return f"{days} {w['day'] if days == 1 else w['days']}"


def part_day_text(days, minutes_per_day: int, lang: str = "en") -> str:
    """Working days that are not whole as hours (``4 h``; Norwegian ``4 t``) or minutes.

    >>> part_day_text(0.5, 480), part_day_text(1, 450, "nb"), part_day_text(-0.1875, 480)
    ('4 h', '7,5 t', '-1.5 h')
    """
    minutes = int(round(days * minutes_per_day))
    hour = "t" if lang == "nb" else "h"
    if minutes % 60 == 0:
        return f"{minutes // 60} {hour}"
    if minutes % 30 == 0:
        text = f"{minutes / 60:g}"
        return f"{text.replace('.', ',') if lang == 'nb' else text} {hour}"
    return f"{minutes} min"


def _when(sched: Schedule, key: int, lang: str) -> str:
    """A task's start or finish: the date, and in a part-day plan the time."""
    text = msp_date(sched.date(key), lang)
    if sched.scale != 1:
        text += f" {sched.datetime(key):%H:%M}"
    return text


def number_text(days, lang: str = "en", signed: bool = False) -> str:
    """A count of days: whole as it is, a fraction to two decimals (a comma in Norwegian).

    >>> number_text(3), number_text(2.5, "nb"), number_text(-0.125, "en", True)
    ('3', '2,5', '-0.12')
    """
    if days == int(days):
        return f"{int(days):+d}" if signed else str(int(days))
    text = (f"{days:+.2f}" if signed else f"{days:.2f}").rstrip("0")
    return text.replace(".", ",") if lang == "nb" else text


def _fit(text: str, width: int | None) -> str:
    if width is None or len(text) <= width:
        return text
    return text[: max(width - 1, 1)] + "…"


def render_table(sched: Schedule, lang: str = "en", name_width: int | None = None,
                 paths: int = 5, scenarios=None) -> str:
    """The schedule as a fixed-width table with a footer naming the finish and critical path.

    ``name_width`` truncates names (with an ellipsis) to fit a terminal; None keeps them whole.
    ``scenarios``: the names of the overlays applied, said in a heading above the table.
    """
    w = WORDS[lang]
    heading = ""
    if scenarios:
        label = w["scenario"] if len(scenarios) == 1 else w["scenarios"]
        heading = f"{label}: {'; '.join(scenarios)}\n\n"
    plan = sched.plan
    rescrit = resource_critical(sched)
    marks = sched.critical if rescrit is None else rescrit
    rows = []
    for i, t in enumerate(plan.tasks):
        name = "  " * (t.outline_level - 1) + t.name
        mpd = sched.plan.minutes_per_day if sched.scale != 1 else None
        tf = sched.total_float[i]
        rows.append((t.id, _fit(name, name_width), duration_text(sched.duration[i], lang, mpd),
                     _when(sched, sched.start[i], lang), _when(sched, sched.finish[i], lang),
                     number_text(tf, lang),
                     "*" if marks[i] else ""))
    head = (w["id"], w["name"], w["dur"], w["start"], w["finish"], w["float"], w["crit"])
    widths = [max(len(r[c]) for r in rows + [head]) for c in range(len(head))]
    right = {0, 2, 5}

    def fmt(r):
        cells = [r[c].rjust(widths[c]) if c in right else r[c].ljust(widths[c])
                 for c in range(len(r))]
        return "  ".join(cells).rstrip()

    out = [fmt(head), "  ".join("-" * x for x in widths)]
    out.extend(fmt(r) for r in rows)
    out.append("")
    out.append(f"{w['finish_line']}: {msp_date(sched.project_finish, lang)} "
               f"({number_text(sched.project_duration, lang)} {w['working_days']}, "
               f"{_date(sched.project_start, lang)} - {_date(sched.project_finish, lang)})")
    chains = sched.critical_paths(limit=paths + 1)
    if chains:
        label = w["critical_path"] if len(chains) == 1 else w["critical_paths"]
        out.append(f"{label}:")
        for chain in chains[:paths]:
            out.append("  " + " -> ".join(chain))
        if len(chains) > paths:
            out.append(f"  ... ({w['more']})")
            out.append(f"{w['critical_tasks']}: {id_runs(sched)}")
    if rescrit is not None:
        out.append(f"{w['resource_critical']}: {id_runs(sched, rescrit)}")
        out.append(f"({w['resource_note']})")
    return heading + "\n".join(out) + "\n"


def id_runs(sched: Schedule, flags=None) -> str:
    """The critical leaf tasks (or those ``flags`` marks) in plan order, runs of three or more
    that follow each other in the plan written first-last: ``2, 4-14, 20-24, 26``."""
    flags = sched.critical if flags is None else flags
    leaves = [i for i, t in enumerate(sched.plan.tasks) if not t.summary]
    runs: list[list[int]] = []
    prev = None
    for k, i in enumerate(leaves):
        if not flags[i]:
            continue
        if prev is not None and prev == k - 1 and i == leaves[prev] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = k
    ids = sched.plan.tasks
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{ids[run[0]].id}-{ids[run[-1]].id}")
        else:
            parts.extend(ids[i].id for i in run)
    return ", ".join(parts)


CSV_FIELDS = ("id", "name", "outline_level", "summary", "milestone", "duration_days", "start",
              "finish", "early_start", "early_finish", "late_start", "late_finish",
              "total_float_days", "free_float_days", "critical", "predecessors")


CSV_DIALECTS = ("plain", "excel-nb")


def write_csv(header, rows, dialect: str = "plain") -> str:
    """CSV text.  ``plain``: comma-separated, ISO dates, decimal point, no BOM (for programs).
    ``excel-nb``: what Excel with Norwegian settings opens into columns: semicolons, a UTF-8
    byte-order mark, decimal commas, dates as 28.06.2024, CRLF line ends."""
    buf = io.StringIO()
    nb = dialect == "excel-nb"
    if nb:
        buf.write("\ufeff")
    wr = csv.writer(buf, delimiter=";" if nb else ",", lineterminator="\r\n" if nb else "\n")
    wr.writerow(header)
    for row in rows:
        wr.writerow([_csv_value(v, nb) for v in row])
    return buf.getvalue()


def render_csv(sched: Schedule, dialect: str = "plain") -> str:
    rows = []
    for i, t in enumerate(sched.plan.tasks):
        r = sched.row(i)
        r["predecessors"] = ";".join(link.label() for link in t.predecessors)
        rows.append([r[f] for f in CSV_FIELDS])
    return write_csv(CSV_FIELDS, rows, dialect)


def _csv_value(v, nb: bool = False):
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, dt.date):
        return f"{v:%d.%m.%Y}" if nb else v.isoformat()
    if isinstance(v, float):
        text = f"{v:g}"
        return text.replace(".", ",") if nb else text
    return v
