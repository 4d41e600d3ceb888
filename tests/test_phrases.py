"""Reading deadline phrases: the seed corpus, the forms, and the errors."""

from __future__ import annotations

import contextlib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty import serde
from safetyduty._compat import tomllib
from safetyduty.errors import PhraseError, SafetyDutyError, ValidationError
from safetyduty.models import (
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Recurring,
    Schedule,
    Triggered,
)
from safetyduty.rules.phrases import parse_duration, parse_number, parse_schedule

from .seed_phrases import SEEDS, seed_phrases

CORPUS: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "data" / "seed_phrases.toml").read_text(encoding="utf-8")
)["phrase"]


def expected_schedule(entry: dict[str, Any]) -> Schedule:
    """The hand-typed expectation, loaded through the tagged schedule union."""
    return serde.from_dict(entry["expected"], Schedule)  # type: ignore[arg-type]


class TestSeedCorpus:
    """Every time phrase of the five seed documents parses as typed by hand."""

    def test_corpus_is_large_enough(self) -> None:
        """The issue asks for 40 or more phrases; the seeds hold 72."""
        assert sum(sum(e["seeds"].values()) for e in CORPUS) >= 40

    @pytest.mark.parametrize("entry", CORPUS, ids=[e["text"] for e in CORPUS])
    def test_phrase_parses(self, entry: dict[str, Any]) -> None:
        """The parsed schedule equals the hand-typed one."""
        assert expected_schedule(entry) == parse_schedule(entry["text"], year=entry.get("year"))

    @pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout")
    def test_corpus_lists_every_phrase_of_the_seeds(self) -> None:
        """Nothing in the seeds is missing from the corpus, and the counts match."""
        listed = Counter({(seed, e["text"]): n for e in CORPUS for seed, n in e["seeds"].items()})
        assert listed == seed_phrases()


class TestForms:
    """Each phrase form, with Chinese and Arabic numerals."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("每季度不少于两次", Recurring(frequency=Frequency.QUARTERLY, times=2)),
            ("每月2次", Recurring(frequency=Frequency.MONTHLY, times=2)),
            ("每天至少巡查三次", Recurring(frequency=Frequency.DAILY, times=3)),
            (
                "每周三前",
                Recurring(
                    frequency=Frequency.WEEKLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=3)
                ),
            ),
            (
                "下一季度15日前",
                Recurring(
                    frequency=Frequency.QUARTERLY,
                    due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=15),
                ),
            ),
            (
                "下一年1月31日前",
                Recurring(
                    frequency=Frequency.YEARLY,
                    due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, month=1, day=31),
                ),
            ),
            ("二〇二二年十二月二十日前", OneOff(due=date(2022, 12, 20))),
            ("２０２４年２月底前", OneOff(due=date(2024, 2, 29))),
            ("2023年2月底前", OneOff(due=date(2023, 2, 28))),
            ("2021年内", OneOff(due=date(2021, 12, 31))),
            (
                "自事故发生之日起30日内",
                Triggered(
                    event=EventKind.ACCIDENT, within=Duration(amount=30, unit=DurationUnit.DAYS)
                ),
            ),
            (
                "应急预案公布之日起20个工作日内",
                Triggered(
                    event=EventKind.PLAN_PUBLISHED,
                    within=Duration(amount=20, unit=DurationUnit.WORKDAYS),
                ),
            ),
            (
                "发生人员死亡的事故三个月内",
                Triggered(
                    event=EventKind.FATAL_ACCIDENT,
                    within=Duration(amount=3, unit=DurationUnit.MONTHS),
                ),
            ),
            (
                "单位负责人接到报告后1小时内",
                Triggered(
                    event=EventKind.OTHER, within=Duration(amount=1, unit=DurationUnit.HOURS)
                ),
            ),
            ("年底前。", OneOff(due=date(2020, 12, 31))),
        ],
    )
    def test_form(self, text: str, expected: Schedule) -> None:
        """Each reading, typed by hand."""
        assert expected == parse_schedule(text, year=2020)

    @pytest.mark.parametrize(
        ("text", "amount", "unit"),
        [
            ("30日内", 30, DurationUnit.DAYS),
            ("七天内", 7, DurationUnit.DAYS),
            ("二十个工作日内", 20, DurationUnit.WORKDAYS),
            ("6个月内", 6, DurationUnit.MONTHS),
            ("2小时内", 2, DurationUnit.HOURS),
            ("一年内", 1, DurationUnit.YEARS),
        ],
    )
    def test_durations(self, text: str, amount: int, unit: DurationUnit) -> None:
        """parse_duration reads the amount and unit."""
        assert Duration(amount=amount, unit=unit) == parse_duration(text)

    @given(st.integers(min_value=1, max_value=9999))
    def test_numbers_round_trip_through_arabic(self, n: int) -> None:
        """Arabic numerals of any size read back."""
        assert n == parse_number(str(n))

    @pytest.mark.parametrize(
        ("text", "n"), [("十", 10), ("十五", 15), ("二十", 20), ("三十一", 31), ("九百九十九", 999)]
    )
    def test_chinese_numbers(self, text: str, n: int) -> None:
        """Place-value Chinese numerals."""
        assert n == parse_number(text)


class TestErrors:
    """Text not understood raises PhraseError naming position and part."""

    @pytest.mark.parametrize(
        ("text", "position", "part"),
        [
            ("每月25号前", 4, "号前"),
            ("每旬一次", 1, "旬一次"),
            ("2021年2月30日前", 5, "2月30日前"),
            ("2021年底之前", 5, "底之前"),
            ("每月至少check一次", 4, "check一次"),
            ("30 days", 2, " days"),
        ],
    )
    def test_position_and_part(self, text: str, position: int, part: str) -> None:
        """The error points at where reading stopped."""
        with pytest.raises(PhraseError) as info:
            parse_schedule(text, year=2020)
        assert (position, part) == (info.value.position, info.value.part)
        assert text == info.value.value

    def test_needs_a_year(self) -> None:
        """A yearless date without year= is an error, not a guess."""
        with pytest.raises(PhraseError, match="year"):
            parse_schedule("12月28日前")

    @pytest.mark.parametrize("bad", [None, 5, "", "  。"])
    def test_not_a_phrase(self, bad: object) -> None:
        """Non-strings and empty text."""
        with pytest.raises(SafetyDutyError):
            parse_schedule(bad)  # type: ignore[arg-type]

    def test_bad_year_option(self) -> None:
        """year= is checked."""
        with pytest.raises(ValidationError, match="year"):
            parse_schedule("年底前", year="2020")  # type: ignore[arg-type]

    @given(st.text(max_size=12))
    def test_anything_parses_or_raises_safetyduty_error(self, text: str) -> None:
        """Fuzz: no other exception escapes."""
        with contextlib.suppress(SafetyDutyError):
            parse_schedule(text, year=2020)
