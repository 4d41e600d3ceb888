"""Dated rules: the version in force on a date (the one lookup the library uses)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    instance_of,
    non_empty_str,
    optional,
    plain_date,
    text,
)
from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.models import Basis, Industry

T = TypeVar("T")

__all__ = [
    "Dated",
    "Parameter",
    "ParameterVersion",
    "SectorList",
    "SectorListVersion",
    "Version",
    "dated",
]


def _day(name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    return value


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Version(Generic[T]):
    """One version of a dated rule: in force from ``effective_from`` (to ``effective_until``).

    Examples:
        >>> v = Version(effective_from=date(2021, 9, 1), value=100, basis=Basis(document="安全生产法"))
        >>> v.in_force_on(date(2021, 9, 1)), v.in_force_on(date(2021, 8, 31))
        (True, False)
    """

    effective_from: date
    value: T
    basis: Basis
    effective_until: date | None = None

    def in_force_on(self, day: date) -> bool:
        """Whether this version is the law on *day*."""
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


@by_fields
@attrs.frozen(eq=False, repr=False)
class Dated(Generic[T]):
    """A rule whose content changes over time: its versions, oldest first.

    :meth:`at` raises :class:`~safetyduty.errors.NoRuleInForceError` for a
    date no version covers (before the first, or after a version that ended
    with no successor), instead of returning ``None``.

    Examples:
        >>> rule = dated("liability insurance list", [
        ...     Version(effective_from=date(2017, 12, 12), value="2017", basis=Basis(document="安监总办〔2017〕140号"),
        ...             effective_until=date(2025, 3, 28)),
        ...     Version(effective_from=date(2025, 3, 29), value="2025", basis=Basis(document="应急〔2025〕27号"))])
        >>> rule.at(date(2025, 3, 28)).value, rule.at(date(2025, 3, 29)).value
        ('2017', '2025')
        >>> rule.at(date(2017, 1, 1))
        Traceback (most recent call last):
        ...
        safetyduty.errors.NoRuleInForceError: liability insurance list: no rule in force on 2017-01-01 (the first applies from 2017-12-12)
    """

    name: str
    versions: tuple[Version[T], ...]

    def at(self, as_of: date) -> Version[T]:
        """The version in force on *as_of*."""
        day = _day("as_of", as_of)
        for version in reversed(self.versions):
            if version.in_force_on(day):
                return version
        raise NoRuleInForceError(self.name, day, self.versions[0].effective_from)

    @property
    def first_day(self) -> date:
        """The first day any version is in force."""
        return self.versions[0].effective_from


def dated(name: str, versions: Iterable[Version[T]]) -> Dated[T]:
    """A :class:`Dated` rule, versions sorted by effective date; overlapping versions are an error.

    Raises:
        ValidationError: for no versions, or two in force on one day.
    """
    ordered = tuple(sorted(versions, key=lambda v: v.effective_from))
    if not ordered:
        raise ValidationError(name, (), "must have at least one version")
    for before, after in itertools.pairwise(ordered):
        if before.effective_until is None or before.effective_until >= after.effective_from:
            raise ValidationError(
                name,
                after.effective_from,
                f"must start after the previous version ends ({before.effective_until or 'open'})",
            )
    return Dated(name, ordered)


def _industries(value: Iterable[Industry]) -> frozenset[Industry]:
    result: frozenset[Industry] = as_frozenset(value)
    return result


def _check_industries(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset) or not all(isinstance(i, Industry) for i in value):
        raise ValidationError(attribute.name, value, "must be a list of Industry codes")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class SectorListVersion:
    """The industries a sector list of the law names, in one version of its text."""

    effective_from: date = attrs.field(validator=plain_date)
    industries: frozenset[Industry] = attrs.field(
        converter=_industries, validator=_check_industries
    )
    basis: Basis = attrs.field(validator=instance_of(Basis))
    effective_until: date | None = attrs.field(default=None, validator=optional(plain_date))
    reading: str = attrs.field(default="", validator=text)
    """How the text's words are read onto :class:`~safetyduty.models.Industry` where that is ours."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class SectorList:
    """A named list of sectors the law uses (高危行业, 应急条例 第八条 units, …), by version."""

    id: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    versions: tuple[SectorListVersion, ...] = attrs.field(converter=tuple)

    def dated(self) -> Dated[frozenset[Industry]]:
        """The list as a :class:`Dated` rule."""
        return dated(
            self.id,
            (
                Version(
                    effective_from=v.effective_from,
                    effective_until=v.effective_until,
                    value=v.industries,
                    basis=v.basis,
                )
                for v in self.versions
            ),
        )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ParameterVersion:
    """The values of a parameter table in one version of its text (hours, rates, amounts)."""

    effective_from: date = attrs.field(validator=plain_date)
    values: dict[str, Decimal] = attrs.field(converter=dict)
    basis: Basis = attrs.field(validator=instance_of(Basis))
    effective_until: date | None = attrs.field(default=None, validator=optional(plain_date))

    @values.validator
    def _finite(self, attribute: attrs.Attribute[Any], value: dict[str, Decimal]) -> None:
        for key, amount in value.items():
            if not isinstance(amount, Decimal) or not amount.is_finite():
                raise ValidationError(f"values.{key}", amount, "must be a finite Decimal")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Parameter:
    """A named table of numbers the law sets (学时, fine rates, thresholds), by version."""

    id: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    unit: str = attrs.field(validator=text)
    versions: tuple[ParameterVersion, ...] = attrs.field(converter=tuple)

    def dated(self) -> Dated[dict[str, Decimal]]:
        """The table as a :class:`Dated` rule."""
        return dated(
            self.id,
            (
                Version(
                    effective_from=v.effective_from,
                    effective_until=v.effective_until,
                    value=v.values,
                    basis=v.basis,
                )
                for v in self.versions
            ),
        )
