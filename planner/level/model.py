"""The CP-SAT model of a :class:`~planner.level.problem.Problem`: a start variable and a time
window per task (heads and tails inside the horizon), the links, symmetry breaking for
interchangeable tasks, one cumulative per resource (the makespan as an interval that takes every
resource's whole capacity after the end), and the objectives of the phases.  ``cp_model`` is
passed in: OR-Tools is imported only when a solve starts."""
from __future__ import annotations

from .problem import Problem


def twin_groups(p: Problem) -> list:
    """Groups of interchangeable tasks (same duration, demands, links both ways, bounds):
    swapping two of them changes nothing, so the model keeps each group in start order."""
    groups: dict = {}
    for k in p.active:
        if p.epreds[k] or p.esuccs[k]:
            continue
        key = (p.dur[k], tuple(sorted(p.demand[k].items())), tuple(sorted(p.preds[k])),
               tuple(sorted(p.succs[k])), p.release[k], p.latest[k], p.capped[k])
        groups.setdefault(key, []).append(k)
    return [g for g in groups.values() if len(g) > 1]


def in_order(hint, twins):
    """``hint`` with the starts of each group of twins sorted (the model's order)."""
    if hint is None or not twins:
        return hint
    hint = list(hint)
    for g in twins:
        for k, v in zip(g, sorted(hint[k] for k in g)):
            hint[k] = v
    return hint


def build_model(cp_model, p: Problem, edelta: dict, twins: list, extra_links: dict, H: int,
                hard: bool, phases_spec: list):
    """The CP-SAT model of ``p`` with horizon ``H``: ``(model, start vars, objectives, lower
    bound)``, or None when a time window is empty.  ``hard``: capacities must hold (else, within
    float, a task may be left out of levelling)."""
    n = p.n
    hd = p.heads(extra_links)
    tl = p.tails(extra_links, edelta)
    lo = hd
    hi = []
    for k in range(n):
        h = H - tl[k]
        if p.latest[k] is not None:
            h = min(h, p.latest[k])
        hi.append(max(h, lo[k]) if not hard else h)
    if hard and any(hi[k] < lo[k] for k in range(n)):
        return None
    m = cp_model.CpModel()
    S = [m.new_int_var(lo[k], hi[k], f"s{k}") for k in range(n)]
    lb = max((hd[k] + tl[k] for k in range(n)), default=0)
    M = m.new_int_var(min(lb, H), H, "finish")
    _add_links(m, p, S, M, lo, hi, extra_links, twins)
    kept, weights, capvar = _add_resources(m, p, S, M, lo, H, hard, phases_spec)
    work = {k: p.dur[k] * sum(p.demand[k].values()) for k in kept}
    objectives = {
        "finish": M,
        "delay": sum(S[k] for k in range(n)) - sum(p.release),
        "peak": sum(w * c for w, c in zip(weights, capvar) if not isinstance(c, int)),
        "overload": sum(work.values()) - sum(work[k] * x for k, x in kept.items()),
    }
    return m, S, objectives, lb


def _add_links(m, p: Problem, S: list, M, lo: list, hi: list, extra_links: dict,
               twins: list) -> None:
    """The makespan after every task, the links (capped ones as a minimum, elapsed lags as a
    table), the resource-implied distances, and twins in start order."""
    for k in range(p.n):
        implied = any(d + p.dur[j] >= p.dur[k] and p.capped[j] is None
                      for j, d in p.succs[k])
        if not implied:
            m.add(M >= S[k] + p.dur[k])
    for i, j, d in p.links:
        cap = p.capped[j]
        if cap is None or hi[i] + d <= cap:
            m.add(S[j] >= S[i] + d)
        else:
            aux = m.new_int_var(min(lo[i] + d, cap), cap, "")
            m.add_min_equality(aux, [S[i] + d, cap])
            m.add(S[j] >= aux)
    for i, j, fn in p.elinks:
        table = [fn(x) for x in range(lo[i], hi[i] + 1)]
        t = m.new_int_var(min(table), max(table), "")
        m.add_element(S[i] - lo[i], table, t)
        cap = p.capped[j]
        if cap is not None:
            aux = m.new_int_var(min(min(table), cap), cap, "")
            m.add_min_equality(aux, [t, cap])
            t = aux
        m.add(S[j] >= t)
    for (a, b), d in extra_links.items():
        m.add(S[b] >= S[a] + d)
    for group in twins:                 # interchangeable tasks: keep them in order
        for a, b in zip(group, group[1:]):
            m.add(S[a] <= S[b])


def _add_resources(m, p: Problem, S: list, M, lo: list, H: int, hard: bool, phases_spec: list):
    """One cumulative per resource (absences as blocked intervals; when capacities are hard,
    the makespan as an interval that takes the whole capacity after the end).  Returns
    ``(kept, weights, capacity variables)``: ``kept[k]`` the optional task's presence (within
    float), the weight and the (peak) capacity of each resource."""
    if hard:
        iv = {k: m.new_fixed_size_interval_var(S[k], p.dur[k], f"i{k}") for k in p.active}
        kept = {}
    else:
        # within float a task may be left out of levelling (it keeps its links, and its
        # conflicts remain); the first phase minimises the work left out
        kept = {k: m.new_bool_var(f"kept{k}") for k in p.active}
        iv = {k: m.new_optional_fixed_size_interval_var(S[k], p.dur[k], kept[k], f"i{k}")
              for k in p.active}
    capvar = []
    weights = []
    for r, cap in enumerate(p.capacity):
        ks = [k for k in p.active if p.demand[k].get(r)]
        need = max([p.demand[k][r] for k in ks], default=0)
        total = sum(p.demand[k][r] for k in ks)
        weights.append(max(1, round(1000 / cap)))
        cv = m.new_int_var(min(need, cap), cap, f"peak{r}") if "peak" in phases_spec \
            else cap
        capvar.append(cv)
        if not ks or (total <= cap and not p.blocked[r] and isinstance(cv, int)):
            continue
        intervals = [iv[k] for k in ks]
        demands = [p.demand[k][r] for k in ks]
        for a, b in p.blocked[r]:
            if b > min(lo) and a < H + 1:
                intervals.append(m.new_fixed_size_interval_var(a, b - a, ""))
                demands.append(cv)
        if hard:
            size = m.new_int_var(0, H, "")
            intervals.append(m.new_interval_var(M, size, H, ""))
            demands.append(cv)
        m.add_cumulative(intervals, demands, cv)
    return kept, weights, capvar
