"""Loading the catalog's data files (once, strictly)."""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any, Final

from safetyduty import _convert
from safetyduty._compat import tomllib
from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import Obligation, Plan, Portfolio
from safetyduty.rules.statutory import STATUTORY

__all__ = [
    "STATUTORY_IN_CATALOG",
    "enterprise_obligations",
    "obligation",
    "plan",
    "plans",
    "sample_portfolio",
]

STATUTORY_IN_CATALOG: Final = (
    "hazard.statistics.quarterly",
    "hazard.statistics.yearly",
    "emergency_plan.drill.yearly",
    "emergency_plan.drill.on_site",
    "emergency_plan.drill.high_risk",
    "emergency_plan.filing",
    "emergency_plan.evaluation",
    "accident.report.unit_head",
    "accident.supplementary_report",
    "accident.supplementary_report.road_fire",
    "accident.retraining.principal",
)
"""The statutory entries evaluated for every enterprise by default. The
emergency plan's 备案 and evaluation run from ``plan_published`` and
``plan_evaluated`` records; the assessments and certificates from the people
(:mod:`safetyduty.rules.personnel`); the 补报 duties when a ``casualty_change``
record falls inside the accident's window. The others run from events the
evaluation does not see (a penalty, an investigation report) or bind
authorities."""


def _read(name: str) -> dict[str, Any]:
    text = files("safetyduty.catalog").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def _catalog_obligations() -> tuple[Obligation, ...]:
    raw = _read("obligations.toml")
    entries = raw.get("obligation", [])
    return tuple(_convert.from_dict(entry, Obligation) for entry in entries)


@functools.cache
def enterprise_obligations() -> tuple[Obligation, ...]:
    """The duties :func:`~safetyduty.rules.compliance.evaluate` applies by default.

    Examples:
        >>> from safetyduty.catalog import enterprise_obligations
        >>> len(enterprise_obligations()) >= 19
        True
    """
    statutory = {entry.id: entry for entry in STATUTORY}
    chosen = _catalog_obligations() + tuple(statutory[key] for key in STATUTORY_IN_CATALOG)
    ids = [o.id for o in chosen]
    if len(ids) != len(set(ids)):
        raise ValidationError("catalog", ids, "must not repeat an obligation id")
    return chosen


@functools.cache
def _all_obligations() -> dict[str, Obligation]:
    found = {o.id: o for o in _catalog_obligations()}
    found |= {o.id: o for o in STATUTORY}
    for each in plans():
        found |= {o.id: o for o in each.obligations}
    return found


def obligation(key: str) -> Obligation:
    """An obligation of the catalog, the statutory deadlines or a seed plan, by id.

    Raises:
        UnknownCodeError: for an unknown id.

    Examples:
        >>> from safetyduty.catalog import obligation
        >>> duty = obligation("xinjiang.report.monthly_statistics")
        >>> duty.schedule.due.day, str(duty.basis)
        (25, '自治区安全生产专项整治三年行动实施方案 工作要求（信息报送）')
    """
    try:
        return _all_obligations()[key]
    except (KeyError, TypeError):
        raise UnknownCodeError("obligation", key, len(_all_obligations())) from None


@functools.cache
def plans() -> tuple[Plan, ...]:
    """The seed plans shipped as data, by id."""
    folder = files("safetyduty.catalog").joinpath("data/plans")
    names = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml"))
    loaded = tuple(_convert.from_dict(_read(f"plans/{name}"), Plan) for name in names)
    for name, each in zip(names, loaded, strict=True):
        if name != f"{each.id}.toml":
            raise ValidationError(f"plans/{name}", each.id, "must match the file name")
    return loaded


def plan(plan_id: str) -> Plan:
    """A seed plan by id.

    Raises:
        UnknownCodeError: for an unknown id.

    Examples:
        >>> from safetyduty.catalog import plan
        >>> [p.name for p in plan("shanwei-2020").phases]
        ['动员部署阶段', '集中整治阶段', '总结提升阶段']
    """
    for each in plans():
        if each.id == plan_id:
            return each
    raise UnknownCodeError("plan", plan_id, len(plans()))


@functools.cache
def sample_portfolio() -> Portfolio:
    """The demo's sample: twenty enterprises with 2026's records, hazards and accidents (built once)."""
    from safetyduty.catalog._sample import build_sample  # noqa: PLC0415 - only when asked

    return build_sample()
