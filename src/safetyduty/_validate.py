"""Validators and converters shared by every frozen class of the library.

Every failure is a :class:`~safetyduty.errors.ValidationError` that names the
field and the value. Converters only normalise losslessly (a list becomes a
tuple); anything they cannot normalise is passed on for the validator to
reject, so no ``TypeError`` escapes a constructor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

import attrs

from safetyduty.errors import ValidationError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

TYPE_ONLY: Final[dict[Validator, tuple[str, Any]]] = {}
"""The validators that check nothing but a value's type, with what they check:
``("is", cls)``, ``("optional", validator)``, ``("tuple", cls)`` or ``("set", cls)``.

The fast JSON reader (:mod:`safetyduty._fastload`) checks the types it reads
itself; it skips these, and only these, when it has checked the same."""


def _type_only(check: Validator, what: tuple[str, Any]) -> Validator:
    TYPE_ONLY[check] = what
    return check


PASSES: Final[dict[Validator, tuple[str, dict[str, object]]]] = {}
"""For a validator, a cheap Python condition on ``{v}`` under which it certainly
passes, and the objects the condition names (``{name}``).

The fast JSON reader writes the condition inline and calls the validator only
when it is false, so the validator alone still decides, and words, every
failure; a condition need only be sufficient, never necessary."""


def passes_when(condition: str, **names: object) -> Callable[[Validator], Validator]:
    """Register *condition* (see :data:`PASSES`) for the validator it decorates."""

    def register(check: Validator) -> Validator:
        PASSES[check] = (condition, names)
        return check

    return register


KEEPS: Final[dict[Callable[[Any], Any], type]] = {}
"""Converters that return a value of the given type (exactly) as it is: the fast
reader calls them only for a value of another type."""


def keeps(kind: type, converter: Callable[[Any], Any]) -> None:
    """Register *converter* as returning a *kind* unchanged (:data:`KEEPS`)."""
    KEEPS[converter] = kind


def as_tuple(value: Any) -> Any:
    """Lists and tuples become tuples; other values are left for the validator."""
    return tuple(value) if isinstance(value, (list, tuple)) else value


keeps(tuple, as_tuple)


def as_frozenset(value: Any) -> Any:
    """Lists, tuples, sets and frozensets become frozensets; others are left as they are."""
    return frozenset(value) if isinstance(value, (list, tuple, set, frozenset)) else value


keeps(frozenset, as_frozenset)


@passes_when("type({v}) is str and {v}.strip()")
def non_empty_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with something other than whitespace."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, value, "must be a non-empty string")


@passes_when("type({v}) is str")
def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Any string, empty allowed."""
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, "must be a string")


DECIMAL_TEXT: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
"""The decimal syntax safetyduty writes and reads: ASCII digits, no spaces, no ``_``, no
full-width digits (``"12.5"``, ``"1e3"``)."""

FIRST_DAY: Final = date(1900, 1, 1)
LAST_DAY: Final = date(9899, 12, 31)
"""The days safetyduty holds and judges: the law's time with a wide margin,
so that the periods, deadlines and look-backs counted from any of them stay
inside what ``datetime.date`` can hold."""


@passes_when(
    "type({v}) is {date} and {first} <= {v} <= {last}", date=date, first=FIRST_DAY, last=LAST_DAY
)
def plain_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime.date`` (not a ``datetime``) from FIRST_DAY to LAST_DAY."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(attribute.name, value, "must be a datetime.date")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(attribute.name, value, f"must lie from {FIRST_DAY} to {LAST_DAY}")


def aware_datetime(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime`` with a time zone (naive datetimes are ambiguous for deadlines in hours)."""
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValidationError(
            attribute.name, value, "must be a timezone-aware datetime (e.g. Asia/Shanghai)"
        )
    if not FIRST_DAY <= value.date() <= LAST_DAY:
        raise ValidationError(attribute.name, value, f"must lie from {FIRST_DAY} to {LAST_DAY}")


@passes_when("type({v}) is bool")
def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A real bool (not 0/1, not a string)."""
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, value, "must be True or False")


@passes_when("type({v}) is int and {v} >= 0")
def count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An int >= 0 (bools are not counts)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(attribute.name, value, "must be an int >= 0")


def int_between(low: int, high: int) -> Validator:
    """An int in ``low..high`` inclusive."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValidationError(attribute.name, value, f"must be an int in {low}..{high}")

    return passes_when("type({v}) is int and {low} <= {v} <= {high}", low=low, high=high)(check)


@passes_when("type({v}) is {Decimal} and {v}.is_finite() and {v} >= 0", Decimal=Decimal)
def money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A finite Decimal >= 0, in yuan."""
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal >= 0 (yuan)")


def decimal_at_least(low: Decimal) -> Validator:
    """A finite Decimal >= *low*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, Decimal) or not value.is_finite() or value < low:
            raise ValidationError(attribute.name, value, f"must be a finite Decimal >= {low}")

    return check


def rate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A Decimal fraction in [0, 1] (0.1 means 10%)."""
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 1:
        raise ValidationError(
            attribute.name, value, "must be a Decimal fraction in [0, 1] (0.1 = 10%)"
        )


def instance_of(cls: type) -> Validator:
    """An instance of *cls*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            raise ValidationError(attribute.name, value, f"must be a {cls.__name__}")

    passes_when("type({v}) is {cls}", cls=cls)(check)
    return _type_only(check, ("is", cls))


member_of = instance_of
"""A member of an enum class (the same check as :func:`instance_of`)."""


def tuple_of(cls: type | tuple[type, ...], *, non_empty: bool = False) -> Validator:
    """A tuple whose items are all instances of *cls*."""
    names = cls.__name__ if isinstance(cls, type) else " or ".join(c.__name__ for c in cls)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise ValidationError(attribute.name, value, f"must be a list of {names}")
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                raise ValidationError(f"{attribute.name}[{index}]", item, f"must be a {names}")
        if non_empty and not value:
            raise ValidationError(attribute.name, value, f"must hold at least one {names}")

    return check if non_empty else _type_only(check, ("tuple", cls))


def set_of(cls: type) -> Validator:
    """A frozenset whose items are all instances of *cls*."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, frozenset):
            raise ValidationError(attribute.name, value, f"must be a set of {cls.__name__}")
        for item in value:
            if not isinstance(item, cls):
                raise ValidationError(attribute.name, item, f"must be a {cls.__name__}")

    return _type_only(check, ("set", cls))


def optional(validator: Validator) -> Validator:
    """*validator*, or ``None``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    if validator in PASSES:
        condition, names = PASSES[validator]
        passes_when(f"{{v}} is None or ({condition})", **names)(check)
    return _type_only(check, ("optional", validator)) if validator in TYPE_ONLY else check


_type_only(text, ("is", str))
_type_only(plain_date, ("is", date))  # the fast reader reads a day and checks its range
_type_only(flag, ("is", bool))
