"""``planner whatif``: scenarios side by side with the baseline schedule."""
from __future__ import annotations

import click

from .base import SET_HELP, emit, format_option, handle_errors, json_text, lang_option, \
    load_plan_status, main, plan_argument, read_overlays, resolve_lang, schedule_plan, \
    status_option


@main.command("whatif")
@plan_argument
@click.argument("scenario_files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help=SET_HELP + " Together they form one more scenario (after the files). "
                              "Repeatable.")
@format_option("table", "json", "md", "xlsx",
               help="md suits pasting into a board memo; xlsx is an Excel workbook.")
@lang_option()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file instead of standard output.")
@status_option
@handle_errors
def whatif_cmd(plan, scenario_files, sets, fmt, lang, output, status):
    """Compare scenarios with the baseline schedule of PLAN, side by side.

    \b
    Each SCENARIO file is applied to the baseline on its own; --set edits form one
    more scenario.  For each: the finish and its change in working and calendar days,
    the tasks that moved, became critical or stopped being critical, the deadlines it
    misses, and the chain of driving links that now sets the finish.  Exits 1 (after
    printing) when a scenario misses a deadline.
    \b
    Example:
      planner whatif plans/ssiks_it.yaml scenarios/*.yaml --format md
      planner whatif plans/ssiks_it.yaml --set 16.duration=60
      planner whatif plans/ssiks_it.yaml --set 24.duration=+2mo --set 48:49.lag=-1w
      planner whatif plans/ssiks_it.yaml scenarios/*.yaml --format xlsx -o hva-om.xlsx
    """
    from ..scenario import apply_scenarios, compare

    base_plan = load_plan_status(plan, status)
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

    lang = resolve_lang(lang, base_plan)
    if fmt == "json":
        text = json_text(comparison_to_dict(base, comps, names))
    elif fmt == "xlsx":
        from ..render.xlsx import whatif_xlsx

        text = whatif_xlsx(base, comps, names, lang)
    else:
        text = render_whatif(base, comps, names, lang=lang, markdown=fmt == "md")
    emit(text, output)
    if any(t.leveling_delay for t in base_plan.tasks):
        click.echo(f"note: {plan} is levelled; the scenarios keep its levelling delays as they "
                   f"are (level a scenario with `planner level PLAN --scenario FILE`)", err=True)
    missed = [f"{name}: task {m.id} finishes {m.finish.isoformat()}, after its deadline "
              f"{m.deadline.isoformat()}" for (name, _s), c in zip(names, comps)
              for m in c.missed_deadlines]
    if missed:
        from ..errors import CheckFailed

        raise CheckFailed("; ".join(missed))
