"""The grammar of time phrases, shared by ``parse_phrase`` and ``find_phrases``.

The reader walks a text once, left to right. A compiled *trigger* pattern
finds where a time expression may start (每, 下一季度, a numeral followed by a
time unit, 年内, 即日, 班组日查 …); the reader of that form consumes it, looks
back at the words just before it (leading words such as 到/于/自, or the event
clause of "自事故发生之日起30日内"), and returns its readings. The words between
time expressions (who, verbs, objects) are left alone. Every step moves
forward and every look-back is bounded by the current clause, so reading is
linear in the length of the text.

A trigger that turns out not to be a time expression ("三年行动", "每家企业",
"百年") is skipped. A time expression that is malformed or not understood
raises :class:`Unreadable` at the character where reading stopped.
"""

from __future__ import annotations

import functools
import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Final, NamedTuple

import attrs

from safetyduty.errors import ValidationError
from safetyduty.models import (
    Before,
    Continuous,
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Recurring,
    Timing,
    Triggered,
    Window,
)
from safetyduty.models._schedule import MONTHS_IN_PERIOD
from safetyduty.rules._phrase_numbers import FULL_WIDTH, Unreadable, read_numeral

__all__ = ["YEARS", "Group", "Part", "Unreadable", "check_year", "normalize", "quick", "read_text"]

YEARS: Final = range(1949, 2101)
"""The calendar years a phrase may name."""

_NUM: Final = "0-9〇零一二两三四五六七八九十百千"
_NUM_RUN: Final = re.compile(f"[{_NUM}]+")
_NORMALIZE: Final = {**FULL_WIDTH, **str.maketrans("○－—–～~", "〇-----")}

_TRIGGER: Final = re.compile(
    "|".join(
        [
            r"(?P<every>每)",
            rf"(?P<next>下一(?:季度|年度|个半年|个月|年|月|周)|下(?:季度|年度|月|周)|(?<![{_NUM}])次(?:年|月))",
            rf"(?P<compact>(?<=[\u4e00-\u9fff])(?<![{_NUM}每当本上下次])[日周月季年]查)",
            r"(?P<today>即日)",
            r"(?P<half>(?<![每上下])半(?=年|个月)|[上下]半年)",
            r"(?P<quarter>(?<![每当本上下该])第?[一二三四1-4]季度)",
            r"(?P<clock>(?<![0-9])[0-9]{1,2}[点时](?:[0-9]{1,2}分)?(?=以前|之前|前))",
            rf"(?P<num>(?<![{_NUM}])[{_NUM}]+)",
            rf"(?P<bare>(?<![{_NUM}当本上下次今明去每全])年(?:内|底|末))",
            r"(?P<unread>[上中下]旬|月初|年初|季末)",
        ]
    )
)
_CLAUSE_ENDS: Final = frozenset("，,；;。：:\n！!？?（(")
_SENTENCE_END: Final = re.compile("[；;。\n！!？?]")
_CLAUSE_END: Final = re.compile("[，,；;。：:\n！!？?（(]")
_ITEM_END: Final = re.compile("[，,；;。：:\n！!？?（(、]")
_NOT_CJK: Final = re.compile("[^\u4e00-\u9fff]")
_ORDINAL: Final = re.compile(f"第([{_NUM}]+)个月")
_JOINERS: Final = "、，,和及与或"
_NEXT_EVERY: Final = re.compile(f"[{_JOINERS}]每")
_TITLE: Final = re.compile("《[^《》\n]*》")

# Leading words that change what a bare date means: 到2025年 is a deadline,
# 自2002年11月1日起 a start. Other leading words (力争, 确保, 应当 …) are just words.
_DEADLINE_LEADS: Final = ("截止到", "截至", "截止", "最迟", "不晚于", "到", "于", "至")
_START_LEADS: Final = ("自", "从")
_PLAIN_LEADS: Final = ("在",)
_LIMIT_LEADS: Final = ("最长不得超过", "最长不超过", "不得超过", "不超过", "最多")

_PERIODS: Final = (
    ("季度", Frequency.QUARTERLY),
    ("半年", Frequency.HALF_YEARLY),
    ("年度", Frequency.YEARLY),
    ("个月", Frequency.MONTHLY),
    ("星期", Frequency.WEEKLY),
    ("年", Frequency.YEARLY),
    ("月", Frequency.MONTHLY),
    ("周", Frequency.WEEKLY),
    ("季", Frequency.QUARTERLY),
    ("日", Frequency.DAILY),
    ("天", Frequency.DAILY),
)
_NEXT: Final = {
    "下一季度": Frequency.QUARTERLY,
    "下季度": Frequency.QUARTERLY,
    "下一年度": Frequency.YEARLY,
    "下年度": Frequency.YEARLY,
    "下一年": Frequency.YEARLY,
    "次年": Frequency.YEARLY,
    "下一个月": Frequency.MONTHLY,
    "下一月": Frequency.MONTHLY,
    "下月": Frequency.MONTHLY,
    "次月": Frequency.MONTHLY,
    "下一周": Frequency.WEEKLY,
    "下一个半年": Frequency.HALF_YEARLY,
    "下周": Frequency.WEEKLY,
}
_COMPACT: Final = {
    "日": Frequency.DAILY,
    "周": Frequency.WEEKLY,
    "月": Frequency.MONTHLY,
    "季": Frequency.QUARTERLY,
    "年": Frequency.YEARLY,
}
_WEEKDAYS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_DURATION_UNITS: Final = (
    ("个工作日", DurationUnit.WORKDAYS, 1),
    ("工作日", DurationUnit.WORKDAYS, 1),
    ("个小时", DurationUnit.HOURS, 1),
    ("小时", DurationUnit.HOURS, 1),
    ("个月", DurationUnit.MONTHS, 1),
    ("个星期", DurationUnit.DAYS, 7),
    ("星期", DurationUnit.DAYS, 7),
    ("周", DurationUnit.DAYS, 7),
    ("日", DurationUnit.DAYS, 1),
    ("天", DurationUnit.DAYS, 1),
)
_INTERVALS: Final = {  # 每3年, 每两个月, 每2周: within N of the last time
    "个月": (DurationUnit.MONTHS, 1),
    "年": (DurationUnit.YEARS, 1),
    "天": (DurationUnit.DAYS, 1),
    "日": (DurationUnit.DAYS, 1),
    "周": (DurationUnit.DAYS, 7),
    "个星期": (DurationUnit.DAYS, 7),
    "星期": (DurationUnit.DAYS, 7),
    "个小时": (DurationUnit.HOURS, 1),
    "小时": (DurationUnit.HOURS, 1),
}
_ROUND_THE_CLOCK: Final = 24
_INTERVAL_WORDS: Final = re.compile("复审|应急预案评估|预案评估")
_WITHIN: Final = ("以内", "之内", "内")
_BEFORE: Final = ("以前", "之前", "前")
_FROM: Final = ("以来", "起")
_XUN: Final = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}
_QUARTER: Final = re.compile("第?([一二三四1-4])季度")
_FIRST_MONTH: Final = {  # days in the shortest first month (or week) of a period
    Frequency.WEEKLY: 7,
    Frequency.MONTHLY: 28,
    Frequency.QUARTERLY: 30,
    Frequency.HALF_YEARLY: 31,
    Frequency.YEARLY: 31,
}
_AFTER_PERIOD: Final = re.compile(
    f"(?:结束|期满|届满)后([{_NUM}]+)(日|天|个工作日|工作日)(?:以内|之内|内)"
)
_QUARTERS: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUANTIFIERS: Final = ("不得少于", "均不少于", "不少于", "不低于", "至少", "最少")
_COUNT: Final = re.compile(f"([{_NUM}]+)次")
_MAX_TIMES: Final = 366
_REACH: Final = 30
"""How far past a period the reader looks for its count or its event words."""
_BACK: Final = 80
"""How far back the reader looks for the words of an event."""
# After a date or a time limit, these would change its meaning; the reader
# consumes the ones it understands, and any other is an error, never ignored.
_TRAP: Final = re.compile("以后|之后|以来|以上|以下|后|起|止|内|前")
_MODAL: Final = re.compile("(?:应当|必须|均应|应|须|要)(?=[在于自从])")
_EVENT_MARKERS: Final = re.compile(
    "事故|隐患|预案|申请|处罚|任职|投产|接到|收到|受理|发生|作出|批复|结案|期满|届满|到期|"
    "公布|建成|刑罚|评估|复审|伤亡|颁发|取得证书"
)
_EVENT_WORDS: Final = re.compile(
    "伤亡人数|批复|结案|调查报告|隐患|处罚决定|预案|公布|评估|任职|投产|申请|收到|接到|受理|"
    "发证|颁发|取得证书|事故|死亡"
)
# The event a time limit runs from, most specific first: (all of, any of, event).
_EVENTS: Final = (
    (("伤亡人数",), (), EventKind.CASUALTY_CHANGE),
    ((), ("批复", "结案"), EventKind.INVESTIGATION_APPROVED),
    (("调查报告",), (), EventKind.INVESTIGATION_REPORT),
    (("隐患",), (), EventKind.HAZARD_FOUND),
    (("处罚决定",), (), EventKind.PENALTY_DECIDED),
    (("预案", "公布"), (), EventKind.PLAN_PUBLISHED),
    (("预案", "评估"), (), EventKind.PLAN_EVALUATED),
    (("任职",), (), EventKind.TOOK_OFFICE),
    (("投产",), (), EventKind.PRODUCTION_STARTED),
    (("申请",), ("收到", "接到", "受理"), EventKind.APPLICATION_RECEIVED),
    ((), ("发证", "颁发", "取得证书"), EventKind.CERTIFICATE_ISSUED),
    (("事故", "死亡"), (), EventKind.FATAL_ACCIDENT),
    (("事故",), (), EventKind.ACCIDENT),
)


class Part(NamedTuple):
    """One reading: its timing, who it names (compact checks), and its span."""

    timing: Timing
    who: str
    start: int
    end: int


class Group(NamedTuple):
    """The readings of one time expression (or the reason it could not be read)."""

    start: int
    end: int
    parts: tuple[Part, ...]
    error: Unreadable | None


def check_year(year: object) -> int | None:
    """``year=`` of the parse functions: None, or an int within YEARS."""
    if year is not None and (
        not isinstance(year, int) or isinstance(year, bool) or year not in YEARS
    ):
        expected = f"must be an int within {YEARS.start}..{YEARS.stop - 1}"
        raise ValidationError("year", year, expected)
    return year


def normalize(text: str) -> str:
    """Full-width digits, ○ and dashes to their plain forms, one character for one."""
    return text.translate(_NORMALIZE)


# --- points in the calendar ---------------------------------------------------------


class _Point(NamedTuple):
    """A calendar point or span named by a date: a year, a month, a day, a 旬 …"""

    first: date
    last: date
    kind: str  # "year", "half", "month", "xun", "day", "end" (年底/月底)


def _year(t: str, start: int, end: int) -> int:
    if end - start > 4:  # noqa: PLR2004 - 10000年, 99999…年: no year
        raise Unreadable(start, f"a year within {YEARS.start}..{YEARS.stop - 1}")
    value = read_numeral(t, start, end)
    if value not in YEARS:
        raise Unreadable(start, f"a year within {YEARS.start}..{YEARS.stop - 1} (not {value})")
    return value


def _month_point(t: str, year: int, at: int, month: int, p: int) -> tuple[_Point, int]:
    """After "M月" at *p*: a day, a 旬, the month's end, or the whole month."""
    if not 1 <= month <= 12:  # noqa: PLR2004
        raise Unreadable(at, f"a month 1-12 (not {month})")
    last = monthrange(year, month)[1]
    run = _NUM_RUN.match(t, p)
    if run and t.startswith("日", run.end()):
        day = read_numeral(t, run.start(), run.end())
        if not 1 <= day <= last:
            raise Unreadable(at, f"a day 1-{last} of {year}-{month:02d} (not {day})")
        return _Point(date(year, month, day), date(year, month, day), "day"), run.end() + 1
    if t[p : p + 2] in _XUN:
        low, high = _XUN[t[p : p + 2]]
        return _Point(date(year, month, low), date(year, month, min(high, last)), "xun"), p + 2
    if t.startswith(("底", "末"), p):
        return _Point(date(year, month, last), date(year, month, last), "end"), p + 1
    return _Point(date(year, month, 1), date(year, month, last), "month"), p


def _after_year(t: str, year: int, p: int) -> tuple[_Point, int]:
    """After "YYYY年" at *p*: a month, 年底, 上半年/下半年, or the whole year."""
    run = _NUM_RUN.match(t, p)
    if run and t.startswith("月", run.end()):
        month = read_numeral(t, run.start(), run.end())
        return _month_point(t, year, run.start(), month, run.end() + 1)
    if t.startswith(("底", "末"), p):
        return _Point(date(year, 12, 31), date(year, 12, 31), "end"), p + 1
    if t.startswith(("上半年", "下半年"), p):
        return _half(year, t[p]), p + 3
    quarter = _QUARTER.match(t, p)
    if quarter:
        return _quarter(t, year, quarter)
    return _Point(date(year, 1, 1), date(year, 12, 31), "year"), p


def _quarter(t: str, year: int, m: re.Match[str]) -> tuple[_Point, int]:
    """第一季度, 三季度: that quarter of *year*; 第一季度末 its last day."""
    first = 3 * _QUARTERS[m[1]] - 2
    last = date(year, first + 2, monthrange(year, first + 2)[1])
    if t.startswith(("末", "底"), m.end()):
        return _Point(last, last, "end"), m.end() + 1
    return _Point(date(year, first, 1), last, "quarter"), m.end()


def _half(year: int, which: str) -> _Point:
    if which == "上":
        return _Point(date(year, 1, 1), date(year, 6, 30), "half")
    return _Point(date(year, 7, 1), date(year, 12, 31), "half")


def _is_calendar_year(t: str, start: int, end: int) -> bool:
    """2021年 (four Arabic digits or more) or 二〇二一年 (four Chinese digits, no units)."""
    if t[start] in "0123456789":
        return end - start >= 4  # noqa: PLR2004
    return end - start == 4 and not any(t[i] in "十百千" for i in range(start, end))  # noqa: PLR2004


def _suffix_timing(point: _Point, suffix: str, lead: str | None) -> Timing:
    """What 前 / 内 / 起, or no suffix after a leading word, make of a date."""
    if suffix in _BEFORE:  # 12月28日前, 2020年底前: that day; 5月前, 2022年前: before it begins
        due = point.last if point.kind in ("day", "end") else point.first - timedelta(days=1)
        return OneOff(due=due)
    if suffix in _WITHIN:  # 2021年内, 12月内
        return OneOff(due=point.last)
    if suffix in _FROM or lead in _START_LEADS:  # 自2002年11月1日起
        return Window(start=point.first, end=None)
    if point.kind == "end" or lead in _DEADLINE_LEADS:  # 2020年底, 到2025年
        return OneOff(due=point.last)
    return Window(start=point.first, end=point.last)  # 2021年, 2020年8月, 8月中旬


@functools.lru_cache(maxsize=1024)
def event_of(words: str) -> EventKind:
    """The event a time limit runs from, most specific first (批复 before 事故).

    "批复事故调查报告后" and "事故结案" run from the approval (结案 is the
    批复 that closes a case), "收到事故调查报告" from the report, "发现事故隐患"
    from the hazard; only then does 事故 mean the accident itself.
    """
    present = set(_EVENT_WORDS.findall(words))
    if present:
        for all_of, any_of, event in _EVENTS:
            if present.issuperset(all_of) and (not any_of or not present.isdisjoint(any_of)):
                return event
    return EventKind.OTHER


def _interval_event(words: str) -> EventKind:
    """The event an interval (每3年复审1次) runs from: the last review or evaluation."""
    if "复审" in words:
        return EventKind.CERTIFICATE_ISSUED
    if "预案" in words and "评估" in words:
        return EventKind.PLAN_EVALUATED
    return EventKind.OTHER


# --- the reader -----------------------------------------------------------------------


class _Reader:
    """One pass over a text; ``groups`` collects what was read."""

    def __init__(self, text: str, year: int | None, *, strict: bool) -> None:
        self.t = text
        self.n = len(text)
        self.year = year
        self.strict = strict
        self.groups: list[Group] = []
        self.floor = 0  # where the words before the next expression begin
        self.seen = 0  # how far sentence ends have been looked for
        self.open: list[int] = []  # parts of the last 每 group still due at its period's end
        self.open_group = -1

    # -- helpers ---------------------------------------------------------------

    def starts(self, p: int, *words: str) -> str | None:
        for word in words:
            if self.t.startswith(word, p):
                return word
        return None

    def clause_start(self, p: int) -> int:
        """Where the clause holding *p* begins (after ，；。, the floor, or _BACK back)."""
        start = max(self.floor, p - _BACK)
        for m in _CLAUSE_END.finditer(self.t, start, p):
            start = m.end()
        return start

    def clause_end(self, p: int, reach: int) -> int:
        """Where the clause (or the item of a 、 list) holding *p* ends, at most *reach* on."""
        m = _ITEM_END.search(self.t, p, p + reach)
        return m.start() if m else min(self.n, p + reach)

    def leads(self, s: int, words: tuple[str, ...]) -> tuple[int, str | None]:
        """The leading word (of *words*) right before *s*, and where it starts."""
        for word in words:
            start = s - len(word)
            if start >= self.floor and self.t.startswith(word, start):
                return start, word
        return s, None

    def end_here(self, p: int) -> int:
        """Nothing that would change the meaning may follow a date or time limit."""
        m = _TRAP.match(self.t, p)
        if m:
            raise Unreadable(p, f"the end of the time expression (not {m.group()!r})")
        return p

    def need_year(self, at: int) -> int:
        if self.year is None:
            raise Unreadable(at, "a year: pass year=… for a phrase without one")
        return self.year

    def add(self, start: int, end: int, *parts: Part) -> int:
        self.groups.append(Group(start, end, parts, None))
        return end

    # -- the loop --------------------------------------------------------------

    def run(self) -> list[Group]:
        t, pos = self.t, 0
        titles = [(m.start(), m.end()) for m in _TITLE.finditer(t)] if "《" in t else []
        title = 0
        while pos < self.n:
            m = _TRIGGER.search(t, pos)
            if m is None:
                break
            s = m.start()
            while title < len(titles) and titles[title][1] <= s:
                title += 1
            if title < len(titles) and titles[title][0] <= s:
                pos = titles[title][1]  # 《…》: the title of another document
                continue
            if _SENTENCE_END.search(t, max(self.seen, self.floor), s):
                self.open, self.open_group = [], -1
            self.seen = s
            pos = self.read_one(m)
        return self.groups

    def read_one(self, m: re.Match[str]) -> int:
        """Read the expression *m* starts; return where to look for the next."""
        try:
            read: int | None = getattr(self, f"read_{m.lastgroup}")(m)
        except Unreadable as exc:
            if self.strict:
                raise
            end = max(exc.position + 1, m.end(), exc.end)
            self.groups.append(Group(min(m.start(), exc.position), end, (), exc))
            self.floor = end
            return end
        if read is None:
            return m.end()
        self.floor = read
        return read

    # -- dates -----------------------------------------------------------------

    def read_num(self, m: re.Match[str]) -> int | None:
        """A numeral: a year, a month, or a time limit (2021年, 12月28日, 30日内)."""
        t, s, e = self.t, m.start(), m.end()
        c = t[e : e + 1]
        if c == "年":
            return self.year_form(s, e)
        if c == "-":
            return self.year_range(s, e)
        if c == "月":
            if t.startswith(_WITHIN, e + 1) and t[s] not in "0123456789":
                raise Unreadable(e, "个月 for a number of months (三个月内), or a month in digits")
            month = read_numeral(t, s, e)
            if self.year is None:  # 12月28日前: report the whole date as unread
                _, p = _month_point(t, 2000, s, month, e + 1)
                p += len(self.starts(p, *_BEFORE, *_WITHIN) or "")
                raise Unreadable(s, "a year: pass year=… for a phrase without one", end=p)
            point, p = _month_point(t, self.year, s, month, e + 1)
            return self.dated(s, point, p)
        for word, unit, factor in _DURATION_UNITS:
            if t.startswith(word, e):
                return self.duration(s, e, e + len(word), unit, factor)
        return None

    def year_form(self, s: int, e: int) -> int | None:
        t, p = self.t, e + 1
        if not _is_calendar_year(t, s, e):
            if t.startswith(("底", "末"), p):
                raise Unreadable(s, "a year of four digits (2021年底前)")
            return self.duration(s, e, p, DurationUnit.YEARS, 1)
        point, p = _after_year(t, _year(t, s, e), p)
        return self.dated(s, point, p)

    def year_range(self, s: int, e: int) -> int | None:
        """2021-2022年: a window of whole years."""
        t = self.t
        run = _NUM_RUN.match(t, e + 1)
        if run is None or not t.startswith("年", run.end()):
            return None
        first = _year(t, s, e)
        last = _year(t, run.start(), run.end())
        if last < first:
            raise Unreadable(run.start(), f"a year after {first}")
        point = _Point(date(first, 1, 1), date(last, 12, 31), "year")
        start, _ = self.leads(s, _DEADLINE_LEADS + _START_LEADS + _PLAIN_LEADS)
        timing = Window(start=point.first, end=point.last)
        p = run.end() + 1
        return self.add(start, self.end_here(p), Part(timing, "", start, p))

    def read_bare(self, m: re.Match[str]) -> int:
        """年内, 年底前, 年末前: the year given by ``year=``."""
        t, s = self.t, m.start()
        if self.year is None:
            end = s + 2 + len(self.starts(s + 2, *_BEFORE) or "")
            raise Unreadable(s, "a year: pass year=… for a phrase without one", end=end)
        year = self.year
        start, lead = self.leads(s, _DEADLINE_LEADS)
        end = s + 2
        if t[s + 1] != "内":
            before = self.starts(end, *_BEFORE)
            if before is None and lead is None:
                raise Unreadable(
                    s,
                    "前 after 年底 or 年末 (without a year, they name a time of year, not a date)",
                )
            end += len(before or "")
        timing = OneOff(due=date(year, 12, 31))
        return self.add(start, self.end_here(end), Part(timing, "", start, end))

    def read_half(self, m: re.Match[str]) -> int | None:
        """半年内, 不得超过半年, 有效期为半年 (6 months, as 6个月 reads); 半年后 is an error,
        as 一年后 is; 上半年/下半年 (a half of the year given by ``year=``)."""
        t, s = self.t, m.start()
        if m.group() in ("上半年", "下半年"):
            return self.dated(s, _half(self.need_year(s), t[s]), s + 3)
        if t.startswith("年", s + 1):
            return self.duration(s, s, s + 2, DurationUnit.MONTHS, 6, amount=1)
        if t.startswith("个月", s + 1) and self.starts(s + 3, *_WITHIN):
            raise Unreadable(s, "a whole number of days or months (半个月 is not read)")
        return None

    def read_today(self, m: re.Match[str]) -> int:
        """即日起至2020年底: a window from the text's own date."""
        t, s = self.t, m.start()
        p = s + 2 + (1 if t.startswith("起", s + 2) else 0)
        if self.starts(p, "至", "到") is None:
            raise Unreadable(p, "至 and an end date after 即日起")
        point, p = self.point_at(p + 1, None)
        p += 1 if t.startswith("止", p) else 0
        start, _ = self.leads(s, _START_LEADS)
        window = Window(start=None, end=point.last)
        return self.add(start, self.end_here(p), Part(window, "", start, p))

    def point_at(self, p: int, inherit: int | None) -> tuple[_Point, int]:
        """A second date, after 至: 2022年12月, 11月 (the year of the first), 年底."""
        t = self.t
        run = _NUM_RUN.match(t, p)
        if run and t.startswith("年", run.end()) and _is_calendar_year(t, run.start(), run.end()):
            return _after_year(t, _year(t, run.start(), run.end()), run.end() + 1)
        year = inherit if inherit is not None else self.year
        if run and t.startswith("月", run.end()):
            month = read_numeral(t, run.start(), run.end())
            return _month_point(t, year or self.need_year(p), run.start(), month, run.end() + 1)
        if t.startswith(("年底", "年末"), p):
            year = year or self.need_year(p)
            return _Point(date(year, 12, 31), date(year, 12, 31), "end"), p + 2
        raise Unreadable(p, "a date after 至")

    def dated(self, s: int, point: _Point, p: int) -> int:
        """A date read from *s* to *p*: what its suffix and leading word make of it."""
        t = self.t
        start, lead = self.leads(s, _DEADLINE_LEADS + _START_LEADS + _PLAIN_LEADS)
        suffix = self.starts(p, *_BEFORE, *_WITHIN, *_FROM) or ""
        if suffix in _WITHIN and point.kind in ("day", "end"):
            raise Unreadable(p, "前 after a day (内 follows a month or a year)")
        p += len(suffix)
        to = suffix in ("", *_FROM) and self.starts(p, "至", "到", "-")
        if to and not t.startswith(("到位", "到期"), p):
            second, p = self.point_at(p + 1, point.first.year)
            p += 1 if t.startswith("止", p) else 0
            if second.last < point.first:
                raise Unreadable(
                    s, f"an end after the start ({second.last} is before {point.first})"
                )
            timing: Timing = Window(start=point.first, end=second.last)
        else:
            timing = _suffix_timing(point, suffix, lead)
        return self.add(start, self.end_here(p), Part(timing, "", start, p))

    def read_quarter(self, m: re.Match[str]) -> int:
        """一季度, 第三季度末前: a quarter of the year given by ``year=``."""
        point, p = _quarter(self.t, self.need_year(m.start()), _QUARTER.match(self.t, m.start()))  # type: ignore[arg-type]
        return self.dated(m.start(), point, p)

    def read_clock(self, m: re.Match[str]) -> int:
        """8点前, 17时前: a time of day, which no timing holds."""
        raise Unreadable(m.start(), "a day (a time of day, 8点前, is not read)", end=m.end() + 1)

    def read_unread(self, m: re.Match[str]) -> int:
        """下旬, 月初, 年初, 季末 with no month, year or period: not read."""
        expected = f"a month or a year before {m.group()} (本月下旬, 年初 are not read)"
        raise Unreadable(m.start(), expected, end=m.end())

    # -- time limits after an event ---------------------------------------------

    def duration(
        self, s: int, e: int, p: int, unit: DurationUnit, factor: int, *, amount: int | None = None
    ) -> int | None:
        """N日内, 三个月内, 不超过2小时, 有效期为6年, 24小时 (round the clock), 期满前60日内."""
        t = self.t
        half = unit is DurationUnit.YEARS and t.startswith("半", p)  # 一年半内
        within = self.starts(p + half, *_WITHIN)
        limit_start, limit = self.leads(s, _LIMIT_LEADS)
        self.no_notice(s, p)
        if within is None and limit is None:
            return self.bare_duration(s, e, p, unit, factor, amount=amount)
        value = (amount if amount is not None else read_numeral(t, s, e)) * factor
        if half:
            value, unit, p = value * 12 + 6, DurationUnit.MONTHS, p + 1
        if value < 1:
            raise Unreadable(s, "an amount of 1 or more")
        end = self.no_count(p + len(within or ""))
        duration = Duration(amount=value, unit=unit)
        if limit:
            timing: Timing = Triggered(event=EventKind.OTHER, within=duration)
            return self.add(limit_start, end, Part(timing, "", limit_start, end))
        start, clause = self.event_clause(s)
        if clause.endswith("前"):
            timing = Before(event=event_of(clause[:-1]), within=duration)
        else:
            timing = Triggered(event=event_of(clause), within=duration)
        return self.add(start, end, Part(timing, "", start, end))

    def no_notice(self, s: int, p: int) -> None:
        notice_start, notice = self.leads(s, ("提前",))
        if notice:
            expected = "a time limit after an event (提前N, a notice before one, is not read)"
            raise Unreadable(notice_start, expected, end=p)

    def no_count(self, end: int) -> int:
        """一百八十日内三次: a count in a rolling span is a condition, not a schedule."""
        count = _COUNT.match(self.t, end)
        if count and count.group(1) != "一":  # 一次告知 is "at once", not a count
            expected = "the end of the time limit (a count within a span, N次, is not read)"
            raise Unreadable(end, expected, end=count.end())
        return self.end_here(end)

    def bare_duration(
        self, s: int, e: int, p: int, unit: DurationUnit, factor: int, *, amount: int | None = None
    ) -> int | None:
        """有效期为6年; 24小时 (round the clock); else no time phrase (三年行动, 10年以上)."""
        t = self.t
        valid_start, valid = self.leads(s, ("有效期为", "有效期"))
        if valid:  # 特种作业操作证有效期为6年: from the certificate's issue
            value = (amount if amount is not None else read_numeral(t, s, e)) * factor
            clause = self.clause_start(valid_start)
            certificate = "证" in t[clause:valid_start]
            event = EventKind.CERTIFICATE_ISSUED if certificate else EventKind.OTHER
            start = clause if certificate else valid_start
            timing = Triggered(event=event, within=Duration(amount=value, unit=unit))
            return self.add(start, self.end_here(p), Part(timing, "", start, p))
        if self.starts(p, *_BEFORE, "以后", "之后", "后"):
            raise Unreadable(p, "内 after the time limit (N日后, N日前 are not read)")
        if unit is DurationUnit.HOURS and e > s and read_numeral(t, s, e) == _ROUND_THE_CLOCK:
            return self.add(s, p, Part(Continuous(), "", s, p))
        return None

    def event_clause(self, s: int) -> tuple[int, str]:
        """The words naming the event a time limit runs from, and where they start."""
        t = self.t
        clause = self.clause_start(s)
        start = self.event_start(clause, s)
        if t[s - 1 : s] == "前" and start >= s - 1:
            start = self.after_modal(clause, s - 1)  # 期满前, 发证前: the clause names the event
        elif (
            start == s
            and clause > self.floor + 1
            and t[clause - 1] in "，,"
            and t[clause - 2] in "后起时"
        ):
            # "接到报告后，应当于1小时内": the event is the clause before
            earlier = self.event_start(self.clause_start(clause - 1), clause - 1)
            start = earlier if earlier < clause - 1 else s
        lead_start, _ = self.leads(start, (*_PLAIN_LEADS, "于"))
        return lead_start, t[start:s]

    def after_modal(self, clause: int, s: int) -> int:
        """Where the words after the clause's last 应当/须 (and 在/于) begin."""
        t = self.t
        q = clause
        for m in _MODAL.finditer(t, clause, s):
            q = m.end()
        while q < s and t[q] in "在于":
            q += 1
        return q

    def event_start(self, clause: int, s: int) -> int:
        """自/从 …; else after 应当 (在/于); else the first event word; else *s*.

        "火灾事故自发生之日起": when the words after 自 name no event, the
        clause's own words before it do.
        """
        t = self.t
        for q in range(s - 1, clause - 1, -1):
            if t[q] in "自从":
                named = event_of(t[q:s]) is not EventKind.OTHER
                return q if named or not _EVENT_MARKERS.search(t, clause, q) else clause
        if _MODAL.search(t, clause, s):
            return self.after_modal(clause, s)
        marker = _EVENT_MARKERS.search(t, clause, s)
        return marker.start() if marker else s

    # -- recurring duties -------------------------------------------------------

    def period(self, p: int) -> tuple[Frequency | Duration | None, int]:
        """After 每: a period (月, 季度, 半年 …), an interval (3年, 两个月), or None."""
        t = self.t
        if t.startswith(("一", "个"), p) and not t.startswith(("个月", "一次"), p):
            p += 1  # 每一年, 每个季度
        for name, frequency in _PERIODS:
            if t.startswith(name, p):
                return frequency, p + len(name)
        if t.startswith("旬", p):
            raise Unreadable(p, "a period after 每 (日, 周, 月, 季度, 半年, 年; 每旬 is not read)")
        run = _NUM_RUN.match(t, p)
        word = self.starts(run.end(), *_INTERVALS) if run else None
        if run is None or word is None:
            return None, p
        n = read_numeral(t, run.start(), run.end())
        if n < 1:
            raise Unreadable(run.start(), "an interval of 1 or more")
        if n == 1 and word in ("年", "个月", "天", "日", "周"):
            return dict(_PERIODS)[word.removeprefix("个")], run.end() + len(word)
        unit, factor = _INTERVALS[word]
        return Duration(amount=n * factor, unit=unit), run.end() + len(word)

    def periods(self, s: int) -> tuple[list[Frequency], Duration | None, int] | None:
        """每半年、每季度、每月: the periods of a 每 group; or one interval (每3年)."""
        t, p = self.t, s
        frequencies: list[Frequency] = []
        while True:
            period, q = self.period(p + 1)
            if period is None:
                if not frequencies:
                    return None  # 每家企业, 每级上报: not a period
                raise Unreadable(p + 1, "a period after 每 (日, 周, 月, 季度, 半年, 年)")
            if isinstance(period, Duration):
                if frequencies:
                    raise Unreadable(p, "one interval (每3年) on its own")
                return [], period, q
            frequencies.append(period)
            if not _NEXT_EVERY.match(t, q):
                return frequencies, None, q
            p = q + 1

    def read_every(self, m: re.Match[str]) -> int | None:
        """每月25日前, 每季度至少召开一次, 每半年、每季度、每月不少于一次, 每3年复审1次, 每天24小时."""
        t, s = self.t, m.start()
        found = self.periods(s)
        if found is None:
            return None
        frequencies, interval, p = found
        start, _ = self.leads(s, ("至少",))
        if frequencies == [Frequency.DAILY] and t.startswith(("24小时", "二十四小时"), p):
            end = p + (4 if t[p] == "2" else 5)
            return self.add(start, end, Part(Continuous(), "", start, end))
        if interval is not None:
            return self.interval(s, start, interval, p)
        dues, p = self.due_rules(frequencies[0], p) if len(frequencies) == 1 else ([], p)
        counts, p = self.counts(p, single=bool(dues))
        parts = [
            Part(self.recurring(s, frequency, n, due), "", a if k else start, b)
            for frequency in frequencies
            for due in dues or [DueRule()]
            for k, (n, a, b) in enumerate(counts or [(1, start, p)])
        ]
        index = len(self.groups)
        end = self.add(start, p, *parts)
        if not dues:
            self.open, self.open_group = list(range(len(parts))), index
        return end

    def due_rules(self, frequency: Frequency, p: int) -> tuple[list[DueRule], int]:
        """The due days of a period: one, or a list (每年3月、9月各组织一次)."""
        first = self.due_rule(frequency, p)
        if first is None:
            return [], p
        dues, p = [first[0]], first[1]
        while self.t[p : p + 1] in ("、", "和", "及"):
            try:  # only another due day of the period; anything else is read on its own
                more = self.due_at(frequency, p + 1)
            except Unreadable:
                more = None
            if more is None:
                break
            dues.append(more[0])
            p = more[1]
        return dues, p

    @staticmethod
    def recurring(s: int, frequency: Frequency, times: int, due: DueRule) -> Recurring:
        try:
            return Recurring(frequency=frequency, times=times, due=due)
        except ValidationError as exc:
            raise Unreadable(s, f"a due day that fits the period ({exc})") from None

    def interval(self, s: int, start: int, interval: Duration, p: int) -> int:
        """每3年复审1次: within the interval of the last time (its event).

        The event is named by 复审 or 应急预案…评估 in the clause; the phrase
        stretches to take in those words ("复审时间可以延长至每6年1次",
        "每三年进行一次应急预案评估"), so that it reads the same on its own.
        """
        counts, p = self.counts(p, single=True)
        if any(n != 1 for n, _, _ in counts):
            raise Unreadable(s, "one time per interval (每3年1次)")
        t = self.t
        clause, end = self.clause_start(s), self.clause_end(p, _REACH)
        event = _interval_event(t[start:p])
        if event is EventKind.OTHER and (before := _INTERVAL_WORDS.search(t, clause, start)):
            event, start = _interval_event(t[before.start() : p]), before.start()
        if event is EventKind.OTHER and _interval_event(t[start:end]) is not EventKind.OTHER:
            event, p = _interval_event(t[start:end]), end
        timing = Triggered(event=event, within=interval)
        return self.add(start, p, Part(timing, "", start, p))

    def due_rule(self, frequency: Frequency, p: int) -> tuple[DueRule, int] | None:
        """每季度底前, 每月25日前, 每年12月20日前, 每年6月底前, 每周三前, 每季度第二个月15日前,
        每季度结束后15日内 (day 15 of the next quarter); also after 的, 于, 在 (每年于12月20日前)."""
        if self.t[p : p + 1] in ("的", "于", "在"):
            found = self.due_at(frequency, p + 1)
            if found is not None:
                return found
        return self.due_at(frequency, p)

    def due_at(self, frequency: Frequency, p: int) -> tuple[DueRule, int] | None:
        t = self.t
        q = p
        if t.startswith(("年底", "年末") if frequency is Frequency.YEARLY else ("月底", "月末"), q):
            q += 1  # 每年年底前, 每月月底前
        if t.startswith(("底", "末"), q):
            q += 1
            return DueRule(), q + len(self.starts(q, *_BEFORE) or "")
        if _QUARTER.match(t, p) or t.startswith(("年初", "月初", "年中", "月中"), p):
            raise Unreadable(p, "a due day of the period (每年第三季度前, 每年年初 are not read)")
        after = _AFTER_PERIOD.match(t, p)
        if after:
            return self.after_period(frequency, after), after.end()
        if frequency is Frequency.MONTHLY and t[p : p + 2] in _XUN:  # 每月上旬: by the 10th
            number, q = self.xun_day(p)
            return self.due(DueKind.DAY_OF_PERIOD, frequency, None, number, p), q
        day = self.day_of(frequency, p)
        if day is None:
            return None
        month, number, at, q = day
        return self.due(DueKind.DAY_OF_PERIOD, frequency, month, number, at), q

    def after_period(self, frequency: Frequency, m: re.Match[str]) -> DueRule:
        """每季度结束后15日内: N days after a period ends is day N of the next."""
        if m[2] not in ("日", "天"):
            raise Unreadable(m.start(2), "calendar days after the period (N个工作日 is not read)")
        days = read_numeral(self.t, m.start(1), m.end(1))
        longest = _FIRST_MONTH.get(frequency, 0)  # the shortest first month of a next period
        if frequency is Frequency.DAILY:
            raise Unreadable(m.start(), "a period longer than a day before 结束后")
        if not 1 <= days <= longest:
            raise Unreadable(m.start(1), f"1 to {longest} days after the period (not {days})")
        return self.due(DueKind.DAY_OF_NEXT_PERIOD, frequency, None, days, m.start())

    def day_of(self, frequency: Frequency, p: int) -> tuple[int | None, int, int, int] | None:
        """A due day at *p*: 25日前, 12月20日前, 6月底前, 三前 (weekly), 第二个月15日前.

        Returns (month, day, where it was written, the end), or None when no
        day is written there (a count, 2次, may follow instead).
        """
        t = self.t
        weekday = self.weekday(frequency, p)
        if weekday is not None:
            return weekday
        ordinal = _ORDINAL.match(t, p, p + 8)
        q = ordinal.end() if ordinal else p
        run = _NUM_RUN.match(t, q)
        if run is None:
            if ordinal:
                raise Unreadable(q, "a day after the month (第二个月15日前)")
            return None
        if ordinal:
            month = read_numeral(t, ordinal.start(1), ordinal.end(1))
            return self.day_number(frequency, month, run, p, relative=True)
        if not t.startswith("月", run.end()):
            return self.day_number(frequency, None, run, p, relative=False)
        return self.month_day(frequency, run, p)

    def month_day(
        self, frequency: Frequency, run: re.Match[str], p: int
    ) -> tuple[int | None, int, int, int]:
        """After "12月" (the numeral *run*): 20日前, 底前, 中旬."""
        t = self.t
        month = read_numeral(t, run.start(), run.end())
        if not 1 <= month <= 12:  # noqa: PLR2004
            raise Unreadable(run.start(), f"a month 1-12 (not {month})")
        q = run.end() + 1
        if t.startswith(("底", "末"), q):
            before = self.starts(q + 1, *_BEFORE)
            if before is None:
                raise Unreadable(q + 1, "前 after the month's end (6月底前)")
            return month, 31, p, q + 1 + len(before)  # clamped to the month's last day
        if t[q : q + 2] in _XUN:  # 每年8月中旬: by the 20th
            number, end = self.xun_day(q)
            return month, number, p, end
        day = _NUM_RUN.match(t, q)
        if day is None:  # 每年6月(份): in June, so by its end
            return month, 31, p, q + (1 if t.startswith("份", q) else 0)
        found = self.day_number(frequency, month, day, p, relative=False)
        if found is None:
            raise Unreadable(q, "a day after the month (12月20日前)")
        return found

    def xun_day(self, q: int) -> tuple[int, int]:
        """上旬 is due by the 10th, 中旬 by the 20th, 下旬 by the month's end; with 前,
        before it begins (中旬前: the 10th), as 5月前 is before May."""
        low, high = _XUN[self.t[q : q + 2]]
        before = self.starts(q + 2, *_BEFORE)
        if before and low == 1:
            raise Unreadable(q, "a day of the month (上旬前 is the month before)")
        return (low - 1 if before else high), q + 2 + len(before or "")

    def weekday(self, frequency: Frequency, p: int) -> tuple[int | None, int, int, int] | None:
        """每周三前, 下周五前: a day of the week (日 and 天 are Sunday, 7)."""
        if frequency is not Frequency.WEEKLY or self.t[p : p + 1] not in _WEEKDAYS:
            return None
        before = self.starts(p + 1, *_BEFORE)
        return (None, _WEEKDAYS[self.t[p]], p, p + 1 + len(before)) if before else None

    def day_number(
        self,
        frequency: Frequency,
        month: int | None,
        run: re.Match[str],
        at: int,
        *,
        relative: bool,
    ) -> tuple[int | None, int, int, int] | None:
        """The "D日前" after a month (or none): checked against the month's length."""
        t = self.t
        if not t.startswith("日", run.end()):
            if month is None and t.startswith("次", run.end()):
                return None  # 每月2次: a count
            if t.startswith(("点", "时"), run.end()):
                raise Unreadable(run.start(), "a day (a time of day, 8点前, is not read)")
            raise Unreadable(run.end(), "'次'" if month is None else "日前 after the day")
        day = read_numeral(t, run.start(), run.end())
        before = self.starts(run.end() + 1, *_BEFORE)
        if before is None:
            raise Unreadable(run.end() + 1, "前 after the day (每月25日前)")
        calendar = frequency is Frequency.YEARLY and month is not None and not relative
        longest = _LONGEST[month] if calendar and month is not None else 31
        if not 1 <= day <= longest:
            where = f" of month {month}" if calendar else ""
            raise Unreadable(at, f"a day 1-{longest}{where} (not {day})")
        return month, day, at, run.end() + 1 + len(before)

    @staticmethod
    def due(kind: DueKind, frequency: Frequency, month: int | None, day: int, at: int) -> DueRule:
        if MONTHS_IN_PERIOD.get(frequency) == 1:
            month = None  # the first (only) month of a month
        try:
            return DueRule(kind=kind, month=month, day=day)
        except ValidationError as exc:  # pragma: no cover - days and months are checked before
            raise Unreadable(at, str(exc)) from None

    def count_at(self, p: int) -> tuple[int, int] | None:
        """至少带队检查一次, 不少于两次, 2次 at *p*: (the count, its end), or None."""
        t = self.t
        end = self.clause_end(p, _REACH)
        q, quantifier = p, False
        for _ in range(2):  # 至少 / 均不少于 …
            word = self.starts(q, *_QUANTIFIERS)
            if word:
                quantifier, q = True, q + len(word)
        m = _COUNT.search(t, q, end)
        stop = m.start() if m else end
        bad = _NOT_CJK.search(t, q, stop)
        time = _TRIGGER.search(t, q, stop) if stop > q else None
        if m is None or bad is not None or (time is not None and time.lastgroup != "num"):
            if quantifier:
                where = bad.start() if bad else time.start() if time else stop
                raise Unreadable(where, "Chinese words followed by 'N次'")
            return None
        n = read_numeral(t, m.start(1), m.end(1))
        if not 1 <= n <= _MAX_TIMES:
            raise Unreadable(m.start(1), f"a count of 1 to {_MAX_TIMES} (not {n})")
        return n, m.end()

    def counts(self, p: int, *, single: bool) -> tuple[list[tuple[int, int, int]], int]:
        """The count after a period, and, after 、, those of a list of duties.

        "每年至少组织召开一次安全生产总结会、主持召开一次安全生产工作分析会…" is
        one yearly duty per item. Each is (count, start, end).
        """
        first = self.count_at(p)
        if first is None:
            return [], p
        found = [(first[0], p, first[1])]
        p = first[1]
        while not single:
            after = self.clause_end(p, _REACH)  # the object of the count, up to 、
            item = self.count_at(after + 1) if self.t[after : after + 1] == "、" else None
            if item is None:
                break
            found.append((item[0], after + 1, item[1]))
            p = item[1]
        return found, p

    def read_next(self, m: re.Match[str]) -> int | None:
        """下一季度15日前, 下一年1月31日前, 次月10日前, 下一季度底前, 下周三前."""
        t, s = self.t, m.start()
        frequency = _NEXT[m.group()]
        p = at = m.end()
        months = MONTHS_IN_PERIOD.get(frequency)
        before = self.starts(p + 1, *_BEFORE) if t.startswith(("底", "末"), p) else None
        if before:
            if months is None:
                raise Unreadable(p, "a day of the next week (下周三前)")
            month: int | None = months
            day, p = 31, p + 1 + len(before)  # the last month's last day
        else:
            found = self.day_of(frequency, p)
            if found is None:
                return None  # 下一年度工作计划: not a due date
            month, day, at, p = found
        try:
            due = self.due(DueKind.DAY_OF_NEXT_PERIOD, frequency, month, day, at)
            recurring = Recurring(frequency=frequency, due=due)
        except ValidationError as exc:
            raise Unreadable(at, f"a due day that fits the period ({exc})") from None
        start, _ = self.leads(s, _DEADLINE_LEADS)
        self.end_here(p)
        if self.attach(recurring, p):
            return p
        return self.add(start, p, Part(recurring, "", start, p))

    def attach(self, recurring: Recurring, p: int) -> bool:
        """每季度统计分析，于下一季度15日前报送: the due day of the open 每 group."""
        if not self.open:
            return False
        group = self.groups[self.open_group]
        for k in self.open:
            part = group.parts[k]
            if isinstance(part.timing, Recurring) and part.timing.frequency is recurring.frequency:
                timing = attrs.evolve(recurring, times=part.timing.times)
                parts = (
                    *group.parts[:k],
                    part._replace(timing=timing, end=p),
                    *group.parts[k + 1 :],
                )
                self.groups[self.open_group] = Group(group.start, p, parts, None)
                self.open.remove(k)
                return True
        return False

    def read_compact(self, m: re.Match[str]) -> int:
        """班组日查、车间周查: a check every day, week, month or quarter, with who checks."""
        t, s = self.t, m.start()
        q = s
        while q > self.floor and t[q - 1] not in _CLAUSE_ENDS and t[q - 1] not in "、“\"‘'":
            q -= 1
        end = s + 2
        return self.add(q, end, Part(Recurring(frequency=_COMPACT[t[s]]), t[q:s], q, end))


_LONGEST: Final = {
    1: 31,
    2: 29,
    3: 31,
    4: 30,
    5: 31,
    6: 30,
    7: 31,
    8: 31,
    9: 30,
    10: 31,
    11: 30,
    12: 31,
}


_QUICK_DATE: Final = re.compile(r"[到于在]?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日前|底前?)|底前?)")
_QUICK_EVERY: Final = re.compile(r"于?每(月|季度|半年|年)(?:(\d{1,2})月)?(\d{1,2})日前")
_QUICK_WORDS: Final = (  # a Chinese word character that is no time word or numeral
    "(?:(?![每年月日季周天前内底末旬次时至起自从个半上下当本〇零一二两三四五六七八九十百千])[\u4e00-\u9fff])"
)
_QUICK_COUNT: Final = re.compile(
    f"每(月|季度|半年|年|周)(?:至少|不少于)?({_QUICK_WORDS}{{0,12}}?)([一两二三1-9])次"
)
_QUICK_FROM: Final = re.compile(
    f"自{_QUICK_WORDS}{{1,20}}之日起(\\d{{1,3}})(日|天|个工作日|工作日|个月|个小时|小时|年)内"
)
_QUICK_UNITS: Final = {word: unit for word, unit, factor in _DURATION_UNITS if factor == 1}
_QUICK_LIMIT: Final = re.compile(
    f"(?:(?![提超过效即])(?:{_QUICK_WORDS}|[之前后])){{0,40}}?(?:之日起|日)?"
    "([0-9]{1,3}|[一二两三四五六七八九十]{1,3})(个工作日|工作日|个月|个小时|小时|日|天|年)(?:以内|之内|内)"
)
_QUICK_NEXT: Final = re.compile(r"下一季度(\d{1,2})日前")
_QUICK_PERIODS: Final = dict(_PERIODS)
_QUICK_DIGITS: Final = {"一": 1, "两": 2, "二": 2, "三": 3}


def _quick_date(m: re.Match[str]) -> Timing | None:
    year, month, day = int(m[1]), m[2], m[3]
    if year not in YEARS:
        return None
    if month is None:
        return OneOff(due=date(year, 12, 31))
    last = monthrange(year, int(month))[1]
    return OneOff(due=date(year, int(month), int(day) if day else last))


def _quick_every(m: re.Match[str]) -> Timing | None:
    frequency, month, day = _QUICK_PERIODS[m[1]], int(m[2]) if m[2] else None, int(m[3])
    if month is not None and (frequency is Frequency.MONTHLY or day > _LONGEST.get(month, 0)):
        return None
    return Recurring(
        frequency=frequency, due=DueRule(kind=DueKind.DAY_OF_PERIOD, month=month, day=day)
    )


def _quick_count(m: re.Match[str]) -> Timing | None:
    return Recurring(frequency=_QUICK_PERIODS[m[1]], times=_QUICK_DIGITS.get(m[3]) or int(m[3]))


def _quick_from(m: re.Match[str]) -> Timing | None:
    if not int(m[1]):
        return None
    within = Duration(amount=int(m[1]), unit=_QUICK_UNITS.get(m[2], DurationUnit.YEARS))
    return Triggered(event=event_of(m.string[: m.start(1)]), within=within)


def _quick_limit(m: re.Match[str]) -> Timing | None:
    """N日内 with the words of its event before it, read as the reader reads them."""
    text, s = m.string, m.start(1)
    if _MODAL.search(text, 0, s) or "自" in text[:s] or "从" in text[:s]:
        return None
    amount = read_numeral(text, s, m.end(1))
    if amount < 1:
        return None
    within = Duration(amount=amount, unit=_QUICK_UNITS.get(m[2], DurationUnit.YEARS))
    marker = _EVENT_MARKERS.search(text, 0, s)
    start = marker.start() if marker else s
    if text[s - 1 : s] == "前" and start >= s - 1:
        start = len(text[:s]) - len(text[:s].lstrip("在于"))
    words = text[start:s]
    if words.endswith("前"):
        return Before(event=event_of(words[:-1]), within=within)
    return Triggered(event=event_of(words), within=within)


def _quick_next(m: re.Match[str]) -> Timing | None:
    due = DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=int(m[1]))
    return Recurring(frequency=Frequency.QUARTERLY, due=due)


_QUICK: Final = (
    (_QUICK_DATE, _quick_date),
    (_QUICK_EVERY, _quick_every),
    (_QUICK_COUNT, _quick_count),
    (_QUICK_FROM, _quick_from),
    (_QUICK_LIMIT, _quick_limit),
    (_QUICK_NEXT, _quick_next),
)


def quick(text: str) -> Timing | None:
    """The commonest whole phrases, read at once ("2022年底前", "每月25日前", …).

    The same readings as :func:`read_text`'s (a test holds them equal); None
    for anything else, which the reader then reads (and, if need be, rejects).
    """
    for pattern, build in _QUICK:
        m = pattern.fullmatch(text)
        if m:
            try:
                return build(m)
            except (
                ValueError,
                ValidationError,
                Unreadable,
            ):  # 2月30日, 十十日: the reader says where
                return None
    return None


def read_text(text: str, year: int | None, *, strict: bool) -> list[Group]:
    """Every time expression of *text* (normalized), in order.

    With ``strict``, the first one that cannot be read raises
    :class:`Unreadable`; otherwise it is returned as a group with its error.
    """
    return _Reader(text, year, strict=strict).run()
