"""Rulings with their source, and rules that change over time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Generic, TypeVar

import attrs

from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import Basis

T = TypeVar("T")

__all__ = ["Dated", "Ruling", "Version"]


@attrs.frozen(kw_only=True)
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


@attrs.frozen(kw_only=True)
class Version(Generic[T]):
    """One version of a dated rule: in force from ``effective_from``."""

    effective_from: date
    value: T
    basis: Basis


@attrs.frozen
class Dated(Generic[T]):
    """A rule whose content changes over time: versions ordered by effective date.

    :meth:`at` raises :class:`~safetyduty.errors.NoRuleInForceError` for a
    date before the first version, instead of returning ``None``.

    Examples:
        >>> rule = dated("liability insurance list", [
        ...     Version(effective_from=date(2017, 12, 12), value="2017", basis=Basis(document="安监总办〔2017〕140号")),
        ...     Version(effective_from=date(2025, 3, 29), value="2025", basis=Basis(document="应急〔2025〕27号"))])
        >>> rule.at(date(2025, 3, 28)).value, rule.at(date(2025, 3, 29)).value
        ('2017', '2025')
    """

    name: str
    versions: tuple[Version[T], ...]

    def at(self, as_of: date) -> Version[T]:
        """The version in force on *as_of*."""
        if not isinstance(as_of, date) or isinstance(as_of, datetime):
            raise ValidationError("as_of", as_of, "must be a datetime.date")
        in_force = [v for v in self.versions if v.effective_from <= as_of]
        if not in_force:
            raise NoRuleInForceError(self.name, as_of, self.versions[0].effective_from)
        return in_force[-1]


def dated(name: str, versions: Iterable[Version[T]]) -> Dated[T]:
    """A :class:`Dated` rule, versions sorted by effective date."""
    return Dated(name, tuple(sorted(versions, key=lambda v: v.effective_from)))
