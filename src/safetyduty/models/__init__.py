"""Domain models: immutable, validated at construction.

Every model is a frozen attrs class; an invalid one cannot be built, and the
error names the field and the value. Issue #3 grows this package; so far it
holds :class:`Basis` and :class:`Enterprise` with their vocabularies.

Examples:
    >>> from safetyduty.models import Basis
    >>> str(Basis(document="《生产安全事故报告和调查处理条例》", article="第三条"))
    '《生产安全事故报告和调查处理条例》 第三条'
"""

from safetyduty.models._basis import Basis
from safetyduty.models._enterprise import (
    Enterprise,
    HazardFlag,
    Industry,
    Standardization,
    StandardizationLevel,
    province_of,
    uscc_check_char,
)

__all__ = [
    "Basis",
    "Enterprise",
    "HazardFlag",
    "Industry",
    "Standardization",
    "StandardizationLevel",
    "province_of",
    "uscc_check_char",
]
