"""Risk (风险点): a place or activity, how it was assessed, and its controls.

The level (重大/较大/一般/低, 红/橙/黄/蓝) is computed by
``safetyduty.rules.classify``; the model holds the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, TypeAlias, cast

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    int_between,
    keeps,
    non_empty_str,
    plain_date,
    text,
    tuple_of,
)
from safetyduty.errors import ValidationError
from safetyduty.models._enterprise import enterprise_code

__all__ = ["Assessment", "AssessmentMethod", "LecInputs", "MatrixInputs", "Risk"]


class AssessmentMethod(StrEnum):
    """How a risk was assessed."""

    LEC = "lec"
    MATRIX = "matrix"


register(
    [
        (AssessmentMethod.LEC, ("作业条件危险性分析法(LEC)", "LEC method")),
        (AssessmentMethod.MATRIX, ("风险矩阵法", "risk matrix")),
    ]
)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise ValidationError(attribute.name, value, "must be a finite Decimal > 0")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class LecInputs:
    """The factors of the LEC method: D = L × E × C.

    L is the likelihood, E the exposure and C the consequence. Whether the
    values sit on the method's scales is checked by the classifier.

    Examples:
        >>> LecInputs(l=Decimal(3), e=Decimal(6), c=Decimal(15)).method
        <AssessmentMethod.LEC: 'lec'>
    """

    l: Decimal = attrs.field(validator=_positive)
    e: Decimal = attrs.field(validator=_positive)
    c: Decimal = attrs.field(validator=_positive)

    @property
    def method(self) -> AssessmentMethod:
        """Always :attr:`AssessmentMethod.LEC`."""
        return AssessmentMethod.LEC


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class MatrixInputs:
    """The two scores of a 5 × 5 risk matrix: R = likelihood × severity.

    Examples:
        >>> MatrixInputs(likelihood=4, severity=5).method
        <AssessmentMethod.MATRIX: 'matrix'>
    """

    likelihood: int = attrs.field(validator=int_between(1, 5))
    severity: int = attrs.field(validator=int_between(1, 5))

    @property
    def method(self) -> AssessmentMethod:
        """Always :attr:`AssessmentMethod.MATRIX`."""
        return AssessmentMethod.MATRIX


Assessment: TypeAlias = LecInputs | MatrixInputs
"""The inputs of one of the assessment methods (tagged by ``method`` in JSON)."""


def _assessment(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, (LecInputs, MatrixInputs)):
        raise ValidationError(attribute.name, value, "must be LecInputs or MatrixInputs")


def _controls(value: Iterable[str]) -> tuple[str, ...]:
    return cast("tuple[str, ...]", as_tuple(value))


keeps(tuple, _controls)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Risk:
    """A 风险点 and its assessment.

    Examples:
        >>> r = Risk(id="r1", enterprise="914403001922038216", location="液氨储罐区",
        ...          activity="装卸", assessment=MatrixInputs(likelihood=3, severity=5),
        ...          assessed_on=date(2026, 1, 10), controls=["双人作业", "气体检测报警"])
        >>> r.assessment.method
        <AssessmentMethod.MATRIX: 'matrix'>
    """

    id: str = attrs.field(validator=non_empty_str)
    enterprise: str = attrs.field(validator=enterprise_code)
    location: str = attrs.field(validator=non_empty_str)
    assessment: Assessment = attrs.field(validator=_assessment)
    assessed_on: date = attrs.field(validator=plain_date)
    activity: str = attrs.field(default="", validator=text)
    controls: tuple[str, ...] = attrs.field(
        default=(), converter=_controls, validator=tuple_of(str)
    )
