"""The registry of zh_CN and en labels for every enum member of the library.

Enum modules register their labels here when they are imported; the public
face of the registry is :func:`safetyduty.i18n.label`. Living at the bottom
of the package, it can be used by every layer without import cycles.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Final, Literal

from safetyduty.errors import ValidationError

Locale = Literal["zh_CN", "en"]
LOCALES: Final = ("zh_CN", "en")

# Keyed by (class, value): str-valued members of different enums compare equal
# ("major" is both HazardLevel.MAJOR and AccidentGrade.MAJOR).
_LABELS: dict[tuple[type[Enum], object], tuple[str, str]] = {}


def register(labels: Iterable[tuple[Enum, tuple[str, str]]]) -> None:
    """Register ``(member, (zh_CN, en))`` pairs.

    Pairs, not a dict: a dict literal would merge equal-valued members of
    different enums before they got here.
    """
    for member, pair in labels:
        key = (type(member), member.value)
        if key in _LABELS:
            msg = f"labels for {member!r} registered twice"
            raise RuntimeError(msg)
        _LABELS[key] = pair


def check_locale(locale: object) -> Locale:
    """Return *locale* if it is supported, else raise ValidationError."""
    if locale == "zh_CN":
        return "zh_CN"
    if locale == "en":
        return "en"
    raise ValidationError("locale", locale, f"must be one of {', '.join(LOCALES)}")


def label_of(member: Enum, locale: Locale) -> str:
    """Return the label of *member* in an already checked *locale*."""
    try:
        zh, en = _LABELS[type(member), member.value]
    except (KeyError, TypeError, AttributeError):
        raise ValidationError("member", member, "must be an enum member of safetyduty") from None
    return zh if locale == "zh_CN" else en


def enum_types() -> list[type[Enum]]:
    """Every enum class that has registered labels, in registration order."""
    return list(dict.fromkeys(cls for cls, _ in _LABELS))
