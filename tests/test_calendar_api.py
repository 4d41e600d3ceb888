"""The calendar's API surface: errors, options, overlays and provenance."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

from safetyduty._compat import tomllib
from safetyduty.calendars import (
    DayType,
    Festival,
    WorkCalendar,
    YearArrangement,
    bundled_years,
    default_calendar,
    from_holiday_cn,
    load_year_file,
    parse_year,
    statutory_holidays,
)
from safetyduty.errors import CalendarCoverageError, SafetyDutyError, ValidationError

D = date

Y2027 = """
year = 2027

[[notices]]
number = "示例〔2026〕1号"
title = "示例：2027年部分节假日安排"
published = 2026-11-01

[[holidays]]
festivals = ["new_year"]
first = 2027-01-01
last = 2027-01-03

[[holidays]]
festivals = ["spring_festival"]
first = 2027-02-05
last = 2027-02-13
makeup_workdays = [2027-02-20]

[[holidays]]
festivals = ["tomb_sweeping"]
first = 2027-04-03
last = 2027-04-05

[[holidays]]
festivals = ["labour_day"]
first = 2027-05-01
last = 2027-05-05
makeup_workdays = [2027-04-25]

[[holidays]]
festivals = ["dragon_boat"]
first = 2027-06-09
last = 2027-06-09

[[holidays]]
festivals = ["mid_autumn"]
first = 2027-09-15
last = 2027-09-15

[[holidays]]
festivals = ["national_day"]
first = 2027-10-01
last = 2027-10-07
makeup_workdays = [2027-09-26, 2027-10-09]
"""
"""A complete (invented) 2027: a break for each statutory day of the 2024 law."""


class TestBadInput:
    """Bad input raises a SafetyDutyError naming the field and value."""

    @pytest.mark.parametrize("value", ["2026-01-04", 20260104, None, 3.5])
    def test_not_a_date(self, cal: WorkCalendar, value: object) -> None:
        """Strings, ints and None are rejected, not guessed."""
        for method in (cal.is_workday, cal.day_type, cal.next_workday, cal.is_estimated):
            with pytest.raises(ValidationError) as info:
                method(value)  # type: ignore[arg-type]
            assert "date" == info.value.field
            assert value == info.value.value

    @pytest.mark.parametrize("n", [1.0, "3", True, None])
    def test_n_must_be_an_int(self, cal: WorkCalendar, n: object) -> None:
        """add_workdays takes an int count."""
        with pytest.raises(ValidationError, match=r"'n'|^n: "):
            cal.add_workdays(D(2026, 1, 5), n)  # type: ignore[arg-type]

    def test_unknown_locale(self, cal: WorkCalendar) -> None:
        """Only zh_CN and en are offered."""
        with pytest.raises(ValidationError, match="locale"):
            cal.holiday_name(D(2026, 1, 1), locale="de")

    def test_errors_are_also_builtin_kinds(self, cal: WorkCalendar) -> None:
        """Callers catching ValueError/LookupError keep working."""
        with pytest.raises(ValueError, match="date"):
            cal.is_workday("x")  # type: ignore[arg-type]
        with pytest.raises(LookupError):
            cal.is_workday(D(1990, 1, 1))

    def test_default_calendar_rejects_bad_options(self) -> None:
        """Options are type-checked before the cache is consulted."""
        with pytest.raises(ValidationError, match="as_known_at"):
            default_calendar(as_known_at="2020-01-01")  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="as_known_at"):
            default_calendar(as_known_at=datetime(2020, 1, 1))
        with pytest.raises(ValidationError, match="estimate"):
            default_calendar(estimate=1)  # type: ignore[arg-type]

    def test_calendar_is_immutable(self, cal: WorkCalendar) -> None:
        """No attribute can be changed after construction."""
        with pytest.raises(AttributeError):
            cal._base = 0  # type: ignore[misc]
        with pytest.raises(TypeError):
            WorkCalendar()


class TestEstimateMode:
    """Opt-in estimates for years without a notice."""

    def test_estimates_are_labelled(self) -> None:
        """2027 answers from weekends and the law's festivals, marked 推定."""
        est = default_calendar(estimate=True)
        assert est.coverage.last == D(2026, 12, 31)
        assert est.estimated_coverage is not None
        assert D(2050, 12, 31) == est.estimated_coverage.last
        assert est.is_estimated(D(2027, 10, 1))
        assert DayType.STATUTORY_HOLIDAY == est.day_type(D(2027, 10, 1))
        assert "国庆节（推定：法定最低安排，非通知）" == est.holiday_name(D(2027, 10, 1))
        assert not est.is_estimated(D(2026, 10, 1))

    def test_estimated_festivals_follow_the_2024_law(self) -> None:
        """13 days a year, on the festival dates, no 调休."""
        est = default_calendar(estimate=True)
        days = statutory_holidays(2030)
        assert 13 == len(days)
        assert all(est.is_rest_day(d) for d in days)
        weekends = [D(2030, 1, 5), D(2030, 1, 6)]
        assert all(DayType.WEEKEND == est.day_type(d) for d in weekends)

    def test_beyond_2050_still_raises(self) -> None:
        """The festival table ends in 2050."""
        with pytest.raises(CalendarCoverageError):
            default_calendar(estimate=True).is_workday(D(2051, 1, 2))


class TestOverlays:
    """Newer notices without a release, and other profiles."""

    def test_with_file_extends_coverage(self, tmp_path: Path) -> None:
        """A 2027 file adjoins the bundled years."""
        path = tmp_path / "2027.toml"
        path.write_text(Y2027, encoding="utf-8")
        cal = default_calendar().with_file(path)
        assert D(2027, 12, 31) == cal.coverage.last
        assert cal.is_workday(D(2027, 2, 20))  # a Saturday worked
        assert cal.is_rest_day(D(2027, 2, 12))
        assert ("示例〔2026〕1号",) == tuple(n.number for n in cal.sources(2027))

    def test_from_file_alone(self, tmp_path: Path) -> None:
        """A calendar of one year."""
        path = tmp_path / "2027.toml"
        path.write_text(Y2027, encoding="utf-8")
        cal = WorkCalendar.from_file(path)
        assert (2027,) == cal.years
        with pytest.raises(CalendarCoverageError):
            cal.is_workday(D(2026, 12, 31))

    def test_gap_is_rejected(self) -> None:
        """Adding 2028 to a calendar ending in 2026 leaves a gap."""
        y2028 = parse_year(
            {
                "year": 2028,
                "notices": [{"title": "x"}],
                "holidays": [
                    {"festivals": ["new_year"], "first": "2028-01-01", "last": "2028-01-01"}
                ],
            }
        )
        with pytest.raises(ValidationError, match="must not skip 2027"):
            default_calendar().with_year(y2028)

    def test_with_year_replaces_a_year(self, cal: WorkCalendar) -> None:
        """A corrected 2026 replaces the bundled one."""
        bundled = cal.arrangement(2026)
        new_year = attrs.evolve(bundled.holidays[0], first=D(2026, 1, 1), last=D(2026, 1, 1))
        y2026 = attrs.evolve(bundled, holidays=(new_year, *bundled.holidays[1:]))
        fixed = cal.with_year(y2026)
        assert fixed.is_workday(D(2026, 1, 2))
        assert cal.is_rest_day(D(2026, 1, 2))  # the original is unchanged

    def test_holiday_cn_import_matches_the_bundled_year(self, cal: WorkCalendar) -> None:
        """The 2026 notice written in holiday-cn JSON gives the same days as the TOML."""
        days = []
        for span in cal.arrangement(2026).holidays:
            name = "、".join(
                {
                    "new_year": "元旦",
                    "spring_festival": "春节",
                    "tomb_sweeping": "清明节",
                    "labour_day": "劳动节",
                    "dragon_boat": "端午节",
                    "mid_autumn": "中秋节",
                    "national_day": "国庆节",
                }[f]
                for f in span.festivals
            )
            days += [
                {"name": name, "date": d.isoformat(), "isOffDay": True} for d in span.rest_days()
            ]
            days += [
                {"name": name, "date": d.isoformat(), "isOffDay": False}
                for d in span.makeup_workdays
            ]
        imported = from_holiday_cn(
            json.dumps({"year": 2026, "papers": ["https://example.org"], "days": days})
        )
        assert isinstance(imported, YearArrangement)
        rebuilt = cal.with_year(imported)
        for o in range(D(2025, 12, 1).toordinal(), D(2026, 12, 31).toordinal() + 1):
            day = D.fromordinal(o)
            assert cal.is_workday(day) == rebuilt.is_workday(day), day

    @pytest.mark.parametrize(
        "bad",
        [
            "not json",
            "[]",
            '{"year": 2027}',
            '{"year": 2027, "days": [{"name": "圣诞节", "date": "2027-12-25", "isOffDay": true}]}',
            '{"year": 2027, "days": [{"name": "元旦", "date": "2027-1-1", "isOffDay": true}]}',
            '{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-02", "isOffDay": false}]}',
        ],
    )
    def test_holiday_cn_bad_input(self, bad: str) -> None:
        """Malformed holiday-cn data raises ValidationError, nothing else."""
        with pytest.raises(ValidationError):
            from_holiday_cn(bad)

    def test_without_makeup_workdays(self, cal: WorkCalendar) -> None:
        """The finance profile keeps 调休 Sundays as rest days; holidays stay off."""
        finance = cal.without_makeup_workdays()
        assert finance.is_rest_day(D(2026, 1, 4))
        assert finance.is_rest_day(D(2026, 1, 2))
        assert default_calendar(makeup_workdays=False).is_rest_day(D(2026, 2, 14))


class TestLoaderStrictness:
    """The loader rejects what the data format does not allow."""

    def _write(self, tmp_path: Path, text: str) -> Path:
        path = tmp_path / "y.toml"
        path.write_text(text, encoding="utf-8")
        return path

    def test_unknown_key(self, tmp_path: Path) -> None:
        """A misspelt key names the file and the key."""
        path = self._write(
            tmp_path, Y2027.replace("last = 2027-01-03", "last = 2027-01-03\nlsat = 1")
        )
        with pytest.raises(ValidationError, match=r"y\.toml.*lsat"):
            load_year_file(path)

    def test_makeup_workday_on_a_weekday(self, tmp_path: Path) -> None:
        """A make-up workday must be a Saturday or Sunday."""
        path = self._write(tmp_path, Y2027.replace("2027-02-20]", "2027-02-19]"))
        with pytest.raises(ValidationError, match="Saturday or Sunday"):
            load_year_file(path)

    def test_overlapping_breaks(self, tmp_path: Path) -> None:
        """One day cannot sit in two breaks."""
        path = self._write(tmp_path, Y2027.replace("first = 2027-02-05", "first = 2027-01-03"))
        with pytest.raises(ValidationError):
            load_year_file(path)

    def test_missing_file_and_bad_toml(self, tmp_path: Path) -> None:
        """I/O and syntax problems are ValidationErrors naming the path."""
        with pytest.raises(ValidationError, match=r"nope\.toml"):
            load_year_file(tmp_path / "nope.toml")
        with pytest.raises(ValidationError, match="TOML"):
            load_year_file(self._write(tmp_path, "year = = 1"))


class TestProvenance:
    """Where the answers come from."""

    def test_sources_of_a_year(self, cal: WorkCalendar) -> None:
        """2026 comes from 国办发明电〔2025〕7号, issued 2025-11-04."""
        (notice,) = cal.sources(2026)
        assert ("国办发明电〔2025〕7号", D(2025, 11, 4)) == (notice.number, notice.published)
        with pytest.raises(ValidationError):
            cal.sources(2030)

    def test_metadata_pins_the_data(self, cal: WorkCalendar) -> None:
        """The digest changes when the data changes."""
        meta = cal.metadata
        assert 23 == len(meta.years)
        assert "国办发明电〔2020〕1号" in meta.notices
        assert meta.sha256 != default_calendar(as_known_at=D(2020, 1, 1)).metadata.sha256

    def test_festivals_and_names(self, cal: WorkCalendar) -> None:
        """Merged breaks carry both festivals, in the notice's order."""
        assert (Festival.MID_AUTUMN, Festival.NATIONAL_DAY) == cal.festivals(D(2023, 10, 2))
        assert "Mid-Autumn Festival and National Day" == cal.holiday_name(D(2023, 10, 2), "en")

    def test_all_errors_share_the_root(self) -> None:
        """Both error kinds derive from SafetyDutyError."""
        assert issubclass(ValidationError, SafetyDutyError)
        assert issubclass(CalendarCoverageError, SafetyDutyError)


class TestDatetimesAreNotDays:
    """One rule: a day is a date; a moment's day is its date in China time (UTC+8)."""

    MOMENT = datetime(2025, 9, 30, 20, 0, tzinfo=timezone.utc)  # 2025-10-01 04:00 in Beijing

    def test_the_calendar_rejects_an_aware_datetime(self, cal: WorkCalendar) -> None:
        """2025-09-30 20:00 UTC is 10-01 (国庆) in China: no method answers for the UTC date."""
        for method in (cal.is_workday, cal.is_rest_day, cal.day_type, cal.next_workday):
            with pytest.raises(ValidationError, match="China time") as info:
                method(self.MOMENT)
            assert self.MOMENT == info.value.value
        with pytest.raises(ValidationError, match="China time"):
            cal.add_workdays(self.MOMENT, 1)
        with pytest.raises(ValidationError, match="start"):
            cal.workdays_between(self.MOMENT, D(2025, 10, 9))

    def test_converted_to_china_the_day_is_a_holiday(self, cal: WorkCalendar) -> None:
        """The documented conversion gives 10-01, a statutory holiday."""
        day = self.MOMENT.astimezone(timezone(timedelta(hours=8))).date()
        assert (D(2025, 10, 1), False) == (day, cal.is_workday(day))

    def test_datetime_in_coverage(self, cal: WorkCalendar) -> None:
        """`datetime in cal.coverage` raises the same error (it used to be a TypeError)."""
        with pytest.raises(ValidationError, match="China time"):
            _ = self.MOMENT in cal.coverage
        assert "2025-10-01" not in cal.coverage
        assert D(2025, 10, 1) in cal.coverage


class TestEstimateMinimum:
    """Estimate mode applies 第六条 补假 and says it is the law's minimum."""

    def test_2030_spring_festival_made_up(self) -> None:
        """春节 2030: 除夕 02-02 (Sat) and 初一 02-03 (Sun) are made up on 02-06 and 02-07."""
        est = default_calendar(estimate=True)
        for day in (D(2030, 2, 2), D(2030, 2, 3), D(2030, 2, 4), D(2030, 2, 5)):
            assert DayType.STATUTORY_HOLIDAY == est.day_type(day), day
        for day in (D(2030, 2, 6), D(2030, 2, 7)):
            assert DayType.ADJUSTED_REST == est.day_type(day), day
            assert est.is_rest_day(day)
        assert est.is_workday(D(2030, 2, 8))
        assert est.is_workday(D(2030, 2, 1))

    def test_national_day_2027_on_a_weekend(self) -> None:
        """国庆 2027: 10-02 (Sat) and 10-03 (Sun) are made up on Monday 10-04 and Tuesday 10-05."""
        est = default_calendar(estimate=True)
        assert [False, False, False, False, False, True] == [
            est.is_workday(D(2027, 10, d)) for d in range(1, 7)
        ]

    def test_a_weekday_holiday_gives_no_extra_day(self) -> None:
        """元旦 2027 is a Friday: Monday 01-04 is a workday."""
        est = default_calendar(estimate=True)
        assert est.is_workday(D(2027, 1, 4))

    def test_label_says_statutory_minimum(self) -> None:
        """The name of an estimated day says it is the law's minimum, not a notice."""
        est = default_calendar(estimate=True)
        assert "春节（推定：法定最低安排，非通知）" == est.holiday_name(D(2030, 2, 6))
        assert "Spring Festival (estimated: statutory minimum, not a notice)" == est.holiday_name(
            D(2030, 2, 6), locale="en"
        )

    def test_estimated_official_boundary(self) -> None:
        """2026-12-31 comes from a notice, 2027-01-01 is the first estimated day."""
        est = default_calendar(estimate=True)
        assert (False, True) == (est.is_estimated(D(2026, 12, 31)), est.is_estimated(D(2027, 1, 1)))
        assert est.holiday_name(D(2026, 10, 1)) == "国庆节"
        assert D(2027, 1, 1) == est.estimated_coverage.first  # type: ignore[union-attr]


class TestNoticeDates:
    """成文日期 and 发布日期 are kept apart."""

    def test_released_before_signed_is_rejected(self) -> None:
        """A notice cannot be made public before it is signed."""
        with pytest.raises(ValidationError, match="released"):
            parse_year(
                {
                    **tomllib.loads(Y2027),
                    "notices": [{"title": "x", "signed": "2026-11-02", "released": "2026-11-01"}],
                }
            )

    def test_an_older_file_s_published_is_read_as_released(self) -> None:
        """Files written for earlier releases say ``published``: it is the release date."""
        arrangement = parse_year(tomllib.loads(Y2027))
        notice = arrangement.main_notice()
        assert (None, D(2026, 11, 1), D(2026, 11, 1)) == (
            notice.signed,
            notice.released,
            notice.published,
        )


class TestLoaderTypes:
    """The loaders read numbers and text strictly."""

    @pytest.mark.parametrize("year", [2027.9, "2027", True])
    def test_year_must_be_an_int(self, year: object) -> None:
        """2027.9 is not read as 2027 (nor "2027", nor true)."""
        data = tomllib.loads(Y2027)
        with pytest.raises(ValidationError, match=r"year|integer"):
            parse_year({**data, "year": year})
        with pytest.raises(ValidationError):
            from_holiday_cn({"year": year, "papers": [], "days": []})

    def test_title_must_be_text(self) -> None:
        """A number is not a notice title."""
        data = tomllib.loads(Y2027)
        with pytest.raises(ValidationError, match="string"):
            parse_year({**data, "notices": [{"title": 123}]})

    def test_load_year_file_of_none(self) -> None:
        """load_year_file(None) names the argument."""
        with pytest.raises(ValidationError, match="path"):
            load_year_file(None)  # type: ignore[arg-type]

    def test_nested_1000_deep(self, tmp_path: Path) -> None:
        """JSON and TOML nested 1,000 deep raise ValidationError, not RecursionError."""
        deep = "[" * 1000 + "]" * 1000
        with pytest.raises(ValidationError):
            from_holiday_cn('{"year": 2027, "days": ' + deep + "}")
        path = tmp_path / "2027.toml"
        path.write_text(f"year = 2027\nx = {deep}\n", encoding="utf-8")
        with pytest.raises(ValidationError):
            load_year_file(path)
        nested: list[object] = []
        for _ in range(5000):
            nested = [nested]
        with pytest.raises(ValidationError):
            from_holiday_cn(
                {"year": 2027, "days": [{"name": nested, "date": "2027-01-01", "isOffDay": True}]}
            )

    def test_complete_year_is_required(self) -> None:
        """A partial overlay names the statutory days it misses."""
        partial = parse_year(
            {
                "year": 2027,
                "notices": [{"title": "x"}],
                "holidays": [
                    {"festivals": ["new_year"], "first": "2027-01-01", "last": "2027-01-01"}
                ],
            }
        )
        with pytest.raises(ValidationError, match="春节 2027-02-05") as info:
            default_calendar().with_year(partial)
        assert "arrangements[2027]" == info.value.field


class TestCoverageEdges:
    """The first and last answered days, and what the errors say beyond them."""

    def test_coverage_includes_both_ends(self, cal: WorkCalendar) -> None:
        """2004-01-01 and 2026-12-31 are covered; the days around them are not."""
        assert D(2004, 1, 1) in cal.coverage
        assert D(2026, 12, 31) in cal.coverage
        assert D(2003, 12, 31) not in cal.coverage
        assert D(2027, 1, 1) not in cal.coverage
        for method in (cal.is_workday, cal.day_type):
            with pytest.raises(CalendarCoverageError):
                method(D(2027, 1, 1))  # the day after the last covered one

    def test_the_first_covered_days(self, cal: WorkCalendar) -> None:
        """2004-01-01 (元旦) is off; the first workday is Friday 2004-01-02."""
        assert not cal.is_workday(D(2004, 1, 1))
        assert D(2004, 1, 2) == cal.next_workday(D(2004, 1, 1))
        assert D(2004, 1, 2) == cal.add_workdays(D(2004, 1, 5), -1)
        with pytest.raises(CalendarCoverageError, match="before the covered days"):
            cal.add_workdays(D(2004, 1, 2), -1)
        with pytest.raises(CalendarCoverageError, match="after the covered days"):
            cal.add_workdays(D(2026, 12, 31), 1)

    def test_the_hint_names_the_missing_year(self, cal: WorkCalendar) -> None:
        """After the last notice the message says which year is missing and how to add it."""
        with pytest.raises(CalendarCoverageError, match="no holiday notice for 2027 is bundled"):
            cal.is_workday(D(2027, 1, 4))
        with pytest.raises(CalendarCoverageError) as before:
            cal.is_workday(D(2003, 12, 31))
        assert "bundled" not in str(before.value)
        with pytest.raises(CalendarCoverageError) as beyond:
            default_calendar(estimate=True).day_type(D(2051, 1, 2))
        assert "bundled" not in str(beyond.value)
        assert D(2050, 12, 31) == beyond.value.last

    def test_options_survive_overlays(self) -> None:
        """with_year and without_makeup_workdays keep estimate mode on (and off)."""
        minimal = parse_year(
            {
                "year": 2027,
                "notices": [{"title": "x"}],
                "holidays": [
                    {"festivals": list(f), "first": d, "last": d}
                    for d, f in statutory_holidays(2027).items()
                ],
            }
        )
        est = default_calendar(estimate=True)
        assert est.with_year(minimal).estimated_coverage is not None
        assert default_calendar().with_year(minimal).estimated_coverage is None
        assert est.without_makeup_workdays().estimated_coverage is not None
        assert default_calendar().without_makeup_workdays().estimated_coverage is None

    def test_an_official_year_is_answered_from_its_notice_only(self) -> None:
        """补假 is the estimate's rule: a notice that gives 国庆 2027 as three single days is taken as it is."""
        minimal = parse_year(
            {
                "year": 2027,
                "notices": [{"title": "x"}],
                "holidays": [
                    {"festivals": list(f), "first": d, "last": d}
                    for d, f in statutory_holidays(2027).items()
                ],
            }
        )
        official = default_calendar().with_year(minimal)
        assert official.is_workday(D(2027, 10, 4))
        assert not default_calendar(estimate=True).is_workday(D(2027, 10, 4))

    @pytest.mark.parametrize("bad", [datetime(2019, 3, 1, 12), "2019-03-01"])
    def test_as_known_at_must_be_a_date(self, bad: object) -> None:
        """A datetime or a string is not a cut-off date, for either builder."""
        with pytest.raises(ValidationError, match="as_known_at"):
            default_calendar(as_known_at=bad)  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="as_known_at"):
            WorkCalendar.from_arrangements(bundled_years(), as_known_at=bad)  # type: ignore[arg-type]

    def test_the_first_estimated_day_is_labelled(self) -> None:
        """元旦 2027 is the first estimated day, and its name says so."""
        est = default_calendar(estimate=True)
        assert "元旦（推定：法定最低安排，非通知）" == est.holiday_name(D(2027, 1, 1))
        assert "元旦" == est.holiday_name(D(2026, 1, 1))

    def test_a_sunday_holiday_is_made_up_on_monday(self) -> None:
        """端午 2028 falls on Sunday 05-28: Monday 05-29 is off, Tuesday 05-30 is a workday."""
        est = default_calendar(estimate=True)
        assert (False, False, True) == tuple(est.is_workday(D(2028, 5, d)) for d in (28, 29, 30))
