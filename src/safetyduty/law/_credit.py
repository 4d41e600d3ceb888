"""The credit regimes and their listing criteria, as data."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, cast

import attrs

from safetyduty._compat import StrEnum
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    as_tuple,
    instance_of,
    int_between,
    keeps,
    member_of,
    non_empty_str,
    optional,
    plain_date,
    set_of,
    text,
)
from safetyduty.errors import ValidationError
from safetyduty.law._load import read_toml, resolve_citations, structure
from safetyduty.models import (
    AccidentGrade,
    Basis,
    CreditEventKind,
    CreditListKind,
    CreditRegime,
)

__all__ = [
    "Criterion",
    "CriterionForm",
    "Regime",
    "credit_criteria",
    "credit_regimes",
    "restrictions",
]


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Regime:
    """One set of listing rules and the date it took effect.

    Attributes:
        key: the regime.
        list_kind: black or red.
        effective_from: the first day listings follow it.
        basis: the text.
        period_months: the management period (None: not fixed).
        repeat_period_months: the period for a consecutive second listing.
        early_removal_months: listed this long, early removal may be applied for.
        removal_window_days: removal is applied for within this many days before expiry.
    """

    key: CreditRegime = attrs.field(validator=member_of(CreditRegime))
    list_kind: CreditListKind = attrs.field(validator=member_of(CreditListKind))
    effective_from: date = attrs.field(validator=plain_date)
    basis: Basis = attrs.field(validator=instance_of(Basis))
    period_months: int | None = attrs.field(default=None, validator=optional(int_between(1, 1200)))
    repeat_period_months: int | None = attrs.field(
        default=None, validator=optional(int_between(1, 1200))
    )
    early_removal_months: int | None = attrs.field(
        default=None, validator=optional(int_between(1, 1200))
    )
    removal_window_days: int | None = attrs.field(
        default=None, validator=optional(int_between(1, 3650))
    )


class CriterionForm(StrEnum):
    """How a listing criterion reads the events."""

    EVENT = "event"
    """One event of the listed kinds qualifies."""
    ACCIDENT = "accident"
    """One accident of the listed grades qualifies."""
    REPEATED = "repeated"
    """``count`` accidents of the listed grades (fatal ones, if ``fatal``) within ``within_months``."""
    DEATHS_IN_A_YEAR = "deaths_in_a_year"
    """Accidents whose deaths add up to ``deaths`` or more within one calendar year."""


def _kinds(value: Iterable[CreditEventKind]) -> frozenset[CreditEventKind]:
    return cast("frozenset[CreditEventKind]", as_frozenset(value))


keeps(frozenset, _kinds)


def _grades(value: Iterable[AccidentGrade]) -> frozenset[AccidentGrade]:
    return cast("frozenset[AccidentGrade]", as_frozenset(value))


keeps(frozenset, _grades)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Criterion:
    """A listing criterion of a regime: what qualifies, in the text's words and as data."""

    regime: CreditRegime = attrs.field(validator=member_of(CreditRegime))
    code: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    form: CriterionForm = attrs.field(validator=member_of(CriterionForm))
    basis: Basis = attrs.field(validator=instance_of(Basis))
    title_en: str = attrs.field(default="", validator=text)
    kinds: frozenset[CreditEventKind] = attrs.field(
        default=frozenset(), converter=_kinds, validator=set_of(CreditEventKind)
    )
    grades: frozenset[AccidentGrade] = attrs.field(
        default=frozenset(), converter=_grades, validator=set_of(AccidentGrade)
    )
    count: int | None = attrs.field(default=None, validator=optional(int_between(2, 100)))
    within_months: int | None = attrs.field(default=None, validator=optional(int_between(1, 120)))
    fatal: bool = attrs.field(default=False)
    deaths: int | None = attrs.field(default=None, validator=optional(int_between(1, 100_000)))

    @form.validator
    def _complete(self, attribute: attrs.Attribute[Any], value: CriterionForm) -> None:
        needs = {
            CriterionForm.EVENT: bool(self.kinds),
            CriterionForm.ACCIDENT: bool(self.grades),
            CriterionForm.REPEATED: bool(self.grades)
            and bool(self.count)
            and bool(self.within_months),
            CriterionForm.DEATHS_IN_A_YEAR: self.deaths is not None,
        }
        if not needs[value]:
            raise ValidationError(
                f"criteria.{self.code}", value.value, "lacks the fields its form needs"
            )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class _Restrictions:
    items: tuple[str, ...] = attrs.field(converter=as_tuple)
    basis: Basis = attrs.field(validator=instance_of(Basis))


@functools.cache
def _data() -> tuple[dict[CreditRegime, Regime], tuple[Criterion, ...], _Restrictions]:
    raw = resolve_citations(read_toml("credit.toml"), where="credit")
    regimes = [structure(entry, Regime) for entry in raw.get("regime", [])]
    criteria = tuple(structure(entry, Criterion) for entry in raw.get("criterion", []))
    restricted = structure(raw.get("restrictions", {}), _Restrictions)
    by_key = {r.key: r for r in regimes}
    if len(by_key) != len(regimes) or set(by_key) != set(CreditRegime):
        raise ValidationError("credit.regime", sorted(by_key), "must give each regime once")
    for criterion in criteria:
        if by_key[criterion.regime].list_kind is not CreditListKind.BLACK:
            raise ValidationError(
                f"credit.criterion.{criterion.code}",
                criterion.regime.value,
                "must be a black-list regime's",
            )
    return by_key, criteria, restricted


def credit_regimes() -> Mapping[CreditRegime, Regime]:
    """Every credit regime with its effective date and periods (``law/data/credit.toml``).

    Examples:
        >>> from safetyduty import law
        >>> from safetyduty.models import CreditRegime
        >>> law.credit_regimes()[CreditRegime.SERIOUS_DISHONESTY_2023].period_months
        36
    """
    return _data()[0]


def credit_criteria(regime: CreditRegime) -> tuple[Criterion, ...]:
    """The listing criteria of a black-list regime, in the text's order.

    Examples:
        >>> from safetyduty import law
        >>> from safetyduty.models import CreditRegime
        >>> len(law.credit_criteria(CreditRegime.JOINT_PUNISHMENT_2017))
        11
    """
    return tuple(c for c in _data()[1] if c.regime is regime)


def restrictions() -> tuple[tuple[str, ...], Basis]:
    """What a black-listed subject is restricted in, and where that is said.

    Examples:
        >>> from safetyduty import law
        >>> law.restrictions()[0][:2]
        ('信用评级', '获得荣誉')
    """
    found = _data()[2]
    return found.items, found.basis
