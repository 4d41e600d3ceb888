"""Authority: a government body with duties of its own under a plan (a regulator, a department)."""

from __future__ import annotations

from typing import Any, Final

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import member_of, non_empty_str
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import check_region, park, uscc
from safetyduty.models._vocab import Subject

__all__ = ["AUTHORITY_SUBJECTS", "Authority"]

AUTHORITY_SUBJECTS: Final = frozenset(
    {
        Subject.REGULATOR_NATIONAL,
        Subject.REGULATOR_PROVINCE,
        Subject.REGULATOR_CITY,
        Subject.REGULATOR_COUNTY,
        Subject.REGULATOR_TOWNSHIP,
        Subject.REGULATOR_PARK,
        Subject.SAFETY_COMMITTEE_OFFICE,
        Subject.DEPARTMENT,
    }
)
"""The subjects a plan's duties can name for a government body."""


def _region(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_region(value)


def _authority_subject(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in AUTHORITY_SUBJECTS:
        raise ValidationError(
            attribute.name, value, "must be a regulator, a safety committee office or a department"
        )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Authority:
    """A government body whose duties a plan sets: a 市/县/乡镇 government, a 管委会, a department.

    Its records are :class:`~safetyduty.models.Record` objects whose
    ``enterprise`` is the body's own 统一社会信用代码 (organs of state have one,
    beginning ``11``).

    Attributes:
        uscc: 统一社会信用代码 of the body.
        name: its name.
        subject: which of a plan's subjects it is (``regulator_city``, ``department`` …).
        region: the 6-digit 行政区划代码 of its area.
        park: the park it governs or lies in (a 管委会 and its departments), as a park code.

    Examples:
        >>> Authority(uscc="114415000070431508", name="汕尾市应急管理局",
        ...           subject=Subject.REGULATOR_CITY, region="441500").subject
        <Subject.REGULATOR_CITY: 'regulator_city'>
        >>> Authority(uscc="114415000070431508", name="x", subject=Subject.ENTERPRISE, region="441500")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: subject: must be a regulator, a safety committee office or a department (got <Subject.ENTERPRISE: 'enterprise'>)
    """

    uscc: str = attrs.field(validator=uscc)
    name: str = attrs.field(validator=non_empty_str)
    subject: Subject = attrs.field(validator=[member_of(Subject), _authority_subject])
    region: str = attrs.field(validator=_region)
    park: str | None = attrs.field(default=None, validator=park)
