"""Targets judged when their period allows it, comparing like with like (issue #12, item 4)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from safetyduty import catalog
from safetyduty.errors import ValidationError
from safetyduty.models import Baseline, Milestone, Target, TargetKind, TargetMeasure
from safetyduty.rules.targets import Observation, TargetState, evaluate_target

D = date
T = TargetState


def seen(*pairs: tuple[date, str]) -> list[Observation]:
    return [Observation(on=on, value=Decimal(value)) for on, value in pairs]


class TestHuiningReductions:
    """会宁 十四五: deaths 10% below the 十三五 total of 38 (7.6 a year)."""

    DEATHS = catalog.plan("huining-2021").targets[1]

    @pytest.mark.parametrize(
        ("count", "state"),
        [("6", T.ON_TRACK), ("6.8", T.ON_TRACK), ("6.9", T.BEHIND), ("0", T.ON_TRACK)],
    )
    def test_one_year_is_never_met_before_the_period_ends(self, count: str, state: T) -> None:
        """2021 alone: 6.84 a year is 10% below 7.6; a good year is on track, not met."""
        status = evaluate_target(self.DEATHS, seen((D(2021, 12, 31), count)), as_of=D(2022, 1, 10))
        assert state == status.state

    @pytest.mark.parametrize(("total", "state"), [("34", T.MET), ("35", T.MISSED)])
    def test_totals_at_the_end(self, total: str, state: T) -> None:
        """(38 − 34) / 38 = 10.5% reaches 10%; (38 − 35) / 38 = 7.9% does not."""
        years = [(D(2021 + i, 12, 31), "0") for i in range(4)] + [(D(2025, 12, 31), total)]
        assert state == evaluate_target(self.DEATHS, seen(*years), as_of=D(2026, 1, 15)).state

    def test_counts_before_the_period_do_not_count(self) -> None:
        status = evaluate_target(
            self.DEATHS, seen((D(2020, 12, 31), "50"), (D(2021, 12, 31), "5")), as_of=D(2022, 1, 1)
        )
        assert T.ON_TRACK == status.state


class TestXinzhouNoMajorAccident:
    """忻州开发区 2020: "坚决杜绝重特大事故" — at most 0 in 2020."""

    TARGET = catalog.plan("xinzhou-2020").targets[0]

    def test_not_met_on_the_first_of_march(self) -> None:
        status = evaluate_target(self.TARGET, seen((D(2020, 2, 29), "0")), as_of=D(2020, 3, 1))
        assert T.ON_TRACK == status.state

    def test_met_when_the_year_is_over(self) -> None:
        status = evaluate_target(self.TARGET, seen((D(2020, 12, 31), "0")), as_of=D(2020, 12, 31))
        assert T.MET == status.state

    def test_missed_at_the_first_one(self) -> None:
        status = evaluate_target(self.TARGET, seen((D(2020, 5, 1), "1")), as_of=D(2020, 5, 2))
        assert T.MISSED == status.state


class TestYearlyRate:
    """会宁: "年度十万人口火灾死亡率 ≤0.01%" — every year of 2021-2025."""

    TARGET = next(t for t in catalog.plan("huining-2021").targets if t.id == "fire_death_rate")

    def test_an_early_zero_is_on_track_not_met(self) -> None:
        status = evaluate_target(self.TARGET, seen((D(2021, 3, 31), "0")), as_of=D(2021, 4, 1))
        assert T.ON_TRACK == status.state

    def test_one_year_over_the_cap_misses(self) -> None:
        figures = seen((D(2021, 12, 31), "0.00005"), (D(2022, 12, 31), "0.00011"))
        assert T.MISSED == evaluate_target(self.TARGET, figures, as_of=D(2023, 1, 5)).state

    def test_met_when_the_last_year_has_ended(self) -> None:
        figures = seen(*[(D(year, 12, 31), "0.0001") for year in range(2021, 2026)])
        assert T.MET == evaluate_target(self.TARGET, figures, as_of=D(2025, 12, 31)).state


class TestCallerSuppliedBaseline:
    """A rate reduction whose text gives no baseline takes the caller's."""

    TARGET = Target(
        id="gdp_death_rate",
        title="亿元GDP生产安全事故死亡率（较“十三五”末）下降",
        kind=TargetKind.REDUCTION,
        measure=TargetMeasure.YEARLY,
        start=D(2025, 1, 1),  # the 2025 figure is judged; earlier years show progress
        milestones=[Milestone(due=D(2025, 12, 31), value=Decimal("0.3"))],
    )

    def test_without_a_baseline_it_is_an_error(self) -> None:
        with pytest.raises(ValidationError, match="baseline"):
            evaluate_target(self.TARGET, seen((D(2021, 12, 31), "0.02")), as_of=D(2022, 1, 1))

    def test_with_one(self) -> None:
        base = Baseline(value=Decimal("0.05"), start=D(2020, 1, 1), end=D(2020, 12, 31))
        year = seen((D(2021, 12, 31), "0.0349"))  # (0.05 - 0.0349) / 0.05 = 30.2%
        status = evaluate_target(self.TARGET, year, as_of=D(2022, 1, 1), baseline=base)
        assert T.ON_TRACK == status.state
        worse = seen((D(2021, 12, 31), "0.036"))  # 28%: behind, but 2021 is not judged
        assert (
            T.BEHIND
            == evaluate_target(self.TARGET, worse, as_of=D(2022, 1, 1), baseline=base).state
        )
        final = seen((D(2021, 12, 31), "0.0349"), (D(2025, 12, 31), "0.036"))
        assert (
            T.MISSED
            == evaluate_target(self.TARGET, final, as_of=D(2026, 1, 1), baseline=base).state
        )
