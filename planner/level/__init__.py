"""Resource levelling with OR-Tools CP-SAT, on working-day positions.

A plan's leaf tasks become an integer scheduling problem (:mod:`.problem`, compiled by
:mod:`.compile`); levelling only ever delays tasks, so the unlevelled early start is a lower
bound of every start.  The solver (:mod:`.phases`) works in lexicographic phases, each a CP-SAT
solve (:mod:`.search`) of the model (:mod:`.model`) that keeps the earlier phases' results as
constraints.  The makespan phase starts from a heuristic schedule (:mod:`.heuristic`: serial
SGS, priority rules, forward-backward improvement) and uses precedence reasoning with
resources (:mod:`.reasoning`).  :func:`level` (:mod:`.result`) turns the solution into a
levelled plan; :func:`resource_loads` (:mod:`.loads`) is what ``planner load`` shows.

Nothing here knows about files or the command line: :mod:`planner.cli` writes the levelled plan
and :mod:`planner.render.levelling` prints the report.  OR-Tools is imported only when a solve
starts.
"""
from __future__ import annotations

from .compile import Context, compile_plan, units_scale, without_levelling
from .heuristic import serial_sgs
from .loads import OverAllocation, ResourceLoad, WeekLoad, resource_loads
from .model import twin_groups
from .phases import OBJECTIVES, Outcome, solve
from .problem import NEG, Problem
from .reasoning import branch_pairs, closure, resource_delays
from .result import Move, Result, level
from .search import MAKESPAN_WORKERS, PhaseResult

__all__ = [
    "MAKESPAN_WORKERS", "NEG", "OBJECTIVES", "Context", "Move", "Outcome", "OverAllocation",
    "PhaseResult", "Problem", "ResourceLoad", "Result", "WeekLoad", "branch_pairs", "closure",
    "compile_plan", "level", "resource_delays", "resource_loads", "serial_sgs", "solve",
    "twin_groups", "units_scale", "without_levelling",
]
