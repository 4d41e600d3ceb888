"""Classification: accident grade, risk level, major-hazard grade.

Every threshold is the law's data (``law/data/parameters.toml``: tables
``accident.grades``, ``risk.lec-bands``, ``risk.matrix-bands``,
``major-hazard.grades``, ``major-hazard.alpha``, ``major-hazard.beta``), each
with its registry source; each function's docstring states how its
boundaries are read.

Examples:
    >>> from decimal import Decimal
    >>> accident_grade(deaths=3, serious_injuries=0, direct_loss=Decimal(0))
    <AccidentGrade.LARGER: 'larger'>
    >>> risk_level_matrix(4, 5)
    <RiskLevel.MAJOR: 'major'>
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_FLOOR, Context, Decimal
from fractions import Fraction
from typing import Any, Final

import attrs

from safetyduty import law
from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import instance_of, non_empty_str
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Accident,
    AccidentGrade,
    Basis,
    LecInputs,
    Risk,
    Subject,
)
from safetyduty.rules._args import plain_day
from safetyduty.rules._ruling import Ruling
from safetyduty.rules.deadlines import CHINA_TIME

__all__ = [
    "ACCIDENT_GRADE_BASIS",
    "DEFAULT_LEC_BANDS",
    "DEFAULT_MATRIX_BANDS",
    "LEC_SCALES",
    "AccidentClassification",
    "BetaCategory",
    "LecBands",
    "MajorHazardGrade",
    "MatrixBands",
    "RiskLevel",
    "Substance",
    "accident_grade",
    "classify_accident",
    "is_major_hazard_source",
    "major_hazard_alpha",
    "major_hazard_grade",
    "major_hazard_r",
    "risk_level",
    "risk_level_lec",
    "risk_level_matrix",
]

_REGULATION = "《生产安全事故报告和调查处理条例》(国务院令第493号)"
ACCIDENT_GRADE_BASIS: Final = law.parameter("accident.grades").basis
"""第三条 of the 条例, as the law's data cites it."""
_GRADED: Final = (AccidentGrade.ESPECIALLY_MAJOR, AccidentGrade.MAJOR, AccidentGrade.LARGER)


def _grades(as_of: date | None) -> tuple[tuple[AccidentGrade, int, int, Decimal], ...]:
    """(grade, deaths, serious injuries, direct loss at or above), highest grade first."""
    day = None if as_of is None else plain_day("as_of", as_of)
    table = law.parameter("accident.grades", on=day).value
    return tuple(
        (
            grade,
            int(table[f"{grade.value}.deaths"]),
            int(table[f"{grade.value}.serious_injuries"]),
            table[f"{grade.value}.direct_loss"],
        )
        for grade in _GRADED
    )


def _count(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(name, value, "must be an int >= 0")
    return value


def _amount(name: str, value: object) -> Decimal:
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise ValidationError(name, value, "must be a finite Decimal >= 0 (yuan)")
    return value


def accident_grade(
    *, deaths: int, serious_injuries: int, direct_loss: Decimal, as_of: date | None = None
) -> AccidentGrade:
    """The grade of an accident by 条例 第三条: the highest any one criterion reaches.

    Boundaries as 第三条 defines them: "以上" includes the number, "以下"
    excludes it. So exactly 3 deaths is 较大, exactly 10 is 重大, exactly
    30 is 特别重大; exactly 1000万 of direct loss is 较大. Serious injuries
    include acute industrial poisoning. *as_of* is the accident's day (the
    newest version when ``None``); before 2007-06-01, when the 条例 took
    effect, :class:`~safetyduty.errors.NoRuleInForceError`.

    Examples:
        >>> accident_grade(deaths=2, serious_injuries=9, direct_loss=Decimal("9999999.99"))
        <AccidentGrade.GENERAL: 'general'>
        >>> accident_grade(deaths=0, serious_injuries=0, direct_loss=Decimal(50_000_000))
        <AccidentGrade.MAJOR: 'major'>
        >>> accident_grade(deaths=1, serious_injuries=100, direct_loss=Decimal(0))
        <AccidentGrade.ESPECIALLY_MAJOR: 'especially_major'>
    """
    dead = _count("deaths", deaths)
    injured = _count("serious_injuries", serious_injuries)
    loss = _amount("direct_loss", direct_loss)
    for grade, min_deaths, min_injured, min_loss in _grades(as_of):
        if dead >= min_deaths or injured >= min_injured or loss >= min_loss:
            return grade
    return AccidentGrade.GENERAL


_REPORT_TO: Final = {
    AccidentGrade.ESPECIALLY_MAJOR: Subject.REGULATOR_NATIONAL,
    AccidentGrade.MAJOR: Subject.REGULATOR_NATIONAL,
    AccidentGrade.LARGER: Subject.REGULATOR_PROVINCE,
    AccidentGrade.GENERAL: Subject.REGULATOR_CITY,
}
_INVESTIGATED_BY: Final = {
    AccidentGrade.ESPECIALLY_MAJOR: Subject.REGULATOR_NATIONAL,
    AccidentGrade.MAJOR: Subject.REGULATOR_PROVINCE,
    AccidentGrade.LARGER: Subject.REGULATOR_CITY,
    AccidentGrade.GENERAL: Subject.REGULATOR_COUNTY,
}


def _china_day(moment: datetime) -> date:
    """The day of an aware moment in China time (the accident's day)."""
    return moment.astimezone(CHINA_TIME).date()


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class AccidentClassification:
    """An accident's grade and what follows from it.

    Attributes:
        grade: 一般, 较大, 重大 or 特别重大 (第三条).
        report_to: the highest level the report must reach (第十条): the State
            Council department for 重大 and 特别重大, the province for 较大,
            the city (设区的市) for 一般.
        investigated_by: who investigates (第十九条): the State Council (or a
            department it authorises), the province, the city, the county; a
            一般 accident without casualties may be delegated to the unit.
        reasons: which criteria put it in its grade.
        basis: the articles applied.
    """

    grade: AccidentGrade
    report_to: Subject
    investigated_by: Subject
    reasons: tuple[str, ...]
    basis: tuple[Basis, ...]


def classify_accident(accident: Accident) -> AccidentClassification:
    """Grade an :class:`~safetyduty.models.Accident` and say who reports to and investigates it.

    Examples:
        >>> from datetime import datetime, timezone
        >>> a = Accident(id="a1", enterprise="914403001922038216",
        ...              occurred_at=datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc),
        ...              deaths=3, serious_injuries=2, direct_loss=Decimal(2_000_000))
        >>> c = classify_accident(a)
        >>> c.grade, c.report_to, c.investigated_by
        (<AccidentGrade.LARGER: 'larger'>, <Subject.REGULATOR_PROVINCE: 'regulator_province'>, <Subject.REGULATOR_CITY: 'regulator_city'>)
        >>> c.reasons
        ('deaths 3 >= 3',)
    """
    if not isinstance(accident, Accident):
        raise ValidationError("accident", accident, "must be an Accident")
    day = _china_day(accident.occurred_at)
    grades = _grades(day)
    grade = accident_grade(
        deaths=accident.deaths,
        serious_injuries=accident.serious_injuries,
        direct_loss=accident.direct_loss,
        as_of=day,
    )
    reasons: tuple[str, ...] = ()
    for level, min_deaths, min_injured, min_loss in grades:
        if level is grade:
            reasons = tuple(
                text
                for hit, text in (
                    (accident.deaths >= min_deaths, f"deaths {accident.deaths} >= {min_deaths}"),
                    (
                        accident.serious_injuries >= min_injured,
                        f"serious injuries {accident.serious_injuries} >= {min_injured}",
                    ),
                    (
                        accident.direct_loss >= min_loss,
                        f"direct loss {accident.direct_loss} >= {min_loss}",
                    ),
                )
                if hit
            )
    if grade is AccidentGrade.GENERAL:
        _, deaths, injured, loss = grades[-1]
        below = f"deaths < {deaths}, serious injuries < {injured}, loss < {loss}"
        reasons = (f"below every 较大 threshold ({below})",)
    return AccidentClassification(
        grade=grade,
        report_to=_REPORT_TO[grade],
        investigated_by=_INVESTIGATED_BY[grade],
        reasons=reasons,
        basis=(
            law.parameter("accident.grades", on=day).basis,
            Basis(document=_REGULATION, article="第十条", source="accident-regulation-2007"),
            Basis(document=_REGULATION, article="第十九条", source="accident-regulation-2007"),
        ),
    )


# --------------------------------------------------------------------- risks


class RiskLevel(StrEnum):
    """安全风险等级, highest first, with its colour."""

    MAJOR = "major"
    LARGER = "larger"
    GENERAL = "general"
    LOW = "low"

    @property
    def colour(self) -> str:
        """红, 橙, 黄 or 蓝 as an English word (``red`` … ``blue``)."""
        return {"major": "red", "larger": "orange", "general": "yellow", "low": "blue"}[self.value]


class MajorHazardGrade(StrEnum):
    """危险化学品重大危险源 grade, 一级 highest."""

    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    LEVEL_3 = "level_3"
    LEVEL_4 = "level_4"


class BetaCategory(StrEnum):
    """The β correction categories of Order 40 附件1 (other than named toxic gases)."""

    EXPLOSIVE = "explosive"
    FLAMMABLE_GAS = "flammable_gas"
    TOXIC_GAS_UNLISTED = "toxic_gas_unlisted"
    HIGHLY_TOXIC_GAS_UNLISTED = "highly_toxic_gas_unlisted"
    OTHER = "other"


register(
    [
        (RiskLevel.MAJOR, ("重大风险（红）", "major risk (red)")),
        (RiskLevel.LARGER, ("较大风险（橙）", "larger risk (orange)")),
        (RiskLevel.GENERAL, ("一般风险（黄）", "general risk (yellow)")),
        (RiskLevel.LOW, ("低风险（蓝）", "low risk (blue)")),
        (MajorHazardGrade.LEVEL_1, ("一级重大危险源", "level-1 major hazard installation")),
        (MajorHazardGrade.LEVEL_2, ("二级重大危险源", "level-2 major hazard installation")),
        (MajorHazardGrade.LEVEL_3, ("三级重大危险源", "level-3 major hazard installation")),
        (MajorHazardGrade.LEVEL_4, ("四级重大危险源", "level-4 major hazard installation")),
        (BetaCategory.EXPLOSIVE, ("爆炸品", "explosive")),
        (BetaCategory.FLAMMABLE_GAS, ("易燃气体", "flammable gas")),
        (BetaCategory.TOXIC_GAS_UNLISTED, ("未列出的有毒气体", "toxic gas not listed")),
        (
            BetaCategory.HIGHLY_TOXIC_GAS_UNLISTED,
            ("未列出的剧毒气体", "highly toxic gas not listed"),
        ),
        (BetaCategory.OTHER, ("其他危险化学品", "other hazardous chemical")),
    ]
)

_D = Decimal
_EXACT: Final = Context(prec=60)
"""A private context for products of small exact values (never the caller's)."""
LEC_SCALES: Final = {
    "l": frozenset(map(_D, ("0.1", "0.2", "0.5", "1", "3", "6", "10"))),
    "e": frozenset(map(_D, ("0.5", "1", "2", "3", "6", "10"))),
    "c": frozenset(map(_D, ("1", "3", "7", "15", "40", "100"))),
}
"""The values each LEC factor may take (domain.md §9.1)."""


def _ordered(instance: Any, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError(attribute.name, value, "must be a finite Decimal")


_LEC: Final = law.parameter("risk.lec-bands")
_MATRIX: Final = law.parameter("risk.matrix-bands")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class LecBands:
    """Where the LEC score D = L × E × C crosses into each level: D above a bound is that level.

    The default is the law data's ``risk.lec-bands`` (decision 5 of
    ``domain.md``; the common enterprise reading of the Graham-Kinney table,
    whose bands overlap at their ends): D > 320 重大, 160 < D ≤ 320 较大,
    70 < D ≤ 160 一般, D ≤ 70 低. Replace it with a provincial variant as needed.
    """

    major_above: Decimal = attrs.field(default=_LEC.value["major_above"], validator=_ordered)
    larger_above: Decimal = attrs.field(default=_LEC.value["larger_above"], validator=_ordered)
    general_above: Decimal = attrs.field(default=_LEC.value["general_above"], validator=_ordered)

    @general_above.validator
    def _descending(self, attribute: attrs.Attribute[Any], value: Decimal) -> None:
        if not self.major_above > self.larger_above > value:
            raise ValidationError(
                "bands", (self.major_above, self.larger_above, value), "must descend"
            )


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MatrixBands:
    """Where R = likelihood × severity (1-25) enters each level: R at or above a bound.

    The default is the law data's ``risk.matrix-bands`` (decision 5): 20-25
    重大, 10-16 较大, 4-9 一般, 1-3 低. A Shandong-style variant is
    ``MatrixBands(major_from=20, larger_from=15, general_from=9)``.
    """

    major_from: int = attrs.field(default=int(_MATRIX.value["major_from"]))
    larger_from: int = attrs.field(default=int(_MATRIX.value["larger_from"]))
    general_from: int = attrs.field(default=int(_MATRIX.value["general_from"]))

    @general_from.validator
    def _descending(self, attribute: attrs.Attribute[Any], value: int) -> None:
        values = (self.major_from, self.larger_from, value)
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in values) or not (
            25 >= self.major_from > self.larger_from > value >= 2  # noqa: PLR2004
        ):
            raise ValidationError("bands", values, "must be ints descending within 2..25")


DEFAULT_LEC_BANDS: Final = LecBands()
DEFAULT_MATRIX_BANDS: Final = MatrixBands()


def risk_level_lec(
    l: Decimal,
    e: Decimal,
    c: Decimal,
    *,
    bands: LecBands = DEFAULT_LEC_BANDS,
) -> RiskLevel:
    """The level of D = L × E × C; each factor must be a value on its scale.

    Boundaries: a bound itself belongs to the lower level (D = 320 is 较大).

    Examples:
        >>> risk_level_lec(Decimal(3), Decimal(6), Decimal(15))    # D = 270
        <RiskLevel.LARGER: 'larger'>
        >>> risk_level_lec(Decimal(3), Decimal(6), Decimal(3))     # D = 54
        <RiskLevel.LOW: 'low'>
        >>> risk_level_lec(Decimal(3), Decimal(6), Decimal(3), bands=LecBands(general_above=Decimal(20)))
        <RiskLevel.GENERAL: 'general'>
        >>> risk_level_lec(Decimal(4), Decimal(6), Decimal(15))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: l: must be one of 0.1, 0.2, 0.5, 1, 3, 6, 10 (got Decimal('4'))
    """
    for name, value in (("l", l), ("e", e), ("c", c)):
        if not isinstance(value, Decimal) or not value.is_finite() or value not in LEC_SCALES[name]:
            allowed = ", ".join(str(v) for v in sorted(LEC_SCALES[name]))
            raise ValidationError(name, value, f"must be one of {allowed}")
    if not isinstance(bands, LecBands):
        raise ValidationError("bands", bands, "must be a LecBands")
    score = _lec_score(l, e, c)
    if score > bands.major_above:
        return RiskLevel.MAJOR
    if score > bands.larger_above:
        return RiskLevel.LARGER
    if score > bands.general_above:
        return RiskLevel.GENERAL
    return RiskLevel.LOW


def _lec_score(l: Decimal, e: Decimal, c: Decimal) -> Decimal:
    """L × E × C exactly, whatever the caller's decimal context (the scales' products are exact)."""
    return _EXACT.multiply(_EXACT.multiply(l, e), c)


def risk_level_matrix(
    likelihood: int, severity: int, *, bands: MatrixBands = DEFAULT_MATRIX_BANDS
) -> RiskLevel:
    """The level of R = likelihood × severity on a 5 × 5 matrix.

    Examples:
        >>> [risk_level_matrix(l, 4).value for l in (1, 2, 3, 5)]   # R = 4, 8, 12, 20
        ['general', 'general', 'larger', 'major']
        >>> risk_level_matrix(3, 3, bands=MatrixBands(major_from=20, larger_from=15, general_from=9))
        <RiskLevel.GENERAL: 'general'>
    """
    for name, value in (("likelihood", likelihood), ("severity", severity)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:  # noqa: PLR2004
            raise ValidationError(name, value, "must be an int in 1..5")
    if not isinstance(bands, MatrixBands):
        raise ValidationError("bands", bands, "must be a MatrixBands")
    score = likelihood * severity
    if score >= bands.major_from:
        return RiskLevel.MAJOR
    if score >= bands.larger_from:
        return RiskLevel.LARGER
    if score >= bands.general_from:
        return RiskLevel.GENERAL
    return RiskLevel.LOW


_RISK_BASIS: Final = Basis(
    document="《关于实施遏制重特大事故工作指南构建双重预防机制的意见》(安委办〔2016〕11号)",
    source="dual-prevention-2016",
    note="The four levels are the 意见's; the LEC and matrix bands are the common enterprise "
    "reading (law data risk.lec-bands, risk.matrix-bands), no national standard.",
)


def risk_level(
    risk: Risk,
    *,
    lec_bands: LecBands = DEFAULT_LEC_BANDS,
    matrix_bands: MatrixBands = DEFAULT_MATRIX_BANDS,
) -> Ruling[RiskLevel]:
    """The level of a :class:`~safetyduty.models.Risk` by its own method, with the score.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import MatrixInputs
        >>> r = Risk(id="r1", enterprise="914403001922038216", location="液氨储罐区",
        ...          assessment=MatrixInputs(likelihood=3, severity=5), assessed_on=date(2026, 1, 10))
        >>> ruling = risk_level(r)
        >>> ruling.value, ruling.reason
        (<RiskLevel.LARGER: 'larger'>, 'R = 3 × 5 = 15')
    """
    if not isinstance(risk, Risk):
        raise ValidationError("risk", risk, "must be a Risk")
    inputs = risk.assessment
    if isinstance(inputs, LecInputs):
        level = risk_level_lec(inputs.l, inputs.e, inputs.c, bands=lec_bands)
        reason = (
            f"D = {inputs.l} × {inputs.e} × {inputs.c} = {_lec_score(inputs.l, inputs.e, inputs.c)}"
        )
    else:
        level = risk_level_matrix(inputs.likelihood, inputs.severity, bands=matrix_bands)
        reason = (
            f"R = {inputs.likelihood} × {inputs.severity} = {inputs.likelihood * inputs.severity}"
        )
    return Ruling(value=level, basis=_RISK_BASIS, reason=reason)


# ------------------------------------------------------------ major hazards

MAJOR_HAZARD_BASIS: Final = law.parameter("major-hazard.grades").basis
"""Order 40 附件1, as the law's data cites it (the source is marked unverified)."""
_GAS_BETA: Final = {
    name: beta
    for name, beta in law.parameter("major-hazard.beta").value.items()
    if not name.startswith("category.")
}
_CATEGORY_BETA: Final = {
    category: law.parameter("major-hazard.beta").value[f"category.{category.value}"]
    for category in BetaCategory
}
_ALPHA: Final = sorted(
    ((int(people), alpha) for people, alpha in law.parameter("major-hazard.alpha").value.items()),
    reverse=True,
)
_R_GRADES: Final = law.parameter("major-hazard.grades").value


_MAX_TONNES: Final = Decimal("1e12")
_MIN_CRITICAL: Final = Decimal("1e-6")
_MAX_DIGITS: Final = 50


def _tonnes(value: object, name: str, low: Decimal, what: str) -> Decimal:
    """A quantity in tonnes within [low, 10¹²] with at most 50 significant digits."""
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or len(value.as_tuple().digits) > _MAX_DIGITS
        or not low <= value <= _MAX_TONNES
    ):
        raise ValidationError(
            name, value, f"must be a Decimal {what} and at most 1e12 tonnes (50 digits at most)"
        )
    return value


def _positive(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _tonnes(value, attribute.name, _MIN_CRITICAL, "of at least 1e-6")


def _quantity(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    _tonnes(value, attribute.name, Decimal(0), ">= 0")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Substance:
    """A hazardous chemical present in a unit: how much, its critical quantity, its β.

    Attributes:
        name: its name; a toxic gas named in the β table takes that β.
        quantity: q, the most present at once, in tonnes (0 to 10¹²).
        critical_quantity: Q of GB 18218, in tonnes (10⁻⁶ to 10¹²; the
            smallest in the standard is 0.1 t).
        category: the β category when the name is not a listed toxic gas.
    """

    name: str = attrs.field(validator=non_empty_str)
    quantity: Decimal = attrs.field(validator=_quantity)
    critical_quantity: Decimal = attrs.field(validator=_positive)
    category: BetaCategory = attrs.field(
        default=BetaCategory.OTHER, validator=instance_of(BetaCategory)
    )

    @property
    def beta(self) -> Decimal:
        """β: the listed toxic gas's value, else its category's (law data ``major-hazard.beta``)."""
        return _GAS_BETA.get(self.name, _CATEGORY_BETA[self.category])


def _substances(values: Iterable[Substance]) -> tuple[Substance, ...]:
    items = tuple(values) if isinstance(values, (list, tuple)) else None
    if not items or not all(isinstance(s, Substance) for s in items):
        raise ValidationError("substances", values, "must be a non-empty list of Substance")
    return items


def _ratio_sum(substances: Iterable[Substance], *, weighted: bool) -> Fraction:
    """Σ (β ×) q/Q as an exact fraction: no rounding, no decimal context involved."""
    return sum(
        (
            (Fraction(s.beta) if weighted else 1)
            * Fraction(s.quantity)
            / Fraction(s.critical_quantity)
            for s in _substances(substances)
        ),
        Fraction(0),
    )


def _exact_decimal(value: Fraction) -> Decimal:
    """*value* as a Decimal: exact when its decimal expansion ends, else cut to 28 digits.

    Cutting (towards zero for these non-negative values) never lifts a value
    below a grade bound onto it, so grading the result grades the exact value.
    """
    num, den = value.numerator, value.denominator
    twos = (den & -den).bit_length() - 1
    rest = den >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest == 1:
        scale = max(twos, fives)
        digits = num * 2 ** (scale - twos) * 5 ** (scale - fives)
        return Decimal(f"{digits}E-{scale}")  # the string constructor is exact
    return Context(prec=28, rounding=ROUND_FLOOR).divide(Decimal(num), Decimal(den))


def is_major_hazard_source(substances: Iterable[Substance]) -> bool:
    """Whether Σ q/Q ≥ 1: "等于或者超过临界量" (安全生产法 第一百一十七条).

    The sum is exact (fractions), whatever the caller's decimal context: three
    substances at a third of their critical quantity reach exactly 1, and count.

    Examples:
        >>> is_major_hazard_source([Substance(name="氨", quantity=Decimal(5), critical_quantity=Decimal(10)),
        ...                         Substance(name="甲醇", quantity=Decimal(250), critical_quantity=Decimal(500))])
        True
        >>> third = Substance(name="甲醇", quantity=Decimal(1), critical_quantity=Decimal(3))
        >>> is_major_hazard_source([third] * 3), is_major_hazard_source([third] * 2)
        (True, False)
    """
    return _ratio_sum(substances, weighted=False) >= 1


def major_hazard_alpha(offsite_population: int) -> Decimal:
    """α by the people exposed off-site within 500 m: 100+ → 2.0, 50-99 → 1.5, 30-49 → 1.2, 1-29 → 1.0, 0 → 0.5.

    Examples:
        >>> [str(major_hazard_alpha(n)) for n in (0, 1, 29, 30, 50, 99, 100)]
        ['0.5', '1.0', '1.0', '1.2', '1.5', '1.5', '2.0']
    """
    people = _count("offsite_population", offsite_population)
    return next(alpha for at_least, alpha in _ALPHA if people >= at_least)


def major_hazard_r(substances: Iterable[Substance], *, offsite_population: int) -> Decimal:
    """R = α × Σ βᵢ qᵢ / Qᵢ (Order 40 附件1), computed exactly.

    The sum is a fraction, independent of the caller's decimal context. R is
    returned exactly when its decimal expansion ends; otherwise it is cut
    (not rounded up) to 28 significant digits, so that
    ``major_hazard_grade(major_hazard_r(...))`` is the grade of the exact R.

    Examples:
        >>> major_hazard_r([Substance(name="氯", quantity=Decimal(20), critical_quantity=Decimal(5))],
        ...                offsite_population=60)
        Decimal('24')
        >>> three = [Substance(name="甲醇", quantity=Decimal(10), critical_quantity=Decimal(3))] * 3
        >>> major_hazard_r(three, offsite_population=1)        # exactly 10: 三级
        Decimal('10')
        >>> major_hazard_r(three[:1], offsite_population=1)
        Decimal('3.333333333333333333333333333')
    """
    alpha = major_hazard_alpha(offsite_population)
    return _exact_decimal(Fraction(alpha) * _ratio_sum(substances, weighted=True))


def major_hazard_grade(r: Decimal) -> MajorHazardGrade:
    """The grade of a 重大危险源 by R: 一级 R ≥ 100, 二级 50 ≤ R < 100, 三级 10 ≤ R < 50, 四级 R < 10.

    Examples:
        >>> [major_hazard_grade(Decimal(v)).value for v in (100, 50, "49.99", 10, "9.99")]
        ['level_1', 'level_2', 'level_3', 'level_3', 'level_4']
    """
    value = _amount("r", r)
    for grade in (MajorHazardGrade.LEVEL_1, MajorHazardGrade.LEVEL_2, MajorHazardGrade.LEVEL_3):
        if value >= _R_GRADES[grade.value]:
            return grade
    return MajorHazardGrade.LEVEL_4
