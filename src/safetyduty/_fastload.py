"""Generated structure functions for the fast path of :mod:`safetyduty._convert`.

For each model, one Python function is generated that reads a JSON object
into the model's constructor. The checks a hook would make for ``str``,
``int``, ``bool``, enum fields and lists are written inline, so a field costs
an expression rather than a call; every other type (dates, decimals, nested
models, tagged unions) calls the converter's own hook. The function is never
more lenient than the hooks: it accepts exactly the same documents, and on
anything else it raises, after which serde re-reads the document with
cattrs' detailed validation to say what is wrong and where.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs

__all__ = ["structure_function"]


def _reject(value: object) -> Any:
    msg = f"{value!r} does not fit"
    raise ValueError(msg)


class _Writer:
    """Source text and the names it refers to."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv
        self.names: dict[str, object] = {"_reject": _reject, "Mapping": Mapping}
        self.counter = itertools.count()

    def bind(self, value: object) -> str:
        name = f"_n{next(self.counter)}"
        self.names[name] = value
        return name

    def expression(self, t: Any, var: str) -> str:
        """A Python expression that reads *var* as a *t*, or raises."""
        if t in (str, int, bool):
            return f"({var} if type({var}) is {self.bind(t)} else _reject({var}))"
        if isinstance(t, type) and issubclass(t, Enum):
            members = {member.value: member for member in t}
            return f"({self.bind(members)}[{var}] if type({var}) is str else _reject({var}))"
        args = get_args(t)
        origin = get_origin(t)
        if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:  # noqa: PLR2004
            inner = next(arg for arg in args if arg is not type(None))
            return f"(None if {var} is None else {self.expression(inner, var)})"
        if origin in (tuple, frozenset) and (
            (origin is tuple and len(args) == 2 and args[1] is Ellipsis)  # noqa: PLR2004
            or (origin is frozenset and len(args) == 1)
        ):
            item = f"_i{next(self.counter)}"
            each = self.expression(args[0], item)
            kind = self.bind(origin)
            return (
                f"({kind}([{each} for {item} in {var}]) "
                f"if type({var}) is list or type({var}) is tuple else _reject({var}))"
            )
        if attrs.has(t):
            hook = self.bind(
                _lazy(self.conv, t)
            )  # a model may contain itself (Applicability.any_of)
        else:
            hook = self.bind(self.conv.get_structure_hook(t))
        return f"{hook}({var}, {self.bind(t)})"


def _lazy(conv: cattrs.Converter, cls: type) -> Callable[[object, object], object]:
    """The hook of a model, looked up on its first use rather than while generating."""
    found: list[Callable[[object, object], object]] = []

    def structure(value: object, target: object) -> object:
        if not found:
            found.append(conv.get_structure_hook(cls))
        return found[0](value, target)

    return structure


def structure_function(cls: type, conv: cattrs.Converter) -> Callable[[object, object], object]:
    """The generated fast structure function of the attrs class *cls*."""
    attrs.resolve_types(cls)
    writer = _Writer(conv)
    fields = attrs.fields(cls)
    allowed = writer.bind(frozenset(f.name for f in fields))
    lines = [
        "def structure(o, _):",
        "    if type(o) is not dict and not isinstance(o, Mapping):",
        "        _reject(o)",
        f"    if not o.keys() <= {allowed}:",
        "        _reject(o)",
        "    kw = {}",
    ]
    for field in fields:
        key, argument = field.name, field.alias or field.name
        read = f"kw[{argument!r}] = {writer.expression(field.type, 'v')}"
        if field.default is attrs.NOTHING:
            lines += [f"    v = o[{key!r}]", f"    {read}"]
        else:
            lines += [f"    if {key!r} in o:", f"        v = o[{key!r}]", f"        {read}"]
    lines.append(f"    return {writer.bind(cls)}(**kw)")
    code = compile("\n".join(lines), f"<safetyduty structure {cls.__name__}>", "exec")
    exec(code, writer.names)  # noqa: S102 - source built above from the class's own fields
    function: Callable[[object, object], object] = writer.names["structure"]  # type: ignore[assignment]
    return function
