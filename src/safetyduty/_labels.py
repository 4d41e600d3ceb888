"""The registry of zh_CN and en labels for every enum member of the library.

Enum modules register their labels here when they are imported; the public
face of the registry is :func:`safetyduty.i18n.label`. Living at the bottom
of the package, it can be used by every layer without import cycles.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Final, Literal

from safetyduty.errors import ValidationError

Locale = Literal["zh_CN", "en"]
LOCALES: Final = ("zh_CN", "en")

_LABELS: dict[Enum, tuple[str, str]] = {}


def register(labels: Mapping[Enum, tuple[str, str]]) -> None:
    """Register ``(zh_CN, en)`` labels for enum members."""
    _LABELS.update(labels)


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
        zh, en = _LABELS[member]
    except (KeyError, TypeError):
        raise ValidationError("member", member, "must be an enum member of safetyduty") from None
    return zh if locale == "zh_CN" else en


def enum_types() -> list[type[Enum]]:
    """Every enum class that has registered labels, in registration order."""
    return list(dict.fromkeys(type(member) for member in _LABELS))
