"""Chinese and English labels and formatting for the library's values.

Every enum member of safetyduty has a ``zh_CN`` and an ``en`` label; the enum
values themselves are stable ASCII codes used in JSON. Dates, times and
money are formatted with babel, which is imported only when a formatting
function is first called (``import safetyduty`` stays light).

Examples:
    >>> from safetyduty.calendars import DayType, Festival
    >>> label(Festival.SPRING_FESTIVAL)
    '春节'
    >>> label(DayType.MAKEUP_WORKDAY, "en")
    'make-up workday'
"""

from __future__ import annotations

import decimal
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Final

from safetyduty._labels import LOCALES, Locale, check_locale, label_of
from safetyduty.errors import ValidationError

__all__ = [
    "LOCALES",
    "Locale",
    "format_date",
    "format_datetime",
    "format_duration",
    "format_money",
    "label",
]


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


def format_date(day: date, locale: str = "zh_CN") -> str:
    """A date written out in *locale*.

    Examples:
        >>> format_date(date(2026, 11, 23)), format_date(date(2026, 11, 23), "en")
        ('2026年11月23日', 'November 23, 2026')
    """
    checked = check_locale(locale)
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValidationError("day", day, "must be a datetime.date")
    from babel import dates  # noqa: PLC0415 - babel is imported on first use

    return dates.format_date(day, format="long", locale=checked)


def format_datetime(moment: datetime, locale: str = "zh_CN") -> str:
    """An aware datetime written out in *locale*, in its own time zone.

    Examples:
        >>> from datetime import timedelta, timezone
        >>> format_datetime(datetime(2026, 5, 1, 23, 30, tzinfo=timezone(timedelta(hours=8))))
        '2026年5月1日 23:30:00'
    """
    checked = check_locale(locale)
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise ValidationError("moment", moment, "must be a timezone-aware datetime")
    from babel import dates  # noqa: PLC0415 - babel is imported on first use

    return dates.format_datetime(moment, format="medium", locale=checked, tzinfo=moment.tzinfo)


def format_money(amount: Decimal, locale: str = "zh_CN") -> str:
    """An amount of yuan, with the currency sign and two decimals.

    Examples:
        >>> format_money(Decimal("1234567.5")), format_money(Decimal("1234567.5"), "en")
        ('¥1,234,567.50', 'CN¥1,234,567.50')
    """
    checked = check_locale(locale)
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValidationError("amount", amount, "must be a finite Decimal (yuan)")
    from babel import numbers  # noqa: PLC0415 - babel is imported on first use

    with decimal.localcontext() as context:  # room for every digit of a large amount
        context.prec = max(context.prec, amount.adjusted() + 8)
        return numbers.format_currency(amount, "CNY", locale=checked)


_MOST: Final = 100_000
"""The largest amount a Duration holds."""


def format_duration(amount: int, unit: Enum, locale: str = "zh_CN") -> str:
    """A time limit in words: ``20个工作日`` / ``20 working days``.

    Examples:
        >>> from safetyduty.models import DurationUnit
        >>> format_duration(20, DurationUnit.WORKDAYS), format_duration(3, DurationUnit.MONTHS, "en")
        ('20个工作日', '3 months')
    """
    checked = check_locale(locale)
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 <= amount <= _MOST:
        raise ValidationError("amount", amount, f"must be an int in 0..{_MOST}, as a Duration's")
    words = label_of(unit, checked)
    return f"{amount}{words}" if checked == "zh_CN" else f"{amount} {words}"
