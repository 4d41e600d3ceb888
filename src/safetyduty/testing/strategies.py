"""Hypothesis strategies for every safetyduty model, valid by construction.

Requires the ``testing`` extra (``pip install safetyduty[testing]``).

Examples:
    >>> from hypothesis import given
    >>> from safetyduty.testing import strategies
    >>> @given(strategies.enterprises())
    ... def test_province_is_a_prefix(enterprise):
    ...     assert enterprise.province[:2] == enterprise.region[:2]
    >>> test_province_is_a_prefix()
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from safetyduty.models import (
    Basis,
    Enterprise,
    HazardFlag,
    Industry,
    Standardization,
    StandardizationLevel,
    uscc_check_char,
)
from safetyduty.models._enterprise import _PROVINCES, USCC_CHARSET

__all__ = [
    "bases",
    "dates",
    "enterprises",
    "money",
    "regions",
    "standardizations",
    "uscc_codes",
]

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30
).filter(str.strip)


def dates(
    min_value: date = date(2004, 1, 1), max_value: date = date(2026, 12, 31)
) -> st.SearchStrategy[date]:
    """Days in the calendar's covered range by default."""
    return st.dates(min_value=min_value, max_value=max_value)


def money() -> st.SearchStrategy[Decimal]:
    """Amounts in yuan, to the fen, from 0 to 10^12."""
    return st.integers(min_value=0, max_value=10**14).map(lambda fen: Decimal(fen).scaleb(-2))


def uscc_codes() -> st.SearchStrategy[str]:
    """统一社会信用代码 with a correct check character (GB 32100-2015)."""
    return st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17).map(
        lambda head: head + uscc_check_char(head)
    )


def regions() -> st.SearchStrategy[str]:
    """6-digit 行政区划代码 shapes under a real province-level code."""
    return st.tuples(st.sampled_from(sorted(_PROVINCES)), st.integers(0, 9999)).map(
        lambda pair: f"{pair[0]:02d}{pair[1]:04d}"
    )


def bases() -> st.SearchStrategy[Basis]:
    """Citations."""
    return st.builds(
        Basis,
        document=_TEXT,
        article=st.one_of(st.just(""), _TEXT),
        effective_from=st.none() | dates(date(1949, 10, 1), date(2030, 12, 31)),
        url=st.none() | st.just("https://example.org/law"),
    )


def standardizations() -> st.SearchStrategy[Standardization]:
    """安全生产标准化 grades."""
    return st.builds(
        Standardization, level=st.sampled_from(StandardizationLevel), granted_on=dates()
    )


def enterprises() -> st.SearchStrategy[Enterprise]:
    """Enterprises across every industry, with and without the optional facts."""
    return st.builds(
        Enterprise,
        uscc=uscc_codes(),
        name=_TEXT,
        industry=st.sampled_from(Industry),
        region=regions(),
        employees=st.integers(min_value=0, max_value=500_000),
        annual_revenue=st.none() | money(),
        above_designated_size=st.booleans(),
        state_owned=st.booleans(),
        hazard_flags=st.frozensets(st.sampled_from(HazardFlag)),
        standardization=st.none() | standardizations(),
        production_started_on=st.none() | dates(date(1949, 10, 1), date(2026, 12, 31)),
    )
