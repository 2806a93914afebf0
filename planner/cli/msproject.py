"""``planner export`` and ``planner import``: MS Project XML (MSPDI) out and in."""
from __future__ import annotations

import click

from ..errors import PlanError
from .base import handle_errors, load_scheduled, main, plan_argument, scenario_options, \
    status_option


@main.command("export")
@plan_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The MS Project XML (MSPDI) file to write, e.g. plan.xml.")
@scenario_options
@status_option
@handle_errors
def export_cmd(plan, output, scenarios, sets, status):
    """Schedule PLAN and write it as MS Project XML (MSPDI) that MS Project opens.

    \b
    The scheduled dates are written; every task stays auto-scheduled with its own constraint,
    so MS Project recomputes the same dates.  With --scenario/--set, the plan as the
    overlays change it.  With --status, the progress (actuals, % complete, the split at the
    status date).  The baselines saved beside the plan (PLAN.baselines.yaml) go with it as MS
    Project's baselines.  See docs/ms-project.md.
    """
    if not output.lower().endswith(".xml"):
        raise PlanError(f"-o {output}: MS Project XML (MSPDI) is an .xml file; planner cannot "
                        f"write .mpp (open the .xml in MS Project and save it as .mpp there)")
    from ..io.baselines_yaml import baselines_path, load_baselines
    from ..io.mspdi import write_mspdi

    p, sched = load_scheduled(plan, scenarios, sets, status)
    baselines = load_baselines(baselines_path(plan))
    write_mspdi(sched, output, baselines)
    saved = f"; baselines {', '.join(baselines)}" if baselines else ""
    click.echo(f"{output}: {len(p.tasks)} tasks, {sum(len(t.predecessors) for t in p.tasks)} "
               f"links, {len(p.resources)} resources; {sched.project_start.isoformat()} to "
               f"{sched.project_finish.isoformat()}{saved}", err=True)


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
    assignments, manual and external tasks (kept at their dates), elapsed durations,
    whole-day splits, task and resource calendars, progress (actuals and the status date, in
    the plan) and baselines (written beside the plan as PLAN.baselines.yaml).  Prints what
    could not be carried over exactly, and how many of the file's tasks planner schedules to
    the file's start and finish.  See docs/ms-project.md.
    """
    import os

    from ..io.baselines_yaml import baselines_path, dump_baselines
    from ..io.mspdi import read_mspdi
    from ..io.output import write_files
    from ..io.yaml_plan import plan_text
    from ..schedule import schedule

    imp = read_mspdi(source, near=output)
    sched = None
    if imp.plan.tasks:
        try:
            sched = schedule(imp.plan)
        except PlanError as exc:
            raise imp.error(exc) from None
    files = [(output, plan_text(imp.plan, output))]
    base_path = baselines_path(output)
    if imp.baselines and output == "-":
        imp.notes.append("the file's baselines are not written: the plan goes to standard "
                         "output (give -o PLAN.yaml to get PLAN.baselines.yaml beside it)")
    elif imp.baselines:
        files.append((base_path, dump_baselines(imp.baselines, os.path.basename(output))))
    elif os.path.exists(base_path):
        imp.notes.append(f"{base_path} is left as it was: the file has no baselines")
    write_files(files)                          # the plan and its baselines, or neither
    if len(files) > 1:
        click.echo(f"{base_path}: baselines {', '.join(imp.baselines)}", err=True)
    for note in imp.notes:
        click.echo(f"note: {note}", err=True)
    p = imp.plan
    cal = p.calendar
    seasons = ", ".join(s.name for s in cal.seasons) or "no seasons"
    span = (f"{sched.project_start.isoformat()} to {sched.project_finish.isoformat()}"
            if sched is not None else f"starts {p.start.isoformat()}")
    click.echo(f"{output}: {len(p.tasks)} tasks ({sum(t.summary for t in p.tasks)} summaries), "
               f"{sum(len(t.predecessors) for t in p.tasks)} links, {len(p.resources)} "
               f"resources; calendar {cal.name} ({seasons}) + {len(cal.exceptions)} exceptions; "
               f"{span}; {imp.agreement.line(sched)}", err=True)
