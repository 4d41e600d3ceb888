"""Target evaluation: is an indicator met, on track, behind, or has it missed a milestone?

The rules (also in the docs, "Evaluating compliance"):

- only observations up to ``as_of`` count; the latest is the actual value;
- a milestone whose due date has come (due ≤ ``as_of``) is judged by the
  latest observation on or before its due date; if it fails, the target is
  **missed** (naming the milestone); a milestone with no observation by its
  due date is not judged;
- when every milestone has come and passed, the target is **met**; it is
  also met early when the actual value already reaches the last milestone;
- otherwise it is **on track** when the actual value reaches the value
  expected today on the straight line from the previous milestone (or, with
  none, from the first observation) to the next one, and **behind** when it
  does not;
- with no observation to judge by (none yet, or none by the last milestone
  once all have come), it is **no data**.

"Reaches" means ≥ for at-least targets, ≤ for at-most targets; a reduction
is (baseline − actual) / baseline, which must reach the milestone's value.

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
from safetyduty.errors import ValidationError
from safetyduty.models import Milestone, Target, TargetKind

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


@attrs.frozen(kw_only=True)
class Observation:
    """A measured value of an indicator on a date (a rate as a fraction, or a count)."""

    on: date = attrs.field(validator=_day)
    value: Decimal = attrs.field(validator=_value)


@attrs.frozen(kw_only=True)
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


def _measure(target: Target, value: Decimal) -> Decimal:
    if target.kind is TargetKind.REDUCTION:
        base = target.baseline.value if target.baseline else Decimal(0)
        return (base - value) / base if base else Decimal(0)
    return value


def _reaches(target: Target, actual: Decimal, wanted: Decimal) -> bool:
    return actual <= wanted if target.kind in _AT_MOST else actual >= wanted


def evaluate_target(
    target: Target, observations: Iterable[Observation], *, as_of: date
) -> TargetStatus:
    """Judge *target* on *as_of* from *observations* (see the module for the rules).

    Examples:
        >>> from safetyduty import catalog
        >>> staged = catalog.plan("xicha-2020").targets[0]        # 40% / 60% / 80%
        >>> s = evaluate_target(staged, [Observation(on=date(2021, 12, 31), value=Decimal("0.62"))],
        ...                     as_of=date(2021, 12, 31))
        >>> s.state, s.milestone.value
        (<TargetState.ON_TRACK: 'on_track'>, Decimal('0.8'))
    """
    if not isinstance(target, Target):
        raise ValidationError("target", target, "must be a Target")
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise ValidationError("as_of", as_of, "must be a datetime.date")
    seen = sorted((o for o in _observations(observations) if o.on <= as_of), key=lambda o: o.on)
    if not seen:
        return TargetStatus(
            target=target.id, state=TargetState.NO_DATA, milestone=None, expected=None, actual=None,
            observed_on=None, reason="no observation up to as_of",
        )  # fmt: skip
    latest = seen[-1]
    actual = _measure(target, latest.value)
    judged = [m for m in target.milestones if m.due <= as_of]
    for milestone in judged:
        before = [o for o in seen if o.on <= milestone.due]
        if not before:
            continue  # nothing observed by then: not judged
        value = _measure(target, before[-1].value)
        if not _reaches(target, value, milestone.value):
            return TargetStatus(
                target=target.id,
                state=TargetState.MISSED,
                milestone=milestone,
                expected=milestone.value,
                actual=value,
                observed_on=before[-1].on,
                reason=f"the milestone of {milestone.due} ({milestone.value}) was not reached",
            )
    final = target.milestones[-1]
    observed = [m for m in judged if any(o.on <= m.due for o in seen)]
    if len(judged) == len(target.milestones) and not observed:
        return TargetStatus(
            target=target.id,
            state=TargetState.NO_DATA,
            milestone=final,
            expected=final.value,
            actual=actual,
            observed_on=latest.on,
            reason=f"no observation by the last milestone ({final.due})",
        )
    if len(judged) == len(target.milestones) or _reaches(target, actual, final.value):
        return TargetStatus(
            target=target.id, state=TargetState.MET, milestone=final, expected=final.value, actual=actual,
            observed_on=latest.on, reason=f"{actual} reaches {final.value}",
        )  # fmt: skip
    following = target.milestones[len(judged)]
    start_day, start_value = (
        (judged[-1].due, judged[-1].value)
        if judged
        else (seen[0].on, _measure(target, seen[0].value))
    )
    span = (following.due - start_day).days
    share = Decimal((as_of - start_day).days) / span if span > 0 else Decimal(1)
    expected = start_value + (following.value - start_value) * min(
        max(share, Decimal(0)), Decimal(1)
    )
    state = TargetState.ON_TRACK if _reaches(target, actual, expected) else TargetState.BEHIND
    return TargetStatus(
        target=target.id, state=state, milestone=following, expected=expected, actual=actual, observed_on=latest.on,
        reason=f"{actual} against {expected:.4f} expected on the way to {following.value} by {following.due}",
    )  # fmt: skip


def _observations(values: object) -> list[Observation]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise ValidationError("observations", values, "must be a list of Observation")
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, Observation):
            raise ValidationError(f"observations[{index}]", item, "must be an Observation")
    return items
