"""Argument checks shared by the rule functions: one clear error naming the field."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TypeVar

from safetyduty.errors import ValidationError

T = TypeVar("T")


def plain_day(name: str, value: object) -> date:
    """*value* if it is a ``date`` (not a ``datetime``); else a ValidationError naming *name*."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    return value


def items_of(name: str, values: object, cls: type[T]) -> tuple[T, ...]:
    """*values* as a tuple of *cls*; a ValidationError names the first bad item by index."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError(name, values, f"must be a list of {cls.__name__}")
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise ValidationError(f"{name}[{index}]", item, f"must be a {cls.__name__}")
    return items
