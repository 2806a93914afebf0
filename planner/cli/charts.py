"""``planner gantt``: the Gantt chart as PNG, SVG or PDF (matplotlib, imported here only)."""
from __future__ import annotations

import click

from ..errors import PlanError
from .base import baseline_option, handle_errors, lang_option, load_baseline, \
    load_plan_status, main, plan_argument, read_overlays, resolve_lang, scenario_options, \
    schedule_plan, status_option


@main.command("gantt")
@plan_argument
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The chart to write: OUT.png, OUT.svg or OUT.pdf.")
@click.option("--links", is_flag=True, help="Draw the dependency arrows.")
@lang_option(help="Language of the chart's words, months and dates.")
@click.option("--status-date", "status_date", metavar="YYYY-MM-DD", default=None,
              help="Draw a status-date line at the end of this day [default: the plan's "
                   "project.status_date, if any].")
@click.option("--paper", type=click.Choice(["A4", "A3", "A2", "A1", "A0"], case_sensitive=False),
              default="A3", show_default=True,
              help="Landscape page size; a long plan makes the page taller.")
@click.option("--dpi", type=click.IntRange(50, 600), default=150, show_default=True,
              help="PNG resolution (lowered for charts over 40 megapixels).")
@click.option("--name-width", "name_width", type=click.IntRange(10, 500), default=None,
              help="Shorten task names longer than this many characters [default: as many "
                   "as fit a third of the page].")
@scenario_options
@status_option
@baseline_option
@handle_errors
def gantt_cmd(plan, output, links, lang, status_date, paper, dpi, name_width, scenarios, sets,
              status, baseline_name):
    """Draw the Gantt chart of PLAN as a PNG, SVG or PDF file.

    With --scenario/--set, the scenario's schedule is drawn over the baseline's ghost
    bars, and the title gives the change of the finish date.  With --status, the progress:
    work done darker inside the bars, tasks split at the status date, late tasks outlined.
    With --baseline NAME, the saved baseline's bars under the current ones (and the change
    of the finish date against it).

    \b
    Examples:
      planner gantt plans/ssiks_it.yaml -o plan.png
      planner gantt plans/ssiks_it.yaml -o plan.pdf --links --status-date 2024-01-15
      planner gantt plans/ssiks_it.yaml -o plan.svg --lang en --paper A2
      planner gantt plans/ssiks_it.yaml --scenario scenarios/slow_decisions.yaml -o slow.png
      planner gantt plans/ssiks_it.yaml --status status/2023-10-31.yaml --baseline baseline \
          -o oktober.png
    """
    from ..render.gantt import format_of

    format_of(output)                      # a bad file name fails before any work
    when = None
    if status_date is not None:
        from ..io.documents import as_date

        try:
            when = as_date(status_date, ())
        except PlanError as exc:
            raise PlanError(f"--status-date: {exc.message}") from None
    saved = load_baseline(plan, baseline_name)
    base_plan = load_plan_status(plan, status)
    sched = schedule_plan(base_plan)
    baseline = label = None
    overlays = read_overlays(scenarios, sets)
    if overlays:
        from ..scenario import apply_scenarios

        baseline = sched
        sched = schedule_plan(apply_scenarios(base_plan, overlays), overlays)
        label = ", ".join(o.name for o in overlays)
    if saved is not None:
        baseline = saved                   # the saved baseline's bars, not the plan's
    from ..render.gantt import render_gantt

    lang = resolve_lang(lang, base_plan)

    layout = render_gantt(sched, output, baseline=baseline, scenario_label=label, links=links,
                          lang=lang, status_date=when, paper=paper.upper(), dpi=dpi,
                          max_name_chars=name_width)
    w, h = layout.pixels
    size = f"{w} x {h} px at {layout.dpi:g} dpi" if layout.fmt == "png" else \
        f"{layout.width_in:.1f} x {layout.height_in:.1f} in"
    note = " (resolution lowered to stay under 40 megapixels)" if layout.dpi_reduced else ""
    click.echo(f"{output}: {len(layout.rows)} tasks, {size}{note}", err=True)
