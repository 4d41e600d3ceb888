"""Source: one document of the source registry, with its dates and verification status."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import member_of, non_empty_str, optional, plain_date, text
from safetyduty.errors import ValidationError

__all__ = ["Source", "Verification"]

_ID: Final = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


class Verification(StrEnum):
    """How far a source's text and dates were checked."""

    VERIFIED = "verified"
    """Read in the official text or a reliable full reprint."""
    UNVERIFIED = "unverified"
    """Recalled or read only in part: the note says what is uncertain."""


register(
    [
        (Verification.VERIFIED, ("已核实", "verified")),
        (Verification.UNVERIFIED, ("未核实", "unverified")),
    ]
)


def _source_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValidationError(
            attribute.name, value, "must be a lowercase code such as 'work-safety-law-2021'"
        )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Source:
    """A document the library cites: a law, a regulation, a ministry rule, a notice or a plan.

    Attributes:
        id: the registry's code for it, e.g. ``work-safety-law-2021``; a
            :class:`~safetyduty.models.Basis` names it in ``source``.
        title: the document's title as cited, e.g. ``《中华人民共和国安全生产法》(2021)``.
        issuer: who issued it.
        number: its 文号 or order number (``主席令第八十八号``), if it has one.
        issued: the day it was signed or published (成文/公布日期), if known.
        effective: the day it took effect, if known.
        repealed_by: the id of the source that replaced it, if any.
        url: where its text can be read, where public.
        status: whether the text and dates were verified.
        note: what is uncertain, or how it was checked.

    Examples:
        >>> law = Source(id="work-safety-law-2021", title="《中华人民共和国安全生产法》(2021)",
        ...              issuer="全国人民代表大会常务委员会", number="主席令第八十八号",
        ...              effective=date(2021, 9, 1), status=Verification.VERIFIED)
        >>> law.in_force_on(date(2021, 8, 31)), law.in_force_on(date(2021, 9, 1))
        (False, True)
    """

    id: str = attrs.field(validator=_source_id)
    title: str = attrs.field(validator=non_empty_str)
    issuer: str = attrs.field(validator=non_empty_str)
    status: Verification = attrs.field(validator=member_of(Verification))
    number: str = attrs.field(default="", validator=text)
    issued: date | None = attrs.field(default=None, validator=optional(plain_date))
    effective: date | None = attrs.field(default=None, validator=optional(plain_date))
    repealed_by: str | None = attrs.field(default=None, validator=optional(_source_id))
    repealed_on: date | None = attrs.field(default=None, validator=optional(plain_date))
    url: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    note: str = attrs.field(default="", validator=text)

    @status.validator
    def _unverified_says_why(self, attribute: attrs.Attribute[Any], value: Verification) -> None:
        if value is Verification.UNVERIFIED and not self.note.strip():
            raise ValidationError("note", self.note, "must say what is unverified")

    def in_force_on(self, day: date) -> bool:
        """Whether the document was in force on *day* (unknown dates count as in force)."""
        started = self.effective is None or self.effective <= day
        ended = self.repealed_on is not None and self.repealed_on <= day
        return started and not ended
