"""Credit lists (红黑名单): the facts, the listing decisions and a status.

Which facts lead to a listing, under which regime and for how long, is
``safetyduty.rules.credit``; here are the data it works on and returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    count,
    instance_of,
    keeps,
    member_of,
    non_empty_str,
    optional,
    plain_date,
    text,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._basis import Basis
from safetyduty.models._credit_vocab import (
    CreditEventKind,
    CreditListKind,
    CreditRegime,
    CreditStanding,
)
from safetyduty.models._vocab import AccidentGrade

__all__ = ["CreditEvent", "CreditStatus", "ListEntry"]

LIST_OF_REGIME: Final = {
    CreditRegime.BLACKLIST_2015: CreditListKind.BLACK,
    CreditRegime.JOINT_PUNISHMENT_2017: CreditListKind.BLACK,
    CreditRegime.SERIOUS_DISHONESTY_2023: CreditListKind.BLACK,
    CreditRegime.RED_LIST_2017: CreditListKind.RED,
}
"""The list each regime governs."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CreditEvent:
    """A fact that bears on a subject's credit: an accident, a penalty, a commitment…

    Attributes:
        id: the caller's identifier.
        subject: who it concerns (统一社会信用代码, or the caller's id of a person).
        kind: what happened.
        on: the day it happened (or was decided).
        accident_grade: for an accident, its grade.
        deaths: for an accident, the number of deaths (0 otherwise).
        details: free text.
        basis: the decision or document it rests on, if any.

    Examples:
        >>> CreditEvent(id="e1", subject="914403001922038216", kind=CreditEventKind.ACCIDENT,
        ...             on=date(2024, 3, 1), accident_grade=AccidentGrade.LARGER).accident_grade
        <AccidentGrade.LARGER: 'larger'>
    """

    id: str = attrs.field(validator=non_empty_str)
    subject: str = attrs.field(validator=non_empty_str)
    kind: CreditEventKind = attrs.field(validator=member_of(CreditEventKind))
    on: date = attrs.field(validator=plain_date)
    accident_grade: AccidentGrade | None = attrs.field(
        default=None, validator=optional(member_of(AccidentGrade))
    )
    deaths: int = attrs.field(default=0, validator=count)
    details: str = attrs.field(default="", validator=text)
    basis: Basis | None = attrs.field(default=None, validator=optional(instance_of(Basis)))

    @accident_grade.validator
    def _only_for_accidents(
        self, attribute: attrs.Attribute[Any], value: AccidentGrade | None
    ) -> None:
        accidents = (
            CreditEventKind.ACCIDENT,
            CreditEventKind.CONCEALED_ACCIDENT,
            CreditEventKind.FALSE_REPORT,
        )
        if value is not None and self.kind not in accidents:
            raise ValidationError(
                "accident_grade", value.value, "must be None unless the event is an accident"
            )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ListEntry:
    """A listing decision: who is on which list, under which regime, from when to when.

    Attributes:
        kind: black or red.
        regime: the rules the decision was taken under (it fixes ``kind``).
        subject: who is listed.
        listed_on: the day of the decision.
        expires_on: the end of the management period, if fixed.
        removed_on: the day of an (early) removal, if any.
        basis: the decision or the rule it rests on.

    Examples:
        >>> entry = ListEntry(kind=CreditListKind.BLACK, regime=CreditRegime.SERIOUS_DISHONESTY_2023,
        ...                   subject="914403001922038216", listed_on=date(2024, 2, 29),
        ...                   expires_on=date(2027, 2, 28),
        ...                   basis=Basis(document="安全生产严重失信主体名单管理办法(应急管理部令第11号)"))
        >>> entry.in_force(date(2026, 1, 1)), entry.in_force(date(2027, 3, 1))
        (True, False)
        >>> attrs.evolve(entry, kind=CreditListKind.RED)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: kind: must be black under serious_dishonesty_2023 (got 'red')
    """

    kind: CreditListKind = attrs.field(validator=member_of(CreditListKind))
    regime: CreditRegime = attrs.field(validator=member_of(CreditRegime))
    subject: str = attrs.field(validator=non_empty_str)
    listed_on: date = attrs.field(validator=plain_date)
    basis: Basis = attrs.field(validator=instance_of(Basis))
    expires_on: date | None = attrs.field(default=None, validator=optional(plain_date))
    removed_on: date | None = attrs.field(default=None, validator=optional(plain_date))

    @regime.validator
    def _regime_fits_list(self, attribute: attrs.Attribute[Any], value: CreditRegime) -> None:
        expected = LIST_OF_REGIME[value]
        if self.kind is not expected:
            raise ValidationError(
                "kind", self.kind.value, f"must be {expected.value} under {value.value}"
            )

    @expires_on.validator
    def _after_listing(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value <= self.listed_on:
            raise ValidationError(
                "expires_on", value, f"must be after listed_on ({self.listed_on})"
            )

    @removed_on.validator
    def _removed_after_listing(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value < self.listed_on:
            raise ValidationError(
                "removed_on", value, f"must not be before listed_on ({self.listed_on})"
            )

    def in_force(self, as_of: date) -> bool:
        """Whether the entry holds on *as_of*: listed, not removed, not expired."""
        if not isinstance(as_of, date):
            raise ValidationError("as_of", as_of, "must be a datetime.date")
        if as_of < self.listed_on:
            return False
        if self.removed_on is not None and as_of >= self.removed_on:
            return False
        return self.expires_on is None or as_of <= self.expires_on


def _entries(value: Iterable[ListEntry]) -> tuple[ListEntry, ...]:
    return cast("tuple[ListEntry, ...]", as_tuple(value))


keeps(tuple, _entries)


def _events(value: Iterable[CreditEvent]) -> tuple[CreditEvent, ...]:
    return cast("tuple[CreditEvent, ...]", as_tuple(value))


keeps(tuple, _events)


def _texts(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", as_tuple(value))


keeps(tuple, _texts)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CreditStatus:
    """A subject's standing on the credit lists on a date, with the reasons.

    Attributes:
        subject: who.
        as_of: the date judged.
        standing: black, red or none.
        entries: the list entries in force.
        restrictions: the restrictions that apply (联合惩戒 measures).
        pending: qualifying facts with no listing decision yet.
        explanation: one line per reason, with its basis.

    Examples:
        >>> CreditStatus(subject="914403001922038216", as_of=date(2026, 11, 23),
        ...              standing=CreditStanding.NONE).standing
        <CreditStanding.NONE: 'none'>
    """

    subject: str = attrs.field(validator=non_empty_str)
    as_of: date = attrs.field(validator=plain_date)
    standing: CreditStanding = attrs.field(validator=member_of(CreditStanding))
    entries: tuple[ListEntry, ...] = attrs.field(
        default=(), converter=_entries, validator=tuple_of(ListEntry)
    )
    restrictions: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=tuple_of(str)
    )
    pending: tuple[CreditEvent, ...] = attrs.field(
        default=(), converter=_events, validator=tuple_of(CreditEvent)
    )
    explanation: tuple[str, ...] = attrs.field(
        default=(), converter=_texts, validator=tuple_of(str)
    )
