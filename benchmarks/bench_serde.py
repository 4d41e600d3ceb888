"""Benchmark serialisation of models against pydantic v2 models of the same records.

Run:  python benchmarks/bench_serde.py  [--quick | --smoke]

Each side structures (validates and builds) and unstructures (dumps to plain
JSON-ready data) the same records: an ``Enterprise`` (17 fields, USCC check
digit, region, park and amounts validated) and a ``Hazard`` (nested 五到位 plan, supervision and a
3-step history). The pydantic models carry the same validation (the USCC
check character, ranges, date order, enums). Prints µs per record and the
ratio safetyduty / pydantic (below 1 means safetyduty is faster).
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from safetyduty import serde
from safetyduty.models import (
    Enterprise,
    EnterpriseSize,
    Hazard,
    HazardFlag,
    HazardLevel,
    HazardSource,
    HazardStatus,
    Industry,
    RectificationPlan,
    Standardization,
    StandardizationLevel,
    Supervision,
    check_park,
    check_region,
    region_covers,
    uscc_check_char,
)
from safetyduty.models._enterprise import SMELTING_INDUSTRIES

STRICT = ConfigDict(frozen=True, extra="forbid", strict=False)


class PStandardization(BaseModel):
    """The pydantic twin of Standardization."""

    model_config = STRICT
    level: StandardizationLevel
    granted_on: date


class PEnterprise(BaseModel):
    """The pydantic twin of Enterprise: the same 17 fields and checks."""

    model_config = STRICT
    uscc: str
    name: str
    industry: Industry
    region: str
    employees: int
    annual_revenue: Decimal | None = None
    above_designated_size: bool = False
    state_owned: bool = False
    group_company: bool = False
    hazard_flags: frozenset[HazardFlag] = frozenset()
    standardization: PStandardization | None = None
    production_started_on: date | None = None
    park: str | None = None
    size: EnterpriseSize | None = None
    total_assets: Decimal | None = None
    smelting: bool = False
    continuous_operation: bool = False

    @field_validator("uscc")
    @classmethod
    def _uscc(cls, value: str) -> str:
        if len(value) != 18 or value[17] != uscc_check_char(value[:17]):
            raise ValueError("bad uscc")
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("empty")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        check_region(value)
        return value

    @field_validator("park")
    @classmethod
    def _park(cls, value: str | None) -> str | None:
        if value is not None:
            check_park(value)
        return value

    @field_validator("employees")
    @classmethod
    def _employees(cls, value: int) -> int:
        if value < 0:
            raise ValueError("negative")
        return value

    @field_validator("annual_revenue", "total_assets")
    @classmethod
    def _money(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and (not value.is_finite() or value < 0):
            raise ValueError("not money")
        return value

    @model_validator(mode="after")
    def _smelting(self) -> PEnterprise:
        if self.smelting and self.industry not in SMELTING_INDUSTRIES:
            raise ValueError("smelting")
        if self.park is not None and not region_covers(self.park[:6], self.region):
            raise ValueError("park outside the region")
        return self


class PPlan(BaseModel):
    """The pydantic twin of RectificationPlan."""

    model_config = STRICT
    responsible: str = ""
    measures: str = ""
    funds: Decimal | None = None
    deadline: date | None = None
    contingency: str = ""


class PSupervision(BaseModel):
    """The pydantic twin of Supervision."""

    model_config = STRICT
    by: str
    since: date


class PChange(BaseModel):
    """The pydantic twin of StatusChange."""

    model_config = STRICT
    status: HazardStatus
    on: date
    note: str = ""


class PHazard(BaseModel):
    """The pydantic twin of Hazard, with the history check."""

    model_config = STRICT
    id: str
    enterprise: str
    found_on: date
    level: HazardLevel
    description: str
    category: str = ""
    location: str = ""
    source: HazardSource = HazardSource.SELF_INSPECTION
    rectification: PPlan | None = None
    supervision: PSupervision | None = None
    history: tuple[PChange, ...]

    @model_validator(mode="after")
    def _history(self) -> PHazard:
        days = [c.on for c in self.history]
        if days != sorted(days) or self.history[0].status is not HazardStatus.REPORTED:
            raise ValueError("bad history")
        return self


def samples() -> tuple[Enterprise, Hazard]:
    """One record of each model."""
    enterprise = Enterprise(
        uscc="914403001922038216",
        name="示例化工有限公司",
        industry=Industry.HAZCHEM_PRODUCTION,
        region="620100",
        employees=420,
        annual_revenue=Decimal("185000000.00"),
        above_designated_size=True,
        hazard_flags=[HazardFlag.MAJOR_HAZARD_SOURCE, HazardFlag.CONFINED_SPACE],
        standardization=Standardization(
            level=StandardizationLevel.LEVEL_2, granted_on=date(2024, 6, 1)
        ),
        production_started_on=date(2012, 3, 1),
    )
    hazard = (
        Hazard(
            id="h-0001",
            enterprise="914403001922038216",
            found_on=date(2026, 3, 1),
            level=HazardLevel.MAJOR,
            description="液氨储罐区紧急切断阀失效",
            location="储罐区",
            source=HazardSource.REGULATOR,
            supervision=Supervision(by="兰州新区应急管理局", since=date(2026, 3, 2)),
        )
        .start_rectification(
            on=date(2026, 3, 3),
            plan=RectificationPlan(
                responsible="李四",
                measures="更换切断阀",
                funds=Decimal(80000),
                deadline=date(2026, 4, 30),
                contingency="现场处置方案",
            ),
        )
        .submit_for_acceptance(on=date(2026, 4, 20))
    )
    return enterprise, hazard


def per_record_us(fn: Callable[[], object], count: int) -> float:
    """Best of 5 runs of *count* calls, µs per call."""
    return min(timeit.repeat(fn, number=count, repeat=5)) / count * 1e6


def main(argv: list[str] | None = None) -> None:
    """Time both libraries in both directions and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="10,000 records instead of 100,000")
    size.add_argument("--smoke", action="store_true", help="10 records: checks that it runs")
    args = parser.parse_args(argv)
    count = 10 if args.smoke else 10_000 if args.quick else 100_000
    enterprise, hazard = samples()
    cases = []
    for name, ours, theirs_cls in (
        ("Enterprise", enterprise, PEnterprise),
        ("Hazard", hazard, PHazard),
    ):
        data = serde.to_dict(ours)
        ours_cls = type(ours)
        assert serde.from_dict(data, ours_cls) == ours
        theirs = theirs_cls.model_validate(data)
        assert theirs.model_dump(mode="json") is not None
        cases.append(
            (
                name,
                lambda ours=ours: serde.to_dict(ours),
                lambda theirs=theirs: theirs.model_dump(mode="json"),
                lambda data=data, cls=ours_cls: serde.from_dict(data, cls),
                lambda data=data, cls=theirs_cls: cls.model_validate(data),
            )
        )
    print(f"µs per record, best of 5 × {count:,}; ratio = safetyduty / pydantic (below 1: faster)")
    print(f"{'record':<12}{'direction':<13}{'safetyduty':>11}{'pydantic':>10}{'ratio':>8}")
    for name, ours_out, theirs_out, ours_in, theirs_in in cases:
        for direction, ours_fn, theirs_fn in (
            ("unstructure", ours_out, theirs_out),
            ("structure", ours_in, theirs_in),
        ):
            a, b = per_record_us(ours_fn, count), per_record_us(theirs_fn, count)
            print(f"{name:<12}{direction:<13}{a:>11.2f}{b:>10.2f}{a / b:>8.2f}")


if __name__ == "__main__":
    main()
