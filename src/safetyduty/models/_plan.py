"""Plan, Phase, Target: a policy document (三年行动, 十四五规划, …) as data."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, cast

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    as_tuple,
    instance_of,
    keeps,
    member_of,
    non_empty_str,
    optional,
    plain_date,
    set_of,
    text,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._basis import Basis
from safetyduty.models._enterprise import Industry, check_region
from safetyduty.models._obligation import Obligation
from safetyduty.models._scope import ALWAYS, Jurisdiction, Span
from safetyduty.models._source import Source
from safetyduty.models._vocab import PlanLevel, TargetKind, TargetMeasure

__all__ = ["Baseline", "Milestone", "Phase", "Plan", "Target"]

_FRACTION_KINDS = (TargetKind.AT_LEAST_RATE, TargetKind.AT_MOST_RATE, TargetKind.REDUCTION)


def _finite(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal >= 0")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Milestone:
    """A value a target must reach by a date (the stages of "40%/60%/80%").

    Examples:
        >>> Milestone(due=date(2021, 12, 31), value=Decimal("0.6")).value
        Decimal('0.6')
    """

    due: date = attrs.field(validator=plain_date)
    value: Decimal = attrs.field(validator=_finite)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Baseline:
    """The reference a reduction is measured against (e.g. the 十三五 period).

    Examples:
        >>> Baseline(value=Decimal(40), start=date(2016, 1, 1), end=date(2020, 12, 31)).value
        Decimal('40')
    """

    value: Decimal = attrs.field(validator=_finite)
    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=plain_date)

    @end.validator
    def _ordered(self, attribute: attrs.Attribute[Any], value: date) -> None:
        if value < self.start:
            raise ValidationError("end", value, f"must not be before start ({self.start})")


def _milestones(value: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return cast("tuple[Milestone, ...]", as_tuple(value))


keeps(tuple, _milestones)


def _industries(value: Iterable[Industry]) -> frozenset[Industry]:
    return cast("frozenset[Industry]", as_frozenset(value))


keeps(frozenset, _industries)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Target:
    """An indicator with staged milestones.

    Rates and reductions are Decimal fractions in [0, 1] (0.1 = 10%); counts
    are numbers >= 0. A reduction's baseline is in the data, or supplied by
    the caller when the text gives none (``baseline_given=False``).

    Attributes:
        id: a stable code within its plan.
        title: the indicator's name (Chinese).
        kind: how the value is judged.
        milestones: (due, value) stages, in strictly ascending date order.
        baseline: the reference for a reduction.
        unit: a display unit ("%", "起", "人/亿元GDP").
        scope: the industries it concerns (empty: all).
        measure: what an observed value is: a level on a day (default), a
            total over the target's period, or a figure of each year.
        start: the first day of the target's period (needed for a period total).
        title_en: the indicator's name in English.
        note: how the text is read, where the reading is ours.

    Examples:
        >>> t = Target(id="standardization_rate", title="三级达标率", kind=TargetKind.AT_LEAST_RATE,
        ...            milestones=[Milestone(due=date(2020, 12, 31), value=Decimal("0.4")),
        ...                        Milestone(due=date(2021, 12, 31), value=Decimal("0.6"))])
        >>> len(t.milestones)
        2
        >>> Target(id="x", title="x", kind=TargetKind.AT_MOST_COUNT, measure=TargetMeasure.PERIOD_TOTAL,
        ...        milestones=[Milestone(due=date(2025, 12, 31), value=Decimal(0))])
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: start: must be given for a period total (got None)
    """

    id: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    kind: TargetKind = attrs.field(validator=member_of(TargetKind))
    milestones: tuple[Milestone, ...] = attrs.field(
        converter=_milestones, validator=tuple_of(Milestone, non_empty=True)
    )
    baseline: Baseline | None = attrs.field(default=None, validator=optional(instance_of(Baseline)))
    unit: str = attrs.field(default="", validator=text)
    scope: frozenset[Industry] = attrs.field(
        default=frozenset(), converter=_industries, validator=set_of(Industry)
    )
    measure: TargetMeasure = attrs.field(
        default=TargetMeasure.LEVEL, validator=member_of(TargetMeasure)
    )
    start: date | None = attrs.field(default=None, validator=optional(plain_date))
    title_en: str = attrs.field(default="", validator=text)
    note: str = attrs.field(default="", validator=text)

    @start.validator
    def _period(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if self.measure is TargetMeasure.PERIOD_TOTAL and value is None:
            raise ValidationError("start", value, "must be given for a period total")
        if value is not None and self.milestones and value > self.milestones[0].due:
            raise ValidationError(
                "start", value, f"must not be after the first milestone ({self.milestones[0].due})"
            )

    @milestones.validator
    def _ascending(self, attribute: attrs.Attribute[Any], value: tuple[Milestone, ...]) -> None:
        for before, after in itertools.pairwise(value):
            if after.due <= before.due:
                raise ValidationError("milestones", after.due, f"must come after {before.due}")
        if self.kind in _FRACTION_KINDS:
            for stage in value:
                if stage.value > 1:
                    raise ValidationError(
                        "milestones.value",
                        stage.value,
                        "must be a fraction in [0, 1] for a rate or reduction",
                    )

    @baseline.validator
    def _baseline_for_reductions(
        self, attribute: attrs.Attribute[Any], value: Baseline | None
    ) -> None:
        if value is not None and self.kind is not TargetKind.REDUCTION:
            return  # a reference kept for the record


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Phase:
    """A stage of a plan (动员部署, 排查整治, 集中攻坚, 巩固提升, …).

    Examples:
        >>> Phase(name="动员部署", start=date(2020, 4, 1), end=date(2020, 4, 30)).name
        '动员部署'
    """

    name: str = attrs.field(validator=non_empty_str)
    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=plain_date)

    @end.validator
    def _ordered(self, attribute: attrs.Attribute[Any], value: date) -> None:
        if value < self.start:
            raise ValidationError("end", value, f"must not be before start ({self.start})")


def _phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return cast("tuple[Phase, ...]", as_tuple(value))


keeps(tuple, _phases)


def _targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return cast("tuple[Target, ...]", as_tuple(value))


keeps(tuple, _targets)


def _obligations(value: Iterable[Obligation]) -> tuple[Obligation, ...]:
    return cast("tuple[Obligation, ...]", as_tuple(value))


keeps(tuple, _obligations)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return cast("tuple[Source, ...]", as_tuple(value))


keeps(tuple, _sources)


def _region(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_region(value)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Plan:
    """A policy document as data: its period, phases, targets and duties.

    Phases are ordered, do not overlap and lie inside the plan's period;
    target and obligation ids are unique within the plan.

    Where and when its duties bind: inside :attr:`jurisdiction` (by default
    the issuer's region; a park's plan names its park) and inside the plan's
    period. A duty may narrow either (its own jurisdiction inside the plan's,
    its own effective span inside the plan's period), or outlive the plan
    when the text makes it lasting (:attr:`Obligation.lasting`): it then binds
    from its start with no end. :attr:`duties` gives the obligations with
    their scope filled in; use it, not :attr:`obligations`, to judge.

    :attr:`sources` holds the registry entries of documents the plan cites
    that the library's registry does not have (a province's own plan text).

    Examples:
        >>> plan = Plan(id="xinjiang-3yr", title="安全生产专项整治三年行动实施方案",
        ...             issuer="新疆维吾尔自治区安委会", level=PlanLevel.PROVINCE, region="650000",
        ...             start=date(2020, 4, 1), end=date(2022, 12, 31),
        ...             phases=[Phase(name="动员部署", start=date(2020, 4, 1), end=date(2020, 4, 30))],
        ...             basis=Basis(document="新疆维吾尔自治区安全生产专项整治三年行动实施方案"))
        >>> plan.phases[0].name
        '动员部署'
    """

    id: str = attrs.field(validator=non_empty_str)
    title: str = attrs.field(validator=non_empty_str)
    issuer: str = attrs.field(validator=non_empty_str)
    level: PlanLevel = attrs.field(validator=member_of(PlanLevel))
    region: str = attrs.field(validator=_region)
    start: date = attrs.field(validator=plain_date)
    end: date = attrs.field(validator=plain_date)
    basis: Basis = attrs.field(validator=instance_of(Basis))
    phases: tuple[Phase, ...] = attrs.field(
        default=(), converter=_phases, validator=tuple_of(Phase)
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(), converter=_targets, validator=tuple_of(Target)
    )
    obligations: tuple[Obligation, ...] = attrs.field(
        default=(), converter=_obligations, validator=tuple_of(Obligation)
    )
    jurisdiction: Jurisdiction = attrs.field(
        default=attrs.Factory(lambda self: Jurisdiction(regions=[self.region]), takes_self=True),
        validator=instance_of(Jurisdiction),
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_sources, validator=tuple_of(Source)
    )

    @property
    def period(self) -> Span:
        """The plan's period as a span."""
        return Span(start=self.start, end=self.end)

    @property
    def duties(self) -> tuple[Obligation, ...]:
        """The obligations with their scope: the plan's id, jurisdiction and period unless narrowed.

        Examples:
            >>> from safetyduty import catalog
            >>> duty = catalog.plan("shanwei-2020").duties[0]
            >>> duty.plan, duty.jurisdiction.describe(), duty.effective.describe()
            ('shanwei-2020', '汕尾市', '2020-07-01..2020-12-31')
        """
        scoped = []
        for duty in self.obligations:
            changes: dict[str, Any] = {"plan": self.id}
            if duty.jurisdiction.is_national:
                changes["jurisdiction"] = self.jurisdiction
            if duty.effective == ALWAYS:
                changes["effective"] = Span(
                    start=self.start, end=None if duty.lasting else self.end
                )
            scoped.append(attrs.evolve(duty, **changes))
        return tuple(scoped)

    @jurisdiction.validator
    def _inside_region(self, attribute: attrs.Attribute[Any], value: Jurisdiction) -> None:
        if self.level is PlanLevel.NATIONAL:
            return
        if value.is_national or not Jurisdiction(regions=[self.region]).contains(value):
            raise ValidationError(
                "jurisdiction",
                value.describe(),
                f"must lie inside the issuer's region {self.region}",
            )
        for index, duty in enumerate(self.obligations):
            if not duty.jurisdiction.is_national and not value.contains(duty.jurisdiction):
                raise ValidationError(
                    f"obligations[{index}].jurisdiction",
                    duty.jurisdiction.describe(),
                    f"must lie inside the plan's ({value.describe()})",
                )
            if duty.plan is not None and duty.plan != self.id:
                raise ValidationError(
                    f"obligations[{index}].plan", duty.plan, f"must be {self.id!r}"
                )
            if duty.effective != ALWAYS and not _fits(duty, self.period):
                raise ValidationError(
                    f"obligations[{index}].effective",
                    duty.effective.describe(),
                    f"must lie inside the plan's period {self.period.describe()} (unless lasting)",
                )

    @end.validator
    def _ordered(self, attribute: attrs.Attribute[Any], value: date) -> None:
        if value < self.start:
            raise ValidationError("end", value, f"must not be before start ({self.start})")

    @phases.validator
    def _phases_fit(self, attribute: attrs.Attribute[Any], value: tuple[Phase, ...]) -> None:
        for index, phase in enumerate(value):
            if phase.start < self.start or phase.end > self.end:
                raise ValidationError(
                    f"phases[{index}]", phase.name, f"must lie within {self.start}..{self.end}"
                )
            if index and phase.start <= value[index - 1].end:
                raise ValidationError(
                    f"phases[{index}]",
                    phase.name,
                    f"must start after the previous phase ends ({value[index - 1].end})",
                )

    @targets.validator
    def _unique_targets(self, attribute: attrs.Attribute[Any], value: tuple[Target, ...]) -> None:
        _unique("targets", [t.id for t in value])

    @obligations.validator
    def _unique_obligations(
        self, attribute: attrs.Attribute[Any], value: tuple[Obligation, ...]
    ) -> None:
        _unique("obligations", [o.id for o in value])


def _fits(duty: Obligation, period: Span) -> bool:
    """A duty's own span lies inside the plan's period; a lasting duty's only starts inside it."""
    if duty.lasting:
        return duty.effective.start is not None and period.contains(duty.effective.start)
    return duty.effective.within(period)


def _unique(field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise ValidationError(field, ident, "must not repeat an id")
        seen.add(ident)
