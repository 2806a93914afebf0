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
      planner gantt plans/ssiks_it.yaml -o plan.png
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
@handle_errors
def gantt_cmd(plan, output, links, lang, status_date, paper, dpi, name_width):
    """Draw the Gantt chart of PLAN as a PNG, SVG or PDF file.

    \b
    Examples:
      planner gantt plans/ssiks_it.yaml -o plan.png
      planner gantt plans/ssiks_it.yaml -o plan.pdf --links --status-date 2024-01-15
      planner gantt plans/ssiks_it.yaml -o plan.svg --lang en --paper A2
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
    _plan, sched = load_scheduled(plan)
    from .render.gantt import render_gantt

    layout = render_gantt(sched, output, links=links, lang=lang, status_date=when,
                          paper=paper.upper(), dpi=dpi, max_name_chars=name_width)
    w, h = layout.pixels
    size = f"{w} x {h} px at {layout.dpi:g} dpi" if layout.fmt == "png" else \
        f"{layout.width_in:.1f} x {layout.height_in:.1f} in"
    note = " (resolution lowered to stay under 40 megapixels)" if layout.dpi_reduced else ""
    click.echo(f"{output}: {len(layout.rows)} tasks, {size}{note}")


if __name__ == "__main__":  # pragma: no cover
    main()
