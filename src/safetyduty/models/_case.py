"""Case: one enterprise with all its facts, the unit of the JSON Lines layout for large portfolios."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import as_tuple, instance_of, keeps, tuple_of
from safetyduty.errors import ValidationError
from safetyduty.models._accident import Accident
from safetyduty.models._enterprise import Enterprise
from safetyduty.models._hazard import Hazard
from safetyduty.models._person import Person
from safetyduty.models._portfolio import check_fact_bounds, check_fact_ids
from safetyduty.models._record import Record

__all__ = ["Case"]


def _records(value: Iterable[Record]) -> tuple[Record, ...]:
    return cast("tuple[Record, ...]", as_tuple(value))


keeps(tuple, _records)


def _hazards(value: Iterable[Hazard]) -> tuple[Hazard, ...]:
    return cast("tuple[Hazard, ...]", as_tuple(value))


keeps(tuple, _hazards)


def _accidents(value: Iterable[Accident]) -> tuple[Accident, ...]:
    return cast("tuple[Accident, ...]", as_tuple(value))


keeps(tuple, _accidents)


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return cast("tuple[Person, ...]", as_tuple(value))


keeps(tuple, _people)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Case:
    """One enterprise with its evidence records, hazards, accidents and people.

    A case holds everything the evaluation of one enterprise needs, so cases
    can be judged one at a time, in any order, on any machine: it is one line
    of the case layout (JSON Lines, :mod:`safetyduty.cases`).

    It is checked as a :class:`~safetyduty.models.Portfolio` is: every fact
    names the case's enterprise (a person its employer); ids repeat within
    no kind of fact; numbers and dates lie within the portfolio's bounds.
    Errors name the path, such as ``records[2].enterprise``.

    Attributes:
        enterprise: the enterprise.
        records: its evidence records.
        hazards: its hazards.
        accidents: its accidents.
        people: its people.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Industry, RecordKind
        >>> firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.OTHER,
        ...                   region="440300", employees=10)
        >>> drill = Record(id="r1", kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1),
        ...                enterprise=firm.uscc)
        >>> len(Case(enterprise=firm, records=[drill]).records)
        1
        >>> Case(enterprise=firm, records=[attrs.evolve(drill, enterprise="91440300708461136T")])
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: records[0].enterprise: must be the case's enterprise 914403001922038216 (got '91440300708461136T')
    """

    enterprise: Enterprise = attrs.field(validator=instance_of(Enterprise))
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

    def __attrs_post_init__(self) -> None:
        code = self.enterprise.uscc
        facts: tuple[tuple[str, tuple[Record | Hazard | Accident | Person, ...]], ...] = (
            ("records", self.records),
            ("hazards", self.hazards),
            ("accidents", self.accidents),
            ("people", self.people),
        )
        for name, items in facts:
            for index, item in enumerate(items):
                if item.enterprise != code:
                    raise ValidationError(
                        f"{name}[{index}].enterprise",
                        item.enterprise,
                        f"must be the case's enterprise {code}",
                    )
        check_fact_ids(self.records, self.hazards, self.accidents, self.people)
        check_fact_bounds(
            [("enterprise", self.enterprise)],
            records=self.records,
            hazards=self.hazards,
            accidents=self.accidents,
            people=self.people,
        )
