"""Argument checks shared by the rule functions: one clear error naming the field."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

from safetyduty._validate import FIRST_DAY, LAST_DAY
from safetyduty.errors import ValidationError
from safetyduty.models import Person

if TYPE_CHECKING:
    from safetyduty.calendars import WorkCalendar

T = TypeVar("T")


def bundled_calendar(*, estimate: bool = False) -> WorkCalendar:
    """:func:`safetyduty.calendars.default_calendar`, the calendar package imported on first use.

    The rules need the bundled calendar only when they judge working days
    without a calendar of the caller's; importing them does not define the
    calendar's classes.
    """
    from safetyduty.calendars import default_calendar  # noqa: PLC0415 - see above

    return default_calendar(estimate=estimate)


def plain_day(name: str, value: object) -> date:
    """*value* if it is a ``date`` (not a ``datetime``) from FIRST_DAY to LAST_DAY.

    Raises:
        ValidationError: naming *name*, for anything else.
    """
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(
            name, value, f"must lie from {FIRST_DAY} to {LAST_DAY}, the days the rules judge"
        )
    return value


def items_of(name: str, values: object, cls: type[T]) -> tuple[T, ...]:
    """*values* as a tuple of *cls*; a ValidationError names the first bad item by index."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError(name, values, f"must be a list of {cls.__name__}")
    items = tuple(values)
    if not all(map(isinstance, items, itertools.repeat(cls))):  # one pass at C speed; then where
        for index, item in enumerate(items):
            if not isinstance(item, cls):
                raise ValidationError(f"{name}[{index}]", item, f"must be a {cls.__name__}")
    return items


def unique_by_id(name: str, items: tuple[T, ...]) -> tuple[T, ...]:
    """*items* with each id once: the same object given twice counts once; two objects with one id are an error.

    Ids are the identity of records, events, hazards, accidents and people:
    a record passed twice must not meet a "不少于两次" duty.

    Raises:
        ValidationError: naming the id and both positions.
    """
    try:
        distinct = len({item.id for item in items}) == len(items)  # type: ignore[attr-defined]
    except (AttributeError, TypeError):  # an unhashable id: the loop below says what to do with it
        distinct = False
    if distinct:
        return items  # no id twice (the common case): nothing to drop, nothing to report
    seen: dict[str, tuple[int, T]] = {}
    kept: list[T] = []
    for index, item in enumerate(items):
        ident = getattr(item, "id", None)
        if not isinstance(ident, str):
            kept.append(item)
            continue
        if ident in seen:
            first, earlier = seen[ident]
            if earlier != item:
                raise ValidationError(
                    f"{name}[{index}].id",
                    ident,
                    f"must differ from {name}[{first}].id (another {type(item).__name__} has it)",
                )
            continue
        seen[ident] = (index, item)
        kept.append(item)
    return tuple(kept)


def year_before(day: date) -> date:
    """The first day of the year that ends on *day* (2026-06-30 → 2025-07-01)."""
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

    return day - relativedelta(years=1) + timedelta(days=1)


def judged_span(as_of: object, since: object) -> tuple[date, date]:
    """``(since, as_of)`` checked; *since* defaults to :func:`year_before` *as_of*."""
    day = plain_day("as_of", as_of)
    first = plain_day("since", since) if since is not None else year_before(day)
    if first > day:
        raise ValidationError("since", since, f"must not be after as_of ({day})")
    return first, day


def own_people(people: Iterable[Person], uscc: str) -> list[Person]:
    """The people of the enterprise *uscc*; people with no employer recorded count as its own."""
    return [p for p in people if p.enterprise in (None, uscc)]
