"""Festivals, day types and the statutory holidays fixed by law.

The statutory days (法定节假日) come from 《全国年节及纪念日放假办法》 as in
force in each year; its revisions are kept as a dated table
(:data:`HOLIDAY_LAWS`). The movable festivals (春节, 清明, 端午, 中秋) are read
from a shipped table of Gregorian dates for 2004-2050.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Final

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty.errors import ValidationError

__all__ = [
    "HOLIDAY_LAWS",
    "DayType",
    "Festival",
    "HolidayLaw",
    "holiday_law_for",
    "statutory_holidays",
]


class Festival(StrEnum):
    """A festival or commemoration that the State Council gives days off for."""

    NEW_YEAR = "new_year"
    SPRING_FESTIVAL = "spring_festival"
    TOMB_SWEEPING = "tomb_sweeping"
    LABOUR_DAY = "labour_day"
    DRAGON_BOAT = "dragon_boat"
    MID_AUTUMN = "mid_autumn"
    NATIONAL_DAY = "national_day"
    VICTORY_DAY = "victory_day"
    """The 70th anniversary of the victory of 1945 (2015-09-03 only)."""


class DayType(StrEnum):
    """What kind of day a date is on the Chinese working-day calendar."""

    WORKDAY = "workday"
    """An ordinary Monday-to-Friday working day."""
    MAKEUP_WORKDAY = "makeup_workday"
    """A Saturday or Sunday worked under a holiday notice (调休上班)."""
    WEEKEND = "weekend"
    """An ordinary Saturday or Sunday (公休日)."""
    STATUTORY_HOLIDAY = "statutory_holiday"
    """A day off fixed by law (法定节假日), or declared by the State Council."""
    ADJUSTED_REST = "adjusted_rest"
    """A weekday off under a holiday notice (调休/补休) that is not itself statutory."""


register(
    [
        (Festival.NEW_YEAR, ("元旦", "New Year's Day")),
        (Festival.SPRING_FESTIVAL, ("春节", "Spring Festival")),
        (Festival.TOMB_SWEEPING, ("清明节", "Tomb-Sweeping Day")),
        (Festival.LABOUR_DAY, ("劳动节", "Labour Day")),
        (Festival.DRAGON_BOAT, ("端午节", "Dragon Boat Festival")),
        (Festival.MID_AUTUMN, ("中秋节", "Mid-Autumn Festival")),
        (Festival.NATIONAL_DAY, ("国庆节", "National Day")),
        (
            Festival.VICTORY_DAY,
            (
                "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
                "70th Anniversary of the Victory of the War of Resistance",
            ),
        ),
        (DayType.WORKDAY, ("工作日", "workday")),
        (DayType.MAKEUP_WORKDAY, ("调休上班日", "make-up workday")),
        (DayType.WEEKEND, ("周末", "weekend")),
        (DayType.STATUTORY_HOLIDAY, ("法定节假日", "statutory holiday")),
        (DayType.ADJUSTED_REST, ("调休休息日", "adjusted rest day")),
    ]
)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class HolidayLaw:
    """One text of 《全国年节及纪念日放假办法》 and the days off it gives everyone.

    Attributes:
        effective_from: the first day the text applies to.
        reference: the decree that made the text.
        spring_festival: offsets from 正月初一 (``-1`` is 除夕).
        labour_day: the days of May that are holidays.
        movable: the lunar or solar-term festivals that carry one day.
    """

    effective_from: date
    reference: str
    spring_festival: tuple[int, ...]
    labour_day: tuple[int, ...]
    movable: tuple[Festival, ...]

    @property
    def days_per_year(self) -> int:
        """How many statutory days the text gives (元旦 and 国庆 included).

        Examples:
            >>> holiday_law_for(2025).days_per_year
            13
        """
        return 1 + len(self.spring_festival) + len(self.labour_day) + len(self.movable) + 3


_MOVABLE_2007: Final = (Festival.TOMB_SWEEPING, Festival.DRAGON_BOAT, Festival.MID_AUTUMN)

HOLIDAY_LAWS: Final[tuple[HolidayLaw, ...]] = (
    HolidayLaw(
        effective_from=date(1999, 9, 18),
        reference="国务院令第270号(1999)",
        spring_festival=(0, 1, 2),
        labour_day=(1, 2, 3),
        movable=(),
    ),
    HolidayLaw(
        effective_from=date(2008, 1, 1),
        reference="国务院令第513号(2007)",
        spring_festival=(-1, 0, 1),
        labour_day=(1,),
        movable=_MOVABLE_2007,
    ),
    HolidayLaw(
        effective_from=date(2014, 1, 1),
        reference="国务院令第644号(2013)",
        spring_festival=(0, 1, 2),
        labour_day=(1,),
        movable=_MOVABLE_2007,
    ),
    HolidayLaw(
        effective_from=date(2025, 1, 1),
        reference="国务院令第795号(2024)",
        spring_festival=(-1, 0, 1, 2),
        labour_day=(1, 2),
        movable=_MOVABLE_2007,
    ),
)
"""The texts of 《全国年节及纪念日放假办法》 that matter from 2004 on, oldest first."""


def holiday_law_for(year: int) -> HolidayLaw:
    """Return the text of the holiday law in force on 1 January of *year*.

    Raises:
        ValidationError: for a year before the 1999 text.

    Examples:
        >>> holiday_law_for(2013).reference
        '国务院令第513号(2007)'
        >>> holiday_law_for(2026).spring_festival
        (-1, 0, 1, 2)
    """
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= date.max.year:
        raise ValidationError("year", year, f"must be an int from 1 to {date.max.year}")
    jan1 = date(year, 1, 1)
    in_force = [law for law in HOLIDAY_LAWS if law.effective_from <= jan1]
    if not in_force:
        raise ValidationError("year", year, "must be 2000 or later (no earlier law is recorded)")
    return in_force[-1]


@functools.cache
def _festival_table() -> dict[int, dict[Festival, date]]:
    from importlib import resources  # noqa: PLC0415 - on first use, with the data

    from safetyduty._compat import tomllib  # noqa: PLC0415 - on first use, with the data

    raw = tomllib.loads(
        resources.files("safetyduty.calendars").joinpath("data/festivals.toml").read_text("utf-8")
    )
    return {
        entry["year"]: {
            Festival.SPRING_FESTIVAL: entry["spring_festival"],
            Festival.TOMB_SWEEPING: entry["tomb_sweeping"],
            Festival.DRAGON_BOAT: entry["dragon_boat"],
            Festival.MID_AUTUMN: entry["mid_autumn"],
        }
        for entry in raw["years"]
    }


def festival_years() -> range:
    """The years the shipped festival table covers."""
    years = _festival_table()
    return range(min(years), max(years) + 1)


def statutory_holidays(year: int) -> dict[date, tuple[Festival, ...]]:
    """Return the statutory days off of *year* under the law then in force.

    These are the days the law itself names; how the State Council arranges
    them into breaks (调休) is the business of the yearly notices. A date
    holds more than one festival when two fall together (中秋 on 1 October
    2020).

    Raises:
        ValidationError: for a year outside the festival table (2004-2050).

    Examples:
        >>> days = statutory_holidays(2026)
        >>> len(days)
        13
        >>> [d.isoformat() for d, f in days.items() if Festival.SPRING_FESTIVAL in f]
        ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']
        >>> statutory_holidays(2020)[date(2020, 10, 1)]
        (<Festival.MID_AUTUMN: 'mid_autumn'>, <Festival.NATIONAL_DAY: 'national_day'>)
    """
    law = holiday_law_for(year)
    table = _festival_table()
    if year not in table:
        span = festival_years()
        raise ValidationError("year", year, f"must be within {span.start}..{span.stop - 1}")
    movable = table[year]
    new_year = movable[Festival.SPRING_FESTIVAL]
    pairs = [
        (date(year, 1, 1), Festival.NEW_YEAR),
        *(
            (new_year + timedelta(days=offset), Festival.SPRING_FESTIVAL)
            for offset in law.spring_festival
        ),
        *((movable[festival], festival) for festival in law.movable),
        *((date(year, 5, day), Festival.LABOUR_DAY) for day in law.labour_day),
        *((date(year, 10, day), Festival.NATIONAL_DAY) for day in (1, 2, 3)),
    ]
    days: dict[date, tuple[Festival, ...]] = {}
    for day, festival in sorted(pairs):
        days[day] = (*days.get(day, ()), festival)
    return days
