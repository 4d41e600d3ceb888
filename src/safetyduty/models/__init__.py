"""Domain models (Enterprise, Plan, Obligation, Hazard, …).

The models arrive with issue #3; this package is their home. It exports
nothing yet.
"""

__all__: list[str] = []
