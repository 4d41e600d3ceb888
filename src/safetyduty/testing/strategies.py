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

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

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
    Certificate,
    CertificateKind,
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
    EventKind,
    Frequency,
    Hazard,
    HazardFlag,
    HazardLevel,
    HazardSource,
    Industry,
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
    Standardization,
    StandardizationLevel,
    Subject,
    Supervision,
    Target,
    TargetKind,
    Timing,
    Triggered,
    Window,
    uscc_check_char,
)
from safetyduty.models._credit import LIST_OF_REGIME
from safetyduty.models._enterprise import _PROVINCES, USCC_CHARSET
from safetyduty.models._schedule import MONTHS_IN_PERIOD

__all__ = [
    "accidents",
    "applicabilities",
    "authorities",
    "bases",
    "certificates",
    "credit_events",
    "credit_statuses",
    "dates",
    "durations",
    "enterprises",
    "hazards",
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
    "standardizations",
    "targets",
    "timings",
    "uscc_codes",
]

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(str.strip)
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


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes (UTC offsets from -12h to +14h, whole minutes).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(aware_datetimes())
        ... def check(x):
        ...     assert x.utcoffset() is not None
        >>> check()
    """
    offsets = st.integers(min_value=-12 * 60, max_value=14 * 60).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    # hypothesis takes naive bounds; the zones come from `timezones`.
    low, high = datetime(2004, 1, 1), datetime(2026, 12, 31)  # noqa: DTZ001
    return st.datetimes(min_value=low, max_value=high, timezones=offsets).map(
        lambda moment: moment.replace(microsecond=0)
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
    return st.tuples(st.sampled_from(sorted(_PROVINCES)), st.integers(0, 9999)).map(
        lambda pair: f"{pair[0]:02d}{pair[1]:04d}"
    )


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
    )


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


def enterprises() -> st.SearchStrategy[Enterprise]:
    """Enterprises across every industry, with and without the optional facts.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(enterprises())
        ... def check(x):
        ...     assert len(x.uscc) == 18 and x.employees >= 0
        >>> check()
    """
    return st.builds(
        Enterprise,
        uscc=uscc_codes(),
        name=_TEXT,
        industry=st.sampled_from(Industry),
        region=regions(),
        employees=st.integers(min_value=0, max_value=500_000),
        annual_revenue=st.none() | money(),
        above_designated_size=st.booleans(),
        state_owned=st.booleans(),
        group_company=st.booleans(),
        hazard_flags=st.frozensets(st.sampled_from(HazardFlag)),
        standardization=st.none() | standardizations(),
        production_started_on=st.none() | dates(date(1949, 10, 1), date(2026, 12, 31)),
    )


@st.composite
def certificates(draw: st.DrawFn) -> Certificate:
    """Certificates with consistent dates.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(certificates())
        ... def check(x):
        ...     assert x.expires_on is None or x.expires_on > x.issued_on
        >>> check()
    """
    issued = draw(dates())
    expires = draw(st.none() | st.integers(1, 3650).map(lambda days: issued + timedelta(days=days)))
    reviewed = draw(
        st.none() | st.integers(0, 3650).map(lambda days: issued + timedelta(days=days))
    )
    return Certificate(
        kind=draw(st.sampled_from(CertificateKind)),
        number=draw(_IDS),
        issued_on=issued,
        expires_on=expires,
        last_reviewed_on=reviewed,
    )


def persons() -> st.SearchStrategy[Person]:
    """People in safety roles.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(persons())
        ... def check(x):
        ...     assert all(isinstance(c, Certificate) for c in x.certificates)
        >>> check()
    """
    return st.builds(
        Person,
        id=_IDS,
        name=_TEXT,
        role=st.sampled_from(Role),
        enterprise=st.none() | uscc_codes(),
        took_office_on=st.none() | dates(),
        certificates=st.lists(certificates(), max_size=3).map(tuple),
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
    """Recurring, one-off and triggered schedules.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(schedules())
        ... def check(x):
        ...     assert isinstance(x, (Recurring, OneOff, Triggered))
        >>> check()
    """
    return st.one_of(
        _recurring(),
        st.builds(OneOff, due=dates()),
        st.builds(Triggered, event=st.sampled_from(EventKind), within=durations()),
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
        schedules(),
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
    low = draw(st.none() | st.integers(0, 1000))
    high = draw(st.none() | st.integers(low or 0, 5000))
    return Applicability(
        industries=draw(st.frozensets(st.sampled_from(Industry), max_size=4)),
        hazard_flags=draw(st.frozensets(st.sampled_from(HazardFlag), max_size=2)),
        min_employees=low,
        max_employees=high,
        state_owned=draw(st.none() | st.booleans()),
        above_designated_size=draw(st.none() | st.booleans()),
        group_company=draw(st.none() | st.booleans()),
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
    return Target(
        id=draw(ident),
        title=draw(_TEXT),
        kind=kind,
        milestones=milestones,
        baseline=baseline if kind is TargetKind.REDUCTION or draw(st.booleans()) else None,
        unit=draw(st.sampled_from(["", "%", "起", "人"])),
        scope=draw(st.frozensets(st.sampled_from(Industry), max_size=3)),
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
    duty_list = draw(st.lists(obligations(), max_size=3, unique_by=lambda o: o.id))
    return Plan(
        id=draw(_IDS),
        title=draw(_TEXT),
        issuer=draw(_TEXT),
        level=draw(st.sampled_from(PlanLevel)),
        region=draw(regions()),
        start=start,
        end=end,
        basis=draw(bases()),
        phases=phases,
        targets=target_list,
        obligations=duty_list,
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


@st.composite
def hazards(draw: st.DrawFn) -> Hazard:
    """Hazards at any point of their remediation, reached by legal steps.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(hazards())
        ... def check(x):
        ...     assert x.history[0].status.value == "reported"
        >>> check()
    """
    level = draw(st.sampled_from(HazardLevel))
    found = draw(dates())
    plan = draw(
        _complete_rectification()
        if level is HazardLevel.MAJOR
        else st.none() | _plans_of_rectification()
    )
    hazard = Hazard(
        id=draw(_IDS),
        enterprise=draw(uscc_codes()),
        found_on=found,
        level=level,
        description=draw(_TEXT),
        category=draw(st.just("") | _TEXT),
        location=draw(st.just("") | _TEXT),
        source=draw(st.sampled_from(HazardSource)),
        rectification=plan,
        supervision=draw(st.none() | st.builds(Supervision, by=_TEXT, since=dates())),
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
        if not options:
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


@st.composite
def accidents(draw: st.DrawFn) -> Accident:
    """Accidents with aware times; reported at or after they occurred, if at all.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(accidents())
        ... def check(x):
        ...     assert x.reported_at is None or x.reported_at >= x.occurred_at
        >>> check()
    """
    occurred = draw(aware_datetimes())
    reported = draw(
        st.none() | st.integers(0, 10**6).map(lambda s: occurred + timedelta(seconds=s))
    )
    return Accident(
        id=draw(_IDS),
        enterprise=draw(uscc_codes()),
        occurred_at=occurred,
        deaths=draw(st.integers(0, 100)),
        serious_injuries=draw(st.integers(0, 200)),
        direct_loss=draw(money()),
        kind=draw(st.sampled_from(AccidentKind)),
        reported_at=reported,
        missing=draw(st.integers(0, 10)),
        description=draw(st.just("") | _TEXT),
    )


def records() -> st.SearchStrategy[Record]:
    """Evidence records.

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(records())
        ... def check(x):
        ...     assert x.hours is None or x.hours > 0
        >>> check()
    """
    return st.builds(
        Record,
        id=_IDS,
        kind=st.sampled_from(RecordKind),
        on=dates(),
        enterprise=uscc_codes(),
        person=st.none() | _IDS,
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
    return st.builds(
        Authority,
        uscc=uscc_codes(),
        name=_TEXT,
        subject=st.sampled_from(sorted(AUTHORITY_SUBJECTS)),
        region=regions(),
    )


def portfolios() -> st.SearchStrategy[Portfolio]:
    """Small portfolios: enterprises with records, hazards, accidents and people (not cross-linked).

    Examples:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10, database=None)
        ... @given(portfolios())
        ... def check(x):
        ...     assert len(x.enterprises) <= 2
        >>> check()
    """
    return st.builds(
        Portfolio,
        enterprises=st.lists(enterprises(), max_size=2).map(tuple),
        records=st.lists(records(), max_size=3).map(tuple),
        hazards=st.lists(hazards(), max_size=2).map(tuple),
        accidents=st.lists(accidents(), max_size=2).map(tuple),
        people=st.lists(persons(), max_size=2).map(tuple),
        authorities=st.lists(authorities(), max_size=2).map(tuple),
    )
