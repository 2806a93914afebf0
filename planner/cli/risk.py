"""``planner risk``: Monte Carlo schedule risk (numpy, and matplotlib for -o, imported here
only)."""
from __future__ import annotations

import sys
import time

import click

from ..errors import PlanError
from .base import emit, format_option, handle_errors, lang_option, load_with_overlays, main, \
    plan_argument, resolve_lang, scenario_options, status_option

#: iterations when --until-stable is given without -n
STABLE_LIMIT = 100_000


@main.command("risk")
@plan_argument
@click.option("--estimates", "estimates", type=click.Path(dir_okay=False), default=None,
              help="The estimates file: three-point estimates, profiles, risk events, "
                   "correlations (docs/risk.md) [default: only those in PLAN].")
@click.option("-n", "--iterations", "n", type=int, default=None,
              help="Iterations [default: 10000; with --until-stable at most 100000].")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Random seed: the same seed gives byte-identical output.")
@click.option("--by", "by", multiple=True, metavar="DATE",
              help="Also give the chance of finishing on or before DATE (repeatable) "
                   "[default: the deterministic finish].")
@click.option("--until-stable", "until_stable", is_flag=True,
              help="Stop once P85 has moved by at most one working day over the last 10% of "
                   "the iterations (checked every 1000, from 2000 on).")
@format_option("table", "json", "md", help="Output format; md suits a board memo.")
@lang_option(help="Language of the text's and the chart's words and dates.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Also draw the chart: OUT.png, OUT.svg or OUT.pdf (S-curve, histogram, "
                   "tornado).")
@scenario_options
@status_option
@handle_errors
def risk_cmd(plan, estimates, n, seed, by, until_stable, fmt, lang, output, scenarios, sets,
             status):
    """Schedule risk of PLAN: run it many times on sampled durations and risk events.

    Prints the finish date's P-values (P50 is the target, styringsramme; P85 the upper
    limit, kostnadsramme), the chance of finishing by each --by date, the tasks that drive
    the finish (criticality, cruciality) and the risk events' finish impact.

    \b
    Examples:
      planner risk plans/ssiks_it.yaml --estimates risk/ssiks_it_estimates.yaml
      planner risk plans/ssiks_it.yaml --estimates risk/ssiks_it_estimates.yaml \\
          --by 2024-06-28 --format md --lang nb -o risk.png
      planner risk plans/ssiks_it.yaml --estimates risk/ssiks_it_estimates.yaml --until-stable
    """
    if n is None:
        n = STABLE_LIMIT if until_stable else 10_000
    if n < 1:
        raise PlanError(f"-n must be at least 1 iteration, not {n}")
    if seed < 0:
        raise PlanError(f"--seed must be 0 or more, not {seed}")
    if output:
        from ..render.risk import format_of

        format_of(output)                  # a bad file name fails before any work
    dates = _dates(by)
    p, overlays = load_with_overlays(plan, scenarios, sets, status)
    lang = resolve_lang(lang, p)
    from ..io.estimates_yaml import risk_input

    inp = risk_input(p, estimates)
    from ..risk.engine import simulate
    from .base import schedule_plan

    sched = schedule_plan(p, overlays)
    with _Progress() as bar:
        result = simulate(p, inp, n, seed, until_stable=until_stable, progress=bar.update,
                          sched=sched)
    summary = result.summary(dates or [sched.project_finish])
    if fmt == "json":
        from ..io.risk_json import risk_to_json

        text = risk_to_json(summary)
    else:
        from ..render.risk_text import render_risk

        text = render_risk(summary, lang, markdown=fmt == "md")
    if output:
        from ..render.risk import render_risk_chart

        render_risk_chart(result, summary, output, lang)
    emit(text, None)


def _dates(by) -> list:
    from ..io.documents import as_date

    out = []
    for text in by:
        try:
            d = as_date(text, ())
        except PlanError as exc:
            raise PlanError(f"--by: {exc.message}") from None
        if d not in out:
            out.append(d)
    return out


class _Progress:
    """A progress bar on stderr (rich), only on a terminal and only once a run has taken a
    second: short runs and pipes stay quiet."""

    def __init__(self):
        self.start = time.perf_counter()
        self.bar = None
        self.task = None
        self.on = sys.stderr.isatty()

    def update(self, done: int, total: int) -> None:
        if not self.on:
            return
        if self.bar is None:
            if time.perf_counter() - self.start < 1.0 or done >= total:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("risk", total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False
