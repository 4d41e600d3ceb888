"""Nothing but a SafetyDutyError escapes a public function, whatever one argument is."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from importlib.resources import files
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetyduty import catalog, cli, export, i18n, law, serde
from safetyduty._compat import tomllib
from safetyduty.calendars import (
    WorkCalendar,
    bundled_years,
    default_calendar,
    from_holiday_cn,
    holiday_law_for,
    load_year_file,
    parse_year,
    statutory_holidays,
)
from safetyduty.errors import SafetyDutyError
from safetyduty.models import (
    AccidentGrade,
    Authority,
    Basis,
    CreditEvent,
    CreditEventKind,
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    Enterprise,
    Frequency,
    Hazard,
    HazardLevel,
    Industry,
    Person,
    Portfolio,
    Record,
    RecordKind,
    Recurring,
    Role,
    Subject,
    region_covers,
)
from safetyduty.rules import (
    classify,
    compliance,
    credit,
    deadlines,
    documents,
    expenses,
    phrases,
    requirements,
    statutory,
    targets,
)

CST = timezone(timedelta(hours=8))
FIRM = Enterprise(
    uscc="914403001922038216",
    name="示例",
    industry=Industry.MACHINERY,
    region="441500",
    employees=150,
)
BODY = Authority(
    uscc="114415000070431508", name="某局", subject=Subject.REGULATOR_COUNTY, region="441521"
)
DAY = date(2026, 6, 30)
RECORD = Record(id="r", kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1), enterprise=FIRM.uscc)
PERSON = Person(id="p", name="张三", role=Role.WORKER, took_office_on=date(2026, 3, 2))
EVENT = CreditEvent(
    id="e", subject=FIRM.uscc, kind=CreditEventKind.ADMINISTRATIVE_PENALTY, on=date(2025, 5, 10),
    basis=Basis(document="x"),
)  # fmt: skip
CAL = default_calendar()
PLAN_TEXT = """
id = "p"
title = "某方案"
issuer = "某市"
level = "city"
region = "441500"
start = "2026-01-01"
end = "2026-12-31"
basis = { document = "某方案" }
"""
HAZARD = Hazard(
    id="h", enterprise=FIRM.uscc, found_on=date(2026, 6, 1), level=HazardLevel.GENERAL,
    description="x",
)  # fmt: skip
SUBSTANCE = classify.Substance(name="液氨", quantity=Decimal(20), critical_quantity=Decimal(10))
YEAR_FILE = files("safetyduty.calendars").joinpath("data/cn/2026.toml")
YEAR_2026 = tomllib.loads(YEAR_FILE.read_text(encoding="utf-8"))
HOLIDAY_CN_2026 = json.dumps(
    {
        "year": 2026,
        "days": [
            {"name": "元旦", "date": d.isoformat(), "isOffDay": True}
            for d in (date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3))
        ],
    }
)
HOLIDAY_CN_2027 = {
    "year": 2027,
    "days": [
        {
            "name": "、".join(i18n.label(f, "zh_CN") for f in fs),
            "date": d.isoformat(),
            "isOffDay": True,
        }
        for d, fs in statutory_holidays(2027).items()
    ],
}
ESTIMATE = default_calendar(estimate=True)
REPORT = compliance.evaluate(FIRM, [RECORD], as_of=DAY)
RESULT = compliance.evaluate_portfolio(Portfolio(enterprises=[FIRM], records=[RECORD]), as_of=DAY)
DEEP_JSON = "[" * 1000 + "]" * 1000

# Each public function with arguments it accepts.
CALLS: list[tuple[str, Callable[..., Any], dict[str, Any]]] = [
    (
        "due_after",
        deadlines.due_after,
        {"limit": Duration(amount=30, unit=DurationUnit.DAYS), "event": DAY},
    ),
    (
        "occurrences",
        deadlines.occurrences,
        {"schedule": phrases.parse_schedule("每月25日前"), "start": DAY, "end": DAY},
    ),
    ("period_of", deadlines.period_of, {"day": DAY, "frequency": Frequency.MONTHLY}),
    ("roll_date", deadlines.roll_date, {"day": DAY, "roll": "following"}),
    ("within_days", deadlines.within_days, {"start": DAY, "n": 30}),
    (
        "within_hours",
        deadlines.within_hours,
        {"start": datetime(2026, 6, 1, 8, tzinfo=CST), "n": 1},
    ),
    ("within_months", deadlines.within_months, {"start": DAY, "n": 3}),
    ("within_workdays", deadlines.within_workdays, {"start": DAY, "n": 20}),
    ("within_years", deadlines.within_years, {"start": DAY, "n": 1, "roll": "none"}),
    ("parse_duration", phrases.parse_duration, {"text": "30日内"}),
    ("parse_number", phrases.parse_number, {"text": "二十"}),
    ("parse_schedule", phrases.parse_schedule, {"text": "2021年底前", "year": 2021}),
    ("parse_phrase", phrases.parse_phrase, {"text": "每年12月20日前和年底前", "year": 2021}),
    (
        "canonical_phrase",
        phrases.canonical_phrase,
        {"timing": phrases.parse_schedule("每月25日前")},
    ),
    (
        "find_phrases",
        documents.find_phrases,
        {"text": "各地于每月25日前报送；年底前总结。", "year": 2021},
    ),
    (
        "draft_plan",
        documents.draft_plan,
        {
            "text": "某方案\n每月25日前报送；2021年底前总结。",
            "id": "d",
            "region": "441500",
            "year": 2021,
        },
    ),
    ("review_application_window", statutory.review_application_window, {"review_due": DAY}),
    ("statutory", statutory.statutory, {"key": "emergency_plan.filing"}),
    (
        "statutory_deadline",
        statutory.statutory_deadline,
        {"key": "emergency_plan.filing", "event": DAY},
    ),
    (
        "accident_grade",
        classify.accident_grade,
        {"deaths": 1, "serious_injuries": 0, "direct_loss": Decimal(1)},
    ),
    ("major_hazard_alpha", classify.major_hazard_alpha, {"offsite_population": 10}),
    ("major_hazard_grade", classify.major_hazard_grade, {"r": Decimal(50)}),
    (
        "risk_level_lec",
        classify.risk_level_lec,
        {"l": Decimal(1), "e": Decimal(1), "c": Decimal(1)},
    ),
    ("risk_level_matrix", classify.risk_level_matrix, {"likelihood": 2, "severity": 2}),
    (
        "safety_cost",
        expenses.safety_cost,
        {"category": "coal_open_pit", "base": Decimal(1000), "as_of": DAY},
    ),
    ("drill_frequency", requirements.drill_frequency, {"enterprise": FIRM, "as_of": DAY}),
    ("is_high_risk", requirements.is_high_risk, {"enterprise": FIRM, "as_of": DAY}),
    (
        "plan_evaluation_period",
        requirements.plan_evaluation_period,
        {"enterprise": FIRM, "as_of": DAY},
    ),
    (
        "principal_fine_rate",
        requirements.principal_fine_rate,
        {"grade": AccidentGrade.GENERAL, "as_of": DAY},
    ),
    ("size_class", requirements.size_class, {"enterprise": FIRM, "as_of": DAY}),
    (
        "requires_liability_insurance",
        requirements.requires_liability_insurance,
        {"enterprise": FIRM, "as_of": DAY},
    ),
    (
        "requires_registered_safety_engineer",
        requirements.requires_registered_safety_engineer,
        {"enterprise": FIRM, "as_of": DAY},
    ),
    ("staffing_requirement", requirements.staffing_requirement, {"enterprise": FIRM, "as_of": DAY}),
    (
        "training_hours",
        requirements.training_hours,
        {"role": Role.WORKER, "enterprise": FIRM, "as_of": DAY},
    ),
    (
        "unit_fine_range",
        requirements.unit_fine_range,
        {"grade": AccidentGrade.GENERAL, "as_of": DAY},
    ),
    ("law.source", law.source, {"ident": "hazard-order-16"}),
    ("law.duty", law.duty, {"ident": "emergency_plan.filing", "on": DAY}),
    ("law.sector_list", law.sector_list, {"ident": "training.high-risk", "on": DAY}),
    ("law.parameter", law.parameter, {"ident": "operators.review", "on": DAY}),
    ("law.unverified", law.unverified, {"basis": Basis(document="x", source="hazard-order-16")}),
    ("load_plan", catalog.load_plan, {"source": PLAN_TEXT}),
    ("black_regime_at", credit.black_regime_at, {"day": DAY}),
    (
        "credit_status",
        credit.credit_status,
        {"subject": FIRM.uscc, "events": [EVENT], "as_of": DAY},
    ),
    (
        "credit_statuses",
        credit.credit_statuses,
        {"events": [EVENT], "as_of": DAY, "subjects": [FIRM.uscc]},
    ),
    ("listing_triggers", credit.listing_triggers, {"events": [EVENT], "as_of": DAY}),
    (
        "red_list_eligibility",
        credit.red_list_eligibility,
        {"enterprise": FIRM, "events": [EVENT], "as_of": DAY},
    ),
    ("catalog.obligation", catalog.obligation, {"key": "shanwei.principal.monthly_inspection"}),
    (
        "evaluate",
        compliance.evaluate,
        {
            "enterprise": FIRM,
            "records": [RECORD],
            "as_of": DAY,
            "people": [PERSON],
            "plans": [catalog.plan("shanwei-2020")],
        },
    ),
    (
        "catalog.evaluate",
        catalog.evaluate,
        {"enterprise": FIRM, "records": [RECORD], "as_of": DAY},
    ),
    (
        "evaluate_many",
        lambda **kw: list(compliance.evaluate_many(**kw)),
        {"enterprises": [FIRM], "records": [RECORD], "as_of": DAY},
    ),
    (
        "evaluate_target",
        targets.evaluate_target,
        {"target": catalog.plan("xicha-2020").targets[0], "observations": [], "as_of": DAY},
    ),
    (
        "standing_requirements",
        compliance.standing_requirements,
        {"enterprise": FIRM, "as_of": DAY, "records": [RECORD]},
    ),
    (
        "personnel_requirements",
        compliance.personnel_requirements,
        {"enterprise": FIRM, "people": [PERSON], "as_of": DAY},
    ),
    ("region_covers", region_covers, {"outer": "441500", "inner": "441521"}),
    (
        "evaluate_authority",
        compliance.evaluate_authority,
        {"authority": BODY, "records": [], "as_of": DAY, "plans": catalog.plans()},
    ),
    ("holiday_law_for", holiday_law_for, {"year": 2026}),
    ("statutory_holidays", statutory_holidays, {"year": 2026}),
    ("from_holiday_cn", from_holiday_cn, {"data": {"year": 2026, "days": []}}),
    ("parse_year", parse_year, {"data": YEAR_2026}),
    ("default_calendar", default_calendar, {"estimate": True}),
    ("is_workday", CAL.is_workday, {"day": DAY}),
    ("is_rest_day", CAL.is_rest_day, {"day": DAY}),
    ("day_type", CAL.day_type, {"day": DAY}),
    ("festivals", CAL.festivals, {"day": DAY}),
    ("is_estimated", CAL.is_estimated, {"day": DAY}),
    ("next_workday", CAL.next_workday, {"day": DAY}),
    ("previous_workday", CAL.previous_workday, {"day": DAY}),
    ("workdays", lambda **kw: list(CAL.workdays(**kw)), {"start": DAY, "end": DAY}),
    ("arrangement", CAL.arrangement, {"year": 2026}),
    ("sources", CAL.sources, {"year": 2026}),
    ("with_year", CAL.with_year, {"arrangement": parse_year(YEAR_2026)}),
    ("with_holiday_cn", CAL.with_holiday_cn, {"data": HOLIDAY_CN_2027}),
    ("start_rectification", HAZARD.start_rectification, {"on": DAY}),
    ("is_major_hazard_source", classify.is_major_hazard_source, {"substances": [SUBSTANCE]}),
    (
        "major_hazard_r",
        classify.major_hazard_r,
        {"substances": [SUBSTANCE], "offsite_population": 10},
    ),
    ("cli", cli.main, {"argv": ["workdays", "add", "2025-09-26", "20"]}),
    ("cli phrases", cli.main, {"argv": ["phrases", "/nonexistent/plan.txt", "--year", "2020"]}),
    ("coverage_contains", lambda day: day in CAL.coverage, {"day": DAY}),
    (
        "from_arrangements",
        WorkCalendar.from_arrangements,
        {"arrangements": bundled_years()[-3:], "estimate": True},
    ),
    ("load_year_file", load_year_file, {"path": str(YEAR_FILE)}),
    ("from_holiday_cn_text", from_holiday_cn, {"data": HOLIDAY_CN_2026}),
    (
        "substance",
        classify.Substance,
        {"name": "液氨", "quantity": Decimal(20), "critical_quantity": Decimal(10)},
    ),
    (
        "estimated_is_workday",
        ESTIMATE.is_workday,
        {"day": date(2030, 2, 6)},
    ),
    ("add_workdays", CAL.add_workdays, {"day": DAY, "n": 5}),
    ("workdays_between", CAL.workdays_between, {"start": DAY, "end": DAY}),
    ("holiday_name", CAL.holiday_name, {"day": DAY}),
    ("format_date", i18n.format_date, {"day": DAY}),
    ("format_money", i18n.format_money, {"amount": Decimal("1.5")}),
    ("format_duration", i18n.format_duration, {"amount": 3, "unit": DurationUnit.DAYS}),
    ("label", i18n.label, {"member": Industry.MACHINERY}),
    ("from_dict", serde.from_dict, {"data": {"document": "x"}, "cls": Basis}),
    ("loads", serde.loads, {"text": serde.dumps(Basis(document="x")), "cls": Basis}),
    (
        "loads list",
        serde.loads,
        {"text": serde.dumps([REPORT]), "cls": list[compliance.ComplianceReport]},
    ),
    (
        "from_dict report",
        serde.from_dict,
        {"data": serde.to_dict(RESULT), "cls": compliance.PortfolioReport},
    ),
    (
        "evaluate_portfolio",
        compliance.evaluate_portfolio,
        {"portfolio": Portfolio(enterprises=[FIRM]), "as_of": DAY, "daily": "day"},
    ),
    (
        "catalog.evaluate_portfolio",
        catalog.evaluate_portfolio,
        {"portfolio": Portfolio(enterprises=[FIRM]), "as_of": DAY},
    ),
    ("to_csv", export.to_csv, {"rows": REPORT.to_rows(), "bom": True}),
    ("write_csv", export.write_csv, {"rows": REPORT.to_rows(), "stream": io.StringIO()}),
    ("export.to_ics", export.to_ics, {"reports": [REPORT], "locale": "en", "kind": "todo"}),
    ("export.to_pandas", export.to_pandas, {"reports": RESULT}),
    ("report.to_html", REPORT.to_html, {"locale": "en"}),
    ("report.to_ics", REPORT.to_ics, {"locale": "en", "include_done": True}),
    ("portfolio.to_html", RESULT.to_html, {"locale": "en"}),
    ("portfolio.upcoming", RESULT.upcoming, {"days": 30}),
    ("tally.count", RESULT.by_enterprise()[0].count, {"status": compliance.ComplianceStatus.MET}),
]


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(
        ["10000年底前", "9" * 30 + "年底前", "9" * 4301, "十十日内", "两两", "每年2月30日前"]
    ),
    st.binary(max_size=4),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(CST)),
    st.just(object()),
    st.just(FIRM),
    st.just(RECORD),
    st.just(Frequency.MONTHLY),
    st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=4), st.just(RECORD)), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    # The classes of issue 18: each is generated here.
    st.dates(min_value=date(9999, 12, 1)),  # near the end of time
    st.dates(max_value=date(1, 1, 31)),
    st.datetimes(timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=-11))])),
    st.sampled_from([2027.9, Decimal("2027.9"), "2027", 10**5000, -(10**30)]),
    st.sampled_from([Decimal("1e999999"), Decimal("1e-999999"), Decimal("9" * 60), Decimal("-0")]),
    st.sampled_from([DEEP_JSON, '{"year": 2027, "days": ' + DEEP_JSON + "}", "x" * 5000]),
    st.sampled_from(["9" * 30 + "年底前", "10000年底前", "1年底前", "/no/such.toml", "\x00"]),
    st.just(_nested(1000)),
    st.just({"year": 2027, "papers": [], "days": []}),
)


@pytest.mark.parametrize(("name", "function", "arguments"), CALLS, ids=[c[0] for c in CALLS])
def test_the_arguments_we_use_are_good(
    name: str, function: Callable[..., Any], arguments: dict[str, Any]
) -> None:
    """The table's own arguments work (or fail cleanly), so the junk below is what is tested."""
    try:
        function(**arguments)
    except SafetyDutyError:
        pytest.fail(f"{name} rejected the table's arguments")


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(CALLS), st.data(), JUNK)
def test_only_safetyduty_errors_escape(
    call: tuple[str, Callable[..., Any], dict[str, Any]], data: st.DataObject, junk: object
) -> None:
    """One argument replaced by junk: the call succeeds or raises a SafetyDutyError."""
    name, function, arguments = call
    key = data.draw(st.sampled_from(sorted(arguments)))
    given_ = {**arguments, key: junk}
    try:
        answer = function(**given_)
    except SafetyDutyError:
        return
    check = PROPERTIES.get(name)
    if check is not None:
        assert check(answer, given_), (name, given_, answer)


def _plain_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


# What an answer given despite the junk must still satisfy.
PROPERTIES: dict[str, Callable[[Any, dict[str, Any]], bool]] = {
    # A calendar answers only for plain dates inside what it covers.
    "is_workday": lambda a, kw: isinstance(a, bool) and _plain_date(kw["day"]),
    "is_rest_day": lambda a, kw: isinstance(a, bool) and _plain_date(kw["day"]),
    "estimated_is_workday": lambda a, kw: isinstance(a, bool) and _plain_date(kw["day"]),
    "next_workday": lambda a, kw: _plain_date(kw["day"]) and a >= kw["day"] and CAL.is_workday(a),
    "previous_workday": lambda a, kw: a <= kw["day"] and CAL.is_workday(a),
    "add_workdays": lambda a, kw: CAL.is_workday(a) and (a > kw["day"]) == (kw["n"] >= 1),
    "coverage_contains": lambda a, kw: (
        a is (_plain_date(kw["day"]) and CAL.coverage.first <= kw["day"] <= CAL.coverage.last)
    ),
    # A period contains its day; a deadline is never before its start.
    "period_of": lambda a, kw: a[0] <= kw["day"] <= a[1],
    "within_days": lambda a, kw: _plain_date(a) and a >= kw["start"] + timedelta(days=kw["n"]),
    "within_months": lambda a, kw: _plain_date(a) and a > kw["start"],
    "within_workdays": lambda a, kw: CAL.is_workday(a) and a > kw["start"],
    "within_hours": lambda a, kw: a - kw["start"] == timedelta(hours=kw["n"]),
    "occurrences": lambda a, _kw: all(o.start <= o.end for o in a),
    # Classification answers are in their ranges.
    "major_hazard_r": lambda a, _kw: isinstance(a, Decimal) and a >= 0,
    "is_major_hazard_source": lambda a, _kw: isinstance(a, bool),
    "major_hazard_grade": lambda a, _kw: isinstance(a, classify.MajorHazardGrade),
    "major_hazard_alpha": lambda a, _kw: a in {Decimal(v) for v in ("0.5", "1", "1.2", "1.5", "2")},
    # Loaders return a year in range, and a calendar only takes complete years.
    "from_holiday_cn_text": lambda a, _kw: 2000 <= a.year <= 2100,
    "from_holiday_cn": lambda a, _kw: isinstance(a.year, int) and not isinstance(a.year, bool),
    "load_year_file": lambda a, _kw: isinstance(a.year, int),
    "with_holiday_cn": lambda a, _kw: len(a.arrangement(a.years[-1]).holidays) >= 1,
}


ISSUE_18_INPUTS: list[tuple[str, Callable[..., Any], dict[str, Any]]] = [
    ("load_year_file(None)", load_year_file, {"path": None}),
    (
        "datetime in coverage",
        lambda day: day in CAL.coverage,
        {"day": datetime(2025, 9, 30, 20, tzinfo=timezone.utc)},
    ),
    (
        "aware datetime to the calendar",
        CAL.is_workday,
        {"day": datetime(2025, 9, 30, 20, tzinfo=timezone.utc)},
    ),
    (
        "holiday-cn JSON 1,000 deep",
        from_holiday_cn,
        {"data": '{"year": 2027, "days": ' + DEEP_JSON + "}"},
    ),
    (
        "holiday-cn object 1,000 deep",
        from_holiday_cn,
        {"data": {"year": 2027, "days": [_nested(1000)]}},
    ),
    ("year 2027.9", parse_year, {"data": {**YEAR_2026, "year": 2026.9}}),
    (
        "empty holiday-cn year",
        CAL.with_holiday_cn,
        {"data": {"year": 2027, "papers": [], "days": []}},
    ),
    (
        "huge q",
        lambda: classify.Substance(
            name="x", quantity=Decimal("1e999999"), critical_quantity=Decimal(1)
        ),
        {},
    ),
    (
        "tiny Q",
        lambda: classify.Substance(
            name="x", quantity=Decimal(1), critical_quantity=Decimal("1e-999999")
        ),
        {},
    ),
    (
        "weekly period at 9999-12-31",
        deadlines.period_of,
        {"day": date(9999, 12, 31), "frequency": "weekly"},
    ),
    (
        "occurrences near 9999",
        deadlines.occurrences,
        {
            "schedule": Recurring(
                frequency=Frequency.QUARTERLY, due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=15)
            ),
            "start": date(9999, 1, 1),
            "end": date(9999, 12, 31),
        },
    ),
    ("parse_schedule 10000年", phrases.parse_schedule, {"text": "10000年底前"}),
    ("parse_schedule 30 nines", phrases.parse_schedule, {"text": "9" * 30 + "年底前"}),
    (
        "review window in year 1",
        statutory.review_application_window,
        {"review_due": date(1, 1, 1)},
    ),
    (
        "safety cost on 1e999999",
        expenses.safety_cost,
        {"category": "coal_open_pit", "base": Decimal("1e999999"), "as_of": DAY},
    ),
    (
        "evaluate on 9999-12-31",
        compliance.evaluate,
        {"enterprise": FIRM, "records": [], "as_of": date(9999, 12, 31)},
    ),
    (
        "evaluate on 0001-01-01",
        compliance.evaluate,
        {"enterprise": FIRM, "records": [], "as_of": date(1, 1, 1)},
    ),
    (
        "personnel on 0001-01-01",
        compliance.personnel_requirements,
        {"enterprise": FIRM, "people": [], "as_of": date(1, 1, 1)},
    ),
    ("format 10**5000 days", i18n.format_duration, {"amount": 10**5000, "unit": "days"}),
    ("loads into 10**5000", serde.loads, {"text": serde.dumps(FIRM), "cls": 10**5000}),
    (
        "production started 9999-12-31",
        lambda: attrs.evolve(FIRM, production_started_on=date(9999, 12, 31)),
        {},
    ),
    (
        "red list on 9999-12-31",
        credit.red_list_eligibility,
        {"enterprise": FIRM, "events": [], "as_of": date(9999, 12, 31)},
    ),
    (
        "credit status on 9999-12-31",
        credit.credit_status,
        {"subject": FIRM.uscc, "events": [], "as_of": date(9999, 12, 31)},
    ),
]


@pytest.mark.parametrize(
    ("name", "function", "arguments"), ISSUE_18_INPUTS, ids=[c[0] for c in ISSUE_18_INPUTS]
)
def test_issue_18_inputs_raise_safetyduty_errors(
    name: str, function: Callable[..., Any], arguments: dict[str, Any]
) -> None:
    """Each traceback class of issue 18 in the calendar, classify, deadlines and loaders."""
    with pytest.raises(SafetyDutyError):
        function(**arguments)
