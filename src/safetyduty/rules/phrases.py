"""Chinese deadline phrases into schedules and durations.

Policy documents state time in a handful of forms; this module reads them:

- 每月至少带队检查一次 → Recurring(monthly, times=1)
- 每季度不少于两次 → Recurring(quarterly, times=2)
- 每月25日前 → Recurring(monthly, due on day 25)
- 每年12月20日前 → Recurring(yearly, due on 12-20)
- 每季度底前 → Recurring(quarterly, due at the quarter's end)
- 下一季度15日前 → Recurring(quarterly, due on the 15th of the next quarter)
- 下一年1月31日前 → Recurring(yearly, due on 1-31 of the next year)
- 月查 (班组日查、车间周查…) → Recurring(monthly)
- 2022年底前 → OneOff(2022-12-31); 2022年6月底前 → OneOff(2022-06-30)
- 2020年7月30日前 → OneOff(2020-07-30)
- 12月28日前, 年底前, 年内 → OneOff in the year given by ``year=``
- 自事故发生之日起30日内 → Triggered(accident, 30 days)
- 20个工作日内, 三个月内, 1小时内 → a Duration (``parse_duration``)

Numbers may be Arabic, full-width or Chinese (一二三…十百, 〇/零, 两).
"X日前" and "X月底前" include the named day (decision 3 of ``domain.md``).

Examples:
    >>> parse_schedule("每月25日前").due.day
    25
    >>> parse_duration("三个月内")
    Duration(amount=3, unit=<DurationUnit.MONTHS: 'months'>)
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import Final

from safetyduty.errors import PhraseError, ValidationError
from safetyduty.models import (
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Recurring,
    Schedule,
    Triggered,
)

__all__ = ["parse_duration", "parse_number", "parse_schedule"]

_DIGITS: Final = (
    {c: i for i, c in enumerate("〇一二三四五六七八九")}
    | {"零": 0, "两": 2}
    | {c: i for i, c in enumerate("0123456789")}
    | {c: i for i, c in enumerate("０１２３４５６７８９")}
)
_YEARS: Final = range(1949, 2101)
_UNITS: Final = {"十": 10, "百": 100}
_NUMBER_CHARS: Final = frozenset(_DIGITS) | frozenset(_UNITS)

_PERIODS: Final = (
    ("季度", Frequency.QUARTERLY),
    ("半年", Frequency.HALF_YEARLY),
    ("日", Frequency.DAILY),
    ("天", Frequency.DAILY),
    ("周", Frequency.WEEKLY),
    ("月", Frequency.MONTHLY),
    ("季", Frequency.QUARTERLY),
    ("年", Frequency.YEARLY),
)
_NEXT_PERIODS: Final = (
    ("下一季度", Frequency.QUARTERLY),
    ("下一年度", Frequency.YEARLY),
    ("下一年", Frequency.YEARLY),
    ("下一月", Frequency.MONTHLY),
    ("下一周", Frequency.WEEKLY),
    ("下季度", Frequency.QUARTERLY),
    ("次年", Frequency.YEARLY),
    ("次月", Frequency.MONTHLY),
)
_COMPACT: Final = {
    "日查": Frequency.DAILY,
    "周查": Frequency.WEEKLY,
    "月查": Frequency.MONTHLY,
    "季查": Frequency.QUARTERLY,
    "年查": Frequency.YEARLY,
}
_DURATION_UNITS: Final = (
    ("个工作日", DurationUnit.WORKDAYS),
    ("工作日", DurationUnit.WORKDAYS),
    ("个小时", DurationUnit.HOURS),
    ("小时", DurationUnit.HOURS),
    ("个月", DurationUnit.MONTHS),
    ("日", DurationUnit.DAYS),
    ("天", DurationUnit.DAYS),
    ("年", DurationUnit.YEARS),
)
_EVENTS: Final = (
    ("死亡", EventKind.FATAL_ACCIDENT),
    ("事故发生", EventKind.ACCIDENT),
    ("事故", EventKind.ACCIDENT),
    ("公布", EventKind.PLAN_PUBLISHED),
    ("任职", EventKind.TOOK_OFFICE),
    ("投产", EventKind.PRODUCTION_STARTED),
    ("批复", EventKind.INVESTIGATION_APPROVED),
    ("处罚决定", EventKind.PENALTY_DECIDED),
    ("收到申请", EventKind.APPLICATION_RECEIVED),
)
_TRIM: Final = " \t\n，。；,;.、：:"


def parse_number(text: str) -> int:
    """An Arabic, full-width or Chinese numeral (up to 9999).

    ``二〇二二`` is read digit by digit; ``二十八`` and ``一百二十`` by place.

    Examples:
        >>> [parse_number(t) for t in ("25", "二十八", "十二", "两", "二〇二二", "１５", "一百二十")]
        [25, 28, 12, 2, 2022, 15, 120]
    """
    if not isinstance(text, str) or not text or any(c not in _NUMBER_CHARS for c in text):
        raise ValidationError("number", text, "must be a numeral (Arabic or Chinese)")
    if not any(c in _UNITS for c in text):
        value = 0
        for c in text:
            value = value * 10 + _DIGITS[c]
        return value
    total, current = 0, 0
    for c in text:
        if c in _UNITS:
            total += (current or 1) * _UNITS[c]
            current = 0
        else:
            current = current * 10 + _DIGITS[c]
    return total + current


class _Reader:
    """A cursor over a phrase; every failure names where reading stopped."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.last_number_at = 0

    def fail(self, expected: str) -> PhraseError:
        return PhraseError(self.text, self.pos, expected)

    def done(self) -> bool:
        return self.pos >= len(self.text)

    def take(self, *words: str) -> str | None:
        for word in words:
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return word
        return None

    def expect(self, *words: str) -> str:
        word = self.take(*words)
        if word is None:
            raise self.fail(" or ".join(repr(w) for w in words))
        return word

    def number(self) -> int | None:
        start = self.pos
        self.last_number_at = start
        while self.pos < len(self.text) and self.text[self.pos] in _NUMBER_CHARS:
            self.pos += 1
        return parse_number(self.text[start : self.pos]) if self.pos > start else None

    def expect_number(self) -> int:
        value = self.number()
        if value is None:
            raise self.fail("a number")
        return value

    def end(self) -> None:
        if not self.done():
            raise self.fail("the end of the phrase")


def _clean(text: object) -> str:
    if not isinstance(text, str):
        raise ValidationError("text", text, "must be a string")
    cleaned = text.strip(_TRIM)
    if not cleaned:
        raise PhraseError(text, 0, "a time phrase")
    return cleaned


def _checked_date(reader: _Reader, year: int, month: int, day: int | None, at: int) -> date:
    """The date, or a PhraseError pointing at *at* (where the month was written)."""
    if not 1 <= month <= 12:  # noqa: PLR2004
        raise PhraseError(reader.text, at, f"a month 1-12 (not {month})")
    last = monthrange(year, month)[1]
    if day is None:
        return date(year, month, last)
    if not 1 <= day <= last:
        raise PhraseError(reader.text, at, f"a day 1-{last} of {year}-{month:02d} (not {day})")
    return date(year, month, day)


def parse_schedule(text: str, *, year: int | None = None) -> Schedule:
    """Read a phrase as a :data:`~safetyduty.models.Schedule`.

    Args:
        text: the phrase, e.g. ``每月25日前`` or ``2021年底前``.
        year: the year for phrases that do not name one (``12月28日前``,
            ``年底前``, ``年内``), usually the plan's year.

    Raises:
        PhraseError: naming the position and the part not understood.

    Examples:
        >>> parse_schedule("每季度至少召开一次")
        Recurring(frequency=<Frequency.QUARTERLY: 'quarterly'>, times=1, due=DueRule(kind=<DueKind.END_OF_PERIOD: 'end_of_period'>, month=None, day=None))
        >>> parse_schedule("2022年6月底前")
        OneOff(due=datetime.date(2022, 6, 30))
        >>> parse_schedule("12月28日前", year=2020)
        OneOff(due=datetime.date(2020, 12, 28))
        >>> parse_schedule("每月25号前")
        Traceback (most recent call last):
        ...
        safetyduty.errors.PhraseError: text: cannot read '号前' at position 4 of '每月25号前'; expected '次'
    """
    cleaned = _clean(text)
    if year is not None and (
        not isinstance(year, int) or isinstance(year, bool) or year not in _YEARS
    ):
        raise ValidationError("year", year, "must be an int within 1949..2100")
    reader = _Reader(cleaned)
    try:
        return _dispatch(reader, year)
    except ValidationError as exc:  # understood, but not a valid schedule (e.g. 13月)
        raise PhraseError(cleaned, reader.last_number_at, f"a valid {exc}") from None


def _dispatch(reader: _Reader, year: int | None) -> Schedule:
    text = reader.text
    if text in _COMPACT:
        return Recurring(frequency=_COMPACT[text])
    if reader.take("每"):
        return _recurring(reader)
    for word, frequency in _NEXT_PERIODS:
        if reader.take(word):
            return _next_period(reader, frequency)
    if text.endswith("内") and not _is_calendar_year(text):
        return _triggered(reader)
    return _one_off(reader, year)


def _is_calendar_year(text: str) -> bool:
    """ "年内" or "2021年内" (a calendar year), as opposed to "一年内" (a duration)."""
    if text == "年内":
        return True
    head = text.removesuffix("年内")
    return head != text and len(head) == 4 and all(c in _NUMBER_CHARS for c in head)  # noqa: PLR2004


def _recurring(reader: _Reader) -> Recurring:
    frequency = next((f for word, f in _PERIODS if reader.take(word)), None)
    if frequency is None:
        raise reader.fail("a period (日, 周, 月, 季度, 半年, 年)")
    if reader.take("底前", "末前"):
        reader.end()
        return Recurring(frequency=frequency)
    first = reader.number()
    if first is not None:
        if reader.take("月"):
            day = reader.expect_number()
            reader.expect("日前")
            reader.end()
            return Recurring(
                frequency=frequency, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=first, day=day)
            )
        if reader.take("日前") or (frequency is Frequency.WEEKLY and reader.take("前")):
            reader.end()  # "每周三前": by Wednesday
            return Recurring(
                frequency=frequency, due=DueRule(kind=DueKind.DAY_OF_PERIOD, day=first)
            )
        reader.expect("次")
        reader.end()
        return Recurring(frequency=frequency, times=first)
    reader.take("至少", "不少于", "最少")
    # A verb may stand between the quantifier and the count ("带队检查", "组织召开").
    while not reader.done() and reader.text[reader.pos] not in _NUMBER_CHARS:
        if not "\u4e00" <= reader.text[reader.pos] <= "\u9fff":
            raise reader.fail("Chinese words followed by 'N次'")
        reader.pos += 1
    times = reader.expect_number()
    reader.expect("次")
    reader.end()
    return Recurring(frequency=frequency, times=times)


def _next_period(reader: _Reader, frequency: Frequency) -> Recurring:
    first = reader.expect_number()
    month: int | None = None
    day = first
    if reader.take("月"):
        month, day = first, reader.expect_number()
    reader.expect("日前")
    reader.end()
    return Recurring(
        frequency=frequency, due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, month=month, day=day)
    )


def _one_off(reader: _Reader, year: int | None) -> OneOff:
    start = reader.pos
    named = reader.number()
    year_of = year
    if named is not None and reader.take("年"):
        year_of = named
    else:
        reader.pos = start
    if reader.take("年底前", "底前", "年末前", "年内", "内"):
        if year_of is None:
            raise reader.fail("a year: pass year=… for a phrase without one")
        reader.end()
        return OneOff(due=date(year_of, 12, 31))
    at = reader.pos
    month = reader.expect_number()
    reader.expect("月")
    if year_of is None:
        raise PhraseError(reader.text, 0, "a year: pass year=… for a phrase without one")
    if reader.take("底前", "末前"):
        reader.end()
        return OneOff(due=_checked_date(reader, year_of, month, None, at))
    day = reader.expect_number()
    reader.expect("日前")
    reader.end()
    return OneOff(due=_checked_date(reader, year_of, month, day, at))


def _triggered(reader: _Reader) -> Triggered:
    text = reader.text
    duration = parse_duration(text)
    event = next((kind for word, kind in _EVENTS if word in text), EventKind.OTHER)
    return Triggered(event=event, within=duration)


def parse_duration(text: str) -> Duration:
    """Read "N日内", "N个工作日内", "N个月内", "N小时内", "N年内", with an optional event clause.

    The event clause before the number ("自事故发生之日起", "事故发生日") may be
    any Chinese text; anything else before or after is an error.

    Raises:
        PhraseError: naming the position and the part not understood.

    Examples:
        >>> parse_duration("自事故发生之日起30日内")
        Duration(amount=30, unit=<DurationUnit.DAYS: 'days'>)
        >>> parse_duration("应急预案公布之日起20个工作日内")
        Duration(amount=20, unit=<DurationUnit.WORKDAYS: 'workdays'>)
        >>> parse_duration("1 hour")
        Traceback (most recent call last):
        ...
        safetyduty.errors.PhraseError: text: cannot read ' hour' at position 1 of '1 hour'; expected a unit (个工作日, 个月, 小时, 日, 天, 年) and '内'
    """
    cleaned = _clean(text)
    reader = _Reader(cleaned)
    # Skip the event clause: Chinese words up to the number.
    while not reader.done() and reader.text[reader.pos] not in _NUMBER_CHARS:
        if not "\u4e00" <= reader.text[reader.pos] <= "\u9fff":
            raise reader.fail("Chinese words or a number")
        reader.pos += 1
    # Numbers inside the clause ("事故发生日三个月内" has none; "十日" would) are taken as the amount:
    # the clause ends where the last number starts.
    amount = reader.expect_number()
    unit = next((u for word, u in _DURATION_UNITS if reader.take(word)), None)
    if unit is None or not reader.take("内"):
        raise reader.fail("a unit (个工作日, 个月, 小时, 日, 天, 年) and '内'")
    reader.end()
    if amount < 1:
        raise PhraseError(cleaned, 0, "an amount of 1 or more")
    return Duration(amount=amount, unit=unit)
