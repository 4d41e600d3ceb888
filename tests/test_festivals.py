"""The shipped festival table and the holiday laws."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from safetyduty.calendars import Festival, holiday_law_for, statutory_holidays
from safetyduty.errors import ValidationError

HOLIDAYS_NAMES = {
    "Chinese New Year (Spring Festival)": Festival.SPRING_FESTIVAL,
    "Chinese New Year's Eve": Festival.SPRING_FESTIVAL,
    "Tomb-Sweeping Day": Festival.TOMB_SWEEPING,
    "Dragon Boat Festival": Festival.DRAGON_BOAT,
    "Mid-Autumn Festival": Festival.MID_AUTUMN,
    "Labor Day": Festival.LABOUR_DAY,
    "National Day": Festival.NATIONAL_DAY,
    "New Year's Day": Festival.NEW_YEAR,
}


@pytest.mark.parametrize("year", range(2004, 2051))
def test_statutory_days_match_holidays_package(year: int) -> None:
    """Statutory days per law agree with holidays (CN, observed=False), 2004-2050."""
    cn = holidays.China(years=year, observed=False, categories=("public",))
    theirs: dict[date, set[Festival]] = {}
    for day, names in cn.items():
        for name in names.split("; "):
            if name in HOLIDAYS_NAMES:
                theirs.setdefault(day, set()).add(HOLIDAYS_NAMES[name])
    ours = {d: set(f) for d, f in statutory_holidays(year).items()}
    assert theirs == ours


@pytest.mark.parametrize(
    ("year", "count", "reference"),
    [
        (2004, 10, "国务院令第270号(1999)"),
        (2007, 10, "国务院令第270号(1999)"),
        (2008, 11, "国务院令第513号(2007)"),
        (2014, 11, "国务院令第644号(2013)"),
        (2024, 11, "国务院令第644号(2013)"),
        (2025, 13, "国务院令第795号(2024)"),
    ],
)
def test_law_in_force_by_year(year: int, count: int, reference: str) -> None:
    """The law's revisions take effect on 1 January 2008, 2014 and 2025."""
    law = holiday_law_for(year)
    assert (count, reference) == (law.days_per_year, law.reference)


def test_eve_is_statutory_only_under_2007_and_2024_texts() -> None:
    """除夕: a holiday 2008-2013 and from 2025, not in 2014-2024."""
    assert Festival.SPRING_FESTIVAL in statutory_holidays(2013)[date(2013, 2, 9)]
    assert date(2024, 2, 9) not in statutory_holidays(2024)
    assert Festival.SPRING_FESTIVAL in statutory_holidays(2025)[date(2025, 1, 28)]


@pytest.mark.parametrize("year", [1999, 2051, "2026", True])
def test_out_of_range_years(year: object) -> None:
    """Years without a law or outside the table raise ValidationError."""
    with pytest.raises(ValidationError):
        statutory_holidays(year)  # type: ignore[arg-type]
