"""Schedule risk: Monte Carlo on uncertain durations and risk events, in working days.

* :mod:`.model`: the input as plain data (three-point estimates, risk events, correlations);
* :mod:`.days`: the plan's calendar as numpy lookup arrays (working-day index <-> date);
* :mod:`.network`: a plan compiled to numpy arrays, one group of tasks per topological level;
* :mod:`.cpm`: the forward and backward passes over all iterations at once, on time keys;
* :mod:`.sampling`: triangular and Beta-PERT draws, risk events, rank correlation;
* :mod:`.stats`: P-values, criticality, cruciality (Spearman), convergence;
* :mod:`.engine`: :func:`~planner.risk.engine.simulate`, which ties them together.

Only this package imports numpy (and only :mod:`.model` is imported without it), so the rest
of planner starts without it.
"""
