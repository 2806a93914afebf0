"""``planner report``: the board's monthly report as one self-contained HTML page or Markdown."""
from __future__ import annotations

import shlex

import click

from .base import emit, handle_errors, lang_option, main, plan_argument, resolve_lang


@main.command("report")
@plan_argument
@click.argument("more_history", nargs=-1, type=click.Path(dir_okay=False), metavar="")
@click.option("--status", "status", type=click.Path(dir_okay=False), default=None,
              help="The status file of this month (docs/tracking.md).")
@click.option("--history", "history", multiple=True, type=click.Path(dir_okay=False),
              help="Status files of the months so far, for the milestone trend and the "
                   "previous forecast: --history status/*.yaml (the files after it, as the "
                   "shell expands them, or a quoted pattern); repeatable.")
@click.option("--baseline", "baseline", default=None, metavar="NAME",
              help="The saved baseline to measure against (planner baseline save) "
                   "[default: the plan as written].")
@click.option("--estimates", "estimates", type=click.Path(dir_okay=False), default=None,
              help="Three-point estimates and risk events (docs/risk.md): adds P50/P85, the "
                   "chance of the baseline finish and the risk section.")
@lang_option(help="Language of every word and date.")
@click.option("-n", "--iterations", type=click.IntRange(min=1), default=10_000,
              show_default=True, help="Monte Carlo iterations of the risk analysis.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True,
              help="Random seed of the risk analysis (the same seed gives the same report).")
@click.option("--date-stamp", "date_stamp", is_flag=True,
              help="Print today's date in the footer (the file then differs from day to day).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The report to write: report.html or report.md.")
@handle_errors
def report_cmd(plan, more_history, status, history, baseline, estimates, lang, iterations, seed,
               date_stamp, output):
    """The board's monthly report of PLAN: status and RAG, key dates against the baseline,
    milestone trend, this period and the next, the critical path, the Gantt chart, the
    finish-date risk and the resources, in one HTML file that needs no network and prints on
    A4 (or Markdown with -o report.md).  See docs/report.md.

    \b
    Examples:
      planner report plans/ssiks_it.yaml -o report.html
      planner report plans/ssiks_it.yaml --status status/2023-10-31.yaml \\
          --baseline baseline --estimates risk/ssiks_it_estimates.yaml \\
          -o report.html --history status/*.yaml
    """
    import datetime as dt

    from ..render.report import format_of, gather, report_text

    from ..io.yaml_plan import load_plan

    fmt = format_of(output)                # a bad file name fails before any work
    history = history_files(history, more_history)
    p = load_plan(plan)
    lang = resolve_lang(lang, p)
    data = gather(plan, plan=p, status=status, history=history, baseline=baseline, estimates=estimates,
                  lang=lang, iterations=iterations, seed=seed,
                  command=command_line(plan, status, history, baseline, estimates, lang,
                                       iterations, seed, output),
                  stamp=dt.date.today() if date_stamp else None)
    emit(report_text(data, fmt), output)
    click.echo(f"{output}: {len(data.sched.plan.tasks)} tasks"
               + (f", status {data.status_date.isoformat()}" if data.status_date else ""),
               err=True)


def history_files(history, more) -> list:
    """``--history`` values and the files after them (a shell-expanded ``status/*.yaml``);
    a quoted pattern is expanded here, in name order."""
    import glob

    if more and not history:
        raise click.UsageError(f"unexpected argument {more[0]!r} (status files for the trend "
                               f"go after --history)")
    out = []
    for h in list(history) + list(more):
        found = sorted(glob.glob(h)) if glob.has_magic(h) else [h]
        if not found:
            raise click.UsageError(f"--history {h!r}: no file matches")
        out += [f for f in found if f not in out]
    return out


def command_line(plan, status, history, baseline, estimates, lang, iterations, seed,
                 output) -> str:
    """The command as the footer shows it: the arguments that shape the report, in a fixed
    order (so the same report gives the same line)."""
    args = ["planner", "report", plan]
    if status:
        args += ["--status", status]
    if history:
        args += ["--history", *history]
    if baseline:
        args += ["--baseline", baseline]
    if estimates:
        args += ["--estimates", estimates]
        if iterations != 10_000:
            args += ["-n", str(iterations)]
        if seed != 0:
            args += ["--seed", str(seed)]
    if lang != "nb":
        args += ["--lang", lang]         # as resolved (option, PLANNER_LANG or the plan)
    args += ["-o", output]
    return " ".join(shlex.quote(a) for a in args)
