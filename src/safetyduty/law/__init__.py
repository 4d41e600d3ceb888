"""The law as data: dated, scoped and sourced.

Everything the library knows of the law lives in data files under
``safetyduty/law/data``, read once and validated at load:

- ``sources.toml``: the **source registry** — every document cited, with its
  issuer, number, dates (issued, effective, repealed), URL and verification
  status (:class:`~safetyduty.models.Source`). Every
  :class:`~safetyduty.models.Basis` of the library's data names an entry in
  ``source``; :func:`source` looks one up.
- ``duties.toml``: the **national duties** (:func:`national_duties`), each
  with the day its text took effect; versions of one duty share its id.
- ``sectors.toml``: **sector lists** (高危行业, 应急条例 第八条 units, the
  insurance lists …) by version (:func:`sector_list`).
- ``parameters.toml``: **numbers** — thresholds, 学时, fine shares and
  amounts — by version (:func:`parameter`).
- ``safety_cost.toml``: the verified **rates of the safety-cost levy**
  (:func:`rate_tables`);
- ``credit.toml``: the **credit regimes** with their periods and listing
  criteria (:func:`credit_regimes`, :func:`credit_criteria`).

Local plans are data too, in :mod:`safetyduty.catalog`.

"The version in force on a date" has one lookup, :meth:`Dated.at`: it
raises :class:`~safetyduty.errors.NoRuleInForceError` on a day no version
covers, naming the rule and its first day.

Examples:
    >>> from datetime import date, datetime
    >>> from safetyduty import law
    >>> law.source("work-safety-law-2021").effective
    datetime.date(2021, 9, 1)
    >>> version = law.parameter("work-safety-law.staffing-threshold", on=date(2010, 1, 1))
    >>> version.value["employees"], str(version.basis)
    (Decimal('300'), '《中华人民共和国安全生产法》(2002) 第十九条第二款')
    >>> law.duty("emergency_plan.drill.yearly", on=date(2018, 5, 1)).basis.source
    'emergency-plans-2016'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from safetyduty._lazy import lazy_names
from safetyduty.errors import NoRuleInForceError, UnknownCodeError, ValidationError
from safetyduty.law import _load
from safetyduty.law._load import resolve_citations
from safetyduty.models import Basis, Industry, Obligation, Source, Verification

if TYPE_CHECKING:
    from safetyduty.law._costs import CostCategory, CostMethod, RateTable, Tier, rate_tables
    from safetyduty.law._credit import (
        Criterion,
        CriterionForm,
        Regime,
        credit_criteria,
        credit_regimes,
        restrictions,
    )
    from safetyduty.law._dated import (
        Dated,
        Parameter,
        ParameterVersion,
        SectorList,
        SectorListVersion,
        Version,
        dated,
    )

__all__ = [
    "CostCategory",
    "CostMethod",
    "Criterion",
    "CriterionForm",
    "Dated",
    "Parameter",
    "ParameterVersion",
    "RateTable",
    "Regime",
    "SectorList",
    "SectorListVersion",
    "Tier",
    "Version",
    "credit_criteria",
    "credit_regimes",
    "dated",
    "duty",
    "enterprise_duties",
    "national_duties",
    "parameter",
    "rate_tables",
    "registry",
    "resolve_citations",
    "restrictions",
    "sector_list",
    "source",
    "sources",
    "unverified",
]

# The classes of dated rules, the levy's rates and the credit regimes are
# defined when first used (with the law's data, which is read on first use
# too): importing the rules need not define them.
__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "CostCategory": "_costs",
        "CostMethod": "_costs",
        "Criterion": "_credit",
        "CriterionForm": "_credit",
        "Dated": "_dated",
        "Parameter": "_dated",
        "ParameterVersion": "_dated",
        "RateTable": "_costs",
        "Regime": "_credit",
        "SectorList": "_dated",
        "SectorListVersion": "_dated",
        "Tier": "_costs",
        "Version": "_dated",
        "credit_criteria": "_credit",
        "credit_regimes": "_credit",
        "dated": "_dated",
        "rate_tables": "_costs",
        "restrictions": "_credit",
    },
)


def sources() -> tuple[Source, ...]:
    """Every document of the source registry, in file order.

    Examples:
        >>> from safetyduty import law
        >>> len(law.sources()) > 20, all(s.id for s in law.sources())
        (True, True)
    """
    return tuple(_load.registry().values())


def source(ident: str) -> Source:
    """The registry entry *ident*.

    Raises:
        UnknownCodeError: for an id that is not in the registry.

    Examples:
        >>> from safetyduty import law
        >>> law.source("hazard-order-16").title
        '《安全生产事故隐患排查治理暂行规定》(原国家安监总局令第16号)'
        >>> law.source("no-such-law")
        Traceback (most recent call last):
        ...
        safetyduty.errors.UnknownCodeError: source: unknown code 'no-such-law' (31 are known)
    """
    try:
        return _load.registry()[ident]
    except (KeyError, TypeError):
        raise UnknownCodeError("source", ident, len(_load.registry())) from None


def registry() -> Mapping[str, Source]:
    """The source registry as a mapping from id to entry (read-only).

    Examples:
        >>> from safetyduty import law
        >>> law.registry()["civil-code-2020"].effective
        datetime.date(2021, 1, 1)
    """
    return MappingProxyType(dict(_load.registry()))


def unverified(basis: Basis) -> Source | None:
    """The registry entry of *basis* if it is marked unverified, else ``None``.

    A basis that names no registry entry (a citation of your own) is not
    judged here.

    Examples:
        >>> from safetyduty import law
        >>> from safetyduty.models import Basis
        >>> law.unverified(Basis(document="x", source="training-decision-2012")).status.value
        'unverified'
        >>> law.unverified(Basis(document="x", source="work-safety-law-2021")) is None
        True
    """
    if not isinstance(basis, Basis):
        raise ValidationError("basis", basis, "must be a Basis")
    if basis.source is None:
        return None
    entry = _load.registry().get(basis.source)
    if entry is None or entry.status is Verification.VERIFIED:
        return None
    return entry


def national_duties() -> tuple[Obligation, ...]:
    """Every national duty, each version of each duty once, in file order.

    Examples:
        >>> from safetyduty import law
        >>> ids = {d.id for d in law.national_duties()}
        >>> "hazard.statistics.quarterly" in ids, "principal.monthly_inspection" in ids
        (True, False)
    """
    return _load.national_duties()


@functools.cache
def enterprise_duties() -> tuple[Obligation, ...]:
    """The national duties judged for an enterprise by default (every version of each).

    Examples:
        >>> from safetyduty import law
        >>> sorted({d.id for d in law.enterprise_duties()})[:3]
        ['accident.report.unit_head', 'accident.supplementary_report', 'accident.supplementary_report.road_fire']
    """
    chosen = _load.read_toml("duties.toml").get("evaluation", {}).get("enterprise", [])
    known = {d.id for d in _load.national_duties()}
    for ident in chosen:
        if ident not in known:
            raise UnknownCodeError("evaluation.enterprise", ident, len(known))
    wanted = set(chosen)
    return tuple(d for d in _load.national_duties() if d.id in wanted)


def duty(ident: str, *, on: date | None = None) -> Obligation:
    """The national duty *ident*: the version in force *on* a day, or the newest.

    Raises:
        UnknownCodeError: for an unknown id.
        NoRuleInForceError: for a day before its first version (or after its last ended).

    Examples:
        >>> from safetyduty import law
        >>> law.duty("emergency_plan.drill.high_risk", on=date(2019, 3, 31))
        Traceback (most recent call last):
        ...
        safetyduty.errors.NoRuleInForceError: emergency_plan.drill.high_risk: no rule in force on 2019-03-31 (the first applies from 2019-04-01)
    """
    versions = _duty_versions().get(ident) if isinstance(ident, str) else None
    if not versions:
        raise UnknownCodeError("duty", ident, len(_duty_versions()))
    if on is None:
        return versions[-1]
    day = _day("on", on)
    for version in versions:
        if version.effective.contains(day):
            return version
    first = min(v.effective.start or date.min for v in versions)
    raise NoRuleInForceError(ident, day, first)


@functools.cache
def _duty_versions() -> dict[str, tuple[Obligation, ...]]:
    """The versions of each national duty, by id, in the data's order (read once)."""
    found: dict[str, list[Obligation]] = {}
    for each in _load.national_duties():
        found.setdefault(each.id, []).append(each)
    return {ident: tuple(versions) for ident, versions in found.items()}


def sector_list(ident: str, *, on: date | None = None) -> Version[frozenset[Industry]]:
    """The sector list *ident* in the version in force *on* a day, or the newest.

    Raises:
        UnknownCodeError: for an unknown list.
        NoRuleInForceError: for a day no version covers.

    Examples:
        >>> from safetyduty import law
        >>> from safetyduty.models import Industry
        >>> Industry.URBAN_RAIL in law.sector_list("work-safety-law.staffing-high-risk", on=date(2021, 8, 31)).value
        False
        >>> Industry.URBAN_RAIL in law.sector_list("work-safety-law.staffing-high-risk", on=date(2021, 9, 1)).value
        True
    """
    table = _dated_list(ident)
    return table.versions[-1] if on is None else table.at(_day("on", on))


def parameter(ident: str, *, on: date | None = None) -> Version[dict[str, Decimal]]:
    """The parameter table *ident* in the version in force *on* a day, or the newest.

    Raises:
        UnknownCodeError: for an unknown table.
        NoRuleInForceError: for a day no version covers.

    Examples:
        >>> from safetyduty import law
        >>> law.parameter("work-safety-law.principal-fine-share", on=date(2026, 1, 1)).value["larger"]
        Decimal('0.6')
    """
    table = _dated_parameter(ident)
    return table.versions[-1] if on is None else table.at(_day("on", on))


def _dated_list(ident: str) -> Dated[frozenset[Industry]]:
    if isinstance(ident, str) and ident in _LISTS:
        return _LISTS[ident]
    found = _LISTS[ident] = _load.sector_list(ident).dated()
    return found


def _dated_parameter(ident: str) -> Dated[dict[str, Decimal]]:
    if isinstance(ident, str) and ident in _PARAMETERS:
        return _PARAMETERS[ident]
    found = _PARAMETERS[ident] = _load.parameter(ident).dated()
    return found


_LISTS: dict[str, Dated[frozenset[Industry]]] = {}
_PARAMETERS: dict[str, Dated[dict[str, Decimal]]] = {}


def _day(name: str, value: Any) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(name, value, "must be a datetime.date")
    return value
