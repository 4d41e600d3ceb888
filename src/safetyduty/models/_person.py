"""Person and Certificate: who holds which safety role and qualification."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    keeps,
    member_of,
    non_empty_str,
    optional,
    plain_date,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import enterprise_code
from safetyduty.models._vocab import CertificateKind, Role

__all__ = ["Certificate", "Person"]


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Certificate:
    """A certificate or assessment result a person holds.

    Attributes:
        kind: what it certifies.
        number: its number.
        issued_on: the date of issue.
        expires_on: the end of its validity, if it has one.
        last_reviewed_on: the last 复审, if any.

    Examples:
        >>> Certificate(kind=CertificateKind.SPECIAL_OPERATION, number="T620100000001",
        ...             issued_on=date(2021, 5, 10), expires_on=date(2027, 5, 10)).expires_on.year
        2027
        >>> Certificate(kind=CertificateKind.SPECIAL_OPERATION, number="T1",
        ...             issued_on=date(2021, 5, 10), expires_on=date(2021, 5, 9))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: expires_on: must be after issued_on (2021-05-10) (got datetime.date(2021, 5, 9))
    """

    kind: CertificateKind = attrs.field(validator=member_of(CertificateKind))
    number: str = attrs.field(validator=non_empty_str)
    issued_on: date = attrs.field(validator=plain_date)
    expires_on: date | None = attrs.field(default=None, validator=optional(plain_date))
    last_reviewed_on: date | None = attrs.field(default=None, validator=optional(plain_date))

    @expires_on.validator
    def _after_issue(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value <= self.issued_on:
            raise ValidationError(
                "expires_on", value, f"must be after issued_on ({self.issued_on})"
            )

    @last_reviewed_on.validator
    def _reviewed_after_issue(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and value < self.issued_on:
            raise ValidationError(
                "last_reviewed_on", value, f"must not be before issued_on ({self.issued_on})"
            )


def _certificates(value: Iterable[Certificate]) -> tuple[Certificate, ...]:
    return cast("tuple[Certificate, ...]", as_tuple(value))


keeps(tuple, _certificates)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Person:
    """Someone with a safety role in an enterprise.

    Attributes:
        id: the caller's identifier for the person.
        name: the person's name.
        role: 主要负责人, 安全生产管理人员, 特种作业人员 or 从业人员.
        enterprise: the 统一社会信用代码 of the employer, if known.
        took_office_on: when the person took the role (starts the 6-month
            assessment window of high-risk units).
        certificates: the certificates held.

    Examples:
        >>> Person(id="p1", name="张三", role=Role.PRINCIPAL, enterprise="914403001922038216").role
        <Role.PRINCIPAL: 'principal'>
    """

    id: str = attrs.field(validator=non_empty_str)
    name: str = attrs.field(validator=non_empty_str)
    role: Role = attrs.field(validator=member_of(Role))
    enterprise: str | None = attrs.field(default=None, validator=optional(enterprise_code))
    took_office_on: date | None = attrs.field(default=None, validator=optional(plain_date))
    certificates: tuple[Certificate, ...] = attrs.field(
        default=(), converter=_certificates, validator=tuple_of(Certificate)
    )
