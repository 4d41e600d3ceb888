"""Reading the law's data files: once, strictly, with every citation resolved against the registry."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import Obligation, Source

if TYPE_CHECKING:
    from safetyduty.law._dated import Parameter, SectorList

__all__ = [
    "national_duties",
    "parameters",
    "read_toml",
    "registry",
    "resolve_citations",
    "sector_lists",
]


T = TypeVar("T")


def structure(data: Any, cls: type[T]) -> T:
    """:func:`safetyduty._convert.from_dict`, imported when the law's data is first read.

    The converter (and cattrs) is not needed to import the rules, only to
    read the data files, which happens once, on first use.
    """
    from safetyduty._convert import from_dict  # noqa: PLC0415 - see above

    return from_dict(data, cls)


def read_toml(name: str) -> dict[str, Any]:
    """A data file of the law, parsed (no checks yet)."""
    from importlib.resources import files  # noqa: PLC0415 - on first use, with the data

    from safetyduty._compat import tomllib  # noqa: PLC0415 - on first use, with the data

    text = files("safetyduty.law").joinpath(f"data/{name}").read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"law/data/{name}", str(exc), "must be valid TOML") from None


def _unique(where: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise ValidationError(where, ident, "must not repeat an id")
        seen.add(ident)


@functools.cache
def registry() -> Mapping[str, Source]:
    """The source registry, by id (``law/data/sources.toml``)."""
    raw = read_toml("sources.toml").get("source", [])
    entries = [structure(entry, Source) for entry in raw]
    _unique("sources", (s.id for s in entries))
    found = {s.id: s for s in entries}
    for entry in entries:
        if entry.repealed_by is not None and entry.repealed_by not in found:
            raise ValidationError(
                f"sources.{entry.id}.repealed_by", entry.repealed_by, "must name a source"
            )
    return found


def resolve_citations(
    data: Any, *, sources: Mapping[str, Source] | None = None, where: str = "$"
) -> Any:
    """*data* with every ``basis`` that names a ``source`` completed from the registry.

    A basis in a data file names its source by id and gives the article; the
    document's title (and, unless given, its URL and in-force date) come
    from the registry, so a title is written once. A basis naming an
    unknown source is an error naming its path.

    Args:
        data: parsed TOML or JSON (dicts and lists).
        sources: the registry to resolve against (default: the library's).
        where: the path of *data*, for errors.

    Raises:
        UnknownCodeError: for a basis naming a source that is not in the registry.
    """
    known = registry() if sources is None else sources
    if isinstance(data, list):
        return [
            resolve_citations(item, sources=known, where=f"{where}[{i}]")
            for i, item in enumerate(data)
        ]
    if not isinstance(data, dict):
        return data
    result: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{where}.{key}"
        if key == "basis" and isinstance(value, dict) and "source" in value:
            result[key] = _complete(value, known, path)
        else:
            result[key] = resolve_citations(value, sources=known, where=path)
    return result


def _complete(basis: dict[str, Any], known: Mapping[str, Source], path: str) -> dict[str, Any]:
    ident = basis["source"]
    source = known.get(ident) if isinstance(ident, str) else None
    if source is None:
        raise UnknownCodeError(f"{path}.source", ident, len(known))
    done = dict(basis)
    done.setdefault("document", source.title)
    if source.url is not None:
        done.setdefault("url", source.url)
    if source.effective is not None:
        done.setdefault("effective_from", source.effective.isoformat())
    return done


@functools.cache
def sector_lists() -> Mapping[str, SectorList]:
    """The named sector lists of the law, by id (``law/data/sectors.toml``)."""
    from safetyduty.law._dated import SectorList  # noqa: PLC0415 - with the data, see law

    raw = resolve_citations(read_toml("sectors.toml").get("list", []), where="sectors")
    lists = [structure(entry, SectorList) for entry in raw]
    _unique("sectors", (entry.id for entry in lists))
    for entry in lists:
        entry.dated()  # versions must not overlap
    return {entry.id: entry for entry in lists}


@functools.cache
def parameters() -> Mapping[str, Parameter]:
    """The law's parameter tables, by id (``law/data/parameters.toml``)."""
    from safetyduty.law._dated import Parameter  # noqa: PLC0415 - with the data, see law

    raw = resolve_citations(read_toml("parameters.toml").get("parameter", []), where="parameters")
    tables = [structure(entry, Parameter) for entry in raw]
    _unique("parameters", (entry.id for entry in tables))
    for entry in tables:
        entry.dated()
    return {entry.id: entry for entry in tables}


@functools.cache
def national_duties() -> tuple[Obligation, ...]:
    """The national duties (``law/data/duties.toml``), versions of one duty in date order."""
    raw = resolve_citations(read_toml("duties.toml").get("duty", []), where="duties")
    duties = tuple(structure(entry, Obligation) for entry in raw)
    by_id: dict[str, list[Obligation]] = {}
    for duty in duties:
        if not duty.jurisdiction.is_national:
            raise ValidationError(
                f"duties.{duty.id}.jurisdiction", duty.jurisdiction.describe(), "must be national"
            )
        by_id.setdefault(duty.id, []).append(duty)
    for ident, versions in by_id.items():
        ordered = sorted(versions, key=lambda d: d.effective.start or date.min)
        for before, after in itertools.pairwise(ordered):
            if before.effective.end is None or (
                after.effective.start is not None and after.effective.start <= before.effective.end
            ):
                raise ValidationError(
                    f"duties.{ident}",
                    after.effective.describe(),
                    "must not overlap another version",
                )
    for duty in duties:
        if duty.effective.start is None:
            raise ValidationError(
                f"duties.{duty.id}.effective.start", None, "must be the day the text took effect"
            )
    return duties


def sector_list(ident: str) -> SectorList:
    """The sector list *ident*."""
    try:
        return sector_lists()[ident]
    except (KeyError, TypeError):
        raise UnknownCodeError("sector list", ident, len(sector_lists())) from None


def parameter(ident: str) -> Parameter:
    """The parameter table *ident*."""
    try:
        return parameters()[ident]
    except (KeyError, TypeError):
        raise UnknownCodeError("parameter", ident, len(parameters())) from None
