"""Basis: the legal or policy source a rule comes from."""

from __future__ import annotations

from datetime import date

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import non_empty_str, optional, plain_date, text

__all__ = ["Basis"]


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Basis:
    """A citation: the document and the article a rule comes from.

    Attributes:
        document: the document's name, e.g. ``《安全生产法》(2021)``.
        article: the article or clause, e.g. ``第二十一条`` (may be empty).
        effective_from: when the cited text took effect, if known.
        url: where the text can be read.
        source: the id of the document in the source registry
            (:func:`safetyduty.law.source`), which holds its issuer, number,
            dates, URL and verification status; every citation of the library's
            own data names one. ``None`` for a citation of your own.
        note: what in this citation is our reading rather than the text's, or
            what is not verified (e.g. an article number); reports show it.

    Examples:
        >>> basis = Basis(document="《安全生产法》(2021)", article="第二十一条")
        >>> str(basis)
        '《安全生产法》(2021) 第二十一条'
        >>> Basis(document=" ")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: document: must be a non-empty string (got ' ')
    """

    document: str = attrs.field(validator=non_empty_str)
    article: str = attrs.field(default="", validator=text)
    effective_from: date | None = attrs.field(default=None, validator=optional(plain_date))
    url: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    source: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    note: str = attrs.field(default="", validator=text)

    def __str__(self) -> str:
        return f"{self.document} {self.article}".strip()
