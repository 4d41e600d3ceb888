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

from hypothesis import strategies as st

from safetyduty.models import Basis, Enterprise, Standardization
from safetyduty.testing import strategies

__all__ = ["strategies"]

st.register_type_strategy(Basis, strategies.bases())
st.register_type_strategy(Enterprise, strategies.enterprises())
st.register_type_strategy(Standardization, strategies.standardizations())
