"""The input of a risk analysis as plain data: no numpy, nothing read or written.

Every object remembers ``src`` (its path in the document) and ``file`` (the document), so a
problem found later (an invalid correlation matrix) is still reported as ``FILE:LINE``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

DISTRIBUTIONS = ("triangular", "pert", "uniform")


@dataclass(frozen=True, slots=True)
class ThreePoint:
    """Optimistic, most likely and pessimistic working days, and the distribution between."""

    optimistic: float
    most_likely: float
    pessimistic: float
    distribution: str = "triangular"
    src: tuple = ()
    file: str | None = None

    @property
    def width(self) -> float:
        return self.pessimistic - self.optimistic

    def pert_shape(self) -> tuple[float, float]:
        """Beta-PERT's alpha = 1 + 4(M-A)/(B-A) and beta = 1 + 4(B-M)/(B-A)."""
        a, m, b = self.optimistic, self.most_likely, self.pessimistic
        return 1 + 4 * (m - a) / (b - a), 1 + 4 * (b - m) / (b - a)

    def mean(self) -> float:
        a, m, b = self.optimistic, self.most_likely, self.pessimistic
        if self.distribution == "pert":
            return (a + 4 * m + b) / 6
        if self.distribution == "uniform":
            return (a + b) / 2
        return (a + m + b) / 3


@dataclass(frozen=True, slots=True)
class RiskEvent:
    """With ``probability``, add a delay drawn from ``delay`` to each of ``tasks``."""

    id: str
    name: str
    probability: float
    tasks: tuple
    delay: ThreePoint
    src: tuple = ()
    file: str | None = None


@dataclass(frozen=True, slots=True)
class Correlation:
    """The tasks slip together: every pair has this rank correlation."""

    tasks: tuple
    coefficient: float
    src: tuple = ()
    file: str | None = None


@dataclass(slots=True)
class RiskInput:
    """Estimates by task id, risk events and correlations, merged from the plan and the
    estimates file."""

    estimates: dict = field(default_factory=dict)
    risks: list = field(default_factory=list)
    correlations: list = field(default_factory=list)
    files: list = field(default_factory=list)

    def merged(self, other: "RiskInput") -> "RiskInput":
        """``other``'s estimates and risks replace this input's for the same task or risk
        id; correlations are added."""
        estimates = dict(self.estimates)
        estimates.update(other.estimates)
        ids = {r.id for r in other.risks}
        risks = [r for r in self.risks if r.id not in ids] + list(other.risks)
        return RiskInput(estimates, risks, list(self.correlations) + list(other.correlations),
                         list(self.files) + list(other.files))

    def is_empty(self) -> bool:
        return not (self.estimates or self.risks)
