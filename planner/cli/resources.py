"""``planner load`` and ``planner level``: resource loads and over-allocations, and levelling
with OR-Tools CP-SAT (imported inside the commands only)."""
from __future__ import annotations

import click

from ..errors import CheckFailed, PlanError
from .base import csv_dialect_option, emit, finite, format_option, handle_errors, json_text, \
    lang_option, load_with_overlays, main, plan_argument, resolve_lang, scenario_options, \
    schedule_plan, status_option


@main.command("load")
@plan_argument
@format_option("table", "json", "csv", "xlsx",
               help="Output format of the weekly load; xlsx (an Excel workbook) goes to "
                    "standard output: redirect it (> load.xlsx).")
@lang_option(help="Language of the table and the charts.")
@csv_dialect_option
@click.option("-o", "--output", "png_dir", type=click.Path(file_okay=False), default=None,
              help="Folder to write the load figure into: load.png (a row per resource "
                   "on one time axis; a levelled plan shows the load before levelling as an "
                   "outline) and load_<resource>.png (one row each, same axis).")
@click.option("--unlevelled", is_flag=True,
              help="Ignore the plan's levelling delays (show the load before levelling).")
@scenario_options
@status_option
@handle_errors
def load_cmd(plan, fmt, lang, dialect, png_dir, unlevelled, scenarios, sets, status):
    """Resource load per ISO week, and every over-allocation, from PLAN's schedule.

    On a plan as written (no levelling delays) this is the unlevelled load; on a plan written
    by `planner level -o` it is the levelled one.  Exits 1 when a resource is over-allocated.
    """
    from ..level import resource_loads, without_levelling
    from ..render.levelling import format_loads, load_title, loads_to_csv, loads_to_dict

    p, overlays = load_with_overlays(plan, scenarios, sets, status)
    if unlevelled:
        p = without_levelling(p)
    sched = schedule_plan(p, overlays)
    if not p.resources:
        raise PlanError("the plan has no `resources:` to show a load for", file=p.source,
                        path=())
    loads = resource_loads(sched)
    levelled = any(t.leveling_delay for t in p.tasks)
    lang = resolve_lang(lang, p)
    title = load_title(plan, sched, levelled, lang)
    if fmt == "json":
        text = json_text(loads_to_dict(loads, sched))
    elif fmt == "csv":
        text = loads_to_csv(loads, dialect)
    elif fmt == "xlsx":
        from ..render.xlsx import loads_xlsx

        text = loads_xlsx(loads, sched, lang)
    else:
        text = format_loads(loads, sched, title, lang)
    emit(text, None)
    if png_dir:
        from ..render.load_chart import write_load_charts

        before = None
        if levelled and not unlevelled:           # the load before levelling, same scale
            before = resource_loads(schedule_plan(without_levelling(p), overlays))
        for path in write_load_charts(loads, png_dir, sched, title, lang, before):
            click.echo(f"wrote {path}", err=True)
    if any(ld.over for ld in loads):
        n = sum(len(ld.over) for ld in loads)
        raise CheckFailed(f"{n} over-allocation{'s' * (n != 1)} (level them with "
                          f"`planner level {plan} -o LEVELLED.yaml`)")


@main.command("level")
@plan_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the levelled plan (YAML or .json) here: each delayed task gets "
                   "`leveling_delay`, so schedule, gantt, whatif and export use it as is.")
@click.option("--objective", type=click.Choice(["finish", "smooth"]), default="finish",
              show_default=True,
              help="finish: earliest project finish, then least total delay. smooth: the "
                   "same finish, then the lowest peak load per resource.")
@click.option("--within-float", is_flag=True,
              help="Delay tasks only inside their total float, so the finish never moves "
                   "(MS Project's 'level only within available slack').")
@click.option("--time-limit", type=click.FloatRange(min=0.1, max=7 * 86400), default=30.0,
              show_default=True, callback=finite,
              help="Seconds the solver may use in all (the best plan found is kept).")
@click.option("--workers", type=click.IntRange(min=1, max=64), default=2, show_default=True,
              help="CP-SAT search workers (threads).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print progress on standard error.")
@lang_option(help="Language of the report.")
@scenario_options
@status_option
@handle_errors
def level_cmd(plan, output, objective, within_float, time_limit, workers, fmt, quiet, lang,
              scenarios, sets, status):
    """Level PLAN's resources optimally with OR-Tools CP-SAT.

    Prints a report: OPTIMAL or FEASIBLE with bound and gap, the finish before and after,
    the peak load per resource, and every task that moved with the resource conflict that
    moved it.  Progress (each improving solution) goes to standard error; Ctrl-C stops the
    search and keeps the best plan so far.  Exits 1 when no levelled plan exists (date
    constraints leave no room), when the levelled plan misses a deadline, or with
    --within-float when over-allocations remain (as `planner load` does).  -o keeps the plan
    file's comments and layout and changes only the `leveling_delay` keys.

    \b
    Examples:
      planner level plans/ssiks_it.yaml -o levelled.yaml
      planner schedule levelled.yaml
      planner level plans/ssiks_it.yaml --within-float
    """
    import time

    from ..level import level
    from ..render.levelling import format_report, progress_printer, result_to_dict, start_line

    p, overlays = load_with_overlays(plan, scenarios, sets, status)
    lang = resolve_lang(lang, p)
    if output:
        from ..io.output import refuse_input

        refuse_input(output)             # before the solve, not after it
    label = plan + "".join(f" + {o.name}" for o in overlays)
    progress = None
    if not quiet:
        from ..level import units_scale

        progress = progress_printer(units_scale(p), lambda s: click.echo(s, err=True), lang)
    started = time.perf_counter()
    if not quiet:
        click.echo(start_line(plan, objective, within_float, time_limit, workers, lang),
                   err=True)
    try:
        res = level(p, objective=objective, within_float=within_float, time_limit=time_limit,
                    workers=workers, progress=progress)
    except PlanError as exc:
        raise exc.where(file=p.source)
    if not quiet:
        click.echo(("done in" if lang == "en" else "ferdig på") +
                   f" {time.perf_counter() - started:.2f} s", err=True)
    if fmt == "json":
        text = json_text(result_to_dict(res))
    else:
        text = format_report(res, label, lang=lang)
    click.echo(text, nl=False)
    if res.outcome.starts is None:
        why = "; ".join(res.outcome.notes) or res.status
        raise CheckFailed(f"no levelled plan: {why} (relax a date constraint or a capacity)")
    if output:
        _write_levelled(res.plan, p.source if not overlays else None, output, quiet)
        if status and not quiet:
            click.echo(f"note: the delays are for the plan at {status}: schedule {output} with "
                       f"--status {status}", err=True)
    from ..schedule import check_deadlines

    check_deadlines(res.after)
    if within_float:
        from ..level import resource_loads

        left = sum(len(ld.over) for ld in resource_loads(res.after))
        if left:
            raise CheckFailed(f"{left} over-allocation{'s' * (left != 1)} remain within float "
                              f"(level without --within-float to remove them, moving the "
                              f"finish)")


def _write_levelled(plan, source, output: str, quiet: bool) -> None:
    """The levelled plan: the source file with only its delays edited when possible (its
    comments and layout kept), else the plan written whole (a JSON file, or overlays)."""
    from ..io.plan_edit import write_levelled_plan

    kept = write_levelled_plan(source, plan, output)
    if not kept:
        from ..io.yaml_plan import save_plan

        save_plan(plan, output)
    n = sum(1 for t in plan.tasks if t.leveling_delay)
    if not quiet:
        how = "the plan file with its comments" if kept else "the whole plan"
        click.echo(f"wrote {output} ({how}; leveling_delay on {n} task{'s' * (n != 1)})",
                   err=True)
