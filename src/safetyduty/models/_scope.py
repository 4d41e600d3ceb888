"""Where and when a rule binds: its jurisdiction and its effective span."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import as_frozenset, keeps, optional, plain_date, text
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import check_park, check_region, region_covers

__all__ = ["ALWAYS", "NATIONAL", "Jurisdiction", "Span"]


def _regions(value: Iterable[str]) -> frozenset[str]:
    return cast("frozenset[str]", as_frozenset(value))


keeps(frozenset, _regions)


def _check_regions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, frozenset):
        raise ValidationError(attribute.name, value, "must be a list of codes")
    check = check_park if attribute.name == "parks" else check_region
    try:
        for code in value:
            check(code)
    except ValidationError as exc:
        raise ValidationError(attribute.name, exc.value, exc.expected) from None


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Jurisdiction:
    """Where a rule binds: the whole country, some regions, or some parks.

    Attributes:
        regions: 行政区划代码; a province's code (``xx0000``) covers its
            cities and counties, a city's (``xxxx00``) its counties.
        parks: park codes (:func:`check_park`); a park's rule binds only the
            enterprises and bodies that declare that park, not the whole region
            around it.
        name: how the text names the place (``汕尾市``, ``忻州经济开发区``).

    With no regions and no parks, the jurisdiction is national.

    Examples:
        >>> shanwei = Jurisdiction(regions=["441500"], name="汕尾市")
        >>> shanwei.covers("441521"), shanwei.covers("440300")
        (True, False)
        >>> park = Jurisdiction(parks=["140900-xinzhou-edz"], name="忻州经济开发区")
        >>> park.covers("140902"), park.covers("140902", park="140900-xinzhou-edz")
        (False, True)
        >>> NATIONAL.covers("650102"), NATIONAL.is_national
        (True, True)
    """

    regions: frozenset[str] = attrs.field(
        default=frozenset(), converter=_regions, validator=_check_regions
    )
    parks: frozenset[str] = attrs.field(
        default=frozenset(), converter=_regions, validator=_check_regions
    )
    name: str = attrs.field(default="", validator=text)

    @property
    def is_national(self) -> bool:
        """Whether the rule binds everywhere."""
        return not self.regions and not self.parks

    def covers(self, region: str, *, park: str | None = None) -> bool:
        """Whether a body in *region* (and in *park*, if it declares one) is bound.

        Raises:
            ValidationError: for a bad region or park code.
        """
        check_region(region)
        if park is not None:
            check_park(park)
        if self.parks:
            return park in self.parks
        if self.regions:
            return any(region_covers(outer, region) for outer in self.regions)
        return True

    def contains(self, other: Jurisdiction) -> bool:
        """Whether every place *other* binds is inside this jurisdiction.

        Examples:
            >>> Jurisdiction(regions=["650000"]).contains(Jurisdiction(regions=["650100"]))
            True
            >>> Jurisdiction(regions=["650100"]).contains(NATIONAL)
            False
        """
        if self.is_national:
            return True
        if other.is_national:
            return False
        parks_inside = all(
            park in self.parks or any(region_covers(r, park[:6]) for r in self.regions)
            for park in other.parks
        )
        regions_inside = all(
            any(region_covers(outer, inner) for outer in self.regions) for inner in other.regions
        )
        return parks_inside and regions_inside

    def describe(self) -> str:
        """The place in words: its name, or its codes.

        Examples:
            >>> Jurisdiction(regions=["441500"], name="汕尾市").describe()
            '汕尾市'
            >>> Jurisdiction(regions=["441500", "441521"]).describe()
            '441500, 441521'
        """
        if self.name:
            return self.name
        return ", ".join(sorted(self.regions | self.parks)) or "national"


NATIONAL: Final = Jurisdiction(name="全国")
"""The whole country."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Span:
    """An effective span of days, both ends included; ``None`` leaves that end open.

    Examples:
        >>> span = Span(start=date(2020, 7, 1), end=date(2020, 12, 31))
        >>> span.contains(date(2020, 7, 1)), span.contains(date(2021, 1, 1))
        (True, False)
        >>> span.meets(date(2020, 12, 1), date(2021, 6, 30)), ALWAYS.contains(date(1949, 10, 1))
        (True, True)
        >>> Span(start=date(2021, 1, 1), end=date(2020, 1, 1))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: end: must not be before start (2021-01-01) (got datetime.date(2020, 1, 1))
    """

    start: date | None = attrs.field(default=None, validator=optional(plain_date))
    end: date | None = attrs.field(default=None, validator=optional(plain_date))

    @end.validator
    def _ordered(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and self.start is not None and value < self.start:
            raise ValidationError("end", value, f"must not be before start ({self.start})")

    def contains(self, day: date) -> bool:
        """Whether *day* is inside the span."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def meets(self, first: date, last: date) -> bool:
        """Whether the span shares a day with *first*..*last*."""
        return (self.start is None or self.start <= last) and (
            self.end is None or first <= self.end
        )

    def within(self, other: Span) -> bool:
        """Whether this span lies inside *other*.

        Examples:
            >>> Span(start=date(2020, 8, 1), end=date(2020, 12, 31)).within(
            ...     Span(start=date(2020, 7, 1), end=date(2020, 12, 31)))
            True
        """
        starts = other.start is None or (self.start is not None and self.start >= other.start)
        ends = other.end is None or (self.end is not None and self.end <= other.end)
        return starts and ends

    def describe(self) -> str:
        """The span as ``start..end`` (an open end left blank).

        Examples:
            >>> Span(start=date(2021, 9, 1)).describe()
            '2021-09-01..'
        """
        return f"{self.start or ''}..{self.end or ''}"


ALWAYS: Final = Span()
"""A span open at both ends: in force whenever it is asked."""
