"""Record: evidence that something was done (an inspection, a drill, a report filed…)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import member_of, non_empty_str, optional, plain_date, text
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import enterprise_code
from safetyduty.models._vocab import RecordKind

__all__ = ["Record"]


def _hours(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal > 0 (hours)")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Record:
    """Evidence that a duty was carried out on a day.

    Attributes:
        id: the caller's identifier.
        kind: what was done.
        on: the day it was done.
        enterprise: 统一社会信用代码 of the enterprise.
        person: the caller's id of the person who did it (e.g. the 主要负责人), if any.
        hours: for training, its length in hours.
        details: free text.

    Examples:
        >>> Record(id="r1", kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 16),
        ...        enterprise="914403001922038216").kind
        <RecordKind.DRILL_PLAN: 'drill_plan'>
    """

    id: str = attrs.field(validator=non_empty_str)
    kind: RecordKind = attrs.field(validator=member_of(RecordKind))
    on: date = attrs.field(validator=plain_date)
    enterprise: str = attrs.field(validator=enterprise_code)
    person: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    hours: Decimal | None = attrs.field(default=None, validator=optional(_hours))
    details: str = attrs.field(default="", validator=text)
