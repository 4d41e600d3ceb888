"""Validators shared by the models; every failure is a ValidationError."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs

from safetyduty.errors import ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def non_empty_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with something other than whitespace."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "must be a non-empty string")


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Any string, empty allowed."""
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "must be a string")


def plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` that is not a ``datetime``."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(attribute.name, value, "must be a datetime.date")


def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A real bool (not 0/1, not a string)."""
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, value, "must be True or False")


def count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An int >= 0 (bools are not counts)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(attribute.name, value, "must be an int >= 0")


def money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite Decimal >= 0, in yuan."""
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal >= 0 (yuan)")


def member_of(enum_type: type) -> Validator:
    """A member of *enum_type*."""
    return instance_of(enum_type)


def instance_of(cls: type) -> Validator:
    """An instance of *cls* (a model class)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise ValidationError(attribute.name, value, f"must be a {cls.__name__}")

    return check


def optional(validator: Validator) -> Validator:
    """*validator*, or ``None``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check
