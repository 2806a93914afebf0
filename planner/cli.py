"""The ``planner`` command line: a thin click layer over the library.

Exit codes: 0 success, 1 a check failed (e.g. a missed deadline), 2 bad input or usage.
Heavy libraries (ortools, matplotlib) are imported inside the commands that need them.
"""
from __future__ import annotations

import functools
import shutil
import sys

import click

from . import __version__
from .errors import CheckFailed, PlanError


def handle_errors(fn):
    """Turn PlanError into ``FILE:LINE: message`` and exit 2; CheckFailed into exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PlanError as exc:
            click.echo(f"error: {exc.format()}" if not exc.file else exc.format(), err=True)
            sys.exit(2)
        except CheckFailed as exc:
            click.echo(f"check failed: {exc}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def load_scheduled(plan_path: str):
    """Load a plan and schedule it."""
    from .io.yaml_plan import load_plan
    from .schedule import schedule

    plan = load_plan(plan_path)
    try:
        return plan, schedule(plan)
    except PlanError as exc:
        raise exc.where(file=plan.source)


def emit(text: str, output: str | None) -> None:
    """Print, or write a whole file atomically when ``-o`` names one."""
    if output and output != "-":
        from .io.documents import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="planner")
def main():
    """planner: critical-path scheduling in Norwegian working days.

    \b
    Examples:
      planner schedule plans/ssiks_it.yaml
      planner schedule plans/ssiks_it.yaml --format json > schedule.json
      planner validate plans/ssiks_it.yaml
    """


@main.command("schedule")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["en", "nb"]), default="en", show_default=True,
              help="Language of the table's words and weekdays.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@handle_errors
def schedule_cmd(plan, fmt, lang, output):
    """Compute early/late dates, float and the critical path of PLAN.

    Exits 1 (after printing) when a task finishes after its deadline.
    """
    _plan, sched = load_scheduled(plan)
    if fmt == "json":
        from .io.schedule_json import schedule_to_json

        text = schedule_to_json(sched)
    elif fmt == "csv":
        from .render.table import render_csv

        text = render_csv(sched)
    else:
        from .render.table import render_table

        width = None
        if output is None and sys.stdout.isatty():
            width = max(30, shutil.get_terminal_size().columns - 62)
        text = render_table(sched, lang=lang, name_width=width)
    emit(text, output)
    from .schedule import check_deadlines

    check_deadlines(sched)


@main.command("validate")
@click.argument("plan", type=click.Path(dir_okay=False))
@handle_errors
def validate_cmd(plan):
    """Check PLAN: format, ids, links, cycles, calendar, and that it schedules.

    Exits 0 when the plan is sound, 2 with FILE:LINE: message when it is not, 1 when a task
    misses its deadline.
    """
    p, sched = load_scheduled(plan)
    n_sum = sum(t.summary for t in p.tasks)
    n_links = sum(len(t.predecessors) for t in p.tasks)
    cal = p.calendar
    seasons = ", ".join(s.name for s in cal.seasons) or "no seasons"
    click.echo(f"{plan}: OK: {len(p.tasks)} tasks ({n_sum} summaries), {n_links} links, "
               f"{len(p.resources)} resources; calendar {cal.name} ({seasons}); "
               f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()}, "
               f"{sched.project_duration} working days")
    from .schedule import check_deadlines

    check_deadlines(sched)


@main.command("load")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format of the weekly load.")
@click.option("-o", "--output", "png_dir", type=click.Path(file_okay=False), default=None,
              help="Folder to write one load histogram PNG per resource into "
                   "(load_<resource>.png).")
@click.option("--unlevelled", is_flag=True,
              help="Ignore the plan's levelling delays (show the load before levelling).")
@handle_errors
def load_cmd(plan, fmt, png_dir, unlevelled):
    """Resource load per ISO week, and every over-allocation, from PLAN's schedule.

    On a plan as written (no levelling delays) this is the unlevelled load; on a plan written
    by `planner level -o` it is the levelled one.  Exits 1 when a resource is over-allocated.
    """
    from .level import resource_loads
    from .render.levelling import format_loads, loads_to_dict

    p = _load_plan(plan)
    if unlevelled:
        import dataclasses

        p = dataclasses.replace(p, tasks=[dataclasses.replace(t, leveling_delay=0)
                                          for t in p.tasks])
    sched = _schedule(p)
    if not p.resources:
        raise PlanError("the plan has no `resources:` to show a load for", file=p.source,
                        path=())
    loads = resource_loads(sched)
    levelled = any(t.leveling_delay for t in p.tasks)
    title = f"Resource load of {plan} ({'levelled' if levelled else 'unlevelled'} schedule, " \
            f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()})"
    if fmt == "json":
        import json

        text = json.dumps(loads_to_dict(loads, sched), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["resource", "week", "monday", "work_days", "available_days", "peak_units",
                    "over"])
        for ld in loads:
            for wk in ld.weeks:
                w.writerow([ld.id, wk.week, wk.monday.isoformat(), f"{wk.work:g}",
                            f"{wk.available:g}", f"{wk.peak:g}", int(wk.over)])
        text = buf.getvalue()
    else:
        text = format_loads(loads, sched, title)
    click.echo(text, nl=False)
    if png_dir:
        from .render.load_chart import write_load_charts

        for path in write_load_charts(loads, png_dir, title):
            click.echo(f"wrote {path}", err=True)
    if any(ld.over for ld in loads):
        n = sum(len(ld.over) for ld in loads)
        raise CheckFailed(f"{n} over-allocation{'s' * (n != 1)} (level them with "
                          f"`planner level {plan} -o LEVELLED.yaml`)")


@main.command("level")
@click.argument("plan", type=click.Path(dir_okay=False))
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
@click.option("--time-limit", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds the solver may use in all (the best plan found is kept).")
@click.option("--workers", type=click.IntRange(min=1, max=64), default=2, show_default=True,
              help="CP-SAT search workers (threads).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("-q", "--quiet", is_flag=True, help="Do not print progress on standard error.")
@handle_errors
def level_cmd(plan, output, objective, within_float, time_limit, workers, fmt, quiet):
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

    from .level import level
    from .render.levelling import format_report, progress_printer, result_to_dict

    p = _load_plan(plan)
    progress = None
    if not quiet:
        from .level import units_scale

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
        import json

        text = json.dumps(result_to_dict(res), ensure_ascii=False, indent=1) + "\n"
    else:
        text = format_report(res, plan)
    click.echo(text, nl=False)
    if res.outcome.starts is None:
        why = "; ".join(res.outcome.notes) or res.status
        raise CheckFailed(f"no levelled plan: {why} (relax a date constraint or a capacity)")
    if output:
        from .io.yaml_plan import save_plan

        save_plan(res.plan, output)
        n = sum(1 for t in res.plan.tasks if t.leveling_delay)
        if not quiet:
            click.echo(f"wrote {output} (leveling_delay on {n} task{'s' * (n != 1)})", err=True)
    from .schedule import check_deadlines

    check_deadlines(res.after)


def _load_plan(path: str):
    from .io.yaml_plan import load_plan

    return load_plan(path)


def _schedule(plan):
    from .schedule import schedule

    try:
        return schedule(plan)
    except PlanError as exc:
        raise exc.where(file=plan.source)


if __name__ == "__main__":  # pragma: no cover
    main()
