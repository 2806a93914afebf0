"""What-if comparisons and explanations as text: a terminal table, Markdown for a board memo,
and plain data for JSON."""
from __future__ import annotations

import datetime as dt
import re
import textwrap

from ..scenario import CONSTRAINT_WORDS, Comparison, constraint_text, link_text
from ..schedule import Schedule
from .table import _fit, msp_date

WORDS = {
    "en": {
        "title": "What-if against the baseline", "baseline": "baseline", "finish": "Finish",
        "chg_wd": "Change, working days", "chg_cd": "Change, calendar days",
        "duration": "Duration, working days", "moved": "Tasks moved",
        "became": "Became critical", "stopped": "No longer critical", "none": "-",
        "moved_head": "Tasks that moved (start / finish, working days)",
        "chain": "Driving chain (from the finish back to the start)",
        "starts_at": "start set by", "wd": "working days", "cd": "calendar days",
        "more": "more", "added": "Tasks added", "removed": "Tasks removed",
        "why": "Why task", "starts": "starts", "finishes": "finishes", "waits": "waits for",
        "held": "held by", "float": "total float", "critical": "critical",
        "crosses": "days off in its way", "spans": "its span includes", "days": "days",
        "and": "and", "changes": "Changes", "summary_first": "starts with its first task",
        "task": "Task", "period": "new dates", "after": "after",
        "missed": "Missed deadlines", "missed_one": "Missed deadline",
        "deadline": "deadline", "forecast": "forecast", "warning": "warning",
        "overrides": "overrides link", "overrides_it": "which overrides link", "before_link": "working days before the link allows",
        "has_float": "has total float", "its": "its constraint", "task_word": "task",
        "broken": "Links a constraint breaks", "late": "late",
    },
    "nb": {
        "title": "Hva-om mot grunnplanen", "baseline": "grunnplan", "finish": "Slutt",
        "chg_wd": "Endring, arbeidsdager", "chg_cd": "Endring, kalenderdager",
        "duration": "Varighet, arbeidsdager", "moved": "Aktiviteter flyttet",
        "became": "Ble kritiske", "stopped": "Ikke lenger kritiske", "none": "-",
        "moved_head": "Aktiviteter som flyttet seg (start / slutt, arbeidsdager)",
        "chain": "Styrende kjede (fra slutten og tilbake til starten)",
        "starts_at": "start gitt av", "wd": "arbeidsdager", "cd": "kalenderdager",
        "more": "flere", "added": "Nye aktiviteter", "removed": "Fjernede aktiviteter",
        "why": "Hvorfor aktivitet", "starts": "starter", "finishes": "slutter",
        "waits": "venter på", "held": "holdes av", "float": "total slakk",
        "critical": "kritisk", "crosses": "fridager i veien", "spans": "perioden omfatter",
        "days": "dager", "and": "og", "changes": "Endringer",
        "summary_first": "starter med sin første aktivitet",
        "task": "Aktivitet", "period": "nye datoer", "after": "etter",
        "missed": "Passerte frister", "missed_one": "Passert frist",
        "deadline": "frist", "forecast": "prognose", "warning": "advarsel",
        "overrides": "overstyrer koblingen", "overrides_it": "som overstyrer koblingen", "before_link": "arbeidsdager før koblingen tillater",
        "has_float": "har total slakk", "its": "begrensningen", "task_word": "aktivitet",
        "broken": "Koblinger som brytes av en begrensning", "late": "for sent",
    },
}

#: MS Project's Norwegian names of the constraint types
CONSTRAINTS_NB = {"SNET": "Start ikke tidligere enn", "SNLT": "Start ikke senere enn",
                  "FNET": "Fullfør ikke tidligere enn", "FNLT": "Fullfør ikke senere enn",
                  "MSO": "Må starte", "MFO": "Må fullføres", "ALAP": "Så sent som mulig",
                  "ASAP": "Så snart som mulig"}

WIDTH = 100              # the text output fits a terminal this wide
COLUMN = 18              # the widest a scenario's column gets before its text wraps

REASONS_NB = {
    "the project start": "prosjektstart",
    "its actual dates (done)": "sine faktiske datoer (fullført)",
    "its actual start": "sin faktiske start",
    "the status date (work not done by then starts after it)":
        "statusdatoen (arbeid som ikke er gjort, starter etter den)",
    "no driving link (it has float)": "ingen drivende kobling (den har slakk)",
    "scheduling as late as possible": "planlegging så sent som mulig",
}


def _signed(n: int) -> str:
    return f"{n:+d}" if n else "0"


def _reason(text: str, lang: str) -> str:
    if lang != "nb":
        return text
    m = re.fullmatch(r"a levelling delay of (\d+) working days \(waiting for a resource\)", text)
    if m:
        return f"en utjevningsforsinkelse på {m.group(1)} arbeidsdager (venter på en ressurs)"
    m = re.fullmatch(r"its constraint (.+) (\d{4}-\d\d-\d\d)", text)
    if m:
        typ = next((k for k, v in CONSTRAINT_WORDS.items() if v == m.group(1)), None)
        if typ is not None:
            return (f"begrensningen «{CONSTRAINTS_NB[typ]}» "
                    f"{dt.date.fromisoformat(m.group(2)):%d.%m.%y}")
    return REASONS_NB.get(text, text)


def constraint_words(c, lang: str) -> str:
    """``start no earlier than 2024-03-01``; in Norwegian «Start ikke tidligere enn» 01.03.24."""
    if lang != "nb":
        return constraint_text(c)
    return f"«{CONSTRAINTS_NB.get(c.type, c.type)}» {c.date:%d.%m.%y}"


def comparison_to_dict(base: Schedule, comps: list[Comparison], names: list) -> dict:
    def chain(c):
        return [{"id": s.id, "name": s.name, "start": s.start.isoformat(),
                 "finish": s.finish.isoformat(),
                 "driven_by": None if s.link is None else
                 {"id": s.link[0], "type": s.link[1], "lag_days": s.link[2]},
                 **({"reason": s.reason} if s.reason else {})} for s in c.driving_chain]

    return {
        "baseline": {"name": base.plan.name, "start": base.project_start.isoformat(),
                     "finish": base.project_finish.isoformat(),
                     "duration_days": base.project_duration},
        "scenarios": [{
            "name": name, "start": c_start.isoformat(), "finish": c.finish.isoformat(),
            "duration_days": c.duration,
            "finish_change_working_days": c.finish_working_days,
            "finish_change_calendar_days": c.finish_calendar_days,
            "moved": [{"id": m.id, "name": m.name, "start": m.new_start.isoformat(),
                       "finish": m.new_finish.isoformat(),
                       "start_change_working_days": m.start_days,
                       "finish_change_working_days": m.finish_days} for m in c.moved],
            "became_critical": c.became_critical,
            "no_longer_critical": c.no_longer_critical,
            "driving_chain": chain(c),
            "missed_deadlines": [{"id": m.id, "name": m.name, "deadline": m.deadline.isoformat(),
                                  "finish": m.finish.isoformat(),
                                  "late_working_days": m.late_working_days}
                                 for m in c.missed_deadlines],
            **({"broken_links": [b.to_dict() for b in c.broken_links]} if c.broken_links else {}),
        } for (name, c_start), c in zip(names, comps)],
    }


def _ids(ids, limit=8):
    if not ids:
        return "-"
    text = ", ".join(ids[:limit])
    return text + (f" (+{len(ids) - limit})" if len(ids) > limit else "")


def render_whatif(base: Schedule, comps: list[Comparison], names: list, lang: str = "en",
                  markdown: bool = False, moved_limit: int = 60) -> str:
    w = WORDS[lang]

    def d(x: dt.date) -> str:
        return msp_date(x, lang)

    labels = [n for n, _s in names]
    head = [w["baseline"]] + labels
    rows = [
        (w["finish"], [d(base.project_finish)] + [d(c.finish) for c in comps]),
        (w["chg_wd"], [w["none"]] + [_signed(c.finish_working_days) for c in comps]),
        (w["chg_cd"], [w["none"]] + [_signed(c.finish_calendar_days) for c in comps]),
        (w["duration"], [str(base.project_duration)] + [str(c.duration) for c in comps]),
        (w["moved"], [w["none"]] + [str(len(c.moved)) for c in comps]),
        (w["became"], [w["none"]] + [_ids(c.became_critical) for c in comps]),
        (w["stopped"], [w["none"]] + [_ids(c.no_longer_critical) for c in comps]),
    ]
    if any(t.deadline for t in base.plan.tasks) or any(c.missed_deadlines for c in comps):
        rows.append((w["missed"], [_ids([t for t, _dl, _f in base.missed_deadlines()])]
                     + [_ids([m.id for m in c.missed_deadlines]) for c in comps]))
    out = []
    title = (f"{w['title']}: {base.plan.name} ({w['finish'].lower()} {d(base.project_finish)}, "
             f"{base.project_duration} {w['wd']})")
    if markdown:
        out.append(f"## {title}\n")
        out.append("| | " + " | ".join(head) + " |")
        out.append("|---|" + "---|" * len(head))
        for label, cells in rows:
            out.append(f"| {label} | " + " | ".join(cells) + " |")
    else:
        out.append(title)
        out.append("")
        out.extend(_grid(rows, head))
    for (name, _start), c in zip(names, comps):
        out.append("")
        out.extend(_details(base, c, name, w, lang, markdown, moved_limit))
    if not markdown:
        out = [x for line in out for x in _wrap(line)]
    return "\n".join(out).rstrip() + "\n"


def _wrap(line: str, width: int = WIDTH) -> list:
    """A line of at most ``width`` characters, or several, continued with an indent."""
    if len(line) <= width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(line, width, subsequent_indent=indent, break_on_hyphens=False)


def _grid(rows: list, head: list, width: int = WIDTH) -> list:
    """The comparison as a table of at most ``width`` columns: a column per scenario, at most
    COLUMN wide with its name and cells wrapped, in blocks of columns side by side."""
    label_w = max(len(r[0]) for r in rows)
    columns = [[head[k]] + [r[1][k] for r in rows] for k in range(len(head))]
    cols = [max(len(c) for c in cells) for cells in columns]
    if label_w + sum(2 + cw for cw in cols) > width:          # too wide: wrap each column
        cols = [max(min(cw, COLUMN), min(max(len(x) for c in cells for x in c.split()),
                                         width - label_w - 2))
                for cw, cells in zip(cols, columns)]
    blocks, block, used = [], [], label_w
    for k, cw in enumerate(cols):
        if block and used + 2 + cw > width:
            blocks.append(block)
            block, used = [], label_w
        block.append(k)
        used += 2 + cw
    blocks.append(block)
    out = []
    for b, block in enumerate(blocks):
        if b:
            out.append("")
        lines = [("", [head[k] for k in block])] + [(lab, [c[k] for k in block]) for lab, c in rows]
        for label, cells in lines:
            parts = [textwrap.wrap(c, cols[k], break_on_hyphens=False) or [""]
                     for c, k in zip(cells, block)]
            for j in range(max(len(x) for x in parts)):
                text = [(label if j == 0 else "").ljust(label_w)]
                text += [(x[j] if j < len(x) else "").ljust(cols[k]) for x, k in zip(parts, block)]
                out.append("  ".join(text).rstrip())
    return out


def _details(base, c: Comparison, name, w, lang, markdown, moved_limit) -> list:
    def d(x):
        return msp_date(x, lang)

    out = []
    finish_line = (f"{w['finish']} {d(c.finish)} ({_signed(c.finish_working_days)} {w['wd']}, "
                   f"{_signed(c.finish_calendar_days)} {w['cd']})")
    if markdown:
        out.append(f"### {name}\n")
        out.append(f"**{finish_line}**\n")
    else:
        out.append(f"== {name}")
        out.append(finish_line)
    out.extend(_missed_lines(c, w, lang, markdown))
    for b in c.broken_links:
        line = f"{w['warning'].capitalize()}: {broken_link_text(b, lang)}"
        out.append(f"{line}\n" if markdown else line)
    if c.moved:
        out.append(f"{w['moved_head']}:" if not markdown else f"{w['moved_head']}:\n")
        if markdown:
            out.append(f"| ID | {w['task']} | start | {w['finish'].lower()} | {w['period']} |")
            out.append("|---|---|---|---|---|")
        shown = c.moved[:moved_limit]
        width = max(len(m.id) for m in shown)
        for m in shown:
            span = f"{d(m.new_start)} - {d(m.new_finish)}"
            if markdown:
                out.append(f"| {m.id} | {m.name} | {_signed(m.start_days)} | "
                           f"{_signed(m.finish_days)} | {span} |")
            else:
                line = (f"  {m.id.rjust(width)}  {_signed(m.start_days):>4} / "
                        f"{_signed(m.finish_days):<4}  {span}  ")
                out.append(line + _fit(m.name, WIDTH - len(line)))
        if len(c.moved) > moved_limit:
            out.append(f"  ... {len(c.moved) - moved_limit} {w['more']}")
        if markdown:
            out.append("")
    if c.became_critical:
        out.append(f"{w['became']}: " + _task_list(base, c.became_critical, c))
    if c.no_longer_critical:
        out.append(f"{w['stopped']}: " + _task_list(base, c.no_longer_critical, c))
    if c.added:
        out.append(f"{w['added']}: {', '.join(c.added)}")
    if c.removed:
        out.append(f"{w['removed']}: {', '.join(c.removed)}")
    if markdown and (c.became_critical or c.no_longer_critical):
        out.append("")
    out.append(f"{w['chain']}:" + ("\n" if markdown else ""))
    for k, s in enumerate(c.driving_chain):
        via = ""
        if k > 0:
            prev = c.driving_chain[k - 1]
            via = f"<- {_link_kind(prev.link)}: "
        lead = (f"{k + 1}. " if markdown else "  ") + via + f"{s.id} "
        dates = f" ({d(s.start)} - {d(s.finish)})"
        name = s.name if markdown else _fit(s.name, max(20, WIDTH - len(lead) - len(dates)))
        text = lead + name + dates
        if s.reason:
            text += f"; {w['starts_at']} {_reason(s.reason, lang)}"
        out.append(text)
    return out


def _missed_lines(c: Comparison, w: dict, lang: str, markdown: bool) -> list:
    """``Missed deadline: 54 Name: deadline Fri 28.06.24, forecast Wed 25.09.24 (+40 ...)``."""
    out = []
    for m in c.missed_deadlines:
        line = (f"{w['missed_one']}: {m.id} {w['deadline']} {msp_date(m.deadline, lang)}, "
                f"{w['forecast']} {msp_date(m.finish, lang)} (+{m.late_working_days} {w['wd']} "
                f"{w['late']})")
        if markdown:
            out.append(f"**{line}**: {m.name}")
        else:
            room = WIDTH - len(line) - 2
            out.append(line + (f"  {_fit(m.name, room)}" if room >= 12 else ""))
    if markdown and out:
        out.append("")
    return out


def broken_link_text(b, lang: str = "en") -> str:
    """``task 44: its constraint finish no later than 2024-03-01 overrides link 43FS: 44 starts
    Mon 12.02.24, 11 working days before the link allows (43 has total float -11 days)``."""
    w = WORDS[lang]
    return (f"{w['task_word']} {b.succ}: {w['its']} {constraint_words(b.constraint, lang)} "
            f"{w['overrides']} {b.label()}: {b.succ} {w['starts']} {msp_date(b.start, lang)}, "
            f"{b.by_days} {w['before_link']} ({b.pred} {w['has_float']} {b.pred_float} "
            f"{w['days']})")


def broken_link_warnings(sched: Schedule, lang: str = "en") -> list[str]:
    """A ``warning:`` line per link a constraint breaks (none when the logic holds)."""
    from ..schedule import broken_links

    return [f"{WORDS[lang]['warning']}: {broken_link_text(b, lang)}" for b in broken_links(sched)]


def _link_kind(link: tuple) -> str:
    """``FS-11`` for the link 52FS-11 (the task is named next to it)."""
    return link_text(link)[len(link[0]):]


def _task_list(base, ids, c, limit: int = 6) -> str:
    """Names for a few tasks, bare ids for many (the table above has the names)."""
    if len(ids) > limit:
        return ", ".join(ids)
    names = {t.id: t.name for t in base.plan.tasks}
    return "; ".join(f"{i} {names.get(i, '')}".strip() for i in ids)


def render_explain(info: dict, lang: str = "en") -> str:
    w = WORDS[lang]

    def d(x):
        return msp_date(x, lang)

    out = []
    if info["summary"]:
        out.append(f"{w['why']} {info['id']} {info['name']} {w['starts']} {d(info['start'])}: "
                   f"{w['summary_first']} ({info['first_task']}).")
    chain = info["chain"]
    for k, e in enumerate(chain):
        s = e["step"]
        crit = f", {w['critical']}" if e["critical"] else ""
        line = (f"{s.id} {s.name}: {w['starts']} {d(s.start)}, {w['finishes']} {d(s.finish)} "
                f"({w['float']} {e['float']} {w['days']}{crit})")
        if k == 0 and not info["summary"]:
            line = f"{w['why']} " + line
        out.append(("  " * min(k, 1)) + line)
        if s.reason and s.link is not None:
            out.append(f"    {w['starts_at']} {_reason(s.reason, lang)}, {w['after']}:")
        if s.link is not None:
            out.append(f"    {w['waits']} {link_text(s.link)} "
                       f"({s.link[0]} {w['finishes'] if s.link[1][0] == 'F' else w['starts']} "
                       f"{d(e['pred_date'])})")
            for g in e["before"]:
                out.append(f"    {w['crosses']}: {_gap(g, lang)}")
        else:
            out.append(f"    {w['starts_at']} {_reason(s.reason, lang)}")
        if e["constraint"] is not None and e["constraint"].date is not None:
            out.append(f"    {w['held']}: {constraint_words(e['constraint'], lang)}")
        for b in e.get("overrides", ()):
            out.append(f"    {w['overrides_it']} {b.label()} ({b.pred} "
                       f"{w['finishes'] if b.type[0] == 'F' else w['starts']} "
                       f"{d(b.pred_date)}): {b.by_days} {w['before_link']}; {b.pred} "
                       f"{w['has_float']} {b.pred_float} {w['days']}")
        if e["within"]:
            out.append(f"    {w['spans']}: " + "; ".join(_gap(g, lang) for g in e["within"]))
    return "\n".join(out) + "\n"


def _gap(g, lang) -> str:
    if g.first == g.last:
        return f"{g.name} {msp_date(g.first, lang)}"
    return f"{g.name} {msp_date(g.first, lang)} - {msp_date(g.last, lang)}"
