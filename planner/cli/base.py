"""The ``planner`` click group and what its commands share: error handling, the scenario
options, loading and scheduling a plan with its overlays, and writing the output.

Exit codes: 0 success, 1 a check failed (e.g. a missed deadline), 2 bad input or usage.
Heavy libraries (ortools, matplotlib) are imported inside the commands that need them.
A command module adds its commands with ``from .base import main`` and ``@main.command(...)``.
"""
from __future__ import annotations

import functools
import gc
import os
import sys

import click

from .. import __version__
from ..errors import CheckFailed, PlanError


def handle_errors(fn):
    """Turn PlanError into ``FILE:LINE: message`` and exit 2; CheckFailed into exit 1.  The
    command runs in an input session (:func:`planner.io.output.input_session`), so that an
    output naming one of its inputs (``schedule p.yaml -o p.yaml``) is refused."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from ..io.output import input_session

        # A command is a short run over acyclic data: the cyclic collector would only rescan
        # a large plan's objects again and again (seconds at 100k tasks).
        gc.disable()
        try:
            with input_session():        # no output may replace a file the command read
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


#: the --set option's help: every example passes a shell unquoted
SET_HELP = ("An inline edit, e.g. 16.duration=60, 24.duration=+2mo, 6.duration=x2, "
            "project.start=2023-08-14, 48:49.lag=-5 (or '48->49.lag=-5', quoted), "
            "calendar.summer=off. Units: d, w (5 d), mo (20 d); ed, ew for elapsed lags.")


def scenario_options(fn):
    """``--scenario FILE`` and ``--set KEY=VALUE``, both repeatable, applied in order."""
    fn = click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                      help=SET_HELP + " Repeatable; applied after the scenario files.")(fn)
    fn = click.option("--scenario", "scenarios", multiple=True,
                      type=click.Path(dir_okay=False),
                      help="A scenario overlay file (docs/scenarios.md). Repeatable; "
                           "applied in order.")(fn)
    return fn


#: the PLAN argument every command but ``import`` takes
plan_argument = click.argument("plan", type=click.Path(dir_okay=False))


LANGUAGES = ("nb", "en")
LANG_HELP = ("[default: $PLANNER_LANG, else the plan's project.language, else nb]")


def lang_option(help: str | None = None):
    """``--lang nb|en``; without it :func:`resolve_lang` picks the language."""
    return click.option("--lang", type=click.Choice(LANGUAGES), default=None,
                        help=f"{help or 'Language of the words and dates.'} {LANG_HELP}")


def resolve_lang(option: str | None, plan=None) -> str:
    """One rule for every command: ``--lang``, else ``PLANNER_LANG``, else the plan's
    ``project.language``, else Norwegian."""
    if option:
        return option
    env = os.environ.get("PLANNER_LANG", "").strip().lower()
    if env:
        if env not in LANGUAGES:
            raise PlanError(f"PLANNER_LANG={env!r}: use nb or en")
        return env
    if plan is not None and getattr(plan, "language", None):
        return plan.language
    return "nb"


def format_option(*choices, help: str):
    """``--format`` with ``choices``, the first the default."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=choices[0],
                        show_default=True, help=help)


def csv_dialect_option(fn):
    return click.option("--csv-dialect", "dialect", type=click.Choice(["plain", "excel-nb"]),
                        default="plain", show_default=True,
                        help="For --format csv. plain: commas, ISO dates, decimal points. "
                             "excel-nb: what Excel with Norwegian settings opens into columns "
                             "(semicolons, UTF-8 byte-order mark, decimal commas, "
                             "dd.mm.yyyy dates).")(fn)


def read_overlays(scenarios=(), sets=()) -> list:
    from ..io.scenario_yaml import load_scenario, sets_scenario

    overlays = [load_scenario(path) for path in scenarios]
    extra = sets_scenario(sets)
    if extra is not None:
        overlays.append(extra)
    return overlays


def schedule_plan(plan, overlays=()):
    """Schedule a plan; a problem the overlays caused says so."""
    from ..schedule import schedule

    try:
        return schedule(plan)
    except PlanError as exc:
        if overlays:
            names = ", ".join(o.name for o in overlays)
            exc.message = f"{exc.message} (after the scenario: {names})"
        raise exc.where(file=plan.source)


def warn_broken_links(sched, lang: str) -> None:
    """A warning on standard error for every link a constraint overrides (exit code kept)."""
    from ..render.whatif import broken_link_warnings

    for line in broken_link_warnings(sched, lang):
        click.echo(line, err=True)


def status_option(fn):
    """``--status FILE``: a status file (docs/tracking.md) applied to the plan."""
    return click.option("--status", "status", type=click.Path(dir_okay=False), default=None,
                        metavar="FILE",
                        help="A status file (actuals at a status date, docs/tracking.md): "
                             "the plan is re-forecast from it.")(fn)


def baseline_option(fn):
    """``--baseline NAME``: a baseline saved with ``planner baseline save``."""
    return click.option("--baseline", "baseline_name", default=None, metavar="NAME",
                        help="Compare with this saved baseline (baseline, baseline1 .. "
                             "baseline10; see `planner baseline save`).")(fn)


def load_baseline(plan_path: str, name: str | None):
    """The baseline ``name`` saved beside the plan, or None when no name is given."""
    if name is None:
        return None
    from ..io.baselines_yaml import find_baseline

    return find_baseline(plan_path, name)


def load_plan_status(plan_path: str, status: str | None = None):
    """Load a plan and apply a status file to it, if one is given."""
    from ..io.yaml_plan import load_plan

    plan = load_plan(plan_path)
    if status:
        from ..io.status_yaml import apply_status, load_status

        plan = apply_status(plan, load_status(status))
    return plan


def load_with_overlays(plan_path: str, scenarios=(), sets=(), status: str | None = None):
    """Load a plan, apply the status file (if any), then the scenario overlays and ``--set``
    edits in order: ``(plan, overlays)``."""
    plan = load_plan_status(plan_path, status)
    overlays = read_overlays(scenarios, sets)
    if overlays:
        from ..scenario import apply_scenarios

        plan = apply_scenarios(plan, overlays)
    return plan, overlays


def load_scheduled(plan_path: str, scenarios=(), sets=(), status: str | None = None):
    """Load a plan, apply the status file and the scenario overlays and ``--set`` edits in
    order, schedule it."""
    plan, overlays = load_with_overlays(plan_path, scenarios, sets, status)
    return plan, schedule_plan(plan, overlays)


def emit(text: str | bytes, output: str | None) -> None:
    """Print, or write a whole file atomically when ``-o`` names one.  Bytes (an Excel
    workbook) go to standard output only when it is not a terminal."""
    if output and output != "-":
        from ..io.documents import write_atomic

        write_atomic(output, text)
    elif isinstance(text, bytes):
        if sys.stdout.isatty():
            raise PlanError("an Excel workbook is not for the terminal: write it with "
                            "-o FILE.xlsx or redirect it (> FILE.xlsx)")
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
    else:
        click.echo(text, nl=False)


def json_text(data) -> str:
    """``data`` as the commands write JSON: UTF-8 text, one-space indent, a final newline;
    never ``NaN`` or ``Infinity``, which JSON does not have."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def finite(_ctx, param, value):
    """A click callback: ``nan`` and ``inf`` pass click's ranges; refuse them."""
    import math

    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number", param=param)
    return value


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
