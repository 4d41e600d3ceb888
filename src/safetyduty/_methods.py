"""Equality, hash and repr of the library's frozen classes, read off their fields.

attrs writes these three methods as source text for each class and compiles
it, which is about half of what defining a class costs; with some forty
classes that was a fifth of the time ``import safetyduty.rules.compliance``
takes. So the classes are declared ``@attrs.frozen(kw_only=True, eq=False,
repr=False)`` and get the three from :func:`by_fields`: one shared
implementation per method, reading every field at once through an
:func:`operator.attrgetter`, with the behaviour attrs' own would have.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["by_fields"]

T = TypeVar("T", bound=type)


def _reader(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving an object's values of *names*, as a tuple."""
    if len(names) > 1:
        many: Callable[[object], tuple[Any, ...]] = operator.attrgetter(*names)
        return many
    one = operator.attrgetter(*names) if names else None
    return lambda obj: (one(obj),) if one is not None else ()


def by_fields(cls: T) -> T:
    """Give the attrs class *cls* ``__eq__``, ``__hash__`` and ``__repr__`` by its fields.

    As attrs makes them for a frozen class: objects are equal when they are
    of the same class and their fields are equal, in order; the hash is the
    fields' hash; the repr is ``Name(field=value, ...)``.

    Examples:
        >>> @by_fields
        ... @attrs.frozen(kw_only=True, eq=False, repr=False)
        ... class Point:
        ...     x: int
        ...     y: int
        >>> Point(x=1, y=2), Point(x=1, y=2) == Point(x=1, y=2), len({Point(x=1, y=2), Point(x=1, y=2)})
        (Point(x=1, y=2), True, 1)
    """
    names = tuple(field.name for field in attrs.fields(cls))
    values = _reader(names)

    def __eq__(self: object, other: object) -> bool:  # noqa: N807
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)

    def __hash__(self: object) -> int:  # noqa: N807
        return hash((cls, *values(self)))

    def __repr__(self: object) -> str:  # noqa: N807
        pairs = ", ".join(
            f"{name}={value!r}" for name, value in zip(names, values(self), strict=True)
        )
        return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({pairs})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        method.__module__ = cls.__module__
        setattr(cls, method.__name__, method)
    return cls
