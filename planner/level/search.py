"""One CP-SAT search of one lexicographic phase: the solver's parameters, a solution callback
that reports each improvement, Ctrl-C handling, and the merge of two attempts at a phase."""
from __future__ import annotations

import dataclasses
import math
import threading
import time
from dataclasses import dataclass


@dataclass
class PhaseResult:
    """One lexicographic phase: what was minimised and how far the solver got."""

    name: str                    # finish | overload | peak | delay
    status: str                  # OPTIMAL | FEASIBLE | INFEASIBLE | UNKNOWN | SKIPPED
    value: int | None = None
    bound: int | None = None
    seconds: float = 0.0
    solutions: int = 0
    work: float = 0.0            # CP-SAT deterministic time used (reproducible, unlike seconds)

    @property
    def gap(self) -> float | None:
        if self.value is None or self.bound is None:
            return None
        if self.value == self.bound:
            return 0.0
        return abs(self.value - self.bound) / max(1, abs(self.value))


class _Solutions:
    """CP-SAT solution callback: keeps the best starts and reports each improvement."""

    def __init__(self, cp_model, starts, phase, progress, t0):
        class CB(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(cb):
                self.count += 1
                self.best = [cb.value(v) for v in starts]
                if progress is not None:
                    progress(phase, int(cb.objective_value), int(cb.best_objective_bound),
                             time.perf_counter() - t0)

        self.count = 0
        self.best = None
        self.callback = CB()


def _run(solver, model, callback, interrupted: threading.Event):
    """Solve in a worker thread so that Ctrl-C (KeyboardInterrupt in the main thread) stops the
    search cleanly: the solver returns its best solution so far.  The wait is on an event the
    thread sets when the solve has returned (a ``Thread.join`` that a KeyboardInterrupt cuts
    short may report the thread finished while the solver still runs)."""
    box = {}
    done = threading.Event()

    def target():
        try:
            box["status"] = solver.solve(model, callback)
        finally:
            done.set()

    th = threading.Thread(target=target, daemon=True)
    th.start()
    while not done.is_set():
        try:
            done.wait(0.1)
        except KeyboardInterrupt:
            interrupted.set()
        if interrupted.is_set():
            solver.stop_search()        # again each time: a stop before the solve began is lost
    return box.get("status")


def merge(res: PhaseResult, starts, res2: PhaseResult, starts2):
    """The better of two attempts at one phase, with the best bound of either."""
    out = dataclasses.replace(res2, seconds=res.seconds + res2.seconds,
                              solutions=res.solutions + res2.solutions,
                              work=res.work + res2.work)
    bounds = [b for b in (res.bound, res2.bound) if b is not None]
    out.bound = max(bounds) if bounds else None
    if starts2 is None or (res.value is not None and res2.value is not None
                           and res.value < res2.value):
        out.value, starts2 = res.value, starts
    if out.value is not None and out.bound is not None and out.bound >= out.value:
        out.bound = out.value
        out.status = "OPTIMAL"
    elif out.value is not None:
        out.status = "FEASIBLE"
    return out, starts2


# The full-problem workers allowed for the makespan, in CP-SAT's names.  With 2 workers CP-SAT
# picks no_lp among them and runs its large-neighbourhood searches on the other thread; with
# more it adds the others.  The LP relaxation of a makespan is weak: without it the complete
# search makes several times more decisions per second, which is what closes the hard j30
# instances (docs/levelling.md).
MAKESPAN_WORKERS = ["no_lp", "default_lp", "quick_restart", "max_lp", "fixed", "reduced_costs",
                    "pseudo_costs"]


def run_phase(cp_model, model, S, objs, name, hint, seconds, workers, seed, progress,
              interrupted, deterministic=False, wall=None, lp=True):
    """Minimise ``objs[name]`` (earlier phases are already constraints of ``model``).

    ``seconds`` is wall-clock time, or with ``deterministic`` CP-SAT's deterministic time (then
    ``wall`` caps the wall-clock time at up to three times that; ``wall=None``: no wall-clock
    limit, so the result does not depend on the machine).  ``lp=False``: the complete search runs without the LP relaxation (a single worker at
    linearization level 0; in parallel, the workers of ``MAKESPAN_WORKERS``)."""
    t0 = time.perf_counter()
    model.clear_objective()
    model.minimize(objs[name])
    model.clear_hints()
    if hint is not None:
        for v, x in zip(S, hint):
            model.add_hint(v, x)
    solver = cp_model.CpSolver()
    prm = solver.parameters
    if deterministic:
        prm.max_deterministic_time = max(0.01, seconds)
        if wall is not None:
            prm.max_time_in_seconds = max(0.01, min(3 * seconds, wall))
    else:
        prm.max_time_in_seconds = max(0.01, seconds)
    prm.num_workers = max(1, workers)
    if not lp:
        if prm.num_workers == 1:
            prm.linearization_level = 0
        else:
            prm.subsolvers.extend(MAKESPAN_WORKERS)
    prm.random_seed = seed              # 1 is CP-SAT's own default
    prm.catch_sigint_signal = False
    sols = _Solutions(cp_model, S, name, progress, t0)
    status = _run(solver, model, sols.callback, interrupted)
    res = PhaseResult(name, solver.status_name(status) if status is not None else "UNKNOWN",
                      seconds=time.perf_counter() - t0, solutions=sols.count,
                      work=solver.deterministic_time if status is not None else 0.0)
    starts = None
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        res.value = int(round(solver.objective_value))
        res.bound = int(math.ceil(solver.best_objective_bound - 1e-9))
        starts = [solver.value(v) for v in S]
    return res, starts
