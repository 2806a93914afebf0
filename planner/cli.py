"""The ``planner`` command line: a thin click layer over the library.

Exit codes: 0 success, 1 a check failed (e.g. a missed deadline), 2 bad input or usage.
Heavy libraries (ortools, matplotlib) are imported inside the commands that need them.
"""
from __future__ import annotations

import functools
import gc
import shutil
import sys

import click

from . import __version__
from .errors import CheckFailed, PlanError


def handle_errors(fn):
    """Turn PlanError into ``FILE:LINE: message`` and exit 2; CheckFailed into exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        # A command is a short run over acyclic data: the cyclic collector would only rescan
        # a large plan's objects again and again (seconds at 100k tasks).
        gc.disable()
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


def scenario_options(fn):
    """``--scenario FILE`` and ``--set KEY=VALUE``, both repeatable, applied in order."""
    fn = click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                      help="An inline edit, e.g. 16.duration=60, 6.duration=x2, "
                           "project.start=2023-08-14, 48->49.lag=-5, calendar.summer=off. "
                           "Repeatable; applied after the scenario files.")(fn)
    fn = click.option("--scenario", "scenarios", multiple=True,
                      type=click.Path(dir_okay=False),
                      help="A scenario overlay file (docs/scenarios.md). Repeatable; "
                           "applied in order.")(fn)
    return fn


def read_overlays(scenarios=(), sets=()) -> list:
    from .io.scenario_yaml import load_scenario, sets_scenario

    overlays = [load_scenario(path) for path in scenarios]
    extra = sets_scenario(sets)
    if extra is not None:
        overlays.append(extra)
    return overlays


def schedule_plan(plan, overlays=()):
    """Schedule a plan; a problem the overlays caused says so."""
    from .schedule import schedule

    try:
        return schedule(plan)
    except PlanError as exc:
        if overlays:
            names = ", ".join(o.name for o in overlays)
            exc.message = f"{exc.message} (after the scenario: {names})"
        raise exc.where(file=plan.source)


def load_with_overlays(plan_path: str, scenarios=(), sets=()):
    """Load a plan and apply the scenario overlays and ``--set`` edits in order:
    ``(plan, overlays)``."""
    from .io.yaml_plan import load_plan

    plan = load_plan(plan_path)
    overlays = read_overlays(scenarios, sets)
    if overlays:
        from .scenario import apply_scenarios

        plan = apply_scenarios(plan, overlays)
    return plan, overlays


def load_scheduled(plan_path: str, scenarios=(), sets=()):
    """Load a plan, apply the scenario overlays and ``--set`` edits in order, schedule it."""
    plan, overlays = load_with_overlays(plan_path, scenarios, sets)
    return plan, schedule_plan(plan, overlays)


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
      planner gantt plans/ssiks_it.yaml -o plan.png
      planner whatif plans/ssiks_it.yaml scenarios/*.yaml --format md
      planner export plans/ssiks_it.yaml -o plan.xml
      planner level plans/ssiks_it.yaml -o levelled.yaml
    """


@main.command("schedule")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["en", "nb"]), default="en", show_default=True,
              help="Language of the table's words and weekdays.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@scenario_options
@handle_errors
def schedule_cmd(plan, fmt, lang, output, scenarios, sets):
    """Compute early/late dates, float and the critical path of PLAN.

    With --scenario/--set, the schedule of the plan as the overlays change it.
    Exits 1 (after printing) when a task finishes after its deadline.
    """
    _plan, sched = load_scheduled(plan, scenarios, sets)
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
@click.option("--checks/--no-checks", default=True, show_default=True,
              help="Also list DCMA-style schedule checks (open ends, leads, lags, hard "
                   "constraints, long tasks, large or negative float).")
@handle_errors
def validate_cmd(plan, checks):
    """Check PLAN: format, ids, links, cycles, calendar, and that it schedules.

    Exits 0 when the plan is sound, 2 with FILE:LINE: message when it is not, 1 when a task
    misses its deadline.  The schedule checks are for review and never change the exit code.
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
    if checks:
        from .checks import health, render_health

        click.echo(render_health(health(sched)), nl=False)
    from .schedule import check_deadlines

    check_deadlines(sched)


@main.command("whatif")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("scenario_files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Inline edits forming one more scenario (after the files). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table",
              show_default=True, help="md suits pasting into a board memo.")
@click.option("--lang", type=click.Choice(["en", "nb"]), default="en", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@handle_errors
def whatif_cmd(plan, scenario_files, sets, fmt, lang, output):
    """Compare scenarios with the baseline schedule of PLAN, side by side.

    \b
    Each SCENARIO file is applied to the baseline on its own; --set edits form one
    more scenario.  For each: the finish and its change in working and calendar days,
    the tasks that moved, became critical or stopped being critical, and the chain of
    driving links that now sets the finish.
    \b
    Example:
      planner whatif plans/ssiks_it.yaml scenarios/*.yaml --format md
      planner whatif plans/ssiks_it.yaml --set 16.duration=60
    """
    from .io.yaml_plan import load_plan
    from .scenario import apply_scenarios, compare

    base_plan = load_plan(plan)
    base = schedule_plan(base_plan)
    overlays = read_overlays(scenario_files, sets)
    if not overlays:
        raise click.UsageError("give at least one SCENARIO file or --set KEY=VALUE")
    comps, names = [], []
    for ov in overlays:
        alt_plan = apply_scenarios(base_plan, [ov])
        alt = schedule_plan(alt_plan, [ov])
        comps.append(compare(base, alt, ov.name))
        names.append((ov.name, alt.project_start))
    from .render.whatif import comparison_to_dict, render_whatif

    if fmt == "json":
        import json

        text = json.dumps(comparison_to_dict(base, comps, names), ensure_ascii=False,
                          indent=1) + "\n"
    else:
        text = render_whatif(base, comps, names, lang=lang, markdown=fmt == "md")
    emit(text, output)
    if any(t.leveling_delay for t in base_plan.tasks):
        click.echo(f"note: {plan} is levelled; the scenarios keep its levelling delays as they "
                   f"are (level a scenario with `planner level PLAN --scenario FILE`)", err=True)


@main.command("explain")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.argument("task")
@click.option("--lang", type=click.Choice(["en", "nb"]), default="en", show_default=True)
@scenario_options
@handle_errors
def explain_cmd(plan, task, lang, scenarios, sets):
    """Why TASK starts when it does: its driving predecessor chain back to the start,
    with the constraints and the holidays or seasons in the way.

    \b
    Example:
      planner explain plans/ssiks_it.yaml 17
    """
    from .render.whatif import render_explain
    from .scenario import explain

    _plan, sched = load_scheduled(plan, scenarios, sets)
    if task not in sched.net.index:
        raise PlanError(f"no task {task!r} in the plan {sched.plan.name!r}")
    click.echo(render_explain(explain(sched, task), lang=lang), nl=False)


@main.command("export")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The MS Project XML (MSPDI) file to write, e.g. plan.xml.")
@scenario_options
@handle_errors
def export_cmd(plan, output, scenarios, sets):
    """Schedule PLAN and write it as MS Project XML (MSPDI) that MS Project opens.

    \b
    The scheduled dates are written; every task stays auto-scheduled with its own constraint,
    so MS Project recomputes the same dates.  With --scenario/--set, the plan as the
    overlays change it.  See docs/ms-project.md.
    """
    from .io.mspdi import write_mspdi

    p, sched = load_scheduled(plan, scenarios, sets)
    write_mspdi(sched, output)
    click.echo(f"{output}: {len(p.tasks)} tasks, {sum(len(t.predecessors) for t in p.tasks)} "
               f"links, {len(p.resources)} resources; {sched.project_start.isoformat()} to "
               f"{sched.project_finish.isoformat()}", err=True)


@main.command("import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The plan to write, e.g. plan.yaml (or .json).")
@handle_errors
def import_cmd(source, output):
    """Read MS Project XML (MSPDI) SOURCE and write it as a planner plan.

    \b
    Tasks, outline, links and lags, constraints, deadlines, levelling delays, the calendar
    (folded back into a planner base calendar, seasons and exceptions), resources and
    assignments.  Prints what could not be carried over exactly, and how many tasks get the
    same dates in planner as in the file.  See docs/ms-project.md.
    """
    from .io.mspdi import read_mspdi
    from .io.yaml_plan import save_plan
    from .schedule import schedule

    imp = read_mspdi(source, near=output)
    try:
        sched = schedule(imp.plan)
    except PlanError as exc:
        raise imp.error(exc) from None
    save_plan(imp.plan, output)
    for note in imp.notes:
        click.echo(f"note: {note}", err=True)
    p = imp.plan
    cal = p.calendar
    seasons = ", ".join(s.name for s in cal.seasons) or "no seasons"
    differ = imp.disagreements(sched)
    same = len(imp.file_dates) - len(differ)
    click.echo(f"{output}: {len(p.tasks)} tasks ({sum(t.summary for t in p.tasks)} summaries), "
               f"{sum(len(t.predecessors) for t in p.tasks)} links, {len(p.resources)} "
               f"resources; calendar {cal.name} ({seasons}) + {len(cal.exceptions)} exceptions; "
               f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()}; "
               f"dates as in the file for {same}/{len(imp.file_dates)} tasks"
               + (f" (differ: {', '.join(differ[:10])}{' ...' if len(differ) > 10 else ''})"
                  if differ else ""), err=True)


@main.command("gantt")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The chart to write: OUT.png, OUT.svg or OUT.pdf.")
@click.option("--links", is_flag=True, help="Draw the dependency arrows.")
@click.option("--lang", type=click.Choice(["nb", "en"]), default="nb", show_default=True,
              help="Language of the chart's words, months and dates.")
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
@handle_errors
def gantt_cmd(plan, output, links, lang, status_date, paper, dpi, name_width, scenarios, sets):
    """Draw the Gantt chart of PLAN as a PNG, SVG or PDF file.

    With --scenario/--set, the scenario's schedule is drawn over the baseline's ghost
    bars, and the title gives the change of the finish date.

    \b
    Examples:
      planner gantt plans/ssiks_it.yaml -o plan.png
      planner gantt plans/ssiks_it.yaml -o plan.pdf --links --status-date 2024-01-15
      planner gantt plans/ssiks_it.yaml -o plan.svg --lang en --paper A2
      planner gantt plans/ssiks_it.yaml --scenario scenarios/slow_decisions.yaml -o slow.png
    """
    from .render.gantt import format_of

    format_of(output)                      # a bad file name fails before any work
    when = None
    if status_date is not None:
        from .io.documents import as_date

        try:
            when = as_date(status_date, ())
        except PlanError as exc:
            raise PlanError(f"--status-date: {exc.message}") from None
    from .io.yaml_plan import load_plan

    base_plan = load_plan(plan)
    sched = schedule_plan(base_plan)
    baseline = label = None
    overlays = read_overlays(scenarios, sets)
    if overlays:
        from .scenario import apply_scenarios

        baseline = sched
        sched = schedule_plan(apply_scenarios(base_plan, overlays), overlays)
        label = ", ".join(o.name for o in overlays)
    from .render.gantt import render_gantt

    layout = render_gantt(sched, output, baseline=baseline, scenario_label=label, links=links,
                          lang=lang, status_date=when, paper=paper.upper(), dpi=dpi,
                          max_name_chars=name_width)
    w, h = layout.pixels
    size = f"{w} x {h} px at {layout.dpi:g} dpi" if layout.fmt == "png" else \
        f"{layout.width_in:.1f} x {layout.height_in:.1f} in"
    note = " (resolution lowered to stay under 40 megapixels)" if layout.dpi_reduced else ""
    click.echo(f"{output}: {len(layout.rows)} tasks, {size}{note}", err=True)


@main.command("load")
@click.argument("plan", type=click.Path(dir_okay=False))
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
    from .level import resource_loads, without_levelling
    from .render.levelling import format_loads, loads_to_csv, loads_to_dict

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
        import json

        text = json.dumps(loads_to_dict(loads, sched), ensure_ascii=False, indent=1) + "\n"
    elif fmt == "csv":
        text = loads_to_csv(loads)
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

    from .level import level
    from .render.levelling import format_report, progress_printer, result_to_dict

    p, overlays = load_with_overlays(plan, scenarios, sets)
    label = plan + "".join(f" + {o.name}" for o in overlays)
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
        text = format_report(res, label)
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


if __name__ == "__main__":  # pragma: no cover
    main()
