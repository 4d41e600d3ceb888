"""Generated structure functions for the fast path of :mod:`safetyduty._convert`.

For each model, one Python function is generated that reads a JSON object
into the model. The checks a hook would make for ``str``, ``int``, ``bool``,
enum fields, lists, ISO dates and decimals are written inline, so a field
costs an expression rather than a call; every other type (datetimes, nested
models, tagged unions) calls the converter's own hook. The function is never
more lenient than the hooks: it accepts exactly the same documents, and on
anything else it raises, after which serde re-reads the document with
cattrs' detailed validation to say what is wrong and where.

The object is then made as the class's ``__init__`` makes it, field by field
in order (converters, defaults and factories, the validators, the post-init
hook), but without the keyword call, and without the validators that check
nothing but a type the function has just checked itself
(:data:`safetyduty._validate.TYPE_ONLY`: a ``bool`` read as a ``bool`` is not
asked again whether it is a ``bool``). Every other validator runs, in the
class's order: validation is done once, not weakened. A class with
something this does not mirror (a pre-init hook, a field outside
``__init__``, a converter that takes the instance) is built by its
``__init__``.
"""

from __future__ import annotations

import itertools
import operator
import weakref
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from types import MemberDescriptorType, UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs

from safetyduty._methods import filler
from safetyduty._validate import DECIMAL_TEXT, FIRST_DAY, KEEPS, LAST_DAY, PASSES, TYPE_ONLY

__all__ = [
    "Writer",
    "default_name",
    "generated",
    "made_field_by_field",
    "mirrored",
    "structure_function",
    "unstructure_function",
]

_ISO_DATE_LENGTH = len("2026-01-01")
V = TypeVar("V")


def _reject(value: object) -> Any:
    msg = f"{value!r} does not fit"
    raise ValueError(msg)


class _Missing:
    """A key the document does not have."""


_MISSING = _Missing()


_GENERATED: weakref.WeakSet[Callable[..., object]] = weakref.WeakSet()
"""The converter hooks this module made (see :func:`generated`)."""


def _judged_day(text: str) -> date:
    """A YYYY-MM-DD day inside FIRST_DAY..LAST_DAY (else an error, and the detailed path says why)."""
    day = date.fromisoformat(text)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(text)
    return day


class Writer:
    """Source text and the names it refers to."""

    def __init__(self, conv: cattrs.Converter, trusted: Mapping[type, object]) -> None:
        self.conv = conv
        self.trusted = trusted
        self.names: dict[str, object] = {
            "_reject": _reject,
            "Mapping": Mapping,
            "_MISSING": _MISSING,
            "_fromiso": _judged_day,
            "_Decimal": Decimal,
            "_decimal_text": DECIMAL_TEXT.fullmatch,
        }
        self.counter = itertools.count()

    def bind(self, value: object) -> str:
        name = f"_n{next(self.counter)}"
        self.names[name] = value
        return name

    def trusts(self, t: type) -> bool:
        """Whether the converter's hook for *t* is still the library's own (not one a user registered)."""
        return t in self.trusted and self.conv.get_structure_hook(t) is self.trusted[t]

    def scalar(self, t: Any, var: str) -> str | None:
        """The inline reading of a *t* that is a string, number, flag, enum, date or decimal."""
        if t in (str, int, bool):
            return f"({var} if type({var}) is {t.__name__} else _reject({var}))"
        if isinstance(t, type) and issubclass(t, Enum):
            members = {member.value: member for member in t}
            return f"({self.bind(members)}[{var}] if type({var}) is str else _reject({var}))"
        if t is date and self.trusts(date):  # YYYY-MM-DD in the judged range, as plain_date
            test = f"type({var}) is str and len({var}) == {_ISO_DATE_LENGTH}"
            return f"(_fromiso({var}) if {test} else _reject({var}))"
        if t is Decimal and self.trusts(Decimal):  # decimal text or an int, as the hook
            test = f"type({var}) is int or (type({var}) is str and _decimal_text({var}))"
            return f"(_Decimal({var}) if {test} else _reject({var}))"
        return None

    def expression(self, t: Any, var: str) -> tuple[str, bool]:
        """A Python expression that reads *var* as a *t*, or raises; and whether its value is
        certainly an instance of *t* (of its class exactly, or ``None`` for an optional)."""
        inline = self.scalar(t, var)
        if inline is not None:
            return inline, True
        args = get_args(t)
        origin = get_origin(t)
        if origin in (Union, UnionType) and len(args) == 2 and type(None) in args:  # noqa: PLR2004
            inner = next(arg for arg in args if arg is not type(None))
            read, checked = self.expression(inner, var)
            return f"(None if {var} is None else {read})", checked
        if origin in (tuple, frozenset) and (
            (origin is tuple and len(args) == 2 and args[1] is Ellipsis)  # noqa: PLR2004
            or (origin is frozenset and len(args) == 1)
        ):
            item = f"_i{next(self.counter)}"
            each, checked = self.expression(args[0], item)
            made = f"{self.bind(origin)}([{each} for {item} in {var}])"
            test = f"type({var}) is list or type({var}) is tuple"
            return f"({made} if {test} else _reject({var}))", checked
        if attrs.has(t):  # a model may contain itself (Applicability.any_of): look it up later
            hook = f"_n{next(self.counter)}"
            self.names[hook] = _lazy(self.conv, t, self.names, hook)
        else:
            hook = self.bind(self.conv.get_structure_hook(t))
        return f"{hook}({var}, {self.bind(t)})", False


def _lazy(
    conv: cattrs.Converter, cls: type, names: dict[str, object], name: str
) -> Callable[[object, object], object]:
    """The hook of a model, looked up on its first use: it then takes this stand-in's *name*
    among the generated function's globals, so later calls go to it directly."""

    def structure(value: object, target: object) -> object:
        hook = names[name] = conv.get_structure_hook(cls)
        return hook(value, target)

    return structure


def _registered(table: Mapping[Any, V], key: object) -> V | None:
    """*key*'s entry in *table*, or None (also for a key that cannot be hashed: a user's
    validator or converter may be such an object, and is then simply not registered)."""
    try:
        return table.get(key)
    except TypeError:
        return None


def _type_checked(validator: object, t: Any, *, converted: bool) -> bool:
    """Whether *validator* checks nothing a checked reading of a *t* has not checked.

    A value that goes through a converter first is taken as checked only for a
    list's items (the converters make tuples and frozensets of what they are given).
    """
    what = _registered(TYPE_ONLY, validator)
    if what is None:
        return False
    kind, detail = what
    if kind == "is":
        return t is detail and not converted
    args = get_args(t)
    if kind == "optional":
        if get_origin(t) not in (Union, UnionType) or type(None) not in args or len(args) != 2:  # noqa: PLR2004
            return False
        inner = next(arg for arg in args if arg is not type(None))
        return _type_checked(detail, inner, converted=converted)
    origin = tuple if kind == "tuple" else frozenset
    return (
        get_origin(t) is origin
        and isinstance(args[0], type)
        and isinstance(detail, type)
        and issubclass(args[0], detail)
    )


def _passing(check: object, value: str, writer: Writer) -> str | None:
    """The inline condition under which *check* passes for *value* (:data:`PASSES`), if it has one."""
    registered = _registered(PASSES, check)
    if registered is None:
        return None
    condition, names = registered
    return condition.format(v=value, **{name: writer.bind(obj) for name, obj in names.items()})


def _parts(validator: object) -> tuple[object, ...]:
    """The validators of a field, in the order attrs runs them (``and_`` taken apart)."""
    if validator is None:
        return ()
    if type(validator).__name__ == "_AndValidator":  # attrs' and_: its parts, in order
        return tuple(p for part in validator._validators for p in _parts(part))  # type: ignore[attr-defined]  # noqa: SLF001
    return (validator,)


def mirrored(cls: type) -> bool:
    """Whether making *cls* field by field can mirror its ``__init__`` exactly."""
    if hasattr(cls, "__attrs_pre_init__"):
        return False
    for field in attrs.fields(cls):
        slot = getattr(cls, field.name, None)  # a slot, the class's own or a base's
        if not isinstance(slot, MemberDescriptorType):
            return False
        if not field.init or field.on_setattr not in (None, attrs.setters.NO_OP):
            return False
        if field.converter is not None and not callable(field.converter):
            return False
        if isinstance(field.converter, attrs.Converter):  # it may take the instance
            return False
    return True


def structure_function(
    cls: type, conv: cattrs.Converter, *, trusted: Mapping[type, object] | None = None
) -> Callable[[object, object], object]:
    """The generated fast structure function of the attrs class *cls*.

    *trusted* maps a type to the converter's own hook for it, which the
    function may write inline (``date``, ``Decimal``) as long as that hook
    is still the one registered.
    """
    attrs.resolve_types(cls)
    writer = Writer(conv, trusted or {})
    fields = attrs.fields(cls)
    allowed = writer.bind(frozenset(f.name for f in fields))
    lines = [
        "def structure(o, _):",
        "    if type(o) is not dict and not isinstance(o, Mapping):",
        "        _reject(o)",
        f"    if not o.keys() <= {allowed}:",
        "        _reject(o)",
    ]
    checked: dict[str, bool] = {}
    by_field = mirrored(cls)
    for index, field in enumerate(fields):
        read, checked[field.name] = writer.expression(field.type, "v")
        if field.default is attrs.NOTHING:
            lines += [f"    v = o[{field.name!r}]", f"    x{index} = {read}"]
        else:
            missing = default_name(field, writer) if by_field else "_MISSING"
            lines += [
                f"    v = o.get({field.name!r}, _MISSING)",
                f"    x{index} = {missing} if v is _MISSING else {read}",
            ]
    if by_field:
        lines += made_field_by_field(cls, writer, checked)
    else:
        lines.append("    kw = {}")
        for index, field in enumerate(fields):
            argument = field.alias or field.name
            if field.default is attrs.NOTHING:
                lines.append(f"    kw[{argument!r}] = x{index}")
            else:
                lines.append(f"    if x{index} is not _MISSING: kw[{argument!r}] = x{index}")
        lines.append(f"    return {writer.bind(cls)}(**kw)")
    code = compile("\n".join(lines), f"<safetyduty structure {cls.__name__}>", "exec")
    exec(code, writer.names)  # noqa: S102 - source built above from the class's own fields
    function: Callable[[object, object], object] = writer.names["structure"]  # type: ignore[assignment]
    _GENERATED.add(function)
    return function


def generated(hook: object) -> bool:
    """Whether *hook* is a function :func:`structure_function` or :func:`unstructure_function`
    made (not a user's hook).

    Examples:
        >>> from safetyduty._convert import converter
        >>> from safetyduty.models import Basis
        >>> generated(converter.get_structure_hook(Basis)), generated(len)
        (True, False)
    """
    try:
        return hook in _GENERATED
    except TypeError:  # an object that takes no weak reference is nobody's generated function
        return False


def default_name(field: attrs.Attribute[Any], writer: Writer) -> str:
    """The name of *field*'s default among *writer*'s names, for a class made field by field:
    ``__init__``'s own default, as it is, or ``_MISSING`` for a factory (called later)."""
    if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
        return "_MISSING"
    return writer.bind(field.default)


def made_field_by_field(cls: type, writer: Writer, checked: Mapping[str, bool]) -> list[str]:
    """The lines that make the object as ``__init__`` does: set each field, validate, post-init."""
    fields = attrs.fields(cls)
    values = []
    for index, field in enumerate(fields):
        value = f"x{index}"
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = writer.bind(default.factory)
            made = f"{factory}(self)" if default.takes_self else f"{factory}()"
            value = f"({value} if {value} is not _MISSING else {made})"
        if field.converter is not None:
            converter = writer.bind(field.converter)
            kind = _registered(KEEPS, field.converter)
            if kind is None:
                value = f"{converter}({value})"
            else:  # a value of the kind it keeps is kept: no call
                value = f"(_c if type(_c := {value}) is {writer.bind(kind)} else {converter}(_c))"
        values.append(value)
    blank = filler(cls)
    if blank is not None:  # plain stores into a filler, then the object takes its class
        lines = [f"    self = {writer.bind(object.__new__)}({writer.bind(blank)})"]
        lines += [
            f"    self.{field.name} = {value}" for field, value in zip(fields, values, strict=True)
        ]
        lines.append(f"    self.__class__ = {writer.bind(cls)}")
    else:
        lines = [f"    self = {writer.bind(object.__new__)}({writer.bind(cls)})"]
        for field, value in zip(fields, values, strict=True):
            setter = writer.bind(getattr(cls, field.name).__set__)  # the slot's own setter
            lines.append(f"    {setter}(self, {value})")
    checks = [
        (index, field, part)
        for index, field in enumerate(fields)
        for part in _parts(field.validator)
        if not (
            checked[field.name]
            and _type_checked(part, field.type, converted=field.converter is not None)
        )
    ]
    if checks:
        lines.append(f"    if not {writer.bind(attrs.validators.get_disabled)}():")
        for index, field, check in checks:
            plain = field.converter is None and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            value = f"x{index}" if plain else f"self.{field.name}"
            call = f"{writer.bind(check)}(self, {writer.bind(field)}, {value})"
            condition = _passing(check, value, writer)
            lines.append(
                f"        {call}" if condition is None else f"        if not ({condition}): {call}"
            )
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    return lines


class _Dumper:
    """Source text of an unstructure function and the names it refers to."""

    def __init__(
        self,
        conv: cattrs.Converter,
        trusted: Mapping[Any, object],
        native: frozenset[type],
        nested: Callable[[type], Callable[[object], object]],
    ) -> None:
        self.conv = conv
        self.trusted = trusted
        self.native = native
        self.nested = nested
        self.names: dict[str, object] = {}
        self.counter = itertools.count()

    def bind(self, value: object) -> str:
        name = f"_n{next(self.counter)}"
        self.names[name] = value
        return name

    def _is_trusted(self, t: Any, key: Any = None) -> bool:
        key = t if key is None else key
        return key in self.trusted and self.conv.get_unstructure_hook(t) is self.trusted[key]

    def scalar(self, t: Any, expr: str) -> str | None:
        """The inline writing of a string, number, flag, enum, date, moment or decimal."""
        if t in (str, int, bool):
            return expr
        if t in self.native and self._is_trusted(t):  # exactly a t, or written as the hook writes
            held = f"_v{next(self.counter)}"
            return f"({held} if type({held} := {expr}) is {self.bind(t)} else {held}.isoformat())"
        if isinstance(t, type) and issubclass(t, Enum) and self._is_trusted(t, Enum):
            return f"{expr}._value_"
        if t in (date, datetime) and self._is_trusted(t):
            return f"{expr}.isoformat()"
        if t is Decimal and self._is_trusted(Decimal):
            return f"str({expr})"
        return None

    def expression(self, t: Any, expr: str) -> str:
        """A Python expression that writes *expr*, a *t*, as JSON-ready data."""
        inline = self.scalar(t, expr)
        if inline is not None:
            return inline
        args = get_args(t)
        origin = get_origin(t)
        if origin in (Union, UnionType) and type(None) in args:
            inner = [arg for arg in args if arg is not type(None)]
            held = f"_v{next(self.counter)}"
            if len(inner) == 1:
                written = self.expression(inner[0], held)
            elif set(inner) == {date, datetime} and all(self._is_trusted(k) for k in inner):
                written = f"{held}.isoformat()"
            else:
                return f"{self.bind(self.conv.get_unstructure_hook(t))}({expr})"
            return f"(None if ({held} := {expr}) is None else {written})"
        if origin in (tuple, frozenset) and (
            (origin is tuple and len(args) == 2 and args[1] is Ellipsis)  # noqa: PLR2004
            or (origin is frozenset and len(args) == 1)
        ):
            return self.items(args[0], expr, ordered=origin is tuple)
        if attrs.has(t):  # looked up later: a model may contain itself
            hook = f"_n{next(self.counter)}"
            self.names[hook] = _lazy_out(self.nested, t, self.names, hook)
            return f"{hook}({expr})"
        return f"{self.bind(self.conv.get_unstructure_hook(t))}({expr})"

    def items(self, t: Any, expr: str, *, ordered: bool) -> str:
        """A tuple as a list, a frozenset as a sorted list, of the items written."""
        item = f"_i{next(self.counter)}"
        native = self.native
        if not ordered:  # sorted as the hook writes them, by their text: no native values
            self.native = frozenset()
        try:
            each = self.expression(t, item)
        finally:
            self.native = native
        if each == f"{item}._value_":  # enums: mapped in C
            written = f"map({self.bind(operator.attrgetter('_value_'))}, {expr})"
            return f"list({written})" if ordered else f"sorted({written})"
        written = f"{expr}" if each == item else f"[{each} for {item} in {expr}]"
        if ordered:
            return f"list({written})" if each == item else written
        return f"sorted({written})"


def _lazy_out(
    lookup: Callable[[type], Callable[[object], object]],
    cls: type,
    names: dict[str, object],
    name: str,
) -> Callable[[object], object]:
    """The unstructure hook of a model, looked up on its first use, then called directly (see _lazy)."""

    def unstructure(value: object) -> object:
        hook = names[name] = lookup(cls)
        return hook(value)

    return unstructure


def unstructure_function(
    cls: type,
    conv: cattrs.Converter,
    *,
    trusted: Mapping[Any, object],
    native: frozenset[type] = frozenset(),
    nested: Callable[[type], Callable[[object], object]] | None = None,
) -> Callable[[object], object]:
    """The generated function that writes the attrs class *cls* as a JSON-ready dict, field by field.

    Strings, numbers and flags are taken as they are; enums by value, dates
    and moments by ``isoformat``, decimals by ``str`` — as long as the
    converter's hooks for them are still the library's own (*trusted*:
    type, or ``Enum`` for every enum, to hook); every other type calls the
    converter's hook. The dict is the one cattrs' own function makes.

    With *native* (``{date}``), values of exactly those types are left as
    they are, for a JSON encoder that writes them itself (orjson writes a
    ``date`` as its ``isoformat``, in C; anything else in such a field, a
    ``datetime`` say, is written by ``isoformat`` as usual); nested models
    are then written by the function *nested* gives for their class.
    """
    attrs.resolve_types(cls)
    dumper = _Dumper(conv, trusted, native, nested or conv.get_unstructure_hook)
    entries = [
        f"        {field.name!r}: {dumper.expression(field.type, f'o.{field.name}')},"
        for field in attrs.fields(cls)
    ]
    lines = ["def unstructure(o):", "    return {", *entries, "    }"]
    code = compile("\n".join(lines), f"<safetyduty unstructure {cls.__name__}>", "exec")
    exec(code, dumper.names)  # noqa: S102 - source built above from the class's own fields
    function: Callable[[object], object] = dumper.names["unstructure"]  # type: ignore[assignment]
    if not native:
        _GENERATED.add(function)
    return function
