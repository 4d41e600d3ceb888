"""Chinese and English labels for the library's vocabularies.

Every enum member of safetyduty has a ``zh_CN`` and an ``en`` label; the enum
values themselves are stable ASCII codes used in JSON.

Examples:
    >>> from safetyduty.calendars import DayType, Festival
    >>> label(Festival.SPRING_FESTIVAL)
    '春节'
    >>> label(DayType.MAKEUP_WORKDAY, "en")
    'make-up workday'
"""

from __future__ import annotations

from enum import Enum

from safetyduty._labels import LOCALES, Locale, check_locale, label_of

__all__ = ["LOCALES", "Locale", "label"]


def label(member: Enum, locale: str = "zh_CN") -> str:
    """The display label of *member* in *locale* (``"zh_CN"`` or ``"en"``).

    Raises:
        ValidationError: for an unknown locale or a value that is not one of
            the library's enum members.

    Examples:
        >>> from safetyduty.calendars import Festival
        >>> label(Festival.NATIONAL_DAY, "en")
        'National Day'
        >>> label(Festival.NATIONAL_DAY, "fr")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: locale: must be one of zh_CN, en (got 'fr')
    """
    return label_of(member, check_locale(locale))
