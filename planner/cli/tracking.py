"""Following the plan through the year: ``baseline save|list``, ``status`` and ``trend``
(docs/tracking.md)."""
from __future__ import annotations

import os

import click

from .base import (baseline_option, emit, handle_errors, json_text, lang_option, load_baseline,
                   load_plan_status, main, plan_argument, resolve_lang, schedule_plan,
                   status_option)


@main.group("baseline")
def baseline_group():
    """Save and list baselines: a plan's dates kept under a name (baseline, baseline1 ..
    baseline10, as in MS Project) in PLAN.baselines.yaml beside the plan.

    \b
    Examples:
      planner baseline save plans/ssiks_it.yaml
      planner baseline save plans/ssiks_it.yaml --status status/2023-10-31.yaml --name baseline1
      planner baseline list plans/ssiks_it.yaml
    """


@baseline_group.command("save")
@plan_argument
@status_option
@click.option("--name", default="baseline", show_default=True,
              type=click.Choice(["baseline"] + [f"baseline{k}" for k in range(1, 11)]),
              help="The baseline to save.")
@click.option("--force", is_flag=True, help="Replace a baseline saved under the same name.")
@handle_errors
def baseline_save_cmd(plan, status, name, force):
    """Schedule PLAN (with its status, if given) and save the dates as a baseline."""
    from ..io.baselines_yaml import baselines_path, save_baseline
    from ..tracking import baseline_of

    p = load_plan_status(plan, status)
    sched = schedule_plan(p)
    path = baselines_path(plan)
    replaced = save_baseline(path, baseline_of(sched, name), os.path.basename(plan), force)
    click.echo(f"{path}: {'replaced' if replaced else 'saved'} {name} ({len(p.tasks)} tasks, "
               f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()})",
               err=True)


@baseline_group.command("list")
@plan_argument
@handle_errors
def baseline_list_cmd(plan):
    """List the baselines saved for PLAN: name, status date, start, finish, duration."""
    from ..io.baselines_yaml import baselines_path, load_baselines

    path = baselines_path(plan)
    found = load_baselines(path)
    if not found:
        click.echo(f"{path}: no baselines saved (planner baseline save {plan})", err=True)
        return
    rows = [("Name", "Status date", "Start", "Finish", "Days", "Tasks")]
    for b in found.values():
        rows.append((b.name, b.status_date.isoformat() if b.status_date else "-",
                     b.start.isoformat(), b.finish.isoformat(), str(b.duration),
                     str(len(b.tasks))))
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    click.echo("\n".join("  ".join(c.ljust(widths[k]) for k, c in enumerate(r)).rstrip()
                         for r in rows))


@main.command("status")
@plan_argument
@click.option("--status", "status", required=True, type=click.Path(dir_okay=False),
              help="The status file of this month (docs/tracking.md).")
@click.option("--previous", type=click.Path(dir_okay=False), default=None,
              help="The previous status file: the period starts after its date, and the "
                   "critical path is compared with its schedule.")
@baseline_option
@click.option("--format", "fmt", type=click.Choice(["table", "md", "json"]), default="table",
              show_default=True)
@lang_option()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@handle_errors
def status_cmd(plan, status, previous, baseline_name, fmt, lang, output):
    """The project leader's monthly view of PLAN at the status file's date: done this period,
    in progress, late against the baseline, starting in the next 4 weeks, the finish forecast
    against the baseline, changes of the critical path since --previous, and out-of-sequence
    progress.

    \b
    Example:
      planner status plans/ssiks_it.yaml --status status/2023-10-31.yaml \\
          --previous status/2023-09-29.yaml --baseline baseline --format md
    """
    from ..render.status import render_status, status_to_dict
    from ..tracking import status_report

    base = load_baseline(plan, baseline_name)
    sched = schedule_plan(load_plan_status(plan, status))
    lang = resolve_lang(lang, sched.plan)
    prev = schedule_plan(load_plan_status(plan, previous)) if previous else None
    rep = status_report(sched, base, prev)
    if fmt == "json":
        text = json_text(status_to_dict(rep))
    else:
        text = render_status(rep, lang=lang, markdown=fmt == "md")
    emit(text, output)


@main.command("trend")
@plan_argument
@click.argument("status_files", nargs=-1, required=True, type=click.Path(dir_okay=False),
                metavar="STATUS...")
@baseline_option
@click.option("-o", "--output", "chart", type=click.Path(dir_okay=False), default=None,
              help="Draw the trend chart: OUT.png, OUT.svg or OUT.pdf.")
@click.option("--format", "fmt", type=click.Choice(["table", "md", "json"]), default="table",
              show_default=True)
@lang_option()
@handle_errors
def trend_cmd(plan, status_files, baseline_name, chart, fmt, lang):
    """Milestone trend analysis of PLAN over the STATUS files: the forecast finish of every
    milestone and phase at each status date (flat = stable, rising = slipping).

    \b
    Example:
      planner trend plans/ssiks_it.yaml status/*.yaml -o trend.png
    """
    from ..render.trend import chart_format, render_trend, trend_to_dict, write_trend_chart
    from ..tracking import milestone_trend

    if chart:
        chart_format(chart)                 # a bad file name fails before any work
    base = load_baseline(plan, baseline_name)
    points = [schedule_plan(load_plan_status(plan, path)) for path in status_files]
    trend = milestone_trend(points, base)
    lang = resolve_lang(lang, points[0].plan)
    if fmt == "json":
        text = json_text(trend_to_dict(trend))
    else:
        text = render_trend(trend, lang=lang, markdown=fmt == "md")
    click.echo(text, nl=False)
    if chart:
        write_trend_chart(trend, chart, lang=lang)
        click.echo(f"wrote {chart}", err=True)
