"""Chinese time phrases into schedules: "每月25日前", "下一季度15日前", "自事故发生之日起30日内".

Policy texts state time in a few dozen forms; this module reads them as
policy writers write them. :func:`parse_phrase` returns every reading of a
phrase (a phrase may hold several: "每半年、每季度、每月不少于一次" is three
duties); :func:`parse_schedule` reads a phrase that holds exactly one
:data:`~safetyduty.models.Schedule`. What cannot be read raises
:class:`~safetyduty.errors.PhraseError` naming the part it stopped at;
nothing is read silently as something else.

The forms, with the reading each gives (the decisions are on the docs page
"Reading policy phrases"):

- 每月25日前, 每年12月20日前, 每季度底前, 每周三前 → ``Recurring`` due on that day;
- 每月至少带队检查一次, 每季度不少于两次, 每年制定…计划 → ``Recurring`` N times;
- 下一季度15日前, 下一年1月31日前, 次月10日前 → due in the next period;
- 每3年复审1次, 每三年进行一次评估 → ``Triggered`` by the last one, within 3 years;
- 班组日查、车间周查 → ``Recurring`` with who checks;
- 2022年底前, 2020年7月30日前, 到2025年, 2020年底, 年内 → ``OneOff``;
- 2020年8月至11月, 2021-2022年, 8月中旬, 即日起至2020年底 → ``Window``;
- 自事故发生之日起30日内, 在批复事故调查报告后一年内, 不得超过2小时 → ``Triggered``;
- 期满前60日内 → ``Before`` (the 60 days before the event);
- 每天24小时, 实行24小时值班 → ``Continuous``.

Numbers may be Arabic, full-width or Chinese (一二三…十百千, 〇/零, 两, 半);
malformed numerals ("十十", "两两", "2十") are errors. Years lie in
1949..2100. Phrases are at most :data:`MAX_LENGTH` characters; reading is
linear in their length.

Examples:
    >>> parse_schedule("每月25日前").due.day
    25
    >>> [r.timing.frequency.value for r in parse_phrase("每半年、每季度、每月不少于一次")]
    ['half_yearly', 'quarterly', 'monthly']
    >>> parse_duration("三个月内")
    Duration(amount=3, unit=<DurationUnit.MONTHS: 'months'>)
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import int_between
from safetyduty._validate import text as any_text
from safetyduty.errors import PhraseError, ValidationError
from safetyduty.models import (
    Before,
    Continuous,
    DueKind,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Recurring,
    Schedule,
    Timing,
    Triggered,
    Window,
)
from safetyduty.models._schedule import TIMING_TYPES
from safetyduty.rules._phrase_numbers import FULL_WIDTH, Unreadable, read_numeral
from safetyduty.rules._phrase_reader import YEARS, Part, check_year, normalize, quick, read_text

__all__ = [
    "MAX_LENGTH",
    "Reading",
    "canonical_phrase",
    "parse_duration",
    "parse_number",
    "parse_phrase",
    "parse_schedule",
]

MAX_LENGTH: Final = 400
"""The longest phrase the parse functions read (a whole document goes to
:func:`safetyduty.rules.documents.find_phrases`)."""
_TRIM: Final = " \t\r\n\u3000，。；,;.、：:"
_NUMERAL_CHARS: Final = frozenset("0123456789〇零一二两三四五六七八九十百千")
_SPACE: Final = re.compile(r"\s")


def _timing(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, TIMING_TYPES):
        raise ValidationError(attribute.name, value, "must be a Timing (Recurring, OneOff, …)")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Reading:
    """One reading of a phrase: its timing, who it names, and the words it comes from.

    Attributes:
        timing: the schedule, window, window before an event, or continuous duty.
        who: who the phrase itself names ("班组" in "班组日查"), else "".
        text: the words of the phrase this reading was read from.
        start: where those words start in the phrase.

    Examples:
        >>> parse_phrase("车间周查")[0].who
        '车间'
    """

    timing: Timing = attrs.field(validator=_timing)
    who: str = attrs.field(default="", validator=any_text)
    text: str = attrs.field(default="", validator=any_text)
    start: int = attrs.field(default=0, validator=int_between(0, MAX_LENGTH * 1000))


def parse_number(text: str) -> int:
    """An Arabic, full-width or Chinese numeral, read strictly (at most 9999).

    ``二〇二二`` is read digit by digit; ``二十八`` and ``一百零五`` by place.

    Raises:
        PhraseError: a malformed numeral ("十十", "两两", "〇十", "2十", "一二十"),
            naming the character where reading stopped.

    Examples:
        >>> [parse_number(t) for t in ("25", "二十八", "十二", "两", "二〇二二", "１５", "一百零五")]
        [25, 28, 12, 2, 2022, 15, 105]
        >>> parse_number("一二十")
        Traceback (most recent call last):
        ...
        safetyduty.errors.PhraseError: text: cannot read '二十' at position 1 of '一二十'; expected one digit per place (not 一二十)
    """
    if not isinstance(text, str) or not text:
        raise ValidationError("text", text, "must be a non-empty string of numerals")
    if len(text) > MAX_LENGTH:
        raise PhraseError(text, MAX_LENGTH, f"a numeral of at most {MAX_LENGTH} characters")
    plain = text.translate(FULL_WIDTH).replace("○", "〇")
    bad = next((i for i, c in enumerate(plain) if c not in _NUMERAL_CHARS), None)
    if bad is not None:
        raise PhraseError(text, bad, "a numeral (Arabic or Chinese)")
    try:
        return read_numeral(plain, 0, len(plain))
    except Unreadable as exc:
        raise PhraseError(text, exc.position, exc.expected) from None


def _prepare(text: object) -> tuple[str, str, list[int] | None]:
    """The phrase as given (trimmed), as read (normalized, no spaces), and the map between."""
    if not isinstance(text, str):
        raise ValidationError("text", text, "must be a string")
    cleaned = text.strip(_TRIM)
    if not cleaned:
        raise PhraseError(text, 0, "a time phrase")
    if len(cleaned) > MAX_LENGTH:
        raise PhraseError(cleaned, MAX_LENGTH, f"a phrase of at most {MAX_LENGTH} characters")
    plain = normalize(cleaned)
    if not _SPACE.search(plain):
        return cleaned, plain, None
    where = [i for i, c in enumerate(plain) if not c.isspace()]
    return cleaned, "".join(plain[i] for i in where), where


def parse_phrase(text: str, *, year: int | None = None) -> tuple[Reading, ...]:
    """Every reading of a phrase, in order.

    The words around the time expressions (who, verbs, objects) may stay:
    "各地于2020年7月30日前向市安委办报送" reads as one one-off duty.

    Args:
        text: the phrase, e.g. ``每年12月20日前和2022年12月20日前``.
        year: the year for phrases that name none (``12月28日前``, ``年内``,
            ``8月中旬``), usually the plan's year.

    Raises:
        PhraseError: naming the position and the part not understood, or when
            the text holds no time phrase.

    Examples:
        >>> [type(r.timing).__name__ for r in parse_phrase("每年12月20日前和2022年12月20日前")]
        ['Recurring', 'OneOff']
        >>> [(r.who, r.timing.frequency.value) for r in parse_phrase("班组日查、车间周查")]
        [('班组', 'daily'), ('车间', 'weekly')]
        >>> parse_phrase("2020年8月至11月")[0].timing
        Window(start=datetime.date(2020, 8, 1), end=datetime.date(2020, 11, 30))
        >>> parse_phrase("期满前60日内")[0].timing
        Before(event=<EventKind.OTHER: 'other'>, within=Duration(amount=60, unit=<DurationUnit.DAYS: 'days'>))
    """
    cleaned, parts, at = _read(text, year)
    return tuple(
        Reading(
            timing=part.timing,
            who=part.who,
            text=cleaned[at(part.start) : at(part.end - 1) + 1],
            start=at(part.start),
        )
        for part in parts
    )


def _read(text: object, year: object) -> tuple[str, list[Part], Callable[[int], int]]:
    """The phrase as given (trimmed), its readings, and a map from read positions to it."""
    cleaned, plain, where = _prepare(text)
    checked = check_year(year)

    def at(position: int) -> int:
        if where is None:
            return position
        return where[position] if position < len(where) else len(cleaned)

    fast = quick(plain) if where is None else None
    if fast is not None:
        return cleaned, [Part(fast, "", 0, len(plain))], at
    try:
        groups = read_text(plain, checked, strict=True)
    except Unreadable as exc:
        raise PhraseError(cleaned, at(exc.position), exc.expected) from None
    parts = [part for group in groups for part in group.parts]
    if not parts:
        raise PhraseError(cleaned, 0, "a time phrase (每月25日前, 2021年底前, 30日内 …)")
    return cleaned, parts, at


def parse_schedule(text: str, *, year: int | None = None) -> Schedule:
    """Read a phrase that holds exactly one :data:`~safetyduty.models.Schedule`.

    A window ("2020年8月至11月") is due at its end. A window before an event
    ("期满前60日内") and a continuous duty ("每天24小时") are not schedules:
    :func:`parse_phrase` reads them.

    Args:
        text: the phrase, e.g. ``每月25日前`` or ``2021年底前``.
        year: the year for phrases that do not name one (``12月28日前``,
            ``年底前``, ``年内``), usually the plan's year.

    Raises:
        PhraseError: naming the position and the part not understood, or the
            second schedule of a phrase that holds several.

    Examples:
        >>> parse_schedule("每季度至少召开一次")
        Recurring(frequency=<Frequency.QUARTERLY: 'quarterly'>, times=1, due=DueRule(kind=<DueKind.END_OF_PERIOD: 'end_of_period'>, month=None, day=None))
        >>> parse_schedule("到2022年6月底前")
        OneOff(due=datetime.date(2022, 6, 30))
        >>> parse_schedule("12月28日前", year=2020)
        OneOff(due=datetime.date(2020, 12, 28))
        >>> parse_schedule("2020年8月至11月")
        OneOff(due=datetime.date(2020, 11, 30))
        >>> parse_schedule("每月25号前")
        Traceback (most recent call last):
        ...
        safetyduty.errors.PhraseError: text: cannot read '号前' at position 4 of '每月25号前'; expected '次'
    """
    phrase, parts, at = _read(text, year)
    if len(parts) > 1:
        raise PhraseError(
            phrase,
            at(parts[1].start),
            f"one schedule (this phrase holds {len(parts)}; parse_phrase reads them all)",
        )
    timing = parts[0].timing
    if isinstance(timing, Window):
        if timing.end is None:
            raise PhraseError(phrase, at(parts[0].start), "a window with an end (a due date)")
        return OneOff(due=timing.end)
    if isinstance(timing, (Before, Continuous)):
        kind = "a window before an event" if isinstance(timing, Before) else "a continuous duty"
        raise PhraseError(phrase, at(parts[0].start), f"a schedule ({kind}: use parse_phrase)")
    return timing


def parse_duration(text: str) -> Duration:
    """The time limit of "N日内", "N个工作日内", "N个月内", "N小时内", "N年内", with its event clause.

    Raises:
        PhraseError: naming the position and the part not understood.

    Examples:
        >>> parse_duration("自事故发生之日起30日内")
        Duration(amount=30, unit=<DurationUnit.DAYS: 'days'>)
        >>> parse_duration("应急预案公布之日起二十个工作日内")
        Duration(amount=20, unit=<DurationUnit.WORKDAYS: 'workdays'>)
        >>> parse_duration("1 hour")
        Traceback (most recent call last):
        ...
        safetyduty.errors.PhraseError: text: cannot read '1 hour' at position 0 of '1 hour'; expected a time limit (N日内, N个工作日内, N个月内, N小时内, N年内)
    """
    readings = _readings_of_limit(text)
    timing = readings[0].timing
    if len(readings) == 1 and isinstance(timing, (Triggered, Before)):
        return timing.within
    phrase = text.strip(_TRIM)
    raise PhraseError(
        phrase, readings[0].start, "a time limit (N日内, N个工作日内, N个月内, N小时内, N年内)"
    )


def _readings_of_limit(text: str) -> tuple[Reading, ...]:
    """parse_phrase, with the message of parse_duration when nothing is found."""
    try:
        return parse_phrase(text)
    except PhraseError as exc:
        if exc.position == 0 and "a time phrase" in str(exc):
            raise PhraseError(
                exc.value, 0, "a time limit (N日内, N个工作日内, N个月内, N小时内, N年内)"
            ) from None
        raise


# --- the canonical phrase of a timing ------------------------------------------------

_EVERY: Final = {
    Frequency.DAILY: "每日",
    Frequency.WEEKLY: "每周",
    Frequency.MONTHLY: "每月",
    Frequency.QUARTERLY: "每季度",
    Frequency.HALF_YEARLY: "每半年",
    Frequency.YEARLY: "每年",
}
_NEXT_WORD: Final = {
    Frequency.WEEKLY: "下周",
    Frequency.MONTHLY: "次月",
    Frequency.QUARTERLY: "下一季度",
    Frequency.HALF_YEARLY: "下一个半年",
    Frequency.YEARLY: "下一年",
}
_WEEKDAY_WORDS: Final = "一二三四五六日"
_UNIT_WORDS: Final = {
    DurationUnit.HOURS: "小时",
    DurationUnit.DAYS: "日",
    DurationUnit.WORKDAYS: "个工作日",
    DurationUnit.MONTHS: "个月",
    DurationUnit.YEARS: "年",
}
_FROM_EVENT: Final = {
    EventKind.ACCIDENT: "自事故发生之日起",
    EventKind.FATAL_ACCIDENT: "自发生人员死亡事故之日起",
    EventKind.CASUALTY_CHANGE: "自伤亡人数发生变化之日起",
    EventKind.INVESTIGATION_REPORT: "自收到事故调查报告之日起",
    EventKind.INVESTIGATION_APPROVED: "自批复事故调查报告之日起",
    EventKind.PLAN_PUBLISHED: "自应急预案公布之日起",
    EventKind.TOOK_OFFICE: "自任职之日起",
    EventKind.HAZARD_FOUND: "自发现事故隐患之日起",
    EventKind.CERTIFICATE_ISSUED: "自发证之日起",
    EventKind.PENALTY_DECIDED: "自作出处罚决定之日起",
    EventKind.PRODUCTION_STARTED: "自投产之日起",
    EventKind.PLAN_EVALUATED: "自应急预案评估之日起",
    EventKind.APPLICATION_RECEIVED: "自收到申请之日起",
    EventKind.OTHER: "",
}
_BEFORE_EVENT: Final = {
    EventKind.ACCIDENT: "事故发生",
    EventKind.FATAL_ACCIDENT: "发生人员死亡事故",
    EventKind.CASUALTY_CHANGE: "伤亡人数发生变化",
    EventKind.INVESTIGATION_REPORT: "收到事故调查报告",
    EventKind.INVESTIGATION_APPROVED: "批复事故调查报告",
    EventKind.PLAN_PUBLISHED: "应急预案公布",
    EventKind.TOOK_OFFICE: "任职",
    EventKind.HAZARD_FOUND: "发现事故隐患",
    EventKind.CERTIFICATE_ISSUED: "发证",
    EventKind.PENALTY_DECIDED: "作出处罚决定",
    EventKind.PRODUCTION_STARTED: "投产",
    EventKind.PLAN_EVALUATED: "应急预案评估",
    EventKind.APPLICATION_RECEIVED: "收到申请",
    EventKind.OTHER: "期满",
}
_LARGEST_AMOUNT: Final = 9999


def _day(value: date) -> str:
    if value.year not in YEARS:
        raise ValidationError(
            "date", value, f"must lie in {YEARS.start}..{YEARS.stop - 1} to be written as a phrase"
        )
    return f"{value.year}年{value.month}月{value.day}日"


def _limit(duration: Duration) -> str:
    if duration.amount > _LARGEST_AMOUNT:
        raise ValidationError(
            "amount",
            duration.amount,
            f"must be at most {_LARGEST_AMOUNT} to be written as a phrase",
        )
    amount = str(duration.amount)
    if duration.unit is DurationUnit.YEARS and duration.amount >= 1000:  # noqa: PLR2004 - 1000年 would read as a year
        amount = _chinese(duration.amount)
    return f"{amount}{_UNIT_WORDS[duration.unit]}内"


def _chinese(n: int) -> str:
    """1000..9999 as a Chinese place-value numeral (一千零五十)."""
    digits = "〇一二三四五六七八九"
    out: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out.append(("零" if zero and out else "") + digits[d] + unit)
            zero = False
        else:
            zero = True
    return "".join(out)


def _recurring(schedule: Recurring) -> str:
    rule, every = schedule.due, _EVERY[schedule.frequency]
    count = f"至少{schedule.times}次"
    if rule.kind is DueKind.END_OF_PERIOD:
        return f"{every}{count}"
    if schedule.frequency is Frequency.WEEKLY:
        day = f"{_WEEKDAY_WORDS[(rule.day or 1) - 1]}前"
    elif rule.month is None or schedule.frequency is Frequency.MONTHLY:
        day = f"{rule.day}日前"
    elif schedule.frequency is Frequency.YEARLY:
        last = monthrange(2000, rule.month)[1]  # a leap year: 2月29日 is a due day
        day = f"{rule.month}月底前" if (rule.day or 1) > last else f"{rule.month}月{rule.day}日前"
    else:
        day = f"第{rule.month}个月{rule.day}日前"
    if rule.kind is DueKind.DAY_OF_PERIOD:
        return f"{every}{day}" + (count if schedule.times > 1 else "")
    nxt = f"{_NEXT_WORD[schedule.frequency]}{day}"
    return nxt if schedule.times == 1 else f"{every}{count}，于{nxt}"


def _window(window: Window) -> str:
    if window.start is None:
        return f"即日起至{_day(window.end)}"  # type: ignore[arg-type]
    if window.end is None:
        return f"自{_day(window.start)}起"
    return f"{_day(window.start)}至{_day(window.end)}"


_RENDER: Final[dict[type, Callable[[Any], str]]] = {
    Recurring: _recurring,
    OneOff: lambda one_off: f"{_day(one_off.due)}前",
    Triggered: lambda triggered: f"{_FROM_EVENT[triggered.event]}{_limit(triggered.within)}",
    Before: lambda before: f"{_BEFORE_EVENT[before.event]}前{_limit(before.within)}",
    Window: _window,
    Continuous: lambda _: "每天24小时",
}


def canonical_phrase(timing: Timing | Schedule) -> str:
    """The phrase that :func:`parse_phrase` reads back as *timing* (and nothing else).

    It takes an obligation's schedule as well; a ``Standing`` requirement is
    not a time phrase and is refused.

    A due day in "month 1" of a period and one with no month are the same day
    (``DueRule``); the phrase names the month only when it is not the first.

    Raises:
        ValidationError: for what no phrase can say (a year outside
            1949..2100, an amount above 9999, a ``Standing`` requirement,
            not a timing).

    Examples:
        >>> from safetyduty.models import DueRule
        >>> canonical_phrase(Recurring(frequency=Frequency.YEARLY, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=12, day=20)))
        '每年12月20日前'
        >>> canonical_phrase(Triggered(event=EventKind.ACCIDENT, within=Duration(amount=30, unit=DurationUnit.DAYS)))
        '自事故发生之日起30日内'
        >>> canonical_phrase(Window(start=date(2020, 8, 1), end=date(2020, 11, 30)))
        '2020年8月1日至2020年11月30日'
    """
    if isinstance(timing, Triggered) and timing.accident_kinds:
        raise ValidationError(
            "timing", timing, "has accident kinds, which no phrase of the library renders"
        )
    render = _RENDER.get(type(timing))
    if render is not None:
        return render(timing)
    raise ValidationError("timing", timing, "must be a Timing (Recurring, OneOff, …)")
