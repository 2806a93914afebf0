"""``planner schedule``, ``planner validate`` and ``planner explain``: one plan's schedule,
its soundness, and why a task starts when it does."""
from __future__ import annotations

import shutil
import sys

import click

from ..errors import PlanError
from .base import baseline_option, csv_dialect_option, emit, format_option, handle_errors, \
    lang_option, load_baseline, load_scheduled, load_with_overlays, main, plan_argument, \
    resolve_lang, scenario_options, schedule_plan, status_option, warn_broken_links


@main.command("schedule")
@plan_argument
@format_option("table", "json", "csv", "xlsx",
               help="Output format; xlsx is an Excel workbook (dates as date cells, phases "
                    "grouped, critical tasks red).")
@lang_option(help="Language of the table's words and weekdays.")
@csv_dialect_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@scenario_options
@status_option
@baseline_option
@handle_errors
def schedule_cmd(plan, fmt, lang, dialect, output, scenarios, sets, status, baseline_name):
    """Compute early/late dates, float and the critical path of PLAN.

    With --scenario/--set, the schedule of the plan as the overlays change it, named above
    the table (and as "scenarios" in the JSON project).  With --status, the plan re-forecast
    from the actuals of a status file; with --baseline, the variance against a saved baseline
    (docs/tracking.md).  A constraint that overrides a link (the task starts before its
    predecessor allows) gets a warning line on standard error and "broken_links" in the JSON.
    Exits 1 (after printing) when a task finishes after its deadline.
    """
    base = load_baseline(plan, baseline_name)
    p, overlays = load_with_overlays(plan, scenarios, sets, status)
    sched = schedule_plan(p, overlays)
    names = [o.name for o in overlays]
    lang = resolve_lang(lang, p)
    if fmt == "json":
        from ..io.schedule_json import schedule_to_json

        text = schedule_to_json(sched, names, base)
    elif fmt == "csv":
        from ..render.table import render_csv

        text = render_csv(sched, dialect)
    elif fmt == "xlsx":
        from ..render.xlsx import schedule_xlsx

        title = p.name + (f" ({'; '.join(names)})" if names else "")
        text = schedule_xlsx(sched, lang, title)
    else:
        from ..render.table import render_table

        width = None
        if output is None and sys.stdout.isatty():
            width = max(30, shutil.get_terminal_size().columns - 62)
        text = render_table(sched, lang=lang, name_width=width, scenarios=names)
        if sched.plan.tracked or base is not None:
            from ..render.status import tracking_footer

            text += tracking_footer(sched, base, lang)
    emit(text, output)
    warn_broken_links(sched, lang)
    from ..schedule import check_deadlines

    check_deadlines(sched)


@main.command("validate")
@plan_argument
@click.option("--checks/--no-checks", default=True, show_default=True,
              help="Also list DCMA-style schedule checks (open ends, leads, lags, hard "
                   "constraints, long tasks, large or negative float).")
@lang_option(help="Language of the schedule checks.")
@handle_errors
def validate_cmd(plan, checks, lang):
    """Check PLAN: format, ids, links, cycles, calendar, and that it schedules.

    Exits 0 when the plan is sound, 2 with FILE:LINE: message when it is not, 1 when a task
    misses its deadline.  The schedule checks are for review and never change the exit code.
    """
    from ..checks import health, render_health, validate_summary

    p, sched = load_scheduled(plan)
    lang = resolve_lang(lang, p)
    click.echo(validate_summary(plan, sched, lang))
    if checks:
        click.echo(render_health(health(sched), lang=lang), nl=False)
    warn_broken_links(sched, lang)
    from ..schedule import check_deadlines

    check_deadlines(sched)


@main.command("explain")
@plan_argument
@click.argument("task")
@lang_option()
@scenario_options
@status_option
@handle_errors
def explain_cmd(plan, task, lang, scenarios, sets, status):
    """Why TASK starts when it does: its driving predecessor chain back to the start,
    with the constraints and the holidays or seasons in the way.

    \b
    Example:
      planner explain plans/ssiks_it.yaml 17
    """
    from ..render.whatif import render_explain
    from ..scenario import explain

    p, sched = load_scheduled(plan, scenarios, sets, status)
    if task not in sched.net.index:
        raise PlanError(f"no task {task!r} in the plan {sched.plan.name!r}")
    lang = resolve_lang(lang, p)
    click.echo(render_explain(explain(sched, task, lang), lang=lang), nl=False)
