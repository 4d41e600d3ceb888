"""A portfolio is validated as a whole: unique keys, no silent drops, sane bounds."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import pytest

from safetyduty import serde
from safetyduty.catalog import sample_portfolio
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    Authority,
    Certificate,
    CertificateKind,
    Enterprise,
    Hazard,
    HazardLevel,
    Industry,
    Person,
    Portfolio,
    Record,
    RecordKind,
    Role,
    Subject,
)
from safetyduty.models._portfolio import Unmatched
from safetyduty.rules.compliance import evaluate_many

CST = timezone(timedelta(hours=8))
A = Enterprise(
    uscc="914403001922038216", name="甲", industry=Industry.MACHINERY, region="441500", employees=9
)
B = Enterprise(
    uscc="91440300708461136T", name="乙", industry=Industry.OTHER, region="441500", employees=9
)
STRANGER = "91441500MA4UX00007"
BODY = Authority(
    uscc="114415000070431508", name="某局", subject=Subject.REGULATOR_COUNTY, region="441521"
)


def record(ident: str, code: str = A.uscc, on: date = date(2026, 3, 1)) -> Record:
    """A drill record."""
    return Record(id=ident, kind=RecordKind.DRILL_PLAN, on=on, enterprise=code)


def hazard(ident: str, code: str = A.uscc) -> Hazard:
    """A general hazard."""
    return Hazard(
        id=ident,
        enterprise=code,
        found_on=date(2026, 3, 1),
        level=HazardLevel.GENERAL,
        description="护栏缺失",
    )


def accident(ident: str, code: str = A.uscc, **changes: Any) -> Accident:
    """A non-fatal accident."""
    values: dict[str, Any] = {
        "id": ident,
        "enterprise": code,
        "occurred_at": datetime(2026, 3, 1, 9, tzinfo=CST),
        "deaths": 0,
        "serious_injuries": 1,
        "direct_loss": Decimal(1000),
    }
    return Accident(**{**values, **changes})


def person(ident: str, code: str | None = A.uscc) -> Person:
    """A worker."""
    return Person(id=ident, name="张三", role=Role.WORKER, enterprise=code)


class TestUniqueKeys:
    """Codes and ids are keys: a repeat is an error naming both paths."""

    def test_duplicate_enterprise_code(self) -> None:
        """The issue's 21家企业 with records counted twice: now an error."""
        twin = attrs.evolve(A, name="甲（重复）")
        with pytest.raises(ValidationError) as caught:
            Portfolio(enterprises=[A, B, twin])
        assert "enterprises[2].uscc" == caught.value.field
        assert "enterprises[0].uscc" in str(caught.value)

    def test_authority_code_of_an_enterprise(self) -> None:
        """Enterprises and authorities share one space of codes."""
        clash = attrs.evolve(BODY, uscc=A.uscc)
        with pytest.raises(ValidationError, match=r"enterprises\[0\]\.uscc"):
            Portfolio(enterprises=[A], authorities=[clash])

    @pytest.mark.parametrize(
        ("field", "items"),
        [
            ("records", [record("r1"), record("r2"), record("r1", on=date(2026, 4, 1))]),
            ("hazards", [hazard("h1"), hazard("h1", B.uscc)]),
            ("accidents", [accident("a1"), accident("a1")]),
            ("people", [person("p1"), person("p1", B.uscc)]),
        ],
    )
    def test_duplicate_ids(self, field: str, items: list[Any]) -> None:
        """A repeated id, even of an identical copy, names both places."""
        with pytest.raises(ValidationError) as caught:
            Portfolio(enterprises=[A, B], **{field: items})
        last = len(items) - 1
        assert f"{field}[{last}].id" == caught.value.field
        assert f"{field}[0].id" in str(caught.value)

    def test_ids_may_repeat_across_kinds(self) -> None:
        """A record and a hazard may share an id: ids are unique per kind."""
        assert Portfolio(enterprises=[A], records=[record("x")], hazards=[hazard("x")])

    def test_a_person_names_an_employer(self) -> None:
        """evaluate_many cannot place a person without one: the portfolio says so first."""
        with pytest.raises(ValidationError, match=r"people\[0\]\.enterprise"):
            Portfolio(enterprises=[A], people=[person("p1", None)])


class TestUnmatched:
    """Facts of enterprises outside the portfolio are counted, listed and logged."""

    def test_listed_by_kind_with_their_codes(self) -> None:
        """The issue's 411 vanished records: now listed."""
        portfolio = Portfolio(
            enterprises=[A],
            records=[record("r1"), record("r2", STRANGER), record("r3", STRANGER)],
            hazards=[hazard("h1", B.uscc)],
            accidents=[accident("a1", STRANGER)],
            people=[person("p1"), person("p2", B.uscc)],
        )
        assert (
            Unmatched(
                codes=tuple(sorted((B.uscc, STRANGER))),
                records=("r2", "r3"),
                hazards=("h1",),
                accidents=("a1",),
                people=("p2",),
            )
            == portfolio.unmatched()
        )
        assert 5 == portfolio.unmatched().total

    def test_records_of_an_authority_are_matched(self) -> None:
        """An authority's records carry its code: they belong to the portfolio."""
        portfolio = Portfolio(
            enterprises=[A], records=[record("s1", BODY.uscc)], authorities=[BODY]
        )
        assert not portfolio.unmatched()

    def test_logged_on_the_safetyduty_logger(self, caplog: pytest.LogCaptureFixture) -> None:
        """Building the portfolio warns once, with the count and the ids."""
        with caplog.at_level(logging.WARNING, logger="safetyduty"):
            Portfolio(enterprises=[A], records=[record("r9", STRANGER)])
        (message,) = [r for r in caplog.records if r.name.startswith("safetyduty")]
        assert logging.WARNING == message.levelno
        assert "1 facts" in message.getMessage()
        assert "r9" in message.getMessage()
        assert STRANGER in message.getMessage()

    def test_nothing_logged_when_everything_matches(self, caplog: pytest.LogCaptureFixture) -> None:
        """The sample portfolio matches fully."""
        with caplog.at_level(logging.DEBUG, logger="safetyduty"):
            portfolio = sample_portfolio()
            attrs.evolve(portfolio)
        assert not portfolio.unmatched()
        assert [] == [r for r in caplog.records if r.name.startswith("safetyduty")]

    def test_unmatched_facts_are_not_evaluated(self) -> None:
        """What unmatched() lists is exactly what evaluation leaves out."""
        portfolio = Portfolio(enterprises=[A], records=[record("r1"), record("r2", STRANGER)])
        (report,) = evaluate_many(portfolio.enterprises, portfolio.records, as_of=date(2026, 6, 30))
        used = {ident for row in report.rows for ident in row.evidence}
        assert "r2" not in used
        assert ("r2",) == portfolio.unmatched().records


class TestBounds:
    """Counts, money and dates stay within documented bounds."""

    @pytest.mark.parametrize(
        ("build", "field"),
        [
            (lambda: Portfolio(enterprises=[attrs.evolve(A, employees=10**40)]), "employees"),
            (
                lambda: Portfolio(enterprises=[A], accidents=[accident("a", deaths=10**30)]),
                "deaths",
            ),
            (
                lambda: Portfolio(
                    enterprises=[A], accidents=[accident("a", serious_injuries=10**6)]
                ),
                "serious_injuries",
            ),
            (
                lambda: Portfolio(
                    enterprises=[A], accidents=[accident("a", direct_loss=Decimal("1e16"))]
                ),
                "direct_loss",
            ),
            (
                lambda: Portfolio(enterprises=[attrs.evolve(A, annual_revenue=Decimal(10) ** 20)]),
                "annual_revenue",
            ),
            (
                lambda: Portfolio(
                    enterprises=[A], records=[attrs.evolve(record("r"), hours=Decimal(10**6))]
                ),
                "hours",
            ),
            (
                lambda: Portfolio(enterprises=[A], records=[record("r", on=date(2100, 1, 1))]),
                "records[0].on",
            ),
            (
                lambda: Portfolio(
                    enterprises=[A],
                    accidents=[
                        accident("a", occurred_at=datetime(2099, 12, 31, 20, tzinfo=timezone.utc))
                    ],
                ),
                "occurred_at",
            ),
            (
                lambda: Portfolio(
                    enterprises=[A],
                    people=[
                        attrs.evolve(
                            person("p"),
                            certificates=[
                                Certificate(
                                    kind=CertificateKind.SPECIAL_OPERATION,
                                    number="T1",
                                    issued_on=date(2020, 1, 1),
                                    expires_on=date(2100, 1, 1),
                                )
                            ],
                        )
                    ],
                ),
                "expires_on",
            ),
        ],
    )
    def test_out_of_bounds(self, build: Any, field: str) -> None:
        """The issue's 10**40 employees, 10**30 deaths and a record on 9999-12-31 are errors."""
        with pytest.raises(ValidationError) as caught:
            build()
        assert field in caught.value.field

    @pytest.mark.parametrize(
        "day", [date(1, 1, 1), date(1899, 12, 31), date(9900, 1, 1), date(9999, 12, 31)]
    )
    def test_no_model_holds_a_day_outside_1900_to_9899(self, day: date) -> None:
        """Every date of every model: a day the rules can count from (not 9999-12-31)."""
        with pytest.raises(ValidationError) as caught:
            record("r", on=day)
        assert "on" == caught.value.field
        with pytest.raises(ValidationError, match="occurred_at"):
            accident("a", occurred_at=datetime.combine(day, datetime.min.time(), timezone.utc))

    def test_the_bounds_themselves_pass(self) -> None:
        """Exactly at each bound is fine."""
        top = attrs.evolve(A, employees=Portfolio.MAX_EMPLOYEES, annual_revenue=Portfolio.MAX_YUAN)
        worst = accident(
            "a", deaths=Portfolio.MAX_CASUALTIES, direct_loss=Portfolio.MAX_YUAN, missing=1
        )
        last = record("r", on=Portfolio.LAST_DAY)
        first = record("q", on=Portfolio.FIRST_DAY)
        assert Portfolio(enterprises=[top], accidents=[worst], records=[last, first])

    def test_serde_names_the_path(self) -> None:
        """Reading a file with a bad count names the field."""
        document = json.loads(serde.dumps(Portfolio(enterprises=[A])))
        document["data"]["enterprises"][0]["employees"] = 10**40
        with pytest.raises(ValidationError, match="employees"):
            serde.loads(json.dumps(document), Portfolio)
