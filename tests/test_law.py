"""The law as data: the source registry, dated versions, and every citation resolving."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from safetyduty import catalog, law
from safetyduty.errors import NoRuleInForceError, UnknownCodeError, ValidationError
from safetyduty.law import Version, dated
from safetyduty.models import Basis, Industry, Verification

D = date


def every_basis() -> Iterator[tuple[str, Basis]]:
    """Every citation of the library's own data, with where it is."""
    for duty in law.national_duties():
        yield f"duties.{duty.id}", duty.basis
    for ident, entry in law._load.sector_lists().items():
        for version in entry.versions:
            yield f"sectors.{ident}", version.basis
    for ident, table in law._load.parameters().items():
        for version in table.versions:
            yield f"parameters.{ident}", version.basis
    for regime in law.credit_regimes().values():
        yield f"credit.{regime.key.value}", regime.basis
        for criterion in law.credit_criteria(regime.key):
            yield f"credit.{regime.key.value}.{criterion.code}", criterion.basis
    yield "credit.restrictions", law.restrictions()[1]
    for plan in catalog.plans():
        yield f"plans.{plan.id}", plan.basis
        for duty in plan.obligations:
            yield f"plans.{plan.id}.{duty.id}", duty.basis


class TestRegistry:
    def test_every_citation_names_a_registry_entry(self) -> None:
        """No basis of the library's data cites a document the registry does not hold."""
        registry = law.registry()
        unresolved = [where for where, basis in every_basis() if basis.source not in registry]
        assert [] == unresolved

    def test_the_document_title_is_the_registrys(self) -> None:
        """A title is written once, in the registry; the data names the source."""
        registry = law.registry()
        wrong = [
            where
            for where, basis in every_basis()
            if basis.source in registry and basis.document != registry[basis.source].title
        ]
        assert [] == wrong

    def test_unverified_entries_say_what_is_unverified(self) -> None:
        for entry in law.sources():
            if entry.status is Verification.UNVERIFIED:
                assert entry.note.strip(), entry.id

    def test_repeals_name_a_registry_entry_and_a_day(self) -> None:
        registry = law.registry()
        for entry in law.sources():
            if entry.repealed_by is not None:
                assert entry.repealed_by in registry
                assert entry.repealed_on is not None
                successor = registry[entry.repealed_by]
                assert successor.effective is None or successor.effective <= entry.repealed_on

    @pytest.mark.parametrize(
        ("ident", "effective"),
        [
            ("work-safety-law-2021", D(2021, 9, 1)),  # 主席令第八十八号
            ("work-safety-law-2014", D(2014, 12, 1)),
            ("accident-regulation-2007", D(2007, 6, 1)),  # 国务院令第493号
            ("emergency-regulation-2019", D(2019, 4, 1)),  # 国务院令第708号
            ("hazard-order-16", D(2008, 2, 1)),
            ("emergency-plans-2019", D(2019, 9, 1)),  # 应急管理部令第2号
            ("credit-order-11", D(2023, 10, 1)),
            ("xinzhou-2020", D(2020, 2, 24)),  # printed at the notice's end
        ],
    )
    def test_in_force_dates_typed_from_the_texts(self, ident: str, effective: date) -> None:
        assert effective == law.source(ident).effective

    def test_a_report_says_when_its_source_is_not_verified(self) -> None:
        """Nothing unverified reaches a report without saying so."""
        unverified = law.source("training-decision-2012")
        assert Verification.UNVERIFIED is unverified.status
        assert law.unverified(Basis(document="x", source=unverified.id)) == unverified

    def test_unknown_source(self) -> None:
        with pytest.raises(UnknownCodeError, match="no-such-law"):
            law.source("no-such-law")


class TestDated:
    RULE = dated(
        "rule",
        [
            Version(effective_from=D(2014, 12, 1), value=100, basis=Basis(document="2014"), effective_until=D(2021, 8, 31)),
            Version(effective_from=D(2021, 9, 1), value=200, basis=Basis(document="2021")),
        ],
    )  # fmt: skip

    @pytest.mark.parametrize(
        ("day", "value"),
        [
            (D(2014, 12, 1), 100),
            (D(2021, 8, 31), 100),
            (D(2021, 9, 1), 200),
            (D(9999, 12, 31), 200),
        ],
    )
    def test_the_version_in_force_on_a_day(self, day: date, value: int) -> None:
        assert value == self.RULE.at(day).value

    def test_before_the_first_version_names_the_rule_and_its_first_day(self) -> None:
        with pytest.raises(
            NoRuleInForceError, match=r"rule: no rule in force on 2014-11-30 .*2014-12-01"
        ):
            self.RULE.at(D(2014, 11, 30))

    def test_overlapping_versions_are_refused(self) -> None:
        with pytest.raises(ValidationError, match="must start after"):
            dated(
                "rule",
                [
                    Version(effective_from=D(2014, 1, 1), value=1, basis=Basis(document="a")),
                    Version(effective_from=D(2015, 1, 1), value=2, basis=Basis(document="b")),
                ],
            )

    def test_versions_of_the_national_duties_do_not_overlap(self) -> None:
        by_id: dict[str, list[tuple[date, date]]] = {}
        for duty in law.national_duties():
            start = duty.effective.start or D.min
            by_id.setdefault(duty.id, []).append((start, duty.effective.end or D.max))
        for ident, spans in by_id.items():
            spans.sort()
            for (_, end), (start, _) in itertools.pairwise(spans):
                assert end < start, ident


class TestLookups:
    @pytest.mark.parametrize(
        ("day", "source"),
        [
            (D(2009, 5, 1), "emergency-plans-2009"),  # 令17 第二十六条
            (D(2016, 6, 30), "emergency-plans-2009"),
            (D(2016, 7, 1), "emergency-plans-2016"),  # 令88 第三十三条
            (D(2019, 8, 31), "emergency-plans-2016"),
            (D(2019, 9, 1), "emergency-plans-2019"),  # 应急管理部令第2号
        ],
    )
    def test_the_drill_rule_by_version(self, day: date, source: str) -> None:
        assert source == law.duty("emergency_plan.drill.yearly", on=day).basis.source

    def test_no_drill_rule_before_2009(self) -> None:
        with pytest.raises(NoRuleInForceError, match="2009-05-01"):
            law.duty("emergency_plan.drill.yearly", on=D(2009, 4, 30))

    @pytest.mark.parametrize(
        ("day", "insured"),
        [(D(2025, 3, 28), "insurance-2017"), (D(2025, 3, 29), "insurance-2025")],
    )
    def test_the_insurance_list_in_force(self, day: date, insured: str) -> None:
        version = law.sector_list("liability-insurance", on=day)
        assert insured == version.basis.source
        assert Industry.FISHERY in version.value

    def test_the_staffing_threshold(self) -> None:
        """安全生产法 2002 第十九条: 300; 2014 第二十一条 and 2021 第二十四条: 100."""
        values = [
            law.parameter("work-safety-law.staffing-threshold", on=day).value["employees"]
            for day in (D(2014, 11, 30), D(2014, 12, 1), D(2021, 9, 1))
        ]
        assert [Decimal(300), Decimal(100), Decimal(100)] == values

    def test_enterprise_duties_are_national_duties(self) -> None:
        national = set(law.national_duties())
        assert all(duty in national for duty in law.enterprise_duties())

    def test_bad_lookups(self) -> None:
        with pytest.raises(UnknownCodeError):
            law.sector_list("no.such.list", on=D(2026, 1, 1))
        with pytest.raises(ValidationError, match="on"):
            law.parameter("operators.review", on="2026-01-01")  # type: ignore[arg-type]
        with pytest.raises(UnknownCodeError):
            law.duty("no.such.duty")
