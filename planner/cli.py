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


@main.command("export")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The MS Project XML (MSPDI) file to write, e.g. plan.xml.")
@handle_errors
def export_cmd(plan, output):
    """Schedule PLAN and write it as MS Project XML (MSPDI) that MS Project opens.

    \b
    The scheduled dates are written; every task stays auto-scheduled with its own constraint,
    so MS Project recomputes the same dates.  See docs/ms-project.md.
    """
    from .io.mspdi import write_mspdi

    p, sched = load_scheduled(plan)
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


if __name__ == "__main__":  # pragma: no cover
    main()
