"""Every word of the board report in Norwegian (nb) and English (en), and its date and number
formats, without the system locale.  Month and weekday names come from the Gantt chart's table
so that the chart and the text agree."""
from __future__ import annotations

import datetime as dt

from ..gantt.words import MONTHS, WEEKDAYS, long_date, short_date

LANGS = ("nb", "en")

WORDS = {
    "nb": {
        "title": "Statusrapport", "report_as_of": "Statusrapport per {date}",
        "for_board": "Rapport til styret",
        "status_as_of": "Status per", "no_status_title": "Rapport om planen (uten status)",
        "summary": "Status i korte trekk", "dates": "Nøkkeldatoer",
        "trend": "Milepælstrend", "period": "Denne perioden og neste",
        "critical": "Kritisk linje", "gantt": "Gantt-diagram", "risks": "Risiko for sluttdato",
        "resources": "Ressurser", "footer": "Om rapporten",
        "schedule": "Tidsplan", "green": "GRØNN", "amber": "GUL", "red": "RØD",
        "rule": "Regel: grønn når prognosert slutt er på eller før grunnplanens slutt, gul "
                "når den er inntil {n} etter, rød ut over det.",
        "forecast_finish": "Prognosert slutt", "baseline_finish": "Grunnplanens slutt",
        "variance": "Avvik", "work_done": "Utført arbeid",
        "work_done_text": "{pct} av arbeidet ({done} av {total} arbeidsdager i aktivitetene)",
        "p50": "P50 (styringsramme)", "p85": "P85 (kostnadsramme)",
        "chance": "Sjanse for å nå grunnplanens slutt",
        "chance_plan": "Sjanse for å nå planlagt slutt",
        "p_explained": "P50 og P85 er datoene prosjektet blir ferdig innen med 50 % og 85 % "
                       "sannsynlighet, ut fra {n} simuleringer av usikre varigheter og "
                       "risikohendelser{rest}.",
        "p_rest": " i arbeidet som gjenstår (det utførte er fakta)",
        "chance_text": "{pct} ({n} simuleringer)",
        "later": "senere", "earlier": "tidligere", "on_time": "som grunnplanen",
        "wd": ("arbeidsdag", "arbeidsdager"), "cd": ("kalenderdag", "kalenderdager"),
        "id": "ID", "name": "Aktivitet", "item": "Fase / milepæl", "start": "Start",
        "finish": "Slutt", "baseline": "Grunnplan", "previous": "Forrige prognose",
        "current": "Prognose nå", "variance_wd": "Avvik (arb.dager)",
        "change_wd": "Endring siden sist", "remaining": "Gjenstår", "pct": "Utført",
        "float": "Slakk", "phase": "fase", "milestone": "milepæl", "project": "prosjekt",
        "done_period": "Ferdig siden forrige status", "in_progress": "Pågår",
        "late": "Forsinket mot grunnplanen", "starting": "Starter de neste 4 ukene",
        "none": "Ingen.", "critical_now": "Kritiske aktiviteter nå",
        "entered": "Ble kritiske siden forrige status", "left": "Ikke lenger kritiske",
        "chains": "Kritiske kjeder", "more_chains": "… og flere kjeder",
        "drivers": "Største drivere (sensitivitet)", "events": "Risikohendelser etter virkning",
        "criticality": "Kritikalitet", "cruciality": "Sensitivitet", "risk_event": "Risikohendelse",
        "probability": "Sannsynlighet", "occurred": "Inntraff", "impact": "Virkning på slutt",
        "resource": "Ressurs", "capacity": "Kapasitet", "peak": "Største belastning",
        "over": "Overbelastninger", "no_over": "Ingen overbelastninger igjen.",
        "period_from_to": "Fra {a} til {b}", "tasks_word": "aktiviteter",
        "plan_file": "Planfil", "status_file": "Statusfil", "status_date": "Statusdato",
        "baseline_name": "Grunnplan", "version": "planner-versjon", "command": "Kommando",
        "estimates_file": "Estimatfil", "history": "Historikk", "made": "Laget",
        "plan_as_baseline": "planen slik den er skrevet (ingen lagret grunnplan)",
        "no_status": "Ingen status: gi --status FILE",
        "no_history": "Ingen milepælstrend: gi --history med statusfiler",
        "no_history_one": "Ingen milepælstrend: trenden trenger minst to statusfiler i "
                          "--history",
        "no_previous": "Ingen forrige status i --history: endringer siden sist kan ikke vises",
        "no_estimates": "Ingen risikoanalyse: gi --estimates FILE",
        "no_resources": "Planen har ingen ressurser.",
        "no_rag": "Ingen vurdering av tidsplanen: gi --status FILE eller --baseline NAME",
        "no_reference": "Ingen grunnplan å måle mot: gi --status FILE eller --baseline NAME",
        "not_available": "—", "yes": "ja", "no": "nei",
        "scurve_caption": "S-kurve: sannsynligheten for å være ferdig innen en dato.",
        "trend_alt": "{n} faser og milepæler over {k} statusdatoer",
        "trend_caption": "Flat linje: stabil prognose. Stigende linje: milepælen glir.",
        "gantt_status": "Den mørke delen av en stolpe er utført arbeid, den grønne stiplede "
                        "linjen er statusdatoen, og forsinkede aktiviteter har oransje ramme.",
        "gantt_baseline": "De tynne grå stolpene er grunnplanen.",
        "shortened": "forkortet",
        "largest_delays": "Største forsinkelser",
        "longer": "Lengre enn i grunnplanen", "path_now": "Kritisk linje nå",
        "and_more": "og flere",
        "season_slip": "Forsinkelsen går over {season}, {a}–{b}: {wd} blir {cd}.",
    },
    "en": {
        "title": "Status report", "report_as_of": "Status report as of {date}",
        "for_board": "Report to the board",
        "status_as_of": "Status as of", "no_status_title": "Report on the plan (no status)",
        "summary": "Status at a glance", "dates": "Key dates",
        "trend": "Milestone trend", "period": "This period and the next",
        "critical": "Critical path", "gantt": "Gantt chart", "risks": "Finish-date risk",
        "resources": "Resources", "footer": "About this report",
        "schedule": "Schedule", "green": "GREEN", "amber": "AMBER", "red": "RED",
        "rule": "Rule: green when the forecast finish is on or before the baseline finish, "
                "amber when it is up to {n} later, red beyond that.",
        "forecast_finish": "Forecast finish", "baseline_finish": "Baseline finish",
        "variance": "Variance", "work_done": "Work done",
        "work_done_text": "{pct} of the work ({done} of {total} working days in the tasks)",
        "p50": "P50 (target)", "p85": "P85 (upper limit)",
        "chance": "Chance of meeting the baseline finish",
        "chance_plan": "Chance of meeting the planned finish",
        "p_explained": "P50 and P85 are the dates the project finishes by with a chance of "
                       "50% and 85%, from {n} simulations of uncertain durations and risk "
                       "events{rest}.",
        "p_rest": " in the work that remains (what is done is fact)",
        "chance_text": "{pct} ({n} simulations)",
        "later": "later", "earlier": "earlier", "on_time": "as the baseline",
        "wd": ("working day", "working days"), "cd": ("calendar day", "calendar days"),
        "id": "ID", "name": "Task", "item": "Phase / milestone", "start": "Start",
        "finish": "Finish", "baseline": "Baseline", "previous": "Previous forecast",
        "current": "Forecast now", "variance_wd": "Variance (working days)",
        "change_wd": "Change since last", "remaining": "Remaining", "pct": "Done",
        "float": "Float", "phase": "phase", "milestone": "milestone", "project": "project",
        "done_period": "Done since the previous status", "in_progress": "In progress",
        "late": "Late against the baseline", "starting": "Starting in the next 4 weeks",
        "none": "None.", "critical_now": "Critical tasks now",
        "entered": "Became critical since the previous status", "left": "No longer critical",
        "chains": "Critical chains", "more_chains": "… and more chains",
        "drivers": "Top drivers (cruciality)", "events": "Risk events by impact",
        "criticality": "Criticality", "cruciality": "Cruciality", "risk_event": "Risk event",
        "probability": "Probability", "occurred": "Occurred", "impact": "Impact on finish",
        "resource": "Resource", "capacity": "Capacity", "peak": "Peak load",
        "over": "Over-allocations", "no_over": "No over-allocations left.",
        "period_from_to": "From {a} to {b}", "tasks_word": "tasks",
        "plan_file": "Plan file", "status_file": "Status file", "status_date": "Status date",
        "baseline_name": "Baseline", "version": "planner version", "command": "Command",
        "estimates_file": "Estimates file", "history": "History", "made": "Made",
        "plan_as_baseline": "the plan as written (no saved baseline)",
        "no_status": "No status: give --status FILE",
        "no_history": "No milestone trend: give --history with status files",
        "no_history_one": "No milestone trend: the trend needs at least two status files in "
                          "--history",
        "no_previous": "No previous status in --history: changes since last cannot be shown",
        "no_estimates": "No risk analysis: give --estimates FILE",
        "no_resources": "The plan has no resources.",
        "no_rag": "No schedule judgement: give --status FILE or --baseline NAME",
        "no_reference": "No baseline to measure against: give --status FILE or --baseline NAME",
        "not_available": "—", "yes": "yes", "no": "no",
        "scurve_caption": "S-curve: the chance of finishing by a date.",
        "trend_alt": "{n} phases and milestones over {k} status dates",
        "trend_caption": "A flat line is a stable forecast; a rising line is a slipping "
                         "milestone.",
        "gantt_status": "The dark part of a bar is work done, the dashed green line is the "
                        "status date, and late tasks have an orange outline.",
        "gantt_baseline": "The thin grey bars are the baseline.",
        "shortened": "shortened",
        "largest_delays": "Largest delays",
        "longer": "Longer than in the baseline", "path_now": "Critical path now",
        "and_more": "and more",
        "season_slip": "The slip runs over the {season}, {a} to {b}: {wd} become {cd}.",
    },
}


def date_short(d: dt.date | None, lang: str) -> str:
    """``28.06.24`` / ``2024-06-28``; a dash for no date."""
    return WORDS[lang]["not_available"] if d is None else short_date(d, lang)


def date_long(d: dt.date, lang: str) -> str:
    """``fredag 28. juni 2024`` / ``Friday 28 June 2024``."""
    return long_date(d, lang)


def month_year(d: dt.date, lang: str) -> str:
    """``oktober 2023`` / ``October 2023``."""
    return f"{MONTHS[lang][d.month - 1]} {d.year}"


def weekday(d: dt.date, lang: str) -> str:
    return WEEKDAYS[lang][d.weekday()]


def count(n: int, words: tuple, signed: bool = False) -> str:
    """``1 arbeidsdag``, ``+15 arbeidsdager``, ``0 arbeidsdager`` (no sign on zero)."""
    word = words[0] if abs(n) == 1 else words[1]
    return f"{n:+d} {word}" if signed and n else f"{n} {word}"


def signed(n: int | None, lang: str) -> str:
    """``+5``, ``−3`` (a true minus sign), ``0``; a dash for None."""
    if n is None:
        return WORDS[lang]["not_available"]
    if n > 0:
        return f"+{n}"
    return f"\u2212{-n}" if n < 0 else "0"


def percent(x: float, lang: str, digits: int = 0) -> str:
    """``42 %`` with a decimal comma in Norwegian (``42,5 %``), ``42%`` / ``42.5%`` in
    English."""
    text = f"{100 * x:.{digits}f}"
    if lang == "nb":
        return text.replace(".", ",") + "\u00a0%"
    return text + "%"


def number(x: float, lang: str, digits: int = 2) -> str:
    """A decimal number with a decimal comma in Norwegian."""
    text = f"{x:.{digits}f}"
    return text.replace(".", ",").replace("-", "\u2212") if lang == "nb" else text


def check_lang(lang: str) -> None:
    from ...errors import PlanError

    if lang not in WORDS:
        raise PlanError(f"unknown language {lang!r}; use one of: {', '.join(LANGS)}")
