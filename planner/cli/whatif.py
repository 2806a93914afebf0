"""``planner whatif``: scenarios side by side with the baseline schedule."""
from __future__ import annotations

import click

from .base import emit, handle_errors, json_text, lang_option, main, plan_argument, \
    read_overlays, schedule_plan


@main.command("whatif")
@plan_argument
@click.argument("scenario_files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="Inline edits forming one more scenario (after the files). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table",
              show_default=True, help="md suits pasting into a board memo.")
@lang_option()
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
    from ..io.yaml_plan import load_plan
    from ..scenario import apply_scenarios, compare

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
    from ..render.whatif import comparison_to_dict, render_whatif

    if fmt == "json":
        text = json_text(comparison_to_dict(base, comps, names))
    else:
        text = render_whatif(base, comps, names, lang=lang, markdown=fmt == "md")
    emit(text, output)
    if any(t.leveling_delay for t in base_plan.tasks):
        click.echo(f"note: {plan} is levelled; the scenarios keep its levelling delays as they "
                   f"are (level a scenario with `planner level PLAN --scenario FILE`)", err=True)
