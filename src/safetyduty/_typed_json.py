"""Reading a model's JSON document in one pass, with msgspec when it is installed.

``serde.loads`` reads a document in two steps: a JSON parser builds dicts,
then the model's generated structure function (:mod:`safetyduty._fastload`)
reads them. With msgspec installed (the ``fast`` extra), a model whose
fields are all of the kinds that function reads inline (strings, integers,
flags, enums, dates, decimals, optionals, and tuples and frozensets of
these), or nested models of the same kind, is read in one step instead:
msgspec parses the text straight into a *mirror* of the model (a msgspec
Struct with the same fields), and a generated *builder* makes the model
from the mirror exactly as the structure function does: defaults and
factories, converters, every validator in the class's order, the post-init
hook.

The mirror is never more lenient than the structure function. Where it
types a field more loosely, the builder checks the rest as the function
does: a decimal is read as an integer or a string and then checked as
decimal text, and a date (msgspec reads years 1 to 9999) is checked against
the judged range. What the mirror refuses and the function would accept
(an ISO week date, say), it refuses; the caller then reads the document
the usual way, which decides. So ``serde.loads`` gives the same model, or
the same error, either way: only the time differs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, Final, Union, get_args, get_origin

import attrs
import cattrs

from safetyduty._fastload import Writer, default_name, generated, made_field_by_field, mirrored
from safetyduty._validate import FIRST_DAY, LAST_DAY

__all__ = ["Reader", "document_reader", "object_reader"]

Reader = Callable[[str | bytes], object]
"""Reads a JSON text into its model, or raises (and the usual reading then reads it)."""


class _Unmirrored(Exception):  # noqa: N818 - a signal inside this module, never raised out of it
    """A type msgspec cannot read as the structure function does: the model is read the usual way."""


def document_reader(
    cls: type, conv: cattrs.Converter, *, trusted: Mapping[type, object], version: int
) -> Reader | None:
    """The one-pass reader of a document holding a *cls* (``schema_version``, ``type``, ``data``):
    its schema version must be *version* and its type the class's name, else it raises before
    it builds anything.

    None when msgspec is not installed, or when *cls* is not read by a
    generated structure function (a user's hook reads it, or its
    ``__init__`` makes it). A field of a kind msgspec does not read as that
    function does is taken as msgspec parses it and read by the function's
    own expression; a model inside a model is mirrored in turn, or read by
    its hook. *trusted* maps ``date`` and ``Decimal`` to the converter's own
    hooks, as for :func:`safetyduty._fastload.structure_function`. The
    reader raises on whatever it does not read, and its caller then reads
    the text the usual way.

    Examples:
        >>> from safetyduty._convert import converter, _TRUSTED
        >>> from safetyduty.models import Basis
        >>> read = document_reader(Basis, converter, trusted=_TRUSTED, version=1)
        >>> read is None or read('{"schema_version":1,"type":"Basis","data":{"document":"a"}}').document
        'a'
    """
    mirrored_model = _mirror(cls, conv, trusted)
    if mirrored_model is None:
        return None
    msgspec, mirror, build = mirrored_model
    document = msgspec.defstruct(
        f"{cls.__name__}Document",
        [("schema_version", int), ("type", str), ("data", mirror)],
        forbid_unknown_fields=True,
        gc=False,
    )
    decode = msgspec.json.Decoder(document).decode
    name = cls.__name__

    def read(text: str | bytes) -> object:
        held: Any = decode(text)
        if held.schema_version != version or held.type != name:
            msg = f"not a version {version} document of a {name}"
            raise ValueError(msg)
        return build(held.data)

    return read


def object_reader(
    cls: type, conv: cattrs.Converter, *, trusted: Mapping[type, object]
) -> Reader | None:
    """The one-pass reader of a bare JSON object of a *cls* (a line of a case file), as
    :func:`document_reader` reads a document's ``data``; None where that gives None.

    Examples:
        >>> from safetyduty._convert import converter, _TRUSTED
        >>> from safetyduty.models import Basis
        >>> read = object_reader(Basis, converter, trusted=_TRUSTED)
        >>> read is None or read('{"document":"a","article":"第三条"}').article
        '第三条'
    """
    mirrored_model = _mirror(cls, conv, trusted)
    if mirrored_model is None:
        return None
    msgspec, mirror, build = mirrored_model
    decode = msgspec.json.Decoder(mirror).decode

    def read(text: str | bytes) -> object:
        return build(decode(text))

    return read


def _mirror(
    cls: type, conv: cattrs.Converter, trusted: Mapping[type, object]
) -> tuple[Any, type, Callable[[object], object]] | None:
    """msgspec, the mirror Struct of *cls* and its builder; None without msgspec or a mirror."""
    try:
        import msgspec  # noqa: PLC0415 - the optional fast extra, loaded on the first document read
    except ImportError:
        return None
    try:
        mirror, build = _Mirrors(conv, trusted, msgspec).model(cls)
    except _Unmirrored:
        return None
    return msgspec, mirror, build


_INT_RANGE: Final = range(-(2**63), 2**64)
"""The integers orjson reads as integers (it reads the others as floats)."""


def _as_orjson_reads(value: object) -> object:
    """*value*, a JSON value msgspec read, if orjson reads it alike; else ValueError.

    Beyond 64 bits an integer is a float to orjson and an exact int to msgspec.
    A hook that takes floats (``float``, ``Any``, ``dict[str, Any]``) would
    then give two answers; the usual reading gives the one ``loads`` gives.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is int and item not in _INT_RANGE:
            msg = f"{item} is beyond 64 bits"
            raise ValueError(msg)
        if kind is list:
            pending.extend(item)  # type: ignore[arg-type]
        elif kind is dict:
            pending.extend(item.values())  # type: ignore[attr-defined]
    return value


class _Mirrors:
    """The mirror Structs, and their builders, of the models one document holds."""

    def __init__(
        self, conv: cattrs.Converter, trusted: Mapping[type, object], msgspec: Any
    ) -> None:
        self.conv = conv
        self.trusted = trusted
        self.msgspec = msgspec
        self.made: dict[type, tuple[type, Callable[[object], object]]] = {}
        self.making: set[type] = set()

    def model(self, cls: type) -> tuple[type, Callable[[object], object]]:
        """The mirror Struct of the model *cls*, and the builder of a *cls* from one."""
        if cls in self.made:
            return self.made[cls]
        hook = self.conv.get_structure_hook(cls)
        if cls in self.making or not mirrored(cls) or not generated(hook):
            raise _Unmirrored(cls)  # a model inside itself, one made by __init__, or a user's hook
        self.making.add(cls)
        try:
            made = self._made(cls)
        finally:
            self.making.discard(cls)
        self.made[cls] = made
        return made

    def _made(self, cls: type) -> tuple[type, Callable[[object], object]]:
        unset = self.msgspec.UNSET
        writer = Writer(self.conv, self.trusted)
        writer.names["_UNSET"] = unset
        specs: list[tuple[Any, ...]] = []
        lines = ["def build(s):"]
        checked: dict[str, bool] = {}
        for index, field in enumerate(attrs.fields(cls)):
            kind, read, checked[field.name] = self.field(field.type, "v", writer)
            lines.append(f"    v = s.{field.name}")
            if field.default is attrs.NOTHING:
                specs.append((field.name, kind))
                lines.append(f"    x{index} = {read}")
            else:
                specs.append((field.name, kind | self.msgspec.UnsetType, unset))
                lines.append(
                    f"    x{index} = {default_name(field, writer)} if v is _UNSET else {read}"
                )
        lines += made_field_by_field(cls, writer, checked)
        code = compile("\n".join(lines), f"<safetyduty build {cls.__name__}>", "exec")
        exec(code, writer.names)  # noqa: S102 - source built above from the class's own fields
        build: Callable[[object], object] = writer.names["build"]  # type: ignore[assignment]
        mirror = self.msgspec.defstruct(
            f"{cls.__name__}Mirror", specs, kw_only=True, forbid_unknown_fields=True, gc=False
        )
        return mirror, build

    def field(self, t: Any, var: str, writer: Writer) -> tuple[Any, str, bool]:
        """msgspec's type for a *t*; the expression that makes *var*, read as that type, what the
        structure function reads; and whether its value is then certainly a *t* (see Writer.expression)."""
        scalar = self.scalar(t, var, writer)
        if scalar is not None:
            return scalar
        args = get_args(t)
        origin = get_origin(t)
        if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:  # noqa: PLR2004
            inner = next(arg for arg in args if arg is not type(None))
            kind, read, checked = self.field(inner, var, writer)
            return kind | None, f"(None if {var} is None else {read})", checked
        if (origin is tuple and len(args) == 2 and args[1] is Ellipsis) or (  # noqa: PLR2004
            origin is frozenset and len(args) == 1
        ):
            item = f"_i{next(writer.counter)}"
            kind, read, checked = self.field(args[0], item, writer)
            if read == item:  # msgspec makes the tuple or frozenset itself
                return (tuple[kind, ...] if origin is tuple else frozenset[kind]), var, checked  # type: ignore[valid-type]
            return list[kind], f"{writer.bind(origin)}([{read} for {item} in {var}])", checked  # type: ignore[valid-type]
        if attrs.has(t):
            try:
                mirror, build = self.model(t)
            except _Unmirrored:  # read by the converter's hook, as the function reads it
                pass
            else:
                return mirror, f"{writer.bind(build)}({var})", False
        # Any other type: the JSON value as it is, read as the structure function reads it,
        # refused when it holds an integer orjson would read as a float (the usual reading decides).
        held = f"_h{next(writer.counter)}"
        read, checked = writer.expression(t, held)
        plain = writer.bind(_as_orjson_reads)
        return Any, f"({read} if ({held} := {plain}({var}),) else None)", checked

    @staticmethod
    def scalar(t: Any, var: str, writer: Writer) -> tuple[Any, str, bool] | None:
        """What :meth:`field` gives for a string, integer, flag, enum, date or decimal, as msgspec
        reads them; else None (a custom enum's lookup, a user's hook for days or decimals)."""
        if t in (str, int, bool):
            return t, var, True
        if (
            isinstance(t, type)
            and issubclass(t, Enum)
            and all(type(member.value) is str for member in t)  # read by str value only
            and t._missing_.__func__ is Enum._missing_.__func__  # type: ignore[attr-defined]
        ):
            return t, var, True
        if t is date and writer.trusts(date):
            first, last = writer.bind(FIRST_DAY), writer.bind(LAST_DAY)
            return date, f"({var} if {first} <= {var} <= {last} else _reject({var}))", True
        if t is Decimal and writer.trusts(Decimal):
            test = f"type({var}) is int or _decimal_text({var})"
            return int | str, f"(_Decimal({var}) if {test} else _reject({var}))", True
        return None
