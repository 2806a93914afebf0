"""``planner load`` and ``planner level``: resource loads and over-allocations, and levelling
with OR-Tools CP-SAT (imported inside the commands only)."""
from __future__ import annotations

import click

from ..errors import CheckFailed, PlanError
from .base import finite, handle_errors, json_text, load_with_overlays, main, plan_argument, \
    scenario_options, schedule_plan


@main.command("load")
@plan_argument
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format of the weekly load.")
@click.option("-o", "--output", "png_dir", type=click.Path(file_okay=False), default=None,
              help="Folder to write one load histogram PNG per resource into "
                   "(load_<resource>.png).")
@click.option("--unlevelled", is_flag=True,
              help="Ignore the plan's levelling delays (show the load before levelling).")
@scenario_options
@handle_errors
def load_cmd(plan, fmt, png_dir, unlevelled, scenarios, sets):
    """Resource load per ISO week, and every over-allocation, from PLAN's schedule.

    On a plan as written (no levelling delays) this is the unlevelled load; on a plan written
    by `planner level -o` it is the levelled one.  Exits 1 when a resource is over-allocated.
    """
    from ..level import resource_loads, without_levelling
    from ..render.levelling import format_loads, loads_to_csv, loads_to_dict

    p, overlays = load_with_overlays(plan, scenarios, sets)
    if unlevelled:
        p = without_levelling(p)
    sched = schedule_plan(p, overlays)
    if not p.resources:
        raise PlanError("the plan has no `resources:` to show a load for", file=p.source,
                        path=())
    loads = resource_loads(sched)
    levelled = any(t.leveling_delay for t in p.tasks)
    title = f"Resource load of {plan} ({'levelled' if levelled else 'unlevelled'} schedule, " \
            f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()})"
    if fmt == "json":
        text = json_text(loads_to_dict(loads, sched))
    elif fmt == "csv":
        text = loads_to_csv(loads)
    else:
        text = format_loads(loads, sched, title)
    click.echo(text, nl=False)
    if png_dir:
        from ..render.load_chart import write_load_charts

        for path in write_load_charts(loads, png_dir, title):
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
@scenario_options
@handle_errors
def level_cmd(plan, output, objective, within_float, time_limit, workers, fmt, quiet,
              scenarios, sets):
    """Level PLAN's resources optimally with OR-Tools CP-SAT.

    Prints a report: OPTIMAL or FEASIBLE with bound and gap, the finish before and after,
    the peak load per resource, and every task that moved with the resource conflict that
    moved it.  Progress (each improving solution) goes to standard error; Ctrl-C stops the
    search and keeps the best plan so far.  Exits 1 when no levelled plan exists (date
    constraints leave no room) or when the levelled plan misses a deadline.

    \b
    Examples:
      planner level plans/ssiks_it.yaml -o levelled.yaml
      planner schedule levelled.yaml
      planner level plans/ssiks_it.yaml --within-float
    """
    import time

    from ..level import level
    from ..render.levelling import format_report, progress_printer, result_to_dict

    p, overlays = load_with_overlays(plan, scenarios, sets)
    if output:
        from ..io.output import refuse_input

        refuse_input(output)             # before the solve, not after it
    label = plan + "".join(f" + {o.name}" for o in overlays)
    progress = None
    if not quiet:
        from ..level import units_scale

        progress = progress_printer(units_scale(p), lambda s: click.echo(s, err=True))
    started = time.perf_counter()
    if not quiet:
        click.echo(f"levelling {plan} ({objective}{', within float' if within_float else ''}"
                   f", {time_limit:g} s, {workers} worker{'s' * (workers != 1)}; Ctrl-C keeps "
                   f"the best plan so far)", err=True)
    try:
        res = level(p, objective=objective, within_float=within_float, time_limit=time_limit,
                    workers=workers, progress=progress)
    except PlanError as exc:
        raise exc.where(file=p.source)
    if not quiet:
        click.echo(f"done in {time.perf_counter() - started:.2f} s", err=True)
    if fmt == "json":
        text = json_text(result_to_dict(res))
    else:
        text = format_report(res, label)
    click.echo(text, nl=False)
    if res.outcome.starts is None:
        why = "; ".join(res.outcome.notes) or res.status
        raise CheckFailed(f"no levelled plan: {why} (relax a date constraint or a capacity)")
    if output:
        from ..io.yaml_plan import save_plan

        save_plan(res.plan, output)
        n = sum(1 for t in res.plan.tasks if t.leveling_delay)
        if not quiet:
            click.echo(f"wrote {output} (leveling_delay on {n} task{'s' * (n != 1)})", err=True)
    from ..schedule import check_deadlines

    check_deadlines(res.after)
