"""Pure rule functions over the models (deadlines, compliance, credit, …).

The rules arrive with issues #4 to #7; this package is their home. It exports
nothing yet.
"""

__all__: list[str] = []
