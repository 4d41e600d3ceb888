"""Portfolio: the input document of ``safetyduty evaluate``: enterprises and their facts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import attrs

from safetyduty._validate import as_tuple, tuple_of
from safetyduty.models._accident import Accident
from safetyduty.models._authority import Authority
from safetyduty.models._enterprise import Enterprise
from safetyduty.models._hazard import Hazard
from safetyduty.models._person import Person
from safetyduty.models._record import Record

__all__ = ["Portfolio"]


def _enterprises(value: Iterable[Enterprise]) -> tuple[Enterprise, ...]:
    return cast("tuple[Enterprise, ...]", as_tuple(value))


def _records(value: Iterable[Record]) -> tuple[Record, ...]:
    return cast("tuple[Record, ...]", as_tuple(value))


def _hazards(value: Iterable[Hazard]) -> tuple[Hazard, ...]:
    return cast("tuple[Hazard, ...]", as_tuple(value))


def _accidents(value: Iterable[Accident]) -> tuple[Accident, ...]:
    return cast("tuple[Accident, ...]", as_tuple(value))


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return cast("tuple[Person, ...]", as_tuple(value))


def _authorities(value: Iterable[Authority]) -> tuple[Authority, ...]:
    return cast("tuple[Authority, ...]", as_tuple(value))


@attrs.frozen(kw_only=True)
class Portfolio:
    """Enterprises with their evidence records, hazards, accidents and people; authorities too.

    Records of an authority carry its 统一社会信用代码 in ``enterprise``.

    Examples:
        >>> Portfolio(enterprises=[]).records
        ()
    """

    enterprises: tuple[Enterprise, ...] = attrs.field(
        converter=_enterprises, validator=tuple_of(Enterprise)
    )
    records: tuple[Record, ...] = attrs.field(
        default=(), converter=_records, validator=tuple_of(Record)
    )
    hazards: tuple[Hazard, ...] = attrs.field(
        default=(), converter=_hazards, validator=tuple_of(Hazard)
    )
    accidents: tuple[Accident, ...] = attrs.field(
        default=(), converter=_accidents, validator=tuple_of(Accident)
    )
    people: tuple[Person, ...] = attrs.field(
        default=(), converter=_people, validator=tuple_of(Person)
    )
    authorities: tuple[Authority, ...] = attrs.field(
        default=(), converter=_authorities, validator=tuple_of(Authority)
    )
