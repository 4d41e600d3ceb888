"""Portfolio: the input document of ``safetyduty evaluate``: enterprises and their facts.

A portfolio is validated as a whole, not only item by item: codes and ids
are its keys, so a repeated one is an error naming both places; facts of
an enterprise that is not in the portfolio are kept, counted and logged
(:meth:`Portfolio.unmatched`), never dropped in silence; and the numbers
and dates of its facts must lie within sane bounds (see :class:`Portfolio`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import ClassVar, Final, cast

import attrs

from safetyduty._log import logger
from safetyduty._methods import by_fields
from safetyduty._validate import as_tuple, keeps, tuple_of
from safetyduty.errors import ValidationError
from safetyduty.models._accident import Accident
from safetyduty.models._authority import Authority
from safetyduty.models._enterprise import Enterprise
from safetyduty.models._hazard import Hazard
from safetyduty.models._person import Person
from safetyduty.models._record import Record

__all__ = ["Portfolio", "Unmatched"]

# A portfolio reports the facts it cannot match on the ``safetyduty.models``
# logger: a library logs, the application decides where it goes.

_CHINA: Final = timezone(timedelta(hours=8))


def _enterprises(value: Iterable[Enterprise]) -> tuple[Enterprise, ...]:
    return cast("tuple[Enterprise, ...]", as_tuple(value))


keeps(tuple, _enterprises)


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


def _authorities(value: Iterable[Authority]) -> tuple[Authority, ...]:
    return cast("tuple[Authority, ...]", as_tuple(value))


keeps(tuple, _authorities)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Unmatched:
    """The facts of a portfolio whose enterprise is not in it, by id.

    Attributes:
        codes: the 统一社会信用代码 they name, sorted.
        records: ids of records whose ``enterprise`` is neither an enterprise
            nor an authority of the portfolio.
        hazards: ids of hazards whose enterprise is not in the portfolio.
        accidents: ids of accidents whose enterprise is not in the portfolio.
        people: ids of people whose employer is not in the portfolio.

    Examples:
        >>> Unmatched(codes=("914403001922038216",), records=("r1", "r2")).total
        2
        >>> bool(Unmatched())
        False
    """

    codes: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    hazards: tuple[str, ...] = ()
    accidents: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """How many facts are unmatched."""
        return len(self.records) + len(self.hazards) + len(self.accidents) + len(self.people)

    def __bool__(self) -> bool:
        return self.total > 0


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Portfolio:
    """Enterprises with their evidence records, hazards, accidents and people; authorities too.

    Records of an authority carry its 统一社会信用代码 in ``enterprise``.

    The portfolio is checked as a whole when it is built:

    - every 统一社会信用代码 (of enterprises and authorities together) appears once,
      and so does every id within records, hazards, accidents and people; a
      repeat raises :class:`~safetyduty.errors.ValidationError` naming both
      paths (``enterprises[3].uscc`` and ``enterprises[0].uscc``);
    - every person names an employer;
    - counts and money stay within bounds no real enterprise reaches:
      at most :attr:`MAX_EMPLOYEES` employees, :attr:`MAX_CASUALTIES` deaths,
      serious injuries or missing in one accident, :attr:`MAX_YUAN` yuan of
      revenue, loss or rectification funds, :attr:`MAX_HOURS` hours on one
      record;
    - the dates of facts lie from :attr:`FIRST_DAY` to :attr:`LAST_DAY`.

    Facts whose enterprise is not in the portfolio are not an error, but they
    are never dropped in silence: :meth:`unmatched` lists them, and building
    the portfolio logs a warning on the ``safetyduty`` logger.

    Examples:
        >>> Portfolio(enterprises=[]).records
        ()
        >>> from safetyduty.models import Industry
        >>> firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.OTHER,
        ...                   region="440300", employees=10)
        >>> Portfolio(enterprises=[firm, firm])
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: enterprises[1].uscc: must not repeat enterprises[0].uscc (got '914403001922038216')
    """

    MAX_EMPLOYEES: ClassVar[int] = 10_000_000
    """The most employees an enterprise may have (the largest employers have about 2.5 million)."""
    MAX_CASUALTIES: ClassVar[int] = 100_000
    """The most deaths, serious injuries or missing of one accident."""
    MAX_YUAN: ClassVar[Decimal] = Decimal(10) ** 15
    """The largest amount of money, in yuan (10^15, several times China's yearly GDP)."""
    MAX_HOURS: ClassVar[Decimal] = Decimal(10_000)
    """The most hours one record may count (a year has 8,784)."""
    FIRST_DAY: ClassVar[date] = date(1900, 1, 1)
    """The earliest date of a fact."""
    LAST_DAY: ClassVar[date] = date(2099, 12, 31)
    """The latest date of a fact."""

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

    def __attrs_post_init__(self) -> None:
        _check_keys(self)
        _check_bounds(self)
        missing = self.unmatched()
        if missing:
            logger("safetyduty.models").warning(
                "portfolio: %d facts name an enterprise not in the portfolio "
                "(records %s, hazards %s, accidents %s, people %s; codes %s)",
                missing.total,
                _ids(missing.records),
                _ids(missing.hazards),
                _ids(missing.accidents),
                _ids(missing.people),
                _ids(missing.codes),
            )

    def unmatched(self) -> Unmatched:
        """The records, hazards, accidents and people whose enterprise is not in the portfolio.

        Evaluating a portfolio judges each enterprise on its own facts, so
        these are left out of every report: check this before trusting totals.

        Examples:
            >>> from safetyduty.models import Industry, RecordKind
            >>> firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.OTHER,
            ...                   region="440300", employees=10)
            >>> stray = Record(id="r9", kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1),
            ...                enterprise="91440300708461136T")
            >>> Portfolio(enterprises=[firm], records=[stray]).unmatched()
            Unmatched(codes=('91440300708461136T',), records=('r9',), hazards=(), accidents=(), people=())
        """
        firms = {e.uscc for e in self.enterprises}
        bodies = firms | {a.uscc for a in self.authorities}
        records = [r for r in self.records if r.enterprise not in bodies]
        hazards = [h for h in self.hazards if h.enterprise not in firms]
        accidents = [a for a in self.accidents if a.enterprise not in firms]
        people = [p for p in self.people if p.enterprise not in firms]
        codes: set[str | None] = {r.enterprise for r in records}
        codes.update(h.enterprise for h in hazards)
        codes.update(a.enterprise for a in accidents)
        codes.update(p.enterprise for p in people)
        return Unmatched(
            codes=tuple(sorted(c for c in codes if c is not None)),
            records=tuple(r.id for r in records),
            hazards=tuple(h.id for h in hazards),
            accidents=tuple(a.id for a in accidents),
            people=tuple(p.id for p in people),
        )


def _ids(values: Sequence[str], shown: int = 10) -> str:
    """At most *shown* ids, then how many more: ``r1, r2 … (+40)``."""
    if not values:
        return "none"
    head = ", ".join(values[:shown])
    return f"{head} … (+{len(values) - shown})" if len(values) > shown else head


def _first_repeat(keyed: Iterable[tuple[str, str]], seen: dict[str, str] | None = None) -> None:
    """Raise for the first key that repeats; *keyed* gives ``(path, key)`` pairs."""
    first = {} if seen is None else seen
    for path, key in keyed:
        earlier = first.setdefault(key, path)
        if earlier != path:
            raise ValidationError(path, key, f"must not repeat {earlier}")


def _check_keys(portfolio: Portfolio) -> None:
    codes: dict[str, str] = {}
    _first_repeat(
        ((f"enterprises[{i}].uscc", e.uscc) for i, e in enumerate(portfolio.enterprises)),
        codes,
    )
    _first_repeat(
        ((f"authorities[{i}].uscc", a.uscc) for i, a in enumerate(portfolio.authorities)),
        codes,
    )
    check_fact_ids(portfolio.records, portfolio.hazards, portfolio.accidents, portfolio.people)
    for index, person in enumerate(portfolio.people):
        if person.enterprise is None:
            raise ValidationError(
                f"people[{index}].enterprise",
                None,
                "must name the employer's 统一社会信用代码 in a portfolio",
            )


def check_fact_ids(
    records: Sequence[Record],
    hazards: Sequence[Hazard],
    accidents: Sequence[Accident],
    people: Sequence[Person],
) -> None:
    """Raise for the first id that repeats within records, hazards, accidents or people."""
    kinds: tuple[tuple[str, Sequence[Record | Hazard | Accident | Person]], ...] = (
        ("records", records),
        ("hazards", hazards),
        ("accidents", accidents),
        ("people", people),
    )
    for name, items in kinds:
        _first_repeat(((f"{name}[{i}].id", item.id) for i, item in enumerate(items)))


def _check_bounds(portfolio: Portfolio) -> None:
    check_fact_bounds(
        [(f"enterprises[{i}]", firm) for i, firm in enumerate(portfolio.enterprises)],
        records=portfolio.records,
        hazards=portfolio.hazards,
        accidents=portfolio.accidents,
        people=portfolio.people,
    )


def check_fact_bounds(
    firms: Sequence[tuple[str, Enterprise]],
    *,
    records: Sequence[Record],
    hazards: Sequence[Hazard],
    accidents: Sequence[Accident],
    people: Sequence[Person],
) -> None:
    """Raise for the first number or date out of the bounds of :class:`Portfolio`.

    *firms* pairs each enterprise with the path its errors name
    (``enterprises[3]`` in a portfolio, ``enterprise`` in a case).
    """
    for path, value, limit in _numbers(firms, records, hazards, accidents):
        if value > limit:
            raise ValidationError(path, value, f"must be at most {limit}")
    first, last = Portfolio.FIRST_DAY, Portfolio.LAST_DAY
    for path, day in _dates(firms, records, hazards, accidents, people):
        if not first <= day <= last:
            raise ValidationError(path, day.isoformat(), f"must be a date from {first} to {last}")


def _numbers(
    firms: Sequence[tuple[str, Enterprise]],
    records: Sequence[Record],
    hazards: Sequence[Hazard],
    accidents: Sequence[Accident],
) -> Iterator[tuple[str, int | Decimal, int | Decimal]]:
    people_limit, casualties = Portfolio.MAX_EMPLOYEES, Portfolio.MAX_CASUALTIES
    yuan, hours = Portfolio.MAX_YUAN, Portfolio.MAX_HOURS
    for where, firm in firms:
        yield f"{where}.employees", firm.employees, people_limit
        if firm.annual_revenue is not None:
            yield f"{where}.annual_revenue", firm.annual_revenue, yuan
    for i, accident in enumerate(accidents):
        where = f"accidents[{i}]"
        yield f"{where}.deaths", accident.deaths, casualties
        yield f"{where}.serious_injuries", accident.serious_injuries, casualties
        yield f"{where}.missing", accident.missing, casualties
        yield f"{where}.direct_loss", accident.direct_loss, yuan
    for i, hazard in enumerate(hazards):
        plan = hazard.rectification
        if plan is not None and plan.funds is not None:
            yield f"hazards[{i}].rectification.funds", plan.funds, yuan
    for i, record in enumerate(records):
        if record.hours is not None:
            yield f"records[{i}].hours", record.hours, hours


def _dates(
    firms: Sequence[tuple[str, Enterprise]],
    records: Sequence[Record],
    hazards: Sequence[Hazard],
    accidents: Sequence[Accident],
    people: Sequence[Person],
) -> Iterator[tuple[str, date]]:
    for where, firm in firms:
        if firm.production_started_on is not None:
            yield f"{where}.production_started_on", firm.production_started_on
        if firm.standardization is not None:
            yield f"{where}.standardization.granted_on", firm.standardization.granted_on
    for i, record in enumerate(records):
        yield f"records[{i}].on", record.on
    for i, hazard in enumerate(hazards):
        yield from _hazard_dates(f"hazards[{i}]", hazard)
    for i, accident in enumerate(accidents):
        yield f"accidents[{i}].occurred_at", _china_day(accident.occurred_at)
        if accident.reported_at is not None:
            yield f"accidents[{i}].reported_at", _china_day(accident.reported_at)
    for i, person in enumerate(people):
        yield from _person_dates(f"people[{i}]", person)


def _hazard_dates(where: str, hazard: Hazard) -> Iterator[tuple[str, date]]:
    yield f"{where}.found_on", hazard.found_on
    yield f"{where}.history[{len(hazard.history) - 1}].on", hazard.history[-1].on
    plan = hazard.rectification
    if plan is not None and plan.deadline is not None:
        yield f"{where}.rectification.deadline", plan.deadline


def _person_dates(where: str, person: Person) -> Iterator[tuple[str, date]]:
    if person.took_office_on is not None:
        yield f"{where}.took_office_on", person.took_office_on
    for j, paper in enumerate(person.certificates):
        yield f"{where}.certificates[{j}].issued_on", paper.issued_on
        if paper.expires_on is not None:
            yield f"{where}.certificates[{j}].expires_on", paper.expires_on


def _china_day(moment: datetime) -> date:
    """The day in China of an aware datetime (the 9999-12-31 edge stays in range)."""
    try:
        return moment.astimezone(_CHINA).date()
    except OverflowError:
        return moment.date()
