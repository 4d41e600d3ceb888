"""Equality, hash and repr of the library's frozen classes, read off their fields;
and a fast way to fill one.

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

__all__ = ["by_fields", "filler"]

T = TypeVar("T", bound=type)


def _reader(names: tuple[str, ...]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving an object's values of *names*, as a tuple."""
    if len(names) > 1:
        many: Callable[[object], tuple[Any, ...]] = operator.attrgetter(*names)
        return many
    if not names:
        return lambda _: ()
    one = operator.attrgetter(names[0])  # one name: the value itself, made a tuple here
    return lambda obj: (one(obj),)


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
        pairs = ", ".join(map("{}={!r}".format, names, values(self)))
        return f"{self.__class__.__qualname__.rpartition('>.')[2]}({pairs})"

    for method in (__eq__, __hash__, __repr__):
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        method.__module__ = cls.__module__
        setattr(cls, method.__name__, method)
    return cls


def filler(cls: type) -> type | None:
    """A subclass of the slotted class *cls* whose objects take plain attribute stores, or None.

    It adds no slot and restores ``object``'s own ``__setattr__`` and
    ``__delattr__`` (which a frozen class overrides), so a store is the
    interpreter's fast slot store; and having *cls*'s layout, an object
    filled through it can be given its class *cls* (``__class__``
    assignment). Storing 17 fields this way and assigning the class takes
    about a quarter of the time of 17 calls to the slots' own setters.

    Examples:
        >>> @attrs.frozen
        ... class Pair:
        ...     a: int
        ...     b: int
        >>> pair = object.__new__(filler(Pair))
        >>> pair.a, pair.b = 1, 2
        >>> pair.__class__ = Pair
        >>> pair
        Pair(a=1, b=2)
        >>> filler(bool) is None    # bool takes no subclass
        True
    """
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
    }
    try:
        made = type(f"_{cls.__name__}Filler", (cls,), namespace)
        probe: object = object.__new__(made)
        probe.__class__ = cls  # refused if the layouts differ
    except TypeError:
        return None
    return made
