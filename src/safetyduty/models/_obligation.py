"""Obligation: who must do what, when, which enterprises it binds, where and when it is law, and why."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, Final, cast

import attrs

from safetyduty._labels import label_of
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    as_tuple,
    count,
    flag,
    instance_of,
    keeps,
    member_of,
    non_empty_str,
    optional,
    set_of,
    text,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._basis import Basis
from safetyduty.models._enterprise import Enterprise, EnterpriseSize, HazardFlag, Industry
from safetyduty.models._schedule import SCHEDULE_TYPES, Schedule
from safetyduty.models._scope import ALWAYS, NATIONAL, Jurisdiction, Span
from safetyduty.models._vocab import Check, RecordKind, Subject

__all__ = ["Applicability", "Obligation", "SectorLists"]

SectorLists = Callable[[str], frozenset[Industry]]
"""Resolves a named sector list of the law (its version on the day judged) to its industries."""

_SIZE_ORDER: Final = {
    EnterpriseSize.MICRO: 0,
    EnterpriseSize.SMALL: 1,
    EnterpriseSize.MEDIUM: 2,
    EnterpriseSize.LARGE: 3,
}


def _industries(value: Iterable[Industry]) -> frozenset[Industry]:
    return cast("frozenset[Industry]", as_frozenset(value))


keeps(frozenset, _industries)


def _flags(value: Iterable[HazardFlag]) -> frozenset[HazardFlag]:
    return cast("frozenset[HazardFlag]", as_frozenset(value))


keeps(frozenset, _flags)


def _say(member: Enum, *, zh: bool) -> str:
    return label_of(member, "zh_CN") if zh else str(member.value)


def _size_reason(
    known: EnterpriseSize | None, wanted: EnterpriseSize | None, *, zh: bool = False
) -> str:
    if zh:
        needed = f"需{_say(wanted, zh=zh) if wanted else ''}及以上"
        return f"企业规模为{_say(known, zh=zh)}，{needed}" if known else f"企业规模未知（{needed}）"
    needed = f"{wanted.value if wanted else ''} or larger needed"
    return f"size {known.value}, {needed}" if known else f"size unknown ({needed})"


def _alternatives(value: Iterable[Applicability]) -> tuple[Applicability, ...]:
    return cast("tuple[Applicability, ...]", as_tuple(value))


keeps(tuple, _alternatives)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Applicability:
    """Declarative conditions on an enterprise; every condition given must hold.

    Attributes:
        industries: the enterprise's industry is one of these (empty: any);
            a 冶金/有色 enterprise that smelts also counts as ``metal_smelting``.
        sector_list: the enterprise's industry is in this named sector list of
            the law (e.g. ``emergency-regulation.article-8``), in the version in
            force on the day judged (:func:`safetyduty.law.sector_list`).
        min_size: the enterprise is at least this size (中型规模以上: ``medium``).
        any_of: at least one of these holds (for "A、B或者C").
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
    sector_list: str = attrs.field(default="", validator=text)
    min_size: EnterpriseSize | None = attrs.field(
        default=None, validator=optional(member_of(EnterpriseSize))
    )
    any_of: tuple[Applicability, ...] = attrs.field(
        default=(), converter=_alternatives, validator=tuple_of(object)
    )

    @any_of.validator
    def _alternatives_are_conditions(
        self, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, Applicability):
                raise ValidationError(f"any_of[{index}]", item, "must be an Applicability")

    @max_employees.validator
    def _check_range(self, attribute: attrs.Attribute[Any], value: int | None) -> None:
        if value is not None and self.min_employees is not None and value < self.min_employees:
            raise ValidationError(
                "max_employees", value, f"must be >= min_employees ({self.min_employees})"
            )

    def why_not(
        self,
        enterprise: Enterprise,
        *,
        sector_lists: SectorLists | None = None,
        size: EnterpriseSize | None = None,
        locale: str = "en",
    ) -> str | None:
        """The first condition *enterprise* fails, in words (``en`` or ``zh_CN``), or ``None`` if all hold.

        Args:
            enterprise: the enterprise.
            sector_lists: resolves :attr:`sector_list` (needed when one is named).
            size: the enterprise's size class when it is not on the enterprise
                (derived by the rules); ``None`` with neither fails ``min_size``.
            locale: the language of the reason.

        Examples:
            >>> from safetyduty.models import Enterprise, Industry
            >>> shop = Enterprise(uscc="914403001922038216", name="x", industry=Industry.COMMERCE,
            ...                   region="440300", employees=20)
            >>> rule = Applicability(industries=[Industry.CONSTRUCTION])
            >>> rule.why_not(shop), rule.why_not(shop, locale="zh_CN")
            ("industry commerce not in ['construction']", '行业“商贸”不在所列行业（建筑施工）之中')
        """
        if not isinstance(enterprise, Enterprise):
            raise ValidationError("enterprise", enterprise, "must be an Enterprise")
        zh = locale == "zh_CN"
        failed = self._first_failure(enterprise, sector_lists, size, zh=zh)
        if failed is not None or not self.any_of:
            return failed
        reasons = [
            each.why_not(enterprise, sector_lists=sector_lists, size=size, locale=locale)
            for each in self.any_of
        ]
        if all(reason is not None for reason in reasons):
            return ("；" if zh else "; ").join(r for r in reasons if r is not None)
        return None

    def _first_failure(  # noqa: C901, PLR0911, PLR0912 - one flat test per condition, in order
        self,
        enterprise: Enterprise,
        sector_lists: SectorLists | None,
        size: EnterpriseSize | None,
        *,
        zh: bool,
    ) -> str | None:
        """The reason of the first condition (of this level, not ``any_of``) that fails.

        Each condition is tested first and put in words only when it fails.
        """
        sectors = enterprise.sectors
        listed: frozenset[Industry] = frozenset()
        if self.sector_list:
            if sector_lists is None:
                raise ValidationError(
                    "sector_lists", None, f"must be given to resolve {self.sector_list!r}"
                )
            listed = sector_lists(self.sector_list)
        if self.industries and not (sectors & self.industries):
            industry = _say(enterprise.industry, zh=zh)
            if zh:
                return f"行业“{industry}”不在所列行业（{'、'.join(_say(i, zh=zh) for i in sorted(self.industries))}）之中"
            return f"industry {industry} not in {sorted(i.value for i in self.industries)}"
        if self.sector_list and not (sectors & listed):
            industry = _say(enterprise.industry, zh=zh)
            if zh:
                return f"行业“{industry}”不在本项义务适用的行业名单之中"
            return f"industry {industry} not in the list {self.sector_list}"
        if self.min_size is not None:
            known_size = enterprise.size or size
            if known_size is None or _SIZE_ORDER[known_size] < _SIZE_ORDER[self.min_size]:
                return _size_reason(known_size, self.min_size, zh=zh)
        if self.hazard_flags and not (self.hazard_flags & enterprise.hazard_flags):
            if zh:
                return f"不具有{'、'.join(_say(f, zh=zh) for f in sorted(self.hazard_flags))}"
            return f"none of the hazard flags {sorted(f.value for f in self.hazard_flags)}"
        employees = enterprise.employees
        if self.min_employees is not None and employees < self.min_employees:
            if zh:
                return f"从业人员{employees}人，少于{self.min_employees}人"
            return f"employees {employees} < {self.min_employees}"
        if self.max_employees is not None and employees > self.max_employees:
            if zh:
                return f"从业人员{employees}人，多于{self.max_employees}人"
            return f"employees {employees} > {self.max_employees}"
        if self.state_owned is not None and enterprise.state_owned != self.state_owned:
            if zh:
                return "国有企业" if enterprise.state_owned else "非国有企业"
            return f"state_owned is {enterprise.state_owned}"
        if (
            self.above_designated_size is not None
            and enterprise.above_designated_size != self.above_designated_size
        ):
            if zh:
                return "规模以上企业" if enterprise.above_designated_size else "非规模以上企业"
            return f"above_designated_size is {enterprise.above_designated_size}"
        if self.group_company is not None and enterprise.group_company != self.group_company:
            if zh:
                return "集团公司" if enterprise.group_company else "非集团公司"
            return f"group_company is {enterprise.group_company}"
        return None

    def applies_to(
        self,
        enterprise: Enterprise,
        *,
        sector_lists: SectorLists | None = None,
        size: EnterpriseSize | None = None,
    ) -> bool:
        """Whether every condition holds for *enterprise*."""
        return self.why_not(enterprise, sector_lists=sector_lists, size=size) is None


ANYONE: Final = Applicability()


def _schedule(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, SCHEDULE_TYPES):
        raise ValidationError(
            attribute.name, value, "must be a Recurring, OneOff, Triggered or Standing schedule"
        )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Obligation:
    """A duty: who (``subject``) must do what (``title``), when (``schedule``), for which enterprises.

    Attributes:
        id: a stable code, e.g. ``principal.monthly_inspection``. Versions of
            one duty (the same duty under successive texts of a law) share the
            id and have effective spans that do not overlap.
        title: the duty in the words of its source (Chinese).
        subject: who must carry it out.
        schedule: when it falls due.
        applicability: which enterprises it binds (default: all).
        evidence: the kind of record that shows it was done.
        basis: the text it comes from.
        title_en: the duty in English, for English reports.
        jurisdiction: where it binds (default: national).
        effective: the days it is law (default: always); a period is judged
            by the version in force on its due day.
        plan: the id of the plan it comes from, for a plan's duty.
        lasting: for a plan's duty that outlives the plan, the plan's words
            that make it lasting ("建立长效机制", "常态化"); it then binds from the
            plan's start with no end.
        check: how the evidence is read (default: counting records).
        personal: the evidence must name a person of the subject's role (the
            主要负责人 "参加" a drill: a drill record that names the principal).

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
    title_en: str = attrs.field(default="", validator=text)
    jurisdiction: Jurisdiction = attrs.field(default=NATIONAL, validator=instance_of(Jurisdiction))
    effective: Span = attrs.field(default=ALWAYS, validator=instance_of(Span))
    plan: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    lasting: str = attrs.field(default="", validator=text)
    check: Check = attrs.field(default=Check.RECORDS, validator=member_of(Check))
    personal: bool = attrs.field(default=False, validator=flag)

    def in_language(self, locale: str) -> str:
        """The title in *locale* (``zh_CN`` or ``en``); the Chinese title when no English one is given.

        Examples:
            >>> from safetyduty.models import Basis, OneOff
            >>> from datetime import date
            >>> duty = Obligation(id="x", title="2020年底前建立制度", title_en="Set up the system by the end of 2020",
            ...     subject=Subject.ENTERPRISE, schedule=OneOff(due=date(2020, 12, 31)),
            ...     evidence=RecordKind.OTHER, basis=Basis(document="示例"))
            >>> duty.in_language("en")
            'Set up the system by the end of 2020'
        """
        return self.title_en if locale == "en" and self.title_en else self.title
