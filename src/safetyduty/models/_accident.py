"""Accident (生产安全事故): when it happened, its toll and its kind."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    aware_datetime,
    count,
    member_of,
    money,
    non_empty_str,
    optional,
    text,
)
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import enterprise_code
from safetyduty.models._vocab import AccidentKind

__all__ = ["Accident"]


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Accident:
    """A 生产安全事故.

    Times are timezone-aware: the 1-hour and 2-hour reporting limits run from
    the event time (生产安全事故报告和调查处理条例 第九条, 第十一条), so a naive
    datetime is rejected.

    Attributes:
        id: the caller's identifier.
        enterprise: 统一社会信用代码 of the enterprise.
        occurred_at: when it happened.
        deaths: 死亡人数.
        serious_injuries: 重伤人数, acute industrial poisoning included.
        direct_loss: 直接经济损失 in yuan.
        kind: road traffic and fire accidents have a 7-day 补报 window, others 30 (第十三条).
        reported_at: when the unit reported it, if it has.
        missing: 失踪人数.
        description: what happened.

    Examples:
        >>> from zoneinfo import ZoneInfo
        >>> a = Accident(id="a1", enterprise="914403001922038216",
        ...              occurred_at=datetime(2026, 5, 1, 23, 30, tzinfo=ZoneInfo("Asia/Shanghai")),
        ...              deaths=1, serious_injuries=0, direct_loss=Decimal("800000"))
        >>> a.fatal
        True
        >>> Accident(id="a2", enterprise="914403001922038216", occurred_at=datetime(2026, 5, 1, 23, 30),
        ...          deaths=0, serious_injuries=0, direct_loss=Decimal(0))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: occurred_at: must be a timezone-aware datetime (e.g. Asia/Shanghai) (got datetime.datetime(2026, 5, 1, 23, 30))
    """

    id: str = attrs.field(validator=non_empty_str)
    enterprise: str = attrs.field(validator=enterprise_code)
    occurred_at: datetime = attrs.field(validator=aware_datetime)
    deaths: int = attrs.field(validator=count)
    serious_injuries: int = attrs.field(validator=count)
    direct_loss: Decimal = attrs.field(validator=money)
    kind: AccidentKind = attrs.field(default=AccidentKind.OTHER, validator=member_of(AccidentKind))
    reported_at: datetime | None = attrs.field(default=None, validator=optional(aware_datetime))
    missing: int = attrs.field(default=0, validator=count)
    description: str = attrs.field(default="", validator=text)

    @reported_at.validator
    def _after_event(self, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
        if value is not None and value < self.occurred_at:
            raise ValidationError(
                "reported_at", value, f"must not be before occurred_at ({self.occurred_at})"
            )

    @property
    def fatal(self) -> bool:
        """Whether anyone died."""
        return self.deaths > 0
