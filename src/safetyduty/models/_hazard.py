"""Hazard (事故隐患) and its remediation: the 五到位 plan, 挂牌督办, and a status history.

Status changes are pure methods that return a new Hazard::

    reported → rectifying → pending_acceptance → closed (销号)
                    ↑                 │
                    └──── rejected ───┘

A 重大事故隐患 cannot start rectifying without a complete 五到位 plan:
"制定并实施严格的隐患治理方案，做到责任、措施、资金、时限和预案'五到位'"
(兰州新区西岔园区 and 新疆维吾尔自治区 三年行动实施方案, in ``shared/seeds``).
《安全生产事故隐患排查治理暂行规定》 (国家安监总局令第16号) lists the same
contents for a major-hazard remediation plan; its article number (第十五条?)
is not verified.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    instance_of,
    keeps,
    member_of,
    money,
    non_empty_str,
    optional,
    plain_date,
    text,
    tuple_of,
)
from safetyduty.errors import TransitionError, ValidationError
from safetyduty.models._enterprise import enterprise_code
from safetyduty.models._vocab import HazardLevel, HazardSource, HazardStatus

__all__ = ["Hazard", "RectificationPlan", "StatusChange", "Supervision"]

_S = HazardStatus
ALLOWED: Final = frozenset(
    {
        (_S.REPORTED, _S.RECTIFYING),
        (_S.RECTIFYING, _S.PENDING_ACCEPTANCE),
        (_S.PENDING_ACCEPTANCE, _S.CLOSED),
        (_S.PENDING_ACCEPTANCE, _S.RECTIFYING),
    }
)
"""The legal status changes (from, to)."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RectificationPlan:
    """The 五到位 plan: measures, responsibility, funds, deadline and contingency plan.

    Any part may still be missing while the plan is drafted; :attr:`missing`
    names what is.

    Examples:
        >>> plan = RectificationPlan(responsible="李四", measures="更换泄压装置",
        ...                          funds=Decimal("50000"), deadline=date(2026, 12, 31))
        >>> plan.missing
        ('contingency',)
    """

    responsible: str = attrs.field(default="", validator=text)
    measures: str = attrs.field(default="", validator=text)
    funds: Decimal | None = attrs.field(default=None, validator=optional(money))
    deadline: date | None = attrs.field(default=None, validator=optional(plain_date))
    contingency: str = attrs.field(default="", validator=text)

    @property
    def missing(self) -> tuple[str, ...]:
        """The parts of the 五到位 plan not yet given."""
        parts = {
            "measures": bool(self.measures.strip()),
            "responsible": bool(self.responsible.strip()),
            "funds": self.funds is not None,
            "deadline": self.deadline is not None,
            "contingency": bool(self.contingency.strip()),
        }
        return tuple(name for name, given in parts.items() if not given)

    @property
    def is_complete(self) -> bool:
        """Whether all five parts are given."""
        return not self.missing


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Supervision:
    """挂牌督办: the authority supervising a major hazard, and since when.

    Examples:
        >>> Supervision(by="兰州新区应急管理局", since=date(2026, 3, 1)).by
        '兰州新区应急管理局'
    """

    by: str = attrs.field(validator=non_empty_str)
    since: date = attrs.field(validator=plain_date)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class StatusChange:
    """One step of a hazard's history.

    Examples:
        >>> StatusChange(status=HazardStatus.RECTIFYING, on=date(2026, 3, 2)).status
        <HazardStatus.RECTIFYING: 'rectifying'>
    """

    status: HazardStatus = attrs.field(validator=member_of(HazardStatus))
    on: date = attrs.field(validator=plain_date)
    note: str = attrs.field(default="", validator=text)


def _history(value: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    return cast("tuple[StatusChange, ...]", as_tuple(value))


keeps(tuple, _history)


def _reported(hazard: Hazard) -> tuple[StatusChange, ...]:
    return (StatusChange(status=HazardStatus.REPORTED, on=hazard.found_on),)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Hazard:
    """A 事故隐患 found in an enterprise, and what has been done about it.

    Attributes:
        id: the caller's identifier.
        enterprise: 统一社会信用代码 of the enterprise.
        found_on: the day it was found.
        level: 一般 or 重大.
        category: the caller's category (e.g. a 判定标准 item).
        description: what is wrong.
        location: where.
        source: self-inspection, a regulator, or a public report.
        rectification: the 五到位 plan, once drafted.
        supervision: 挂牌督办, if any.
        history: the status changes, oldest first (starts as reported on ``found_on``).

    Examples:
        >>> h = Hazard(id="h1", enterprise="914403001922038216", found_on=date(2026, 3, 1),
        ...            level=HazardLevel.GENERAL, description="消防通道堵塞")
        >>> h = h.start_rectification(on=date(2026, 3, 2))
        >>> h = h.submit_for_acceptance(on=date(2026, 3, 5)).accept(on=date(2026, 3, 6))
        >>> h.status, h.closed_on
        (<HazardStatus.CLOSED: 'closed'>, datetime.date(2026, 3, 6))
        >>> h.accept(on=date(2026, 3, 7))
        Traceback (most recent call last):
        ...
        safetyduty.errors.TransitionError: status: cannot go from closed to closed
    """

    id: str = attrs.field(validator=non_empty_str)
    enterprise: str = attrs.field(validator=enterprise_code)
    found_on: date = attrs.field(validator=plain_date)
    level: HazardLevel = attrs.field(validator=member_of(HazardLevel))
    description: str = attrs.field(validator=non_empty_str)
    category: str = attrs.field(default="", validator=text)
    location: str = attrs.field(default="", validator=text)
    source: HazardSource = attrs.field(
        default=HazardSource.SELF_INSPECTION, validator=member_of(HazardSource)
    )
    rectification: RectificationPlan | None = attrs.field(
        default=None, validator=optional(instance_of(RectificationPlan))
    )
    supervision: Supervision | None = attrs.field(
        default=None, validator=optional(instance_of(Supervision))
    )
    history: tuple[StatusChange, ...] = attrs.field(
        default=attrs.Factory(_reported, takes_self=True),
        converter=_history,
        validator=tuple_of(StatusChange, non_empty=True),
    )

    @history.validator
    def _check_history(
        self, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
    ) -> None:
        first = value[0]
        if first.status is not HazardStatus.REPORTED or first.on < self.found_on:
            raise ValidationError(
                "history[0]", first, f"must be 'reported' on or after found_on ({self.found_on})"
            )
        for index in range(1, len(value)):
            before, after = value[index - 1], value[index]
            if (before.status, after.status) not in ALLOWED:
                raise ValidationError(
                    f"history[{index}]", after.status.value, f"cannot follow {before.status.value}"
                )
            if after.on < before.on:
                raise ValidationError(
                    f"history[{index}].on", after.on, f"must not be before {before.on}"
                )
        rectifying = any(change.status is HazardStatus.RECTIFYING for change in value)
        if rectifying and self.level is HazardLevel.MAJOR:
            missing = self.rectification.missing if self.rectification else ("plan",)
            if missing:
                raise ValidationError(
                    "rectification",
                    missing,
                    "a major hazard needs a complete 五到位 plan to start rectifying",
                )

    @property
    def status(self) -> HazardStatus:
        """The current status."""
        return self.history[-1].status

    @property
    def closed_on(self) -> date | None:
        """The day it was closed (销号), or ``None`` while open."""
        last = self.history[-1]
        return last.on if last.status is HazardStatus.CLOSED else None

    @property
    def deadline(self) -> date | None:
        """The rectification deadline of the plan, if one is set."""
        return self.rectification.deadline if self.rectification else None

    def _move(self, target: HazardStatus, on: date, note: str, **changes: Any) -> Hazard:
        if (self.status, target) not in ALLOWED:
            raise TransitionError(self.status.value, target.value)
        if not isinstance(on, date) or isinstance(on, datetime) or on < self.history[-1].on:
            raise ValidationError("on", on, f"must be a date on or after {self.history[-1].on}")
        change = StatusChange(status=target, on=on, note=note)
        return attrs.evolve(self, history=(*self.history, change), **changes)

    def start_rectification(
        self, *, on: date, plan: RectificationPlan | None = None, note: str = ""
    ) -> Hazard:
        """Start rectifying (with the 五到位 plan, required for a major hazard)."""
        if self.status is not HazardStatus.REPORTED:
            raise TransitionError(
                self.status.value, "rectifying", "rectification starts once, from reported"
            )
        new_plan = plan if plan is not None else self.rectification
        if self.level is HazardLevel.MAJOR and (new_plan is None or not new_plan.is_complete):
            missing = new_plan.missing if new_plan else ("plan",)
            raise TransitionError(
                self.status.value,
                HazardStatus.RECTIFYING.value,
                f"the 五到位 plan lacks {', '.join(missing)}",
            )
        return self._move(HazardStatus.RECTIFYING, on, note, rectification=new_plan)

    def submit_for_acceptance(self, *, on: date, note: str = "") -> Hazard:
        """Report the rectification done; it now awaits acceptance (验收)."""
        return self._move(HazardStatus.PENDING_ACCEPTANCE, on, note)

    def accept(self, *, on: date, note: str = "") -> Hazard:
        """Accept the rectification and close the hazard (销号)."""
        return self._move(HazardStatus.CLOSED, on, note)

    def reject(self, *, on: date, note: str = "") -> Hazard:
        """Reject the rectification at acceptance; it goes back to rectifying."""
        if self.status is not HazardStatus.PENDING_ACCEPTANCE:
            raise TransitionError(
                self.status.value, "rectifying", "only a pending acceptance can be rejected"
            )
        return self._move(HazardStatus.RECTIFYING, on, note)
