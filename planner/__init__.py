"""planner: transition-project planning with critical-path scheduling in Norwegian working days."""

__version__ = "0.1.0"
