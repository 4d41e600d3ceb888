"""Hypothesis strategies for every safetyduty model, valid by construction.

Requires the ``testing`` extra (``pip install safetyduty[testing]``). Each
strategy builds through the model's own constructor, so what it yields is
exactly what the validators accept; they shrink towards short texts, early
dates and small numbers.

Examples:
    >>> from hypothesis import given
    >>> from safetyduty.testing import strategies
    >>> @given(strategies.enterprises())
    ... def test_province_is_a_prefix(enterprise):
    ...     assert enterprise.province[:2] == enterprise.region[:2]
    >>> test_province_is_a_prefix()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any, Final, TypeVar

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from safetyduty.errors import ValidationError
from safetyduty.models import (
    AUTHORITY_SUBJECTS,
    Accident,
    AccidentGrade,
    AccidentKind,
    Applicability,
    Authority,
    Baseline,
    Basis,
    Before,
    Case,
    Certificate,
    CertificateKind,
    Check,
    Continuous,
    CreditEvent,
    CreditEventKind,
    CreditStanding,
    CreditStatus,
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    Enterprise,
    EnterpriseSize,
    EventKind,
    Frequency,
    Hazard,
    HazardFlag,
    HazardLevel,
    HazardSource,
    Industry,
    Jurisdiction,
    LecInputs,
    ListEntry,
    MatrixInputs,
    Milestone,
    Obligation,
    OneOff,
    Person,
    Phase,
    Plan,
    PlanLevel,
    Portfolio,
    Record,
    RecordKind,
    RectificationPlan,
    Recurring,
    Risk,
    Role,
    Schedule,
    Source,
    Span,
    Standardization,
    StandardizationLevel,
    Standing,
    Subject,
    Supervision,
    Target,
    TargetKind,
    TargetMeasure,
    Timing,
    Triggered,
    Unmatched,
    Verification,
    Window,
    check_region,
    uscc_check_char,
)
from safetyduty.models._credit import LIST_OF_REGIME
from safetyduty.models._enterprise import SMELTING_INDUSTRIES, USCC_CHARSET
from safetyduty.models._schedule import MONTHS_IN_PERIOD

__all__ = [
    "accidents",
    "applicabilities",
    "authorities",
    "bases",
    "cases",
    "certificates",
    "credit_events",
    "credit_statuses",
    "dates",
    "durations",
    "enterprises",
    "hazards",
    "jurisdictions",
    "list_entries",
    "money",
    "obligations",
    "persons",
    "plans",
    "portfolios",
    "records",
    "regions",
    "risks",
    "schedules",
    "sources",
    "spans",
    "standardizations",
    "targets",
    "timings",
    "unmatched",
    "uscc_codes",
]

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(str.strip)
_CHINA: Final = timezone(timedelta(hours=8))
_END_OF_DAYS: Final = datetime.combine(Portfolio.LAST_DAY, time(23, 59, 59), tzinfo=_CHINA)
_LAST_AS_OF: Final = date(2099, 12, 31)
_IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._-", min_size=1, max_size=12)


def dates(
    min_value: date = date(2004, 1, 1), max_value: date = date(2026, 12, 31)
) -> st.SearchStrategy[date]:
    """Days in the calendar's covered range by default.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(dates())
        ... def check(x):
        ...     assert x.year <= 2026
        >>> check()
    """
    return st.dates(min_value=min_value, max_value=max_value)


def aware_datetimes(
    *, min_date: date = date(2004, 1, 1), max_date: date = date(2026, 12, 31)
) -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes on the days *min_date* to *max_date* in China.

    The moment is written in a UTC offset from -12h to +14h (whole minutes),
    so code that compares or converts them is exercised.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(aware_datetimes(min_date=date(2026, 1, 1)))
        ... def check(x):
        ...     assert x.utcoffset() is not None
        ...     assert x.astimezone(timezone(timedelta(hours=8))).year == 2026
        >>> check()
    """
    offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    # hypothesis takes naive bounds: draw the time in China, then write it in another zone.
    low = datetime.combine(min_date, time())
    high = datetime.combine(max_date, time(23, 59, 59))
    return st.tuples(st.datetimes(min_value=low, max_value=high), offsets).map(
        lambda pair: pair[0].replace(microsecond=0, tzinfo=_CHINA).astimezone(pair[1])
    )


def money() -> st.SearchStrategy[Decimal]:
    """Amounts in yuan, to the fen, from 0 to 10^12.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(money())
        ... def check(x):
        ...     assert x >= 0 and x.as_tuple().exponent >= -2
        >>> check()
    """
    return st.integers(min_value=0, max_value=10**14).map(lambda fen: Decimal(fen).scaleb(-2))


def _fractions() -> st.SearchStrategy[Decimal]:
    return st.integers(min_value=0, max_value=10_000).map(lambda bp: Decimal(bp).scaleb(-4))


def uscc_codes() -> st.SearchStrategy[str]:
    """统一社会信用代码 with a correct check character (GB 32100-2015).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(uscc_codes())
        ... def check(x):
        ...     assert len(x) == 18
        >>> check()
    """
    return st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17).map(
        lambda head: head + uscc_check_char(head)
    )


def regions() -> st.SearchStrategy[str]:
    """6-digit 行政区划代码 shapes under a real province-level code.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(regions())
        ... def check(x):
        ...     assert len(x) == 6 and x.isdigit()
        >>> check()
    """
    return st.tuples(st.sampled_from(_PROVINCES), st.integers(0, 9999)).map(
        lambda pair: f"{pair[0]}{pair[1]:04d}"
    )


_any_region = regions


def _is_region(code: str) -> bool:
    try:
        check_region(code)
    except ValidationError:
        return False
    return True


_PROVINCES: Final = tuple(f"{p}" for p in range(11, 83) if _is_region(f"{p}0000"))
"""The province-level prefixes, as the models' own check accepts them."""


def bases() -> st.SearchStrategy[Basis]:
    """Citations.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(bases())
        ... def check(x):
        ...     assert x.document != ""
        >>> check()
    """
    return st.builds(
        Basis,
        document=_TEXT,
        article=st.one_of(st.just(""), _TEXT),
        effective_from=st.none() | dates(date(1949, 10, 1), date(2030, 12, 31)),
        url=st.none() | st.just("https://example.org/law"),
        source=st.none()
        | st.sampled_from(["work-safety-law-2021", "hazard-order-16", "my-own-rule"]),
        note=st.one_of(st.just(""), _TEXT),
    )


_SOURCE_IDS = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def sources(draw: st.DrawFn) -> Source:
    """Registry entries (an unverified one always says why).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(sources())
        ... def check(x):
        ...     assert x.status is Verification.VERIFIED or x.note.strip()
        >>> check()
    """
    status = draw(st.sampled_from(Verification))
    note = draw(_TEXT) if status is Verification.UNVERIFIED else draw(st.just("") | _TEXT)
    return Source(
        id=draw(_SOURCE_IDS),
        title=draw(_TEXT),
        issuer=draw(_TEXT),
        status=status,
        number=draw(st.just("") | _TEXT),
        issued=draw(st.none() | dates()),
        effective=draw(st.none() | dates()),
        repealed_by=draw(st.none() | _SOURCE_IDS),
        repealed_on=draw(st.none() | dates()),
        url=draw(st.none() | st.just("https://example.org/law")),
        note=note,
    )


@st.composite
def spans(draw: st.DrawFn) -> Span:
    """Effective spans, open or closed at either end.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(spans())
        ... def check(x):
        ...     assert x.start is None or x.end is None or x.start <= x.end
        >>> check()
    """
    start = draw(st.none() | dates())
    if start is None:
        return Span(start=None, end=draw(st.none() | dates()))
    end = draw(st.none() | st.integers(0, 5000).map(lambda days: start + timedelta(days=days)))
    return Span(start=start, end=end)


def _parks(region: str) -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True).map(lambda slug: f"{region}-{slug}")


@st.composite
def jurisdictions(draw: st.DrawFn) -> Jurisdiction:
    """National, regional and park jurisdictions.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(jurisdictions())
        ... def check(x):
        ...     assert x.is_national or x.regions or x.parks
        >>> check()
    """
    kind = draw(st.sampled_from(["national", "regions", "parks"]))
    if kind == "national":
        return Jurisdiction(name=draw(st.just("") | _TEXT))
    places = draw(st.lists(regions(), min_size=1, max_size=3))
    if kind == "regions":
        return Jurisdiction(regions=places, name=draw(st.just("") | _TEXT))
    return Jurisdiction(parks=[draw(_parks(r)) for r in places], name=draw(st.just("") | _TEXT))


def standardizations() -> st.SearchStrategy[Standardization]:
    """安全生产标准化 grades.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(standardizations())
        ... def check(x):
        ...     assert x.level in StandardizationLevel
        >>> check()
    """
    return st.builds(
        Standardization, level=st.sampled_from(StandardizationLevel), granted_on=dates()
    )


def enterprises(
    *,
    industries: Iterable[Industry] | None = None,
    regions: Iterable[str] | None = None,
    max_employees: int = 500_000,
) -> st.SearchStrategy[Enterprise]:
    """Enterprises across every industry, with and without the optional facts.

    Args:
        industries: draw the industry from these (default: every :class:`Industry`).
        regions: draw the 行政区划代码 from these (default: any, see :func:`regions`).
        max_employees: the largest head count drawn.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(enterprises(industries=[Industry.CONSTRUCTION], regions=["441500", "441521"]))
        ... def check(x):
        ...     assert x.industry is Industry.CONSTRUCTION and x.region in ("441500", "441521")
        >>> check()
    """
    sectors = _choices("industries", industries, Industry)
    places = _choices("regions", regions, str)
    if places:
        for place in places:
            check_region(place)
    if not isinstance(max_employees, int) or isinstance(max_employees, bool) or max_employees < 0:
        raise ValidationError("max_employees", max_employees, "must be an int >= 0")
    return st.builds(
        _enterprise,
        industry=st.sampled_from(sectors or list(Industry)),
        region=st.sampled_from(places) if places else _any_region(),
        employees=st.integers(min_value=0, max_value=max_employees),
        data=st.data(),
    )


def _enterprise(industry: Industry, region: str, employees: int, data: st.DataObject) -> Enterprise:
    draw = data.draw
    return Enterprise(
        uscc=draw(uscc_codes()),
        name=draw(_TEXT),
        industry=industry,
        region=region,
        employees=employees,
        annual_revenue=draw(st.none() | money()),
        above_designated_size=draw(st.booleans()),
        state_owned=draw(st.booleans()),
        group_company=draw(st.booleans()),
        hazard_flags=draw(st.frozensets(st.sampled_from(HazardFlag))),
        standardization=draw(st.none() | standardizations()),
        production_started_on=draw(st.none() | dates(date(1949, 10, 1), date(2026, 12, 31))),
        park=draw(st.none() | _parks(region)),
        size=draw(st.none() | st.sampled_from(EnterpriseSize)),
        total_assets=draw(st.none() | money()),
        smelting=draw(st.booleans()) if industry in SMELTING_INDUSTRIES else False,
        continuous_operation=draw(st.booleans()),
    )


def _check_span(min_date: object, max_date: object) -> None:
    for name, value in (("min_date", min_date), ("max_date", max_date)):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise ValidationError(name, value, "must be a datetime.date")
    if min_date > max_date:  # type: ignore[operator]
        raise ValidationError("min_date", min_date, f"must not be after max_date ({max_date})")


def _until(max_date: date) -> st.SearchStrategy[date]:
    """Days from 2004 (or *max_date*, if earlier) to *max_date*."""
    return dates(min(date(2004, 1, 1), max_date), max_date)


def _choices(name: str, values: Iterable[T] | None, cls: type[T]) -> list[T]:
    """*values* as a list of *cls*, or an empty list for "any"; a ValidationError otherwise."""
    if values is None:
        return []
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError(name, values, f"must be a list of {cls.__name__}, or None")
    chosen = list(values)
    if not chosen or not all(isinstance(v, cls) for v in chosen):
        raise ValidationError(name, values, f"must be a non-empty list of {cls.__name__}")
    return chosen


@st.composite
def certificates(draw: st.DrawFn, *, max_date: date = date(2026, 12, 31)) -> Certificate:
    """Certificates with consistent dates.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(certificates())
        ... def check(x):
        ...     assert x.expires_on is None or x.expires_on > x.issued_on
        >>> check()
    """
    issued = draw(_until(max_date))
    room = (Portfolio.LAST_DAY - issued).days
    expires = draw(
        st.none() | st.integers(1, min(3650, room)).map(lambda days: issued + timedelta(days=days))
        if room >= 1
        else st.none()
    )
    reviewed = draw(
        st.none() | st.integers(0, min(3650, room)).map(lambda days: issued + timedelta(days=days))
    )
    return Certificate(
        kind=draw(st.sampled_from(CertificateKind)),
        number=draw(_IDS),
        issued_on=issued,
        expires_on=expires,
        last_reviewed_on=reviewed,
    )


def persons(
    *,
    enterprises: Sequence[str] | None = None,
    roles: Iterable[Role] | None = None,
    max_date: date = date(2026, 12, 31),
) -> st.SearchStrategy[Person]:
    """People in safety roles, each with an employer.

    Args:
        enterprises: draw the employer's 统一社会信用代码 from these (default: any code).
        roles: draw the role from these (default: every :class:`Role`).
        max_date: the latest day they take office or get a certificate.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(persons(enterprises=["914403001922038216"]))
        ... def check(x):
        ...     assert x.enterprise == "914403001922038216"
        >>> check()
    """
    employers = _choices("enterprises", enterprises, str)
    kinds = _choices("roles", roles, Role)
    return st.builds(
        Person,
        id=_IDS,
        name=_TEXT,
        role=st.sampled_from(kinds or list(Role)),
        enterprise=st.sampled_from(employers) if employers else uscc_codes(),
        took_office_on=st.none() | _until(max_date),
        certificates=st.lists(certificates(max_date=max_date), max_size=3).map(tuple),
    )


def durations() -> st.SearchStrategy[Duration]:
    """Time limits.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(durations())
        ... def check(x):
        ...     assert x.amount >= 1
        >>> check()
    """
    return st.builds(Duration, amount=st.integers(1, 1000), unit=st.sampled_from(DurationUnit))


@st.composite
def _recurring(draw: st.DrawFn) -> Recurring:
    frequency = draw(st.sampled_from(Frequency))
    kind = draw(st.sampled_from(DueKind))
    if frequency is Frequency.DAILY or kind is DueKind.END_OF_PERIOD:
        due = DueRule()
    elif frequency is Frequency.WEEKLY:
        due = DueRule(kind=kind, day=draw(st.integers(1, 7)))
    else:
        month = draw(st.none() | st.integers(1, MONTHS_IN_PERIOD[frequency]))
        due = DueRule(kind=kind, month=month, day=draw(st.integers(1, 31)))
    return Recurring(frequency=frequency, times=draw(st.integers(1, 12)), due=due)


def schedules() -> st.SearchStrategy[Schedule]:
    """Recurring, one-off, triggered and standing schedules.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(schedules())
        ... def check(x):
        ...     assert isinstance(x, (Recurring, OneOff, Triggered, Standing))
        >>> check()
    """
    return st.one_of(
        _recurring(),
        st.builds(OneOff, due=dates()),
        st.builds(
            Triggered,
            event=st.sampled_from(EventKind),
            within=durations(),
            accident_kinds=st.frozensets(st.sampled_from(AccidentKind), max_size=2),
        ),
        st.builds(Standing, by=st.none() | dates(), valid_for=st.none() | durations()),
    )


@st.composite
def _windows(draw: st.DrawFn) -> Window:
    start = draw(st.none() | dates())
    if start is not None and draw(st.booleans()):
        return Window(start=start, end=None)  # 自2002年11月1日起: no end
    end = draw(dates(min_value=start) if start is not None else dates())
    return Window(start=start, end=end)


def timings() -> st.SearchStrategy[Timing]:
    """Every reading a time phrase can have: schedules, windows, windows before an event, continuous duties.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(timings())
        ... def check(x):
        ...     assert not isinstance(x, Window) or x.start is not None or x.end is not None
        >>> check()
    """
    return st.one_of(
        schedules().filter(
            lambda x: (
                not isinstance(x, Standing) and not (isinstance(x, Triggered) and x.accident_kinds)
            )
        ),
        _windows(),
        st.builds(Before, event=st.sampled_from(EventKind), within=durations()),
        st.just(Continuous()),
    )


@st.composite
def applicabilities(draw: st.DrawFn) -> Applicability:
    """Applicability conditions (a consistent employee range).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(applicabilities())
        ... def check(x):
        ...     assert x.min_employees is None or x.max_employees is None or x.min_employees <= x.max_employees
        >>> check()
    """
    return _applicability(draw, nested=True)


def _applicability(draw: st.DrawFn, *, nested: bool) -> Applicability:
    low = draw(st.none() | st.integers(0, 1000))
    high = draw(st.none() | st.integers(low or 0, 5000))
    count = draw(st.integers(0, 2)) if nested else 0
    alternatives = [_applicability(draw, nested=False) for _ in range(count)]
    return Applicability(
        industries=draw(st.frozensets(st.sampled_from(Industry), max_size=4)),
        hazard_flags=draw(st.frozensets(st.sampled_from(HazardFlag), max_size=2)),
        min_employees=low,
        max_employees=high,
        state_owned=draw(st.none() | st.booleans()),
        above_designated_size=draw(st.none() | st.booleans()),
        group_company=draw(st.none() | st.booleans()),
        sector_list=draw(
            st.sampled_from(["", "emergency-regulation.article-8", "training.high-risk"])
        ),
        min_size=draw(st.none() | st.sampled_from(EnterpriseSize)),
        any_of=alternatives,
    )


def obligations() -> st.SearchStrategy[Obligation]:
    """Duties.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(obligations())
        ... def check(x):
        ...     assert x.basis.document != ""
        >>> check()
    """
    return st.builds(
        Obligation,
        id=_IDS,
        title=_TEXT,
        subject=st.sampled_from(Subject),
        schedule=schedules(),
        evidence=st.sampled_from(RecordKind),
        basis=bases(),
        applicability=applicabilities(),
        title_en=st.just("") | _TEXT,
        jurisdiction=jurisdictions(),
        effective=spans(),
        plan=st.none() | _IDS,
        lasting=st.just("") | _TEXT,
        check=st.sampled_from(Check),
        personal=st.booleans(),
    )


@st.composite
def targets(draw: st.DrawFn, ident: st.SearchStrategy[str] = _IDS) -> Target:
    """Targets with ascending milestones and, for reductions, a baseline.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(targets())
        ... def check(x):
        ...     assert [m.due for m in x.milestones] == sorted(m.due for m in x.milestones)
        >>> check()
    """
    kind = draw(st.sampled_from(TargetKind))
    days = draw(st.lists(dates(), min_size=1, max_size=4, unique=True))
    values = (
        _fractions()
        if kind in (TargetKind.AT_LEAST_RATE, TargetKind.AT_MOST_RATE, TargetKind.REDUCTION)
        else st.integers(0, 10**6).map(Decimal)
    )
    milestones = [Milestone(due=day, value=draw(values)) for day in sorted(days)]
    start = draw(dates())
    baseline = Baseline(
        value=draw(money()), start=start, end=start + timedelta(days=draw(st.integers(0, 2000)))
    )
    measure = draw(st.sampled_from(TargetMeasure))
    first = milestones[0].due
    start = draw(st.integers(0, 3000).map(lambda days: first - timedelta(days=days)))
    return Target(
        id=draw(ident),
        title=draw(_TEXT),
        kind=kind,
        milestones=milestones,
        baseline=baseline if draw(st.booleans()) else None,
        unit=draw(st.sampled_from(["", "%", "起", "人"])),
        scope=draw(st.frozensets(st.sampled_from(Industry), max_size=3)),
        measure=measure,
        start=start if measure is TargetMeasure.PERIOD_TOTAL or draw(st.booleans()) else None,
        title_en=draw(st.just("") | _TEXT),
        note=draw(st.just("") | _TEXT),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """Plans with ordered, non-overlapping phases inside their period.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(plans())
        ... def check(x):
        ...     assert all(a.end < b.start for a, b in zip(x.phases, x.phases[1:]))
        >>> check()
    """
    start = draw(dates(date(2004, 1, 1), date(2024, 12, 31)))
    cuts = sorted(draw(st.lists(st.integers(0, 1000), max_size=6, unique=True)))
    end = start + timedelta(days=(cuts[-1] if cuts else 0) + draw(st.integers(0, 400)))
    phases = [
        Phase(name=f"第{i + 1}阶段", start=start + timedelta(days=a), end=start + timedelta(days=b))
        for i, (a, b) in enumerate(zip(cuts[::2], cuts[1::2], strict=False))
    ]
    target_list = draw(st.lists(targets(), max_size=3, unique_by=lambda t: t.id))
    ident = draw(_IDS)
    region = draw(regions())
    duty_list = [
        attrs.evolve(
            duty,
            jurisdiction=Jurisdiction(),
            effective=Span(),
            plan=draw(st.none() | st.just(ident)),
        )
        for duty in draw(st.lists(obligations(), max_size=3, unique_by=lambda o: o.id))
    ]
    scope = draw(
        st.none()
        | st.just(Jurisdiction(regions=[region], name="本地"))
        | _parks(region).map(lambda park: Jurisdiction(parks=[park]))
    )
    extra = {} if scope is None else {"jurisdiction": scope}
    return Plan(
        id=ident,
        title=draw(_TEXT),
        issuer=draw(_TEXT),
        level=draw(st.sampled_from(PlanLevel)),
        region=region,
        start=start,
        end=end,
        basis=draw(bases()),
        phases=phases,
        targets=target_list,
        obligations=duty_list,
        sources=draw(st.lists(sources(), max_size=2)),
        **extra,
    )


def _plans_of_rectification() -> st.SearchStrategy[RectificationPlan]:
    return st.builds(
        RectificationPlan,
        responsible=st.just("") | _TEXT,
        measures=st.just("") | _TEXT,
        funds=st.none() | money(),
        deadline=st.none() | dates(),
        contingency=st.just("") | _TEXT,
    )


def _complete_rectification() -> st.SearchStrategy[RectificationPlan]:
    return st.builds(
        RectificationPlan,
        responsible=_TEXT,
        measures=_TEXT,
        funds=money(),
        deadline=dates(),
        contingency=_TEXT,
    )


def hazards(
    *,
    enterprises: Sequence[str] | None = None,
    min_date: date = date(2004, 1, 1),
    max_date: date = date(2026, 12, 31),
) -> st.SearchStrategy[Hazard]:
    """Hazards at any point of their remediation, reached by legal steps.

    Args:
        enterprises: draw the enterprise's 统一社会信用代码 from these (default: any code).
        min_date: the earliest day a hazard is found.
        max_date: the latest day it is found or changes status.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(hazards(max_date=date(2026, 6, 30)))
        ... def check(x):
        ...     assert x.history[0].status.value == "reported"
        ...     assert x.history[-1].on <= date(2026, 6, 30)
        >>> check()
    """
    owners = _choices("enterprises", enterprises, str)
    _check_span(min_date, max_date)
    return _hazards(owners, min_date, max_date)


@st.composite
def _hazards(draw: st.DrawFn, owners: list[str], min_date: date, max_date: date) -> Hazard:
    level = draw(st.sampled_from(HazardLevel))
    found = draw(dates(min_date, max_date))
    plan = draw(
        _complete_rectification()
        if level is HazardLevel.MAJOR
        else st.none() | _plans_of_rectification()
    )
    hazard = Hazard(
        id=draw(_IDS),
        enterprise=draw(st.sampled_from(owners) if owners else uscc_codes()),
        found_on=found,
        level=level,
        description=draw(_TEXT),
        category=draw(st.just("") | _TEXT),
        location=draw(st.just("") | _TEXT),
        source=draw(st.sampled_from(HazardSource)),
        rectification=plan,
        supervision=draw(
            st.none() | st.builds(Supervision, by=_TEXT, since=dates(min_date, max_date))
        ),
    )
    day = found
    for _ in range(draw(st.integers(0, 5))):
        day += timedelta(days=draw(st.integers(0, 30)))
        moves: dict[str, Any] = {
            "reported": [hazard.start_rectification],
            "rectifying": [hazard.submit_for_acceptance],
            "pending_acceptance": [hazard.accept, hazard.reject],
            "closed": [],
        }
        options = moves[hazard.status.value]
        if not options or day > max_date:
            break
        hazard = draw(st.sampled_from(options))(on=day)
    return hazard


def risks() -> st.SearchStrategy[Risk]:
    """Risks assessed by LEC or by the 5 × 5 matrix.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(risks())
        ... def check(x):
        ...     assert isinstance(x.assessment, (LecInputs, MatrixInputs))
        >>> check()
    """
    positive = st.integers(1, 1000).map(lambda tenths: Decimal(tenths).scaleb(-1))
    return st.builds(
        Risk,
        id=_IDS,
        enterprise=uscc_codes(),
        location=_TEXT,
        assessment=st.one_of(
            st.builds(LecInputs, l=positive, e=positive, c=positive),
            st.builds(MatrixInputs, likelihood=st.integers(1, 5), severity=st.integers(1, 5)),
        ),
        assessed_on=dates(),
        activity=st.just("") | _TEXT,
        controls=st.lists(_TEXT, max_size=3).map(tuple),
    )


def accidents(
    *,
    enterprises: Sequence[str] | None = None,
    min_date: date = date(2004, 1, 1),
    max_date: date = date(2026, 12, 31),
) -> st.SearchStrategy[Accident]:
    """Accidents with aware times; reported at or after they occurred, if at all.

    Args:
        enterprises: draw the enterprise's 统一社会信用代码 from these (default: any code).
        min_date: the earliest day (in China) an accident occurs.
        max_date: the latest day (in China) it occurs.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(accidents())
        ... def check(x):
        ...     assert x.reported_at is None or x.reported_at >= x.occurred_at
        >>> check()
    """
    owners = _choices("enterprises", enterprises, str)
    _check_span(min_date, max_date)
    return _accidents(owners, min_date, max_date)


@st.composite
def _accidents(draw: st.DrawFn, owners: list[str], min_date: date, max_date: date) -> Accident:
    occurred = draw(aware_datetimes(min_date=min_date, max_date=max_date))
    room = int((_END_OF_DAYS - occurred).total_seconds())
    reported = draw(
        st.none() | st.integers(0, min(10**6, room)).map(lambda s: occurred + timedelta(seconds=s))
    )
    return Accident(
        id=draw(_IDS),
        enterprise=draw(st.sampled_from(owners) if owners else uscc_codes()),
        occurred_at=occurred,
        deaths=draw(st.integers(0, 100)),
        serious_injuries=draw(st.integers(0, 200)),
        direct_loss=draw(money()),
        kind=draw(st.sampled_from(AccidentKind)),
        reported_at=reported,
        missing=draw(st.integers(0, 10)),
        description=draw(st.just("") | _TEXT),
    )


def records(
    *,
    enterprises: Sequence[str] | None = None,
    people: Sequence[str] | None = None,
    kinds: Iterable[RecordKind] | None = None,
    min_date: date = date(2004, 1, 1),
    max_date: date = date(2026, 12, 31),
) -> st.SearchStrategy[Record]:
    """Evidence records.

    Args:
        enterprises: draw the enterprise's 统一社会信用代码 from these (default: any code).
        people: draw the person (or none) from these ids (default: any id, or none).
        kinds: draw the kind from these (default: every :class:`RecordKind`).
        min_date: the earliest day of a record.
        max_date: the latest day of a record.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(records(people=["p1"], min_date=date(2026, 1, 1)))
        ... def check(x):
        ...     assert x.person in (None, "p1") and x.on.year == 2026
        ...     assert x.hours is None or x.hours > 0
        >>> check()
    """
    owners = _choices("enterprises", enterprises, str)
    sorts = _choices("kinds", kinds, RecordKind)
    if people is None:
        who: st.SearchStrategy[str | None] = st.none() | _IDS
    else:
        staff = _choices("people", people, str) if len(people) else []
        who = st.none() | st.sampled_from(staff) if staff else st.none()
    return st.builds(
        Record,
        id=_IDS,
        kind=st.sampled_from(sorts or list(RecordKind)),
        on=dates(min_date, max_date),
        enterprise=st.sampled_from(owners) if owners else uscc_codes(),
        person=who,
        hours=st.none() | st.integers(1, 2000).map(lambda tenths: Decimal(tenths).scaleb(-1)),
        details=st.just("") | _TEXT,
    )


@st.composite
def credit_events(draw: st.DrawFn) -> CreditEvent:
    """Credit-relevant facts; only accident kinds carry a grade.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(credit_events())
        ... def check(x):
        ...     assert isinstance(x, CreditEvent)
        >>> check()
    """
    kind = draw(st.sampled_from(CreditEventKind))
    accident_kinds = (
        CreditEventKind.ACCIDENT,
        CreditEventKind.CONCEALED_ACCIDENT,
        CreditEventKind.FALSE_REPORT,
    )
    grade = draw(st.none() | st.sampled_from(AccidentGrade)) if kind in accident_kinds else None
    return CreditEvent(
        id=draw(_IDS),
        subject=draw(uscc_codes()),
        kind=kind,
        on=draw(dates()),
        accident_grade=grade,
        deaths=draw(st.integers(0, 50)) if kind in accident_kinds else 0,
        details=draw(st.just("") | _TEXT),
        basis=draw(st.none() | bases()),
    )


@st.composite
def list_entries(draw: st.DrawFn) -> ListEntry:
    """List entries whose list matches the regime and whose dates are ordered.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(list_entries())
        ... def check(x):
        ...     assert x.expires_on is None or x.expires_on > x.listed_on
        >>> check()
    """
    regime = draw(st.sampled_from(sorted(LIST_OF_REGIME)))
    listed = draw(dates())
    return ListEntry(
        kind=LIST_OF_REGIME[regime],
        regime=regime,
        subject=draw(uscc_codes()),
        listed_on=listed,
        basis=draw(bases()),
        expires_on=draw(st.none() | st.integers(1, 2000).map(lambda d: listed + timedelta(days=d))),
        removed_on=draw(st.none() | st.integers(0, 2000).map(lambda d: listed + timedelta(days=d))),
    )


def credit_statuses() -> st.SearchStrategy[CreditStatus]:
    """Credit statuses (as data; not computed).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(credit_statuses())
        ... def check(x):
        ...     assert isinstance(x, CreditStatus)
        >>> check()
    """
    return st.builds(
        CreditStatus,
        subject=uscc_codes(),
        as_of=dates(),
        standing=st.sampled_from(CreditStanding),
        entries=st.lists(list_entries(), max_size=2).map(tuple),
        restrictions=st.lists(_TEXT, max_size=2).map(tuple),
        pending=st.lists(credit_events(), max_size=2).map(tuple),
        explanation=st.lists(_TEXT, max_size=2).map(tuple),
    )


def authorities() -> st.SearchStrategy[Authority]:
    """Government bodies with duties under a plan.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(authorities())
        ... def check(x):
        ...     assert x.subject in AUTHORITY_SUBJECTS
        >>> check()
    """
    return regions().flatmap(
        lambda region: st.builds(
            Authority,
            uscc=uscc_codes(),
            name=_TEXT,
            subject=st.sampled_from(sorted(AUTHORITY_SUBJECTS)),
            region=st.just(region),
            park=st.none() | _parks(region),
        )
    )


def portfolios(
    *,
    min_enterprises: int = 0,
    max_enterprises: int = 2,
    as_of: date | None = None,
    industries: Iterable[Industry] | None = None,
    regions: Iterable[str] | None = None,
    max_facts: int = 3,
    max_authorities: int = 1,
) -> st.SearchStrategy[Portfolio]:
    """Small portfolios whose every fact belongs to one of its enterprises.

    Valid by construction, as :class:`~safetyduty.models.Portfolio` checks it
    as a whole: codes and ids are unique; each record, hazard, accident and
    person names one of the generated enterprises (records may name one of
    their people); every person has an employer; :meth:`Portfolio.unmatched`
    is empty. So :func:`~safetyduty.rules.compliance.evaluate_many` judges
    every fact.

    Args:
        min_enterprises: the fewest enterprises.
        max_enterprises: the most enterprises.
        as_of: when given, every fact is dated in the year that ends on it
            (the span :func:`~safetyduty.rules.compliance.evaluate` judges by
            default); otherwise facts fall in 2004-2026.
        industries: passed to :func:`enterprises`.
        regions: passed to :func:`enterprises`.
        max_facts: the most records, and the most people, per enterprise
            (hazards and accidents: at most half as many).
        max_authorities: the most authorities (with records of their own).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(portfolios(max_enterprises=2, as_of=date(2026, 6, 30)))
        ... def check(x):
        ...     assert len(x.enterprises) <= 2 and not x.unmatched()
        ...     assert all(r.on <= date(2026, 6, 30) for r in x.records)
        >>> check()
    """
    for name, value in (
        ("min_enterprises", min_enterprises),
        ("max_enterprises", max_enterprises),
        ("max_facts", max_facts),
        ("max_authorities", max_authorities),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(name, value, "must be an int >= 0")
    if min_enterprises > max_enterprises:
        raise ValidationError("min_enterprises", min_enterprises, "must not exceed max_enterprises")
    if as_of is None:
        first, last = date(2004, 1, 1), date(2026, 12, 31)
    else:
        if not isinstance(as_of, date) or isinstance(as_of, datetime):
            raise ValidationError("as_of", as_of, "must be a datetime.date")
        if not Portfolio.FIRST_DAY < as_of <= _LAST_AS_OF:
            raise ValidationError("as_of", as_of, f"must be after 1900-01-01, by {_LAST_AS_OF}")
        first, last = (
            max(as_of - relativedelta(years=1) + timedelta(days=1), date(1900, 1, 1)),
            as_of,
        )
    return _portfolios(
        enterprises(industries=industries, regions=regions),
        min_enterprises=min_enterprises,
        max_enterprises=max_enterprises,
        first=first,
        last=last,
        max_facts=max_facts,
        max_authorities=max_authorities,
    )


@st.composite
def _portfolios(
    draw: st.DrawFn,
    firm_strategy: st.SearchStrategy[Enterprise],
    *,
    min_enterprises: int,
    max_enterprises: int,
    first: date,
    last: date,
    max_facts: int,
    max_authorities: int,
) -> Portfolio:
    firms = draw(
        st.lists(
            firm_strategy,
            min_size=min_enterprises,
            max_size=max_enterprises,
            unique_by=lambda e: e.uscc,
        )
    )
    codes = [e.uscc for e in firms]
    bodies = draw(
        st.lists(authorities(), max_size=max_authorities, unique_by=lambda a: a.uscc).filter(
            lambda found: not {a.uscc for a in found} & set(codes)
        )
    )
    taken: set[str] = set()
    staff: list[Person] = []
    record_list: list[Record] = []
    hazard_list: list[Hazard] = []
    accident_list: list[Accident] = []
    for code in codes:
        own = _unique_ids(
            draw(st.lists(persons(enterprises=[code], max_date=last), max_size=max_facts)), taken
        )
        staff.extend(own)
        ids = [p.id for p in own]
        facts = records(enterprises=[code], people=ids, min_date=first, max_date=last)
        record_list.extend(draw(st.lists(facts, max_size=max_facts)))
        found = hazards(enterprises=[code], min_date=first, max_date=last)
        hazard_list.extend(draw(st.lists(found, max_size=max_facts // 2)))
        events = accidents(enterprises=[code], min_date=first, max_date=last)
        accident_list.extend(draw(st.lists(events, max_size=max_facts // 2)))
    for body in bodies:
        facts = records(enterprises=[body.uscc], people=[], min_date=first, max_date=last)
        record_list.extend(draw(st.lists(facts, max_size=max_facts)))
    return Portfolio(
        enterprises=firms,
        records=_unique_ids(record_list, set()),
        hazards=_unique_ids(hazard_list, set()),
        accidents=_unique_ids(accident_list, set()),
        people=staff,
        authorities=bodies,
    )


def cases(*, as_of: date | None = None, max_facts: int = 3) -> st.SearchStrategy[Case]:
    """Cases: one enterprise with its records, hazards, accidents and people (a line of the case layout).

    Each is the one enterprise of a :func:`portfolios` draw, so its facts
    are valid and its own.

    Args:
        as_of: as in :func:`portfolios`.
        max_facts: as in :func:`portfolios`.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(cases())
        ... def check(x):
        ...     assert all(r.enterprise == x.enterprise.uscc for r in x.records)
        >>> check()
    """
    return portfolios(
        min_enterprises=1, max_enterprises=1, as_of=as_of, max_facts=max_facts, max_authorities=0
    ).map(
        lambda p: Case(
            enterprise=p.enterprises[0],
            records=p.records,
            hazards=p.hazards,
            accidents=p.accidents,
            people=p.people,
        )
    )


def unmatched() -> st.SearchStrategy[Unmatched]:
    """What a portfolio reports of facts whose enterprise is not in it: codes and sorted ids.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(unmatched())
        ... def check(x):
        ...     assert x.total == len(x.records) + len(x.hazards) + len(x.accidents) + len(x.people)
        >>> check()
    """
    ids = st.lists(_IDS, max_size=3, unique=True).map(lambda xs: tuple(sorted(xs)))
    return st.builds(
        Unmatched,
        codes=st.lists(uscc_codes(), max_size=2, unique=True).map(lambda xs: tuple(sorted(xs))),
        records=ids,
        hazards=ids,
        accidents=ids,
        people=ids,
    )


T = TypeVar("T")
_Identified = TypeVar("_Identified", Record, Hazard, Accident, Person)


def _unique_ids(items: list[_Identified], seen: set[str]) -> list[_Identified]:
    """The items with ids made unique (against *seen*, which grows) by a numbered suffix."""
    unique = []
    for item in items:
        ident, n = item.id, 1
        while ident in seen:
            n += 1
            ident = f"{item.id}~{n}"
        seen.add(ident)
        unique.append(item if ident == item.id else attrs.evolve(item, id=ident))
    return unique
