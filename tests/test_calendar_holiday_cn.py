"""The real holiday-cn files: every year it publishes loads and agrees with the notices."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from safetyduty.calendars import WorkCalendar, default_calendar, from_holiday_cn
from safetyduty.errors import ValidationError

FOLDER = Path(__file__).parent / "data" / "holiday-cn"
YEARS = sorted(FOLDER.glob("[0-9][0-9][0-9][0-9].json"))

# What holiday-cn's files leave out, checked against the notices:
# - 2007: "2月17日（星期六）、2月25日（星期日）上班" (国办发明电〔2006〕49号) is missing;
# - 2015: the victory-day break (国发明电〔2015〕1号) is a notice of its own that the
#   2015 file does not carry: 09-03 and 09-04 off, Sunday 09-06 worked.
NOT_IN_HOLIDAY_CN = {
    date(2007, 2, 17),
    date(2007, 2, 25),
    date(2015, 9, 3),
    date(2015, 9, 4),
    date(2015, 9, 6),
}


def _days(path: Path) -> list[tuple[date, bool]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(date.fromisoformat(d["date"]), d["isOffDay"]) for d in data["days"]]


def test_every_year_from_2007_to_2021_is_shipped() -> None:
    """The copies cover every year whose holiday-cn file with data could be copied."""
    assert list(range(2007, 2022)) == [int(p.stem) for p in YEARS]


@pytest.mark.parametrize("path", YEARS, ids=[p.stem for p in YEARS])
def test_real_file_loads_and_agrees_with_the_bundled_notices(cal: WorkCalendar, path: Path) -> None:
    """Each real file loads as a complete year; every day of it is what the notices say."""
    imported = cal.with_holiday_cn(path.read_text(encoding="utf-8"))
    year = int(path.stem)
    for day, off in _days(path):
        assert off == imported.is_rest_day(day), day
    day = date(year, 1, 1)
    while day.year == year:
        if day not in NOT_IN_HOLIDAY_CN:
            assert cal.is_workday(day) == imported.is_workday(day), day
        day += timedelta(days=1)


def test_2020_with_the_spring_festival_extension(cal: WorkCalendar) -> None:
    """holiday-cn's 2020 includes 国办发明电〔2020〕1号: 01-31 to 02-02 off, 02-03 back at work."""
    imported = cal.with_holiday_cn((FOLDER / "2020.json").read_text(encoding="utf-8"))
    for day in (date(2020, 1, 31), date(2020, 2, 1), date(2020, 2, 2)):
        assert imported.is_rest_day(day), day
    assert imported.is_workday(date(2020, 2, 3))
    assert imported.is_workday(date(2020, 1, 19))  # the Sunday worked before the break


def test_weekend_days_left_out_do_not_split_a_break() -> None:
    """2014 lists 清明 as 04-05 and 04-07 only; the break is 04-05..04-07."""
    arrangement = from_holiday_cn((FOLDER / "2014.json").read_text(encoding="utf-8"))
    spans = [s for s in arrangement.holidays if s.festivals[0].value == "tomb_sweeping"]
    assert [(date(2014, 4, 5), date(2014, 4, 7))] == [(s.first, s.last) for s in spans]


def test_a_day_worked_joins_the_nearest_break() -> None:
    """2018 lists two 元旦 breaks (01-01, and 12-30..31 for 2019); 12-29 is worked for the second."""
    arrangement = from_holiday_cn((FOLDER / "2018.json").read_text(encoding="utf-8"))
    spans = {
        s.first: s.makeup_workdays
        for s in arrangement.holidays
        if s.festivals[0].value == "new_year"
    }
    assert {date(2018, 1, 1): (), date(2018, 12, 30): (date(2018, 12, 29),)} == spans


@pytest.mark.parametrize(
    "name", ["placeholder/2022.json", "fork-drjiathu/2027.json", "fork-drjiathu/2025.json"]
)
def test_incomplete_files_are_not_official(name: str) -> None:
    """An empty placeholder, or a file that lists only each break's ends, is rejected."""
    text = (FOLDER / name).read_text(encoding="utf-8")
    base = default_calendar(estimate=True)
    if name.endswith("2022.json"):
        base = default_calendar(as_known_at=date(2021, 10, 1), estimate=True)
    with pytest.raises(ValidationError, match="must give a break for every statutory holiday"):
        base.with_holiday_cn(text)


def test_the_empty_2027_file_leaves_2027_estimated() -> None:
    """With the placeholder refused, 2027-10-04 stays an estimate, not an ordinary workday."""
    est = default_calendar(estimate=True)
    text = (FOLDER / "fork-drjiathu" / "2027.json").read_text(encoding="utf-8")
    with pytest.raises(ValidationError):
        est.with_holiday_cn(text)
    assert est.is_estimated(date(2027, 10, 4))
    assert est.is_rest_day(date(2027, 10, 4))  # 补假 for 国庆 on Saturday 10-02 and Sunday 10-03
