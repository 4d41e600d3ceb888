"""Ruling: the answer of a rule, with the text it rests on and why."""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from safetyduty._methods import by_fields
from safetyduty.models import Basis

__all__ = ["Ruling"]

T = TypeVar("T")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Ruling(Generic[T]):
    """An answer of a rule: the value, the text it rests on, and why.

    Examples:
        >>> r = Ruling(value=True, basis=Basis(document="《安全生产法》(2021)", article="第二十四条"),
        ...            reason="建筑施工 is a high-risk sector")
        >>> r.value, str(r.basis)
        (True, '《安全生产法》(2021) 第二十四条')
    """

    value: T
    basis: Basis
    reason: str = ""
