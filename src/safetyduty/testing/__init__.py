"""Helpers for integrators' tests: hypothesis strategies for every model.

Importing this package registers each strategy with
``hypothesis.strategies.register_type_strategy``, so ``st.from_type(Enterprise)``
works. Requires the ``testing`` extra.

Examples:
    >>> from hypothesis import given, strategies as st
    >>> import safetyduty.testing
    >>> from safetyduty.models import Enterprise
    >>> @given(st.from_type(Enterprise))
    ... def test_uscc_has_18_characters(enterprise):
    ...     assert len(enterprise.uscc) == 18
    >>> test_uscc_has_18_characters()
"""

from typing import Any, Final

from hypothesis import strategies as st

from safetyduty import models
from safetyduty.testing import strategies

__all__ = ["STRATEGIES", "strategies"]

STRATEGIES: Final[dict[type, st.SearchStrategy[Any]]] = {
    models.Accident: strategies.accidents(),
    models.Applicability: strategies.applicabilities(),
    models.Authority: strategies.authorities(),
    models.Basis: strategies.bases(),
    models.Case: strategies.cases(),
    models.Certificate: strategies.certificates(),
    models.CreditEvent: strategies.credit_events(),
    models.CreditStatus: strategies.credit_statuses(),
    models.Duration: strategies.durations(),
    models.Enterprise: strategies.enterprises(),
    models.Hazard: strategies.hazards(),
    models.Jurisdiction: strategies.jurisdictions(),
    models.ListEntry: strategies.list_entries(),
    models.Obligation: strategies.obligations(),
    models.Person: strategies.persons(),
    models.Plan: strategies.plans(),
    models.Portfolio: strategies.portfolios(),
    models.Record: strategies.records(),
    models.Risk: strategies.risks(),
    models.Source: strategies.sources(),
    models.Span: strategies.spans(),
    models.Standardization: strategies.standardizations(),
    models.Target: strategies.targets(),
    models.Unmatched: strategies.unmatched(),
}
"""The strategy of every model class, as registered with hypothesis."""

for _model, _strategy in STRATEGIES.items():
    st.register_type_strategy(_model, _strategy)
