"""Every word and date on the chart in Norwegian (nb) and English (en), without the system
locale: the word table, month and weekday names, and the date formats."""
from __future__ import annotations

import datetime as dt

MONTHS = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
WEEKDAYS = {
    "nb": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
WORDS = {
    "nb": {"id": "ID", "name": "Aktivitet", "dur": "Varighet", "start": "Start",
           "finish": "Slutt", "week": "uke", "d": "d",
           "finish_title": "Slutt", "start_title": "start", "cp": "kritisk linje",
           "rcp": "ressurskritisk linje", "rcritical": "Ressurskritisk aktivitet",
           "wd": ("arbeidsdag", "arbeidsdager"), "cd": ("kalenderdag", "kalenderdager"),
           "baseline": "Grunnplan", "change": "endring", "same": "ingen endring",
           "scenario": "Scenario",
           "critical": "Kritisk aktivitet", "task": "Aktivitet", "summary": "Fase / sammendrag",
           "milestone": "Milepæl", "float": "Total slakk", "season": "Ferieperiode",
           "holiday": "Offentlig fridag", "finish_line": "Prosjektslutt",
           "status": "Statusdato", "link": "Avhengighet", "truncated": "Forkortede navn",
           "ghost": "Grunnplan (før endring)", "deadline": "Frist",
           "delay": "Utjevningsforsinkelse", "pc": "Utført",
           "done": "Utført arbeid", "split": "Opphold: resten etter statusdato",
           "late": "Forsinket mot grunnplanen", "late_plan": "Forsinket mot planen",
           "saved": "Grunnplan"},
    "en": {"id": "ID", "name": "Task", "dur": "Duration", "start": "Start",
           "finish": "Finish", "week": "week", "d": "d",
           "finish_title": "Finish", "start_title": "start", "cp": "critical path",
           "rcp": "resource-critical path", "rcritical": "Resource-critical task",
           "wd": ("working day", "working days"), "cd": ("calendar day", "calendar days"),
           "baseline": "Baseline", "change": "change", "same": "no change",
           "scenario": "Scenario",
           "critical": "Critical task", "task": "Task", "summary": "Phase / summary",
           "milestone": "Milestone", "float": "Total float", "season": "Holiday season",
           "holiday": "Public holiday", "finish_line": "Project finish",
           "status": "Status date", "link": "Dependency", "truncated": "Shortened names",
           "ghost": "Baseline (before the change)", "deadline": "Deadline",
           "delay": "Levelling delay", "pc": "Done",
           "done": "Work done", "split": "Gap: the rest after the status date",
           "late": "Late against the baseline", "late_plan": "Late against the plan",
           "saved": "Baseline"},
}


def long_date(d: dt.date, lang: str) -> str:
    """``fredag 28. juni 2024`` / ``Friday 28 June 2024``, without the system locale."""
    wd, month = WEEKDAYS[lang][d.weekday()], MONTHS[lang][d.month - 1]
    if lang == "nb":
        return f"{wd} {d.day}. {month} {d.year}"
    return f"{wd} {d.day} {month} {d.year}"


def short_date(d: dt.date, lang: str) -> str:
    """``28.06.24`` / ``2024-06-28``."""
    return f"{d:%d.%m.%y}" if lang == "nb" else d.isoformat()


def count_text(n, words: tuple, signed: bool = False, lang: str = "en") -> str:
    """``1 arbeidsdag``, ``+20 arbeidsdager``, ``2,5 arbeidsdager`` (a part-day plan's):
    ``words`` is (singular, plural)."""
    from ..table import number_text

    word = words[0] if abs(n) == 1 else words[1]
    return f"{number_text(n, lang, signed)} {word}"


def month_label(lang: str, month: int, width: str) -> str:
    """A month's name ``full``, ``abbr`` (three letters) or as its first letter."""
    name = MONTHS[lang][month - 1]
    if width == "full":
        return name
    if width == "abbr":
        return name[:3]
    return name[0]
