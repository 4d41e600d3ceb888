"""Pure rule functions over the models.

- :mod:`safetyduty.rules.deadlines`: time limits, schedules and their due dates;
- :mod:`safetyduty.rules.statutory`: the fixed deadlines of the laws, with sources;
- :mod:`safetyduty.rules.phrases`: Chinese deadline phrases into schedules.

Compliance, targets, credit and classification arrive with later issues.
"""

__all__: list[str] = []
