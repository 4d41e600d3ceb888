"""Credit lists (红黑名单): listing triggers, terms and status, computed from events.

Three black-list regimes follow each other; each listing follows the regime
in force on its date (decision 4 of ``domain.md``):

- 2015-07-29: 安全生产不良记录"黑名单"管理暂行规定 (安委办〔2015〕14号): 1 year,
  3 years when listed again consecutively, extended until an overdue major
  hazard is rectified;
- 2017-05-09: 对安全生产领域失信行为开展联合惩戒的实施办法 (安监总办〔2017〕49号):
  1 year; removal is applied for within 30 days before expiry;
- 2023-10-01: 安全生产严重失信主体名单管理办法 (应急管理部令第11号): 3 years;
  early removal possible once listed for a full 12 months.

The red list follows 安监总办〔2017〕133号 (all six conditions of 第二条).

Dates are counted by 民法典 第201/202条: a listing on 2024-02-29 for 3 years
is in force through 2027-02-28; "满12个月" is reached after the 12-month
period's last day, so early removal can be applied for from the day after.

Examples:
    >>> from datetime import date
    >>> from safetyduty.models import CreditEvent, CreditEventKind, AccidentGrade
    >>> events = [CreditEvent(id="a1", subject="914403001922038216", kind=CreditEventKind.ACCIDENT,
    ...                       on=date(2024, 2, 29), accident_grade=AccidentGrade.MAJOR, deaths=12)]
    >>> status = credit_status("914403001922038216", events, as_of=date(2026, 1, 1))
    >>> status.standing, status.entries[0].expires_on
    (<CreditStanding.BLACK: 'black'>, datetime.date(2027, 2, 28))
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from safetyduty import law
from safetyduty._methods import by_fields
from safetyduty.errors import NoRuleInForceError, ValidationError
from safetyduty.law import Criterion, CriterionForm, Regime
from safetyduty.models import (
    AccidentGrade,
    Basis,
    CreditEvent,
    CreditEventKind,
    CreditListKind,
    CreditRegime,
    CreditStanding,
    CreditStatus,
    Enterprise,
    ListEntry,
    StandardizationLevel,
)
from safetyduty.rules._args import plain_day, unique_by_id

__all__ = [
    "REGIMES",
    "RESTRICTIONS",
    "ListingTerms",
    "RedListEligibility",
    "Trigger",
    "UnmetCondition",
    "black_regime_at",
    "credit_status",
    "credit_statuses",
    "listing_terms",
    "listing_triggers",
    "red_list_eligibility",
]

K = CreditEventKind
G = AccidentGrade


REGIMES: Final[Mapping[CreditRegime, Regime]] = law.credit_regimes()
"""The regimes, with their effective dates and periods (the law's data, ``credit.toml``)."""

_BLACK_ORDER: Final = tuple(
    sorted(
        (r for r in REGIMES.values() if r.list_kind is CreditListKind.BLACK),
        key=lambda r: r.effective_from,
    )
)

RESTRICTIONS: Final = law.restrictions()[0]
"""What a black-listed subject is restricted in (会宁县"十四五"安全生产规划, seed 003)."""
_RESTRICTIONS_BASIS: Final = law.restrictions()[1]


_day = plain_day


def black_regime_at(day: date) -> Regime:
    """The black-list regime in force on *day*.

    Raises:
        NoRuleInForceError: before 2015-07-29.

    Examples:
        >>> black_regime_at(date(2018, 6, 1)).key
        <CreditRegime.JOINT_PUNISHMENT_2017: 'joint_punishment_2017'>
        >>> black_regime_at(date(2023, 10, 1)).key
        <CreditRegime.SERIOUS_DISHONESTY_2023: 'serious_dishonesty_2023'>
    """
    checked = _day("day", day)
    in_force = [r for r in _BLACK_ORDER if r.effective_from <= checked]
    if not in_force:
        raise NoRuleInForceError("black list", checked, _BLACK_ORDER[0].effective_from)
    return in_force[-1]


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Trigger:
    """A qualifying act: the subject, the criterion met, when, the events that make it, under which regime."""

    subject: str
    regime: CreditRegime
    criterion: str
    title: str
    on: date
    events: tuple[CreditEvent, ...]
    basis: Basis


_Found = tuple[date, tuple[CreditEvent, ...]]


def _matches(criterion: Criterion, events: Sequence[CreditEvent]) -> Iterable[_Found]:
    """The days *criterion* is met in *events*, with the events that meet it."""
    form = criterion.form
    if form is CriterionForm.EVENT:
        return ((e.on, (e,)) for e in events if e.kind in criterion.kinds)
    if form is CriterionForm.ACCIDENT:
        return (
            (e.on, (e,))
            for e in events
            if e.kind is K.ACCIDENT and e.accident_grade in criterion.grades
        )
    if form is CriterionForm.REPEATED:
        return _repeated(criterion, events)
    return _deaths_in_a_year(criterion, events)


def _repeated(criterion: Criterion, events: Sequence[CreditEvent]) -> Iterator[_Found]:
    """*count* matching accidents with the last within the window of the first (its first day not counted)."""
    count, window = criterion.count or 2, relativedelta(months=criterion.within_months or 12)
    hits = sorted(
        (
            e
            for e in events
            if e.kind is K.ACCIDENT
            and e.accident_grade in criterion.grades
            and (e.deaths > 0 or not criterion.fatal)
        ),
        key=lambda e: (e.on, e.id),
    )
    for end in range(count - 1, len(hits)):
        group = tuple(hits[end - count + 1 : end + 1])
        if group[-1].on <= group[0].on + window:
            yield group[-1].on, group


def _deaths_in_a_year(criterion: Criterion, events: Sequence[CreditEvent]) -> Iterator[_Found]:
    accidents = sorted(
        (e for e in events if e.kind is K.ACCIDENT and e.deaths), key=lambda e: (e.on, e.id)
    )
    for _, group_iter in itertools.groupby(accidents, key=lambda e: e.on.year):
        group = list(group_iter)
        total = 0
        for index, event in enumerate(group):
            total += event.deaths
            if total >= (criterion.deaths or 0):
                yield event.on, tuple(group[: index + 1])
                break


def _events(values: object) -> tuple[CreditEvent, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError("events", values, "must be a list of CreditEvent")
    items = tuple(values)
    if not all(isinstance(e, CreditEvent) for e in items):
        raise ValidationError("events", values, "must be a list of CreditEvent")
    return unique_by_id("events", items)


def listing_triggers(events: Iterable[CreditEvent], *, as_of: date) -> tuple[Trigger, ...]:
    """Every qualifying act up to *as_of*, under the regime in force on the day it qualified.

    Acts before 2015-07-29 (no regime) are ignored. Criteria that need facts
    the events do not carry ("其他性质恶劣、情节严重" violations) are not
    computed.

    Examples:
        >>> from safetyduty.models import CreditEvent, CreditEventKind, AccidentGrade
        >>> def larger(day): return CreditEvent(id=str(day), subject="s", kind=CreditEventKind.ACCIDENT,
        ...                                     on=day, accident_grade=AccidentGrade.LARGER, deaths=3)
        >>> [t.criterion for t in listing_triggers([larger(date(2024, 3, 1)), larger(date(2025, 3, 1))],
        ...                                         as_of=date(2025, 6, 1))]
        ['two_larger_accidents']
    """
    checked = _day("as_of", as_of)
    found: list[Trigger] = []
    by_subject = sorted(
        _events(events),
        key=lambda e: e.subject,
    )
    for subject, group in itertools.groupby(by_subject, key=lambda e: e.subject):
        mine = [e for e in group if e.on <= checked]
        for position, regime in enumerate(_BLACK_ORDER):
            until = (
                _BLACK_ORDER[position + 1].effective_from
                if position + 1 < len(_BLACK_ORDER)
                else None
            )
            for criterion in law.credit_criteria(regime.key):
                for on, hits in _matches(criterion, mine):
                    if regime.effective_from <= on and (until is None or on < until):
                        found.append(
                            Trigger(
                                subject=subject,
                                regime=regime.key,
                                criterion=criterion.code,
                                title=criterion.title,
                                on=on,
                                events=hits,
                                basis=criterion.basis,
                            )
                        )
    return tuple(
        sorted(found, key=lambda t: (t.subject, t.on, t.criterion, tuple(e.id for e in t.events)))
    )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ListingTerms:
    """What a listing means in dates.

    Attributes:
        entry: the listing.
        expires_on: the last day in force (``None``: open, e.g. until a major
            hazard is rectified).
        early_removal_from: the first day early removal may be applied for (2023 regime).
        removal_window: the days removal must be applied for in (2017 regime).
        reason: how the expiry was reached.
    """

    entry: ListEntry
    expires_on: date | None
    early_removal_from: date | None
    removal_window: tuple[date, date] | None
    reason: str


def listing_terms(
    entry: ListEntry, *, previous: Sequence[ListEntry] = (), events: Sequence[CreditEvent] = ()
) -> ListingTerms:
    """The expiry, early-removal date and removal window of a listing.

    A recorded ``expires_on`` is kept. Otherwise: the regime's period from the
    listing date (the corresponding day, 民法典 第二百零二条); under the 2015
    regime 3 years for a consecutive second listing (one made while a
    previous 2015 listing of the subject was in force, or on the day after it
    ended), and extended until an overdue major hazard is rectified.

    Examples:
        >>> e = ListEntry(kind=CreditListKind.BLACK, regime=CreditRegime.SERIOUS_DISHONESTY_2023,
        ...               subject="s", listed_on=date(2024, 2, 29), basis=Basis(document="决定书"))
        >>> t = listing_terms(e)
        >>> t.expires_on, t.early_removal_from
        (datetime.date(2027, 2, 28), datetime.date(2025, 3, 1))
    """
    if not isinstance(entry, ListEntry):
        raise ValidationError("entry", entry, "must be a ListEntry")
    regime = REGIMES[entry.regime]
    months = regime.period_months
    reason = f"{regime.key.value}: {months} months" if months else "no fixed period"
    if regime.repeat_period_months and _consecutive(entry, previous):
        months = regime.repeat_period_months
        reason = f"{regime.key.value}: consecutive listing, {months} months"
    expires = entry.expires_on
    if expires is None and months:
        expires = entry.listed_on + relativedelta(months=months)
    if expires is not None and entry.regime is CreditRegime.BLACKLIST_2015:
        expires, extra = _hazard_extension(entry, expires, events)
        reason += extra
    early = None
    if regime.early_removal_months:
        early = (
            entry.listed_on + relativedelta(months=regime.early_removal_months) + timedelta(days=1)
        )
    window = None
    if regime.removal_window_days and expires is not None:
        window = (expires - timedelta(days=regime.removal_window_days), expires)
    return ListingTerms(
        entry=entry,
        expires_on=expires,
        early_removal_from=early,
        removal_window=window,
        reason=reason,
    )


def _consecutive(entry: ListEntry, previous: Sequence[ListEntry]) -> bool:
    for before in previous:
        if (
            before.subject != entry.subject
            or before.regime is not entry.regime
            or before.listed_on >= entry.listed_on
        ):
            continue
        end = before.expires_on or before.listed_on + relativedelta(
            months=REGIMES[before.regime].period_months or 0
        )
        if entry.listed_on <= end + timedelta(days=1):
            return True
    return False


def _hazard_extension(
    entry: ListEntry, expires: date, events: Sequence[CreditEvent]
) -> tuple[date | None, str]:
    mine = sorted((e for e in events if e.subject == entry.subject), key=lambda e: e.on)
    open_hazard = None
    for event in mine:
        if event.on > expires:
            break
        if event.kind is K.MAJOR_HAZARD_NOT_RECTIFIED:
            open_hazard = event
        elif event.kind is K.MAJOR_HAZARD_RECTIFIED:
            open_hazard = None
    if open_hazard is None:
        return expires, ""
    fixed = next(
        (e.on for e in mine if e.kind is K.MAJOR_HAZARD_RECTIFIED and e.on > expires), None
    )
    return fixed, f"; extended until the major hazard of {open_hazard.on} is rectified"


def _computed_entries(
    triggers: Sequence[Trigger], events: Sequence[CreditEvent]
) -> list[tuple[ListEntry, ListingTerms, Trigger]]:
    done: list[tuple[ListEntry, ListingTerms, Trigger]] = []
    # One listing per day and regime, however many criteria the day's acts meet.
    firsts = {(t.on, t.regime): t for t in reversed(triggers)}
    for trigger in sorted(firsts.values(), key=lambda t: t.on):
        regime = REGIMES[trigger.regime]
        entry = ListEntry(
            kind=regime.list_kind,
            regime=regime.key,
            subject=trigger.subject,
            listed_on=trigger.on,
            basis=regime.basis,
        )
        terms = listing_terms(entry, previous=[d[0] for d in done], events=events)
        done.append((attrs.evolve(entry, expires_on=terms.expires_on), terms, trigger))
    return done


def _in_force(entry: ListEntry, terms: ListingTerms, as_of: date) -> bool:
    if as_of < entry.listed_on or (entry.removed_on is not None and as_of >= entry.removed_on):
        return False
    return terms.expires_on is None or as_of <= terms.expires_on


def credit_status(
    subject: str, events: Iterable[CreditEvent], *, as_of: date, decisions: Iterable[ListEntry] = ()
) -> CreditStatus:
    """The subject's standing on *as_of*, with the entries, restrictions, pending acts and reasons.

    Recorded listing decisions take precedence: when the subject has any,
    its standing follows them, and qualifying acts after the latest decision
    are reported as pending. Without decisions the standing is computed from
    the qualifying acts, each taken as listed on the day it qualified (the
    explanation says so).

    Examples:
        >>> credit_status("914403001922038216", [], as_of=date(2026, 1, 1)).standing
        <CreditStanding.NONE: 'none'>
    """
    if not isinstance(subject, str) or not subject.strip():
        raise ValidationError("subject", subject, "must be a non-empty string")
    checked = _day("as_of", as_of)
    all_events = _events(events)
    mine = tuple(e for e in all_events if e.subject == subject and e.on <= checked)
    recorded = _decisions(decisions)
    own = sorted(
        (d for d in recorded if d.subject == subject and d.listed_on <= checked),
        key=lambda d: d.listed_on,
    )
    return _status(subject, mine, own, checked)


def _decisions(decisions: object) -> tuple[ListEntry, ...]:
    recorded = tuple(decisions) if isinstance(decisions, (list, tuple)) else None
    if recorded is None or not all(isinstance(d, ListEntry) for d in recorded):
        raise ValidationError("decisions", decisions, "must be a list of ListEntry")
    return recorded


def credit_statuses(
    events: Iterable[CreditEvent],
    *,
    as_of: date,
    decisions: Iterable[ListEntry] = (),
    subjects: Iterable[str] | None = None,
) -> dict[str, CreditStatus]:
    """The standing of many subjects on *as_of*: :func:`credit_status` of each, with the facts grouped once.

    The events and decisions are checked and grouped by subject in one pass,
    so the cost grows with the number of events (not events × subjects, as
    calling :func:`credit_status` for each subject over the whole list does).

    Args:
        events: the events of every subject.
        as_of: the day judged.
        decisions: recorded listing decisions, of any subjects.
        subjects: the subjects to report (default: every subject an event or a
            decision names); a subject with no events stands on no list.

    Returns:
        The status of each subject, by subject, in the order of their codes.

    Raises:
        ValidationError: for bad input, as :func:`credit_status` would.

    Examples:
        >>> from safetyduty.models import AccidentGrade, CreditEvent, CreditEventKind
        >>> from safetyduty.rules import credit
        >>> events = [CreditEvent(id=f"a{i}", subject=s, kind=CreditEventKind.ACCIDENT, on=date(2024, 3, 1),
        ...                       accident_grade=grade, deaths=deaths)
        ...           for i, (s, grade, deaths) in enumerate([("914403001922038216", AccidentGrade.MAJOR, 12),
        ...                                                   ("91440300MA5F8XYZ1Q", AccidentGrade.GENERAL, 0)])]
        >>> found = credit.credit_statuses(events, as_of=date(2026, 1, 1))
        >>> {subject: status.standing.value for subject, status in found.items()}
        {'914403001922038216': 'black', '91440300MA5F8XYZ1Q': 'none'}
        >>> credit.credit_statuses([], as_of=date(2026, 1, 1), subjects=["s1"])["s1"].standing.value
        'none'
    """
    checked = _day("as_of", as_of)
    all_events = _events(events)
    recorded = _decisions(decisions)
    mine: dict[str, list[CreditEvent]] = {}
    for event in all_events:
        found = mine.setdefault(event.subject, [])
        if event.on <= checked:
            found.append(event)
    own: dict[str, list[ListEntry]] = {}
    for decision in recorded:
        listed = own.setdefault(decision.subject, [])
        if decision.listed_on <= checked:
            listed.append(decision)
    if subjects is None:
        wanted = sorted(mine.keys() | own.keys())
    else:
        if isinstance(subjects, (str, bytes)) or not isinstance(subjects, Iterable):
            raise ValidationError("subjects", subjects, "must be a list of subject codes")
        asked = list(subjects)
        for subject in asked:
            if not isinstance(subject, str) or not subject.strip():
                raise ValidationError("subjects", subject, "must be a non-empty string")
        wanted = sorted(set(asked))
    return {
        subject: _status(
            subject,
            tuple(mine.get(subject, ())),
            sorted(own.get(subject, ()), key=lambda d: d.listed_on),
            checked,
        )
        for subject in wanted
    }


def _status(
    subject: str, mine: tuple[CreditEvent, ...], own: list[ListEntry], checked: date
) -> CreditStatus:
    """The standing of *subject* from its own events and decisions up to *checked* (both checked)."""
    triggers = listing_triggers(mine, as_of=checked)
    lines: list[str] = []
    if own:
        latest = max((d.listed_on for d in own if d.kind is CreditListKind.BLACK), default=None)
        pending = [t for t in triggers if latest is None or t.on > latest]
        listed = [
            (d, listing_terms(d, previous=own[:i], events=mine), "decided")
            for i, d in enumerate(own)
        ]
    else:
        pending = list(triggers)
        listed = [
            (e, t, "computed from events, no decision recorded")
            for e, t, _ in _computed_entries(triggers, mine)
        ]
    in_force = [(e, t, how) for e, t, how in listed if _in_force(e, t, checked)]
    for entry, terms, how in in_force:
        until = terms.expires_on.isoformat() if terms.expires_on else "open"
        text = f"{entry.kind.value} list ({entry.regime.value}, {how}) from {entry.listed_on} until {until}"
        if terms.early_removal_from:
            text += f"; early removal may be applied for from {terms.early_removal_from}"
        if terms.removal_window:
            text += f"; apply for removal {terms.removal_window[0]} .. {terms.removal_window[1]}"
        lines.append(f"{text}; {entry.basis}")
    lines.extend(
        f"qualifying act on {t.on}: {t.title} ({t.regime.value}); {t.basis}" for t in pending
    )
    kinds = {e.kind for e, _, _ in in_force}
    standing = (
        CreditStanding.BLACK
        if CreditListKind.BLACK in kinds
        else CreditStanding.RED
        if CreditListKind.RED in kinds
        else CreditStanding.NONE
    )
    if standing is CreditStanding.BLACK:
        lines.append(f"restrictions: {'、'.join(RESTRICTIONS)}; {_RESTRICTIONS_BASIS}")
    return CreditStatus(
        subject=subject,
        as_of=checked,
        standing=standing,
        entries=[
            attrs.evolve(e, expires_on=t.expires_on)
            if e.expires_on != t.expires_on and t.expires_on
            else e
            for e, t, _ in in_force
        ],
        restrictions=RESTRICTIONS if standing is CreditStanding.BLACK else (),
        pending=[event for t in pending for event in t.events],
        explanation=lines,
    )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class UnmetCondition:
    """A red-list condition not met: which, why, since when, and from when it could be met again."""

    condition: int
    text: str
    since: date | None
    eligible_again_from: date | None


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RedListEligibility:
    """Whether an enterprise meets all six red-list conditions on a date."""

    eligible: bool
    unmet: tuple[UnmetCondition, ...]
    basis: Basis


_DISHONEST: Final = frozenset(
    {K.CONCEALED_ACCIDENT, K.FALSE_REPORT, K.UNLICENSED_OPERATION, K.MAJOR_HAZARD_NOT_RECTIFIED, K.REFUSED_ENFORCEMENT,
     K.FALSE_DOCUMENTS, K.ABSCONDED, K.EGREGIOUS_ACCIDENT_PENALTY}
)  # fmt: skip


def red_list_eligibility(
    enterprise: Enterprise, events: Iterable[CreditEvent], *, as_of: date
) -> RedListEligibility:
    """安监总办〔2017〕133号 第二条: all six conditions, with the date each unmet one could be met again.

    The conditions: (1) a public commitment (a ``public_commitment``
    event); (2) no dishonest act within 3 years; (3) no administrative
    penalty within 3 years; (4) no fatal accident within 3 years (new
    occupational-disease cases are not modelled); (5) 安全生产标准化 一级;
    (6) no joint-punishment record in another field. "3年内" counts from the
    day after the act: an act on 2024-05-10 bars through 2027-05-10, so
    eligibility may return on 2027-05-11.

    Raises:
        NoRuleInForceError: before 2017-12-07.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry, Standardization, CreditEvent, CreditEventKind
        >>> e = Enterprise(uscc="914403001922038216", name="x", industry=Industry.MACHINERY, region="440300",
        ...                employees=300, standardization=Standardization(level=StandardizationLevel.LEVEL_1,
        ...                                                               granted_on=date(2022, 1, 1)))
        >>> events = [CreditEvent(id="c", subject=e.uscc, kind=CreditEventKind.PUBLIC_COMMITMENT, on=date(2022, 3, 1)),
        ...           CreditEvent(id="p", subject=e.uscc, kind=CreditEventKind.ADMINISTRATIVE_PENALTY, on=date(2024, 5, 10))]
        >>> r = red_list_eligibility(e, events, as_of=date(2026, 1, 1))
        >>> r.eligible, [(u.condition, u.eligible_again_from) for u in r.unmet]
        (False, [(3, datetime.date(2027, 5, 11))])
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    checked = _day("as_of", as_of)
    regime = REGIMES[CreditRegime.RED_LIST_2017]
    if checked < regime.effective_from:
        raise NoRuleInForceError("red list", checked, regime.effective_from)
    mine = [e for e in _events(events) if e.subject == enterprise.uscc and e.on <= checked]
    unmet: list[UnmetCondition] = []
    if not any(e.kind is K.PUBLIC_COMMITMENT for e in mine):
        unmet.append(
            UnmetCondition(
                condition=1, text="未公开向社会承诺", since=None, eligible_again_from=None
            )
        )
    three_years = relativedelta(years=3)
    for number, text, keep in (
        (2, "3年内有安全生产失信行为", lambda e: e.kind in _DISHONEST),
        (3, "3年内受到安全监管监察部门行政处罚", lambda e: e.kind is K.ADMINISTRATIVE_PENALTY),
        (
            4,
            "3年内发生造成人员死亡的生产安全责任事故",
            lambda e: e.kind is K.ACCIDENT and e.deaths > 0,
        ),
    ):
        recent = [e for e in mine if keep(e) and checked <= e.on + three_years]
        if recent:
            last = max(e.on for e in recent)
            unmet.append(
                UnmetCondition(
                    condition=number,
                    text=text,
                    since=last,
                    eligible_again_from=last + three_years + timedelta(days=1),
                )
            )
    grade = enterprise.standardization
    if (
        grade is None
        or grade.level is not StandardizationLevel.LEVEL_1
        or grade.granted_on > checked
    ):
        unmet.append(
            UnmetCondition(
                condition=5, text="安全生产标准化未达到一级", since=None, eligible_again_from=None
            )
        )
    other = [e for e in mine if e.kind is K.PENALTY_IN_OTHER_FIELD]
    if other:
        unmet.append(
            UnmetCondition(
                condition=6,
                text="被其他行业领域认定为失信联合惩戒对象",
                since=min(e.on for e in other),
                eligible_again_from=None,
            )
        )
    return RedListEligibility(eligible=not unmet, unmet=tuple(unmet), basis=regime.basis)
