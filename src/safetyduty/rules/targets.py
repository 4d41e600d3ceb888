"""Target evaluation: is an indicator met, on track, behind, or has it missed a milestone?

What is judged, and when, follows from what the value measures
(:class:`~safetyduty.models.TargetMeasure`):

**A level on a day** (达标率, 覆盖率; the default):

- only observations up to ``as_of`` count; the latest is the actual value;
- a milestone whose due date has come is judged by the latest observation
  on or before its due date; if it fails, the target is **missed** (naming
  the milestone); a milestone with no observation by its due date is not judged;
- when every milestone has passed, the target is **met**; it is also met
  early when the actual value already reaches the last milestone;
- otherwise it is **on track** when the actual value reaches the value
  expected today on the straight line from the previous milestone (or, with
  none, from the first observation) to the next one, and **behind** when not.

**A total over the target's period** (十四五 事故起数; "坚决杜绝重特大事故" in
2020): observations are the counts of stretches of the period (a year's, a
month's), dated at their end, and are summed from ``Target.start``:

- a cap (at most) is **missed** as soon as the running total passes it, and
  **met** only when the period has ended; before, it is **on track**;
- a floor (at least) is **met** as soon as the total reaches it, and
  **missed** when the period ends short of it;
- a reduction compares like with like: at the end, the period's total with
  the baseline's total; before the end, the yearly average so far with the
  baseline's yearly average (**on track** or **behind**, never met early).

**A figure of each year** (年度十万人口火灾死亡率): each calendar year that
has ended by ``as_of`` is judged by its figure (the last observation dated in
it) against the milestone in force (the first whose due date is at or after
the year's end); one failed year **misses** the target; when the last
milestone's year has ended with every observed year passing, it is **met**;
before, **on track** or **behind** by the latest figure. Years before
``Target.start`` are not judged, only shown as progress: a 十四五 rate that
must fall 30% by 2025 has ``start`` 2025, so 2021's figure is on track or
behind, never missed. A reduction compares each year's figure with the
baseline's yearly average.

With no observation to judge by, a target has **no data**. "Reaches" means ≥
for at-least targets, ≤ for at-most targets; a reduction is (baseline −
actual) / baseline and must reach the milestone's value. A reduction whose
baseline the text does not give (``Target.baseline`` is ``None``) needs the
caller's ``baseline=``.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from safetyduty import catalog
    >>> staged = catalog.plan("xicha-2020").targets[0]
    >>> evaluate_target(staged, [Observation(on=date(2021, 12, 31), value=Decimal("0.58"))], as_of=date(2021, 12, 31)).state
    <TargetState.MISSED: 'missed'>
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty.errors import ValidationError
from safetyduty.models import Baseline, Milestone, Target, TargetKind, TargetMeasure
from safetyduty.rules._args import plain_day

__all__ = ["Observation", "TargetState", "TargetStatus", "evaluate_target"]


class TargetState(StrEnum):
    """Where a target stands."""

    MET = "met"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    MISSED = "missed"
    NO_DATA = "no_data"


register(
    [
        (TargetState.MET, ("已完成", "met")),
        (TargetState.ON_TRACK, ("进度正常", "on track")),
        (TargetState.BEHIND, ("进度滞后", "behind")),
        (TargetState.MISSED, ("未完成阶段目标", "missed a milestone")),
        (TargetState.NO_DATA, ("无数据", "no data")),
    ]
)


def _value(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal >= 0")


def _day(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValidationError(attribute.name, value, "must be a datetime.date")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Observation:
    """A measured value of an indicator on a date (a rate as a fraction, or a count)."""

    on: date = attrs.field(validator=_day)
    value: Decimal = attrs.field(validator=_value)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class TargetStatus:
    """The judgement of a target on a date.

    Attributes:
        target: the target's id.
        state: met, on track, behind, missed or no data.
        milestone: the milestone the state refers to (failed, next, or last).
        expected: the value expected today on the straight-line rule (or the milestone's).
        actual: the latest observed value (a reduction for reduction targets).
        observed_on: the date of that observation.
        reason: the judgement in words.
    """

    target: str
    state: TargetState
    milestone: Milestone | None
    expected: Decimal | None
    actual: Decimal | None
    observed_on: date | None
    reason: str


_AT_MOST: Final = (TargetKind.AT_MOST_RATE, TargetKind.AT_MOST_COUNT)
_YEAR_DAYS: Final = Decimal("365.2425")


def _years(first: date, last: date) -> Decimal:
    """The length of first..last (both included) in years."""
    return Decimal((last - first).days + 1) / _YEAR_DAYS


def _reduction(base: Decimal, value: Decimal) -> Decimal:
    return (base - value) / base if base else Decimal(0)


def _reaches(target: Target, actual: Decimal, wanted: Decimal) -> bool:
    return actual <= wanted if target.kind in _AT_MOST else actual >= wanted


def _status(
    target: Target,
    state: TargetState,
    reason: str,
    *,
    milestone: Milestone | None = None,
    expected: Decimal | None = None,
    actual: Decimal | None = None,
    observed_on: date | None = None,
) -> TargetStatus:
    return TargetStatus(
        target=target.id,
        state=state,
        milestone=milestone,
        expected=expected,
        actual=actual,
        observed_on=observed_on,
        reason=reason,
    )


def evaluate_target(
    target: Target,
    observations: Iterable[Observation],
    *,
    as_of: date,
    baseline: Baseline | None = None,
) -> TargetStatus:
    """Judge *target* on *as_of* from *observations* (see the module for the rules).

    Args:
        target: the indicator and its milestones.
        observations: measured values (levels, counts of stretches, or yearly figures).
        as_of: the day judged; later observations do not count.
        baseline: the baseline of a reduction whose text gives none (it
            replaces ``target.baseline`` when given).

    Raises:
        ValidationError: for bad input, or a reduction with no baseline.

    Examples:
        >>> from safetyduty import catalog
        >>> staged = catalog.plan("xicha-2020").targets[0]        # 40% / 60% / 80%
        >>> s = evaluate_target(staged, [Observation(on=date(2021, 12, 31), value=Decimal("0.62"))],
        ...                     as_of=date(2021, 12, 31))
        >>> s.state, s.milestone.value
        (<TargetState.ON_TRACK: 'on_track'>, Decimal('0.8'))
        >>> deaths = catalog.plan("huining-2021").targets[1]      # 十四五 deaths 10% below 十三五's 38
        >>> one_year = [Observation(on=date(2021, 12, 31), value=Decimal(6))]
        >>> evaluate_target(deaths, one_year, as_of=date(2022, 1, 10)).state     # 6 a year against 7.6
        <TargetState.ON_TRACK: 'on_track'>
    """
    if not isinstance(target, Target):
        raise ValidationError("target", target, "must be a Target")
    plain_day("as_of", as_of)
    if baseline is not None and not isinstance(baseline, Baseline):
        raise ValidationError("baseline", baseline, "must be a Baseline")
    base = baseline or target.baseline
    if target.kind is TargetKind.REDUCTION and base is None:
        raise ValidationError(
            "baseline", None, f"must be given for {target.id}: the text gives no baseline"
        )
    seen = sorted((o for o in _observations(observations) if o.on <= as_of), key=lambda o: o.on)
    if target.measure is TargetMeasure.PERIOD_TOTAL:
        return _period_total(target, seen, as_of, base)
    if target.measure is TargetMeasure.YEARLY:
        return _yearly(target, seen, as_of, base)
    return _level(target, seen, as_of, base)


def _measure(target: Target, value: Decimal, base: Baseline | None) -> Decimal:
    if target.kind is TargetKind.REDUCTION and base is not None:
        return _reduction(base.value, value)
    return value


def _level(
    target: Target, seen: list[Observation], as_of: date, base: Baseline | None
) -> TargetStatus:
    if not seen:
        return _status(target, TargetState.NO_DATA, "no observation up to as_of")
    latest = seen[-1]
    actual = _measure(target, latest.value, base)
    judged = [m for m in target.milestones if m.due <= as_of]
    for milestone in judged:
        before = [o for o in seen if o.on <= milestone.due]
        if not before:
            continue  # nothing observed by then: not judged
        value = _measure(target, before[-1].value, base)
        if not _reaches(target, value, milestone.value):
            return _status(
                target, TargetState.MISSED,
                f"the milestone of {milestone.due} ({milestone.value}) was not reached",
                milestone=milestone, expected=milestone.value, actual=value, observed_on=before[-1].on,
            )  # fmt: skip
    final = target.milestones[-1]
    observed = [m for m in judged if any(o.on <= m.due for o in seen)]
    if len(judged) == len(target.milestones) and not observed:
        return _status(
            target, TargetState.NO_DATA, f"no observation by the last milestone ({final.due})",
            milestone=final, expected=final.value, actual=actual, observed_on=latest.on,
        )  # fmt: skip
    if len(judged) == len(target.milestones) or _reaches(target, actual, final.value):
        return _status(
            target, TargetState.MET, f"{actual} reaches {final.value}",
            milestone=final, expected=final.value, actual=actual, observed_on=latest.on,
        )  # fmt: skip
    following = target.milestones[len(judged)]
    start_day, start_value = (
        (judged[-1].due, judged[-1].value)
        if judged
        else (seen[0].on, _measure(target, seen[0].value, base))
    )
    span = (following.due - start_day).days
    share = Decimal((as_of - start_day).days) / span if span > 0 else Decimal(1)
    expected = start_value + (following.value - start_value) * min(
        max(share, Decimal(0)), Decimal(1)
    )
    state = TargetState.ON_TRACK if _reaches(target, actual, expected) else TargetState.BEHIND
    return _status(
        target, state, f"{actual} against {expected:.4f} expected on the way to {following.value} by {following.due}",
        milestone=following, expected=expected, actual=actual, observed_on=latest.on,
    )  # fmt: skip


def _period_total(
    target: Target, seen: list[Observation], as_of: date, base: Baseline | None
) -> TargetStatus:
    start = target.start or date.min
    inside = [o for o in seen if o.on >= start]
    final = target.milestones[-1]
    if not inside:
        state = TargetState.NO_DATA
        return _status(target, state, f"no count observed from {start}", milestone=final)
    total = sum((o.value for o in inside), Decimal(0))
    if target.kind is TargetKind.REDUCTION and base is not None:
        return _period_reduction(target, total, start, inside[-1].on, as_of=as_of, base=base)
    if target.kind in _AT_MOST:
        return _period_cap(target, total, inside[-1].on, as_of)
    return _period_floor(target, total, start, inside[-1].on, as_of)


def _period_reduction(
    target: Target, total: Decimal, start: date, latest: date, *, as_of: date, base: Baseline
) -> TargetStatus:
    """Totals at the end; before it, the yearly average so far against the baseline's."""
    final = target.milestones[-1]
    if as_of >= final.due:
        done = _reduction(base.value, total)
        state = TargetState.MET if done >= final.value else TargetState.MISSED
        return _status(
            target, state, f"the period's total {total} against the baseline's {base.value}",
            milestone=final, expected=final.value, actual=done, observed_on=latest,
        )  # fmt: skip
    average = total / _years(start, latest)
    base_average = base.value / _years(base.start, base.end)
    done = _reduction(base_average, average)
    state = TargetState.ON_TRACK if done >= final.value else TargetState.BEHIND
    return _status(
        target, state,
        f"{average:.2f} a year so far against the baseline's {base_average:.2f} a year",
        milestone=final, expected=final.value, actual=done, observed_on=latest,
    )  # fmt: skip


def _period_cap(target: Target, total: Decimal, latest: date, as_of: date) -> TargetStatus:
    """Missed once passed; met only when the period has ended."""
    final = target.milestones[-1]
    if total > final.value:
        return _status(
            target, TargetState.MISSED, f"the total {total} has passed {final.value}",
            milestone=final, expected=final.value, actual=total, observed_on=latest,
        )  # fmt: skip
    ended = as_of >= final.due
    state = TargetState.MET if ended else TargetState.ON_TRACK
    reason = f"the total {total} within {final.value}" + (
        "" if ended else f" so far; the period ends on {final.due}"
    )
    return _status(
        target,
        state,
        reason,
        milestone=final,
        expected=final.value,
        actual=total,
        observed_on=latest,
    )


def _period_floor(
    target: Target, total: Decimal, start: date, latest: date, as_of: date
) -> TargetStatus:
    """Met once reached; missed when the period ends short; on the straight line before."""
    final = target.milestones[-1]
    if total >= final.value or as_of >= final.due:
        state = TargetState.MET if total >= final.value else TargetState.MISSED
        return _status(
            target, state, f"the total {total} of {final.value}",
            milestone=final, expected=final.value, actual=total, observed_on=latest,
        )  # fmt: skip
    expected = final.value * _years(start, latest) / _years(start, final.due)
    state = TargetState.ON_TRACK if total >= expected else TargetState.BEHIND
    return _status(
        target, state, f"{total} against {expected:.2f} expected by now",
        milestone=final, expected=expected, actual=total, observed_on=latest,
    )  # fmt: skip


def _yearly(
    target: Target, seen: list[Observation], as_of: date, base: Baseline | None
) -> TargetStatus:
    if not seen:
        return _status(target, TargetState.NO_DATA, "no yearly figure up to as_of")
    first_year = target.start.year if target.start else seen[0].on.year
    last_due = target.milestones[-1].due
    figures = {o.on.year: o for o in seen if o.on.year >= first_year}
    base_average = base.value / _years(base.start, base.end) if base is not None else None

    def measured(observation: Observation) -> Decimal:
        if base_average is not None and target.kind is TargetKind.REDUCTION:
            return _reduction(base_average, observation.value)
        return observation.value

    for year in sorted(figures):
        year_end = date(year, 12, 31)
        if year_end > as_of or year_end > last_due:
            continue
        milestone = next((m for m in target.milestones if m.due >= year_end), target.milestones[-1])
        value = measured(figures[year])
        if not _reaches(target, value, milestone.value):
            return _status(
                target, TargetState.MISSED, f"{year}: {value} does not reach {milestone.value}",
                milestone=milestone, expected=milestone.value, actual=value, observed_on=figures[year].on,
            )  # fmt: skip
    latest = seen[-1]
    final = target.milestones[-1]
    actual = measured(latest)
    if as_of >= date(last_due.year, 12, 31) or as_of >= last_due:
        state = TargetState.MET if figures else TargetState.NO_DATA
        return _status(
            target, state, f"every year observed reaches its milestone, to {last_due.year}",
            milestone=final, expected=final.value, actual=actual, observed_on=latest.on,
        )  # fmt: skip
    milestone = next((m for m in target.milestones if m.due >= as_of), final)
    state = (
        TargetState.ON_TRACK if _reaches(target, actual, milestone.value) else TargetState.BEHIND
    )
    return _status(
        target, state, f"the latest figure {actual} against {milestone.value}",
        milestone=milestone, expected=milestone.value, actual=actual, observed_on=latest.on,
    )  # fmt: skip


def _observations(values: object) -> list[Observation]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError("observations", values, "must be a list of Observation")
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, Observation):
            raise ValidationError(f"observations[{index}]", item, "must be an Observation")
    return items
