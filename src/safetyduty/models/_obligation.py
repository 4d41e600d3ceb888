"""Obligation: who must do what, when, which enterprises it binds, and why."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import attrs

from safetyduty._validate import (
    as_frozenset,
    count,
    flag,
    instance_of,
    member_of,
    non_empty_str,
    optional,
    set_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._basis import Basis
from safetyduty.models._enterprise import Enterprise, HazardFlag, Industry
from safetyduty.models._schedule import SCHEDULE_TYPES, Schedule
from safetyduty.models._vocab import RecordKind, Subject

__all__ = ["Applicability", "Obligation"]


def _industries(value: Iterable[Industry]) -> frozenset[Industry]:
    return cast("frozenset[Industry]", as_frozenset(value))


def _flags(value: Iterable[HazardFlag]) -> frozenset[HazardFlag]:
    return cast("frozenset[HazardFlag]", as_frozenset(value))


@attrs.frozen(kw_only=True)
class Applicability:
    """Declarative conditions on an enterprise; every condition given must hold.

    Attributes:
        industries: the enterprise's industry is one of these (empty: any).
        hazard_flags: the enterprise has at least one of these (empty: no condition).
        min_employees: at least this many employees ("超过一百人" is 101).
        max_employees: at most this many employees ("一百人以下" is 100).
        state_owned: must (True) or must not (False) be state-owned; None: either.
        above_designated_size: the same for 规模以上.
        group_company: the same for a 集团公司.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> big = Applicability(min_employees=101)
        >>> e = Enterprise(uscc="914403001922038216", name="x", industry=Industry.MACHINERY,
        ...                region="440300", employees=100)
        >>> big.applies_to(e), big.why_not(e)
        (False, 'employees 100 < 101')
    """

    industries: frozenset[Industry] = attrs.field(
        default=frozenset(), converter=_industries, validator=set_of(Industry)
    )
    hazard_flags: frozenset[HazardFlag] = attrs.field(
        default=frozenset(), converter=_flags, validator=set_of(HazardFlag)
    )
    min_employees: int | None = attrs.field(default=None, validator=optional(count))
    max_employees: int | None = attrs.field(default=None, validator=optional(count))
    state_owned: bool | None = attrs.field(default=None, validator=optional(flag))
    above_designated_size: bool | None = attrs.field(default=None, validator=optional(flag))
    group_company: bool | None = attrs.field(default=None, validator=optional(flag))

    @max_employees.validator
    def _check_range(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and self.min_employees is not None and value < self.min_employees:
            raise ValidationError(
                "max_employees", value, f"must be >= min_employees ({self.min_employees})"
            )

    def why_not(self, enterprise: Enterprise) -> str | None:
        """The first condition *enterprise* fails, in words, or ``None`` if all hold."""
        if not isinstance(enterprise, Enterprise):
            raise ValidationError("enterprise", enterprise, "must be an Enterprise")
        checks = (
            (
                bool(self.industries) and enterprise.industry not in self.industries,
                f"industry {enterprise.industry.value} not in {sorted(i.value for i in self.industries)}",
            ),
            (
                bool(self.hazard_flags) and not (self.hazard_flags & enterprise.hazard_flags),
                f"none of the hazard flags {sorted(f.value for f in self.hazard_flags)}",
            ),
            (
                self.min_employees is not None and enterprise.employees < self.min_employees,
                f"employees {enterprise.employees} < {self.min_employees}",
            ),
            (
                self.max_employees is not None and enterprise.employees > self.max_employees,
                f"employees {enterprise.employees} > {self.max_employees}",
            ),
            (
                self.state_owned is not None and enterprise.state_owned != self.state_owned,
                f"state_owned is {enterprise.state_owned}",
            ),
            (
                self.above_designated_size is not None
                and enterprise.above_designated_size != self.above_designated_size,
                f"above_designated_size is {enterprise.above_designated_size}",
            ),
            (
                self.group_company is not None and enterprise.group_company != self.group_company,
                f"group_company is {enterprise.group_company}",
            ),
        )
        return next((reason for failed, reason in checks if failed), None)

    def applies_to(self, enterprise: Enterprise) -> bool:
        """Whether every condition holds for *enterprise*."""
        return self.why_not(enterprise) is None


ANYONE = Applicability()


def _schedule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, SCHEDULE_TYPES):
        raise ValidationError(
            attribute.name, value, "must be a Recurring, OneOff or Triggered schedule"
        )


@attrs.frozen(kw_only=True)
class Obligation:
    """A duty: who (``subject``) must do what (``title``), when (``schedule``), for which enterprises.

    Attributes:
        id: a stable code, e.g. ``principal.monthly_inspection``.
        title: the duty in the words of its source (Chinese).
        subject: who must carry it out.
        schedule: when it falls due.
        applicability: which enterprises it binds (default: all).
        evidence: the kind of record that shows it was done.
        basis: the text it comes from.

    Examples:
        >>> from safetyduty.models import Basis, Recurring
        >>> from safetyduty.models import Frequency
        >>> duty = Obligation(
        ...     id="principal.monthly_inspection", title="主要负责人每月至少带队检查一次",
        ...     subject=Subject.PRINCIPAL, schedule=Recurring(frequency=Frequency.MONTHLY),
        ...     evidence=RecordKind.LED_INSPECTION,
        ...     basis=Basis(document="汕尾市落实企业安全生产主体责任整治工作实施方案(2020)", article="八个一次"))
        >>> duty.schedule.frequency
        <Frequency.MONTHLY: 'monthly'>
    """

    id: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    subject: Subject = attrs.field(validator=member_of(Subject))
    schedule: Schedule = attrs.field(validator=_schedule)
    evidence: RecordKind = attrs.field(validator=member_of(RecordKind))
    basis: Basis = attrs.field(validator=instance_of(Basis))
    applicability: Applicability = attrs.field(default=ANYONE, validator=instance_of(Applicability))
