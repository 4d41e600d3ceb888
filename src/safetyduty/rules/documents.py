"""Whole policy documents: find every time phrase, and draft a plan from them.

:func:`find_phrases` reads a document once, left to right, and returns each
time phrase with its place in the text, the sentence it stands in, who it
binds where the sentence says, and its readings (or why it could not be
read). :func:`draft_plan` turns those readings into a draft
:class:`~safetyduty.models.Plan` for a person to review.

Who a phrase binds is read from the words around it: the subject written
before it in its clause ("各地于2020年7月30日前…" → 各地), else at the start
of the clause after it ("2021年底前，各类企业要…" → 各类企业), else that of
the phrase before it in the sentence, else the sentence's opening subject,
else (a list of duties after "：", one per clause) that of the clause
before. It is the text's own words; :func:`draft_plan` maps them to a
:class:`~safetyduty.models.Subject`.

Examples:
    >>> from safetyduty.rules.documents import find_phrases
    >>> found = find_phrases("各地于2020年7月30日前报送工作方案，每季度底前报送工作进展情况。")
    >>> [(f.text, f.who) for f in found]
    [('于2020年7月30日前', '各地'), ('每季度底前', '各地')]
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Final

import attrs

from safetyduty._methods import by_fields
from safetyduty._validate import as_tuple, int_between, non_empty_str
from safetyduty._validate import text as any_text
from safetyduty.errors import PhraseError, ValidationError
from safetyduty.models import (
    Basis,
    EventKind,
    Obligation,
    OneOff,
    Phase,
    Plan,
    PlanLevel,
    RecordKind,
    Recurring,
    Schedule,
    Subject,
    Triggered,
    Window,
    check_region,
)
from safetyduty.rules._phrase_reader import Group, Unreadable, check_year, normalize, read_text
from safetyduty.rules.phrases import Reading

__all__ = ["FoundPhrase", "draft_plan", "find_phrases"]

_SENTENCE_ENDS: Final = "。；;！!？?\n"
_CLAUSE_ENDS: Final = "，,：:" + _SENTENCE_ENDS
_JOINED: Final = re.compile("(?:[、和及与或]|以及|并且|并于|并|分别于|分别|于)*")
_HEADS: Final = (
    "主要负责人|负责人|安全生产管理人员|安全管理人员|特种作业人员|从业人员|员工|职工|"
    "部门|单位|企业|管委会|委员会|安委会|安委办|办公室|人民政府|政府|机关|调查组|"
    "班组|车间|厂矿|集团公司|社区|乡镇|街道|各地州市|各地|各县（市、区）|各县区|各县|各市"
)
_LAST_HEAD: Final = re.compile(f".*({_HEADS})")
_FIRST_HEAD: Final = re.compile(f".*?({_HEADS})")
_MORE_HEADS: Final = re.compile(f"[、和及与]?[^，,。；;、“”《]{{0,10}}?({_HEADS})")
# Words that make what follows an object, not the subject: 向市安委办报送, 对所有机构
_NOT_SUBJECT: Final = re.compile(
    "报|向|对|为|给|与|在|针对|建立|制定|出台|开展|实现|完成|落实|修订|利用|达到|设立|纳入|统一|担任|从事|不得"
)
_LEADING: Final = re.compile(
    "^(?:督促|推动|要求|鼓励|引导|支持|原则上|同时|其中|即|并|由|将|请|凡|在|确保|力争|"
    "一律|分别|还应|应当|应|要|须|[一二三四五六七八九十]+是|[0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[）)]|[、，,])+"
)
_MAX_WHO: Final = 50
_SENTENCE_REACH: Final = 400
_MARKS: Final = re.compile("[（）()，,：:。；;！!？?\n]")
_CLAUSE_REACH: Final = 120
_AFTER_REACH: Final = 12


def _readings(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not all(isinstance(r, Reading) for r in value):
        raise ValidationError(attribute.name, value, "must be a tuple of Reading")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class FoundPhrase:
    """A time phrase found in a document.

    Attributes:
        text: the phrase as written.
        start: where it starts in the document (0-based, in characters).
        end: where it ends (exclusive).
        sentence: the sentence (up to 。 ； or a line end) it stands in.
        who: who it binds where the sentence says ("各地", "企业主要负责人"), else "".
        readings: what it says (several for "每半年、每季度、每月不少于一次"); empty
            when it could not be read.
        error: why it could not be read, naming the part; "" when it was read.

    Examples:
        >>> from safetyduty.rules.documents import find_phrases
        >>> f = find_phrases("企业于2021年底前完成自评。")[0]
        >>> f.text, f.start, f.readings[0].timing
        ('于2021年底前', 2, OneOff(due=datetime.date(2021, 12, 31)))
    """

    text: str = attrs.field(validator=non_empty_str)
    start: int = attrs.field(validator=int_between(0, 2**62))
    end: int = attrs.field(validator=int_between(0, 2**62))
    sentence: str = attrs.field(validator=any_text)
    who: str = attrs.field(default="", validator=any_text)
    readings: tuple[Reading, ...] = attrs.field(default=(), converter=as_tuple, validator=_readings)
    error: str = attrs.field(default="", validator=any_text)


def _check_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("text", value, "must be a string (the document's text)")
    return value


def _merged(groups: list[Group], plain: str) -> list[list[Group]]:
    """Expressions joined only by 、 和 及 …: one phrase ("班组日查、车间周查")."""
    merged: list[list[Group]] = []
    for group in groups:
        if merged and group.error is None and merged[-1][-1].error is None:
            previous = merged[-1][-1]
            gap = plain[previous.end : group.start]
            if gap and _JOINED.fullmatch(gap):
                merged[-1].append(group)
                continue
        merged.append([group])
    return merged


def _bounds(document: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch around [start, end) up to *stops*, passing over whole （…） groups.

    It reaches at most _SENTENCE_REACH characters each way (for a clause,
    _CLAUSE_REACH), so finding phrases stays linear in the length of a text
    with no punctuation.
    """
    reach = _SENTENCE_REACH if stops == _SENTENCE_ENDS else _CLAUSE_REACH
    return _reach(document, start, stops, -1, reach), _reach(document, end, stops, 1, reach)


def _reach(document: str, at: int, stops: str, step: int, reach: int) -> int:
    """How far from *at* the text runs (back: step -1, on: step 1) before a stop."""
    if step > 0:
        window = document[at : at + reach]
        opening, closing = "（(", "）)"
    else:
        window = document[max(0, at - reach) : at][::-1]
        opening, closing = "）)", "（("
    depth = 0
    for mark in _MARKS.finditer(window):
        char = mark.group()
        if char in opening:
            depth += 1
        elif char in closing:
            if depth == 0:
                return at + step * mark.start()
            depth -= 1
        elif depth == 0 and char in stops:
            return at + step * mark.start()
    return at + step * len(window)


def _clean_who(words: str) -> str:
    who = _LEADING.sub("", words).strip(' “”"、')
    if who.count("（") + who.count("(") < who.count("）") + who.count(")"):
        who = who.rstrip("）)")
    return who[-_MAX_WHO:].lstrip("（(")


def _before(words: str) -> str:
    """The subject written just before a phrase: up to the last head noun of its clause."""
    found = _LAST_HEAD.match(words)
    if found is None or _NOT_SUBJECT.search(words, 0, found.start(1)):
        return ""
    return _clean_who(words[: found.end(1)])


def _first(words: str) -> str:
    """The subject a clause starts with: its first head noun and those joined to it.

    "各地、各有关部门单位、中央驻疆企业、自治区企业要…" gives all four; a head
    after a verb ("向市安委办报送", "对所有保险机构") is an object, not a subject.
    """
    words = words.split("《", maxsplit=1)[0]
    found = _FIRST_HEAD.match(words)
    if found is None or _NOT_SUBJECT.search(words, 0, found.start(1)):
        return ""
    end = found.end(1)
    while (more := _MORE_HEADS.match(words, end)) and not _NOT_SUBJECT.search(
        words, end, more.start(1)
    ):
        end = more.end(1)
    return _clean_who(words[:end])


def _who(document: str, start: int, end: int, floor: int) -> str:
    """Before the phrase in its clause; else just after it; else ""."""
    clause_start, clause_end = _bounds(document, start, end, _CLAUSE_ENDS)
    who = _before(document[max(clause_start, floor) : start])
    if who:
        return who
    after = document[end:clause_end]
    if not after.strip("，, ") and clause_end < len(document) and document[clause_end] in "，,":
        after = document[
            clause_end + 1 : _bounds(document, clause_end + 1, clause_end + 1, _CLAUSE_ENDS)[1]
        ]
    return _first(after[:_AFTER_REACH])


def _sentence_who(document: str, sentence_start: int, start: int) -> str:
    """The subject the sentence opens with, when it opens before the phrase."""
    first_end = _bounds(document, sentence_start, sentence_start, _CLAUSE_ENDS)[1]
    return _first(document[sentence_start:first_end]) if first_end < start else ""


def _error(document: str, start: int, end: int, error: Unreadable) -> str:
    """The PhraseError message for an expression read from *start* to *end*."""
    phrase = document[start:end]
    return str(PhraseError(phrase, min(error.position - start, len(phrase)), error.expected))


def find_phrases(text: str, *, year: int | None = None) -> tuple[FoundPhrase, ...]:
    """Every time phrase of a policy document, in order, read or with the reason it was not.

    Text inside 《》 (titles of other documents) is skipped. Reading is
    linear in the length of the text.

    Args:
        text: the whole document.
        year: the year for phrases that name none ("12月28日前", "年内"),
            usually the plan's year; without it they are reported unread.

    Raises:
        ValidationError: when *text* is not a string or *year* is not a year.

    Examples:
        >>> from safetyduty.rules.documents import find_phrases
        >>> doc = "班组日查、车间周查。各地于每月25日前报送统计表，每年12月20日前和2022年12月20日前报送总结。"
        >>> [(f.text, len(f.readings)) for f in find_phrases(doc)]
        [('班组日查、车间周查', 2), ('每月25日前', 1), ('每年12月20日前和2022年12月20日前', 2)]
        >>> find_phrases("12月28日前报送年度工作总结。")[0].error
        "text: cannot read '12月28日前' at position 0 of '12月28日前'; expected a year: pass year=… for a phrase without one"
    """
    document = _check_text(text)
    year = check_year(year)
    plain = normalize(document)
    found: list[FoundPhrase] = []
    previous_who, previous_end = "", 0
    for phrase in _merged(read_text(plain, year, strict=False), plain):
        start, end = phrase[0].start, phrase[-1].end
        sentence_start, sentence_end = _bounds(document, start, end, _SENTENCE_ENDS)
        error = phrase[0].error
        if error is not None:
            found.append(
                FoundPhrase(
                    text=document[start:end],
                    start=start,
                    end=end,
                    sentence=document[sentence_start:sentence_end].strip(),
                    error=_error(document, start, end, error),
                )
            )
            continue
        same_sentence = previous_end > sentence_start
        who = (
            _who(document, start, end, previous_end if same_sentence else 0)
            or (previous_who if same_sentence else "")
            or _sentence_who(document, sentence_start, start)
        )
        opens = not document[sentence_start:start].strip()
        if not who and opens and sentence_start > 0 and document[sentence_start - 1] in "；;":
            who = previous_who  # a list of duties after "：", one per clause
        readings = tuple(
            Reading(
                timing=part.timing,
                who=part.who,
                text=document[part.start : part.end],
                start=part.start - start,
            )
            for group in phrase
            for part in group.parts
        )
        found.append(
            FoundPhrase(
                text=document[start:end],
                start=start,
                end=end,
                sentence=document[sentence_start:sentence_end].strip(),
                who=who,
                readings=readings,
            )
        )
        previous_who, previous_end = who, end
    return tuple(found)


# --- a draft plan ---------------------------------------------------------------------

_SUBJECTS: Final = (
    ("主要负责人", Subject.PRINCIPAL),
    ("安全生产管理人员", Subject.SAFETY_MANAGER),
    ("安全管理人员", Subject.SAFETY_MANAGER),
    ("特种作业人员", Subject.SPECIAL_OPERATOR),
    ("从业人员", Subject.WORKER),
    ("安委办", Subject.SAFETY_COMMITTEE_OFFICE),
    ("安委会办公室", Subject.SAFETY_COMMITTEE_OFFICE),
    ("管委会", Subject.REGULATOR_PARK),
    ("乡镇", Subject.REGULATOR_TOWNSHIP),
    ("街道", Subject.REGULATOR_TOWNSHIP),
    ("县", Subject.REGULATOR_COUNTY),
    ("市级", Subject.REGULATOR_CITY),
    ("省级", Subject.REGULATOR_PROVINCE),
    ("自治区级", Subject.REGULATOR_PROVINCE),
    ("国务院", Subject.REGULATOR_NATIONAL),
    ("部门", Subject.DEPARTMENT),
    ("人民政府", Subject.DEPARTMENT),
)
_BELOW: Final = {
    PlanLevel.NATIONAL: Subject.REGULATOR_PROVINCE,
    PlanLevel.PROVINCE: Subject.REGULATOR_CITY,
    PlanLevel.CITY: Subject.REGULATOR_COUNTY,
    PlanLevel.COUNTY: Subject.REGULATOR_TOWNSHIP,
    PlanLevel.PARK: Subject.ENTERPRISE,
}
_EVIDENCE: Final = (
    ("带队检查", RecordKind.LED_INSPECTION),
    ("履责", RecordKind.INSPECTION_OF_DUTIES),
    ("执法检查", RecordKind.INSPECTION_OF_DUTIES),
    ("专题研究", RecordKind.SAFETY_STUDY),
    ("总结会", RecordKind.SUMMARY_MEETING),
    ("分析会", RecordKind.ANALYSIS_MEETING),
    ("责任书", RecordKind.RESPONSIBILITY_LETTERS),
    ("辅导课", RecordKind.SAFETY_LECTURE),
    ("现场处置方案", RecordKind.DRILL_ON_SITE),
    ("演练", RecordKind.DRILL_PLAN),
    ("再培训", RecordKind.RETRAINING),
    ("培训", RecordKind.TRAINING),
    ("安全总监", RecordKind.SAFETY_DIRECTOR_APPOINTED),
    ("责任保险", RecordKind.LIABILITY_INSURANCE),
    ("评估", RecordKind.PLAN_EVALUATED),
    ("备案", RecordKind.PLAN_FILED),
    ("总结报告", RecordKind.FINAL_REPORT),
    ("总结", RecordKind.YEAR_SUMMARY),
    ("进展", RecordKind.PROGRESS_REPORT),
    ("统计表", RecordKind.PROGRESS_REPORT),
    ("工作方案", RecordKind.WORK_PLAN_FILED),
    ("实施方案", RecordKind.WORK_PLAN_FILED),
    ("报送", RecordKind.REPORT_FILED),
    ("上报", RecordKind.REPORT_FILED),
    ("会议", RecordKind.SAFETY_MEETING),
)
_CHECKS: Final = {
    "班组": RecordKind.HAZARD_CHECK_TEAM,
    "车间": RecordKind.HAZARD_CHECK_WORKSHOP,
    "厂矿": RecordKind.HAZARD_CHECK_PLANT,
    "集团公司": RecordKind.HAZARD_CHECK_GROUP,
}
_PHASE_HEAD: Final = re.compile(
    r"[（(][一二三四五六七八九十]+[）)]\s*([^\s（()）。，,；;]{2,12}?)\s*[（(]\s*$"
)
_TITLE_ENDS: Final = ("方案", "通知", "规划", "办法", "意见", "规定", "决定", "条例", "计划")
_MAX_TITLE: Final = 120
_DRAFT: Final = Basis(document="（草稿）")
_LEVELS: Final = re.compile("省|自治区|市|县|乡镇|街道")
_TITLE_LEAD: Final = re.compile(
    "^(?:[0-9]+[.、．]|[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+是|即)+"
)


def _subject_of(who: str, level: PlanLevel) -> Subject:
    """Who a duty binds, from the text's words; an enterprise when the text does not say."""
    if who.startswith("各地"):
        return _BELOW[level]
    if "部门" not in who and (who in _CHECKS or any(w in who for w in ("企业", "单位", "公司"))):
        return Subject.PRINCIPAL if "主要负责人" in who else Subject.ENTERPRISE
    return next((subject for word, subject in _SUBJECTS if word in who), Subject.ENTERPRISE)


def _evidence_of(who: str, words: str) -> RecordKind:
    if who in _CHECKS:
        return _CHECKS[who]
    return next((kind for word, kind in _EVIDENCE if word in words), RecordKind.OTHER)


def _schedule_of(reading: Reading, sentence: str) -> Schedule | None:
    """The reading as a plan's schedule: a window is due at its end; a date is not a duty."""
    timing = reading.timing
    if isinstance(timing, Window):
        if timing.end is None or timing.start == timing.end:
            return None
        return OneOff(due=timing.end)
    if isinstance(timing, Triggered) and timing.event is EventKind.ACCIDENT and "死亡" in sentence:
        return Triggered(event=EventKind.FATAL_ACCIDENT, within=timing.within)
    if isinstance(timing, (Recurring, OneOff, Triggered)):
        return timing
    return None


def _title(document: str) -> str:
    lines = [re.sub(r"\[[^\]]*\]", "", line).strip() for line in document.splitlines()]
    lines = [line for line in lines if line]
    title = ""
    for line in lines[:3]:
        title += line
        if title.endswith(_TITLE_ENDS):
            break
    return title[:_MAX_TITLE] or "未命名文件"


def _level(region: str) -> PlanLevel:
    if region.endswith("0000"):
        return PlanLevel.PROVINCE
    return PlanLevel.CITY if region.endswith("00") else PlanLevel.COUNTY


def _span(found: tuple[FoundPhrase, ...]) -> tuple[date | None, date] | None:
    """The period a text states: "从2020年4月至2022年12月", "即日起至2020年底"."""
    for phrase in found:
        if phrase.text.startswith(("从", "自", "即日")) and len(phrase.readings) == 1:
            timing = phrase.readings[0].timing
            if isinstance(timing, Window) and timing.end is not None:
                return timing.start, timing.end
    return None


def _years(found: tuple[FoundPhrase, ...], year: int | None) -> tuple[date, date] | None:
    """The whole years of the text's deadlines, else of *year*."""
    dues = [r.timing.due for f in found for r in f.readings if isinstance(r.timing, OneOff)]
    if dues:
        return date(min(dues).year, 1, 1), date(max(dues).year, 12, 31)
    return (date(year, 1, 1), date(year, 12, 31)) if year is not None else None


def _phases(
    document: str, found: tuple[FoundPhrase, ...], first: date | None
) -> list[tuple[FoundPhrase, Phase]]:
    """ "（一）动员部署阶段（2020年7月）": the first run of ordered, disjoint phases.

    A phase "（2020年5月前）" runs from the end of the phase before (or the
    plan's start) to the end of April.
    """
    phases: list[tuple[FoundPhrase, Phase]] = []
    for phrase in found:
        head = _PHASE_HEAD.search(document, max(0, phrase.start - 20), phrase.start)
        if (
            head is None
            or len(phrase.readings) != 1
            or not document.startswith((")", "）"), phrase.end)
        ):
            continue
        timing = phrase.readings[0].timing
        begin = phases[-1][1].end + timedelta(days=1) if phases else first
        if isinstance(timing, Window) and timing.start is not None and timing.end is not None:
            begin, finish = timing.start, timing.end
        elif isinstance(timing, OneOff) and begin is not None:
            finish = timing.due
        else:
            continue
        if (phases and begin <= phases[-1][1].end) or finish < begin:
            break
        phases.append((phrase, Phase(name=head.group(1), start=begin, end=finish)))
    return phases


def _segment(document: str, start: int, end: int) -> str:
    """The duty a reading belongs to: its words up to the next 、，；。"""
    stop = end
    while stop < len(document) and document[stop] not in "、" + _CLAUSE_ENDS:
        stop += 1
    return document[start:stop]


def _respectively(who: str, count: int, sentence: str) -> list[str]:
    """ "市、县和乡镇…分别每半年、每季度、每月": one level for each reading, in order."""
    levels = [m.group() for m in _LEVELS.finditer(re.sub(r"（[^）]*）|\([^)]*\)", "", who))]
    if "分别" in sentence and len(levels) == count:
        return [f"{level}级部门" for level in levels]
    return [who] * count


def _duty_words(document: str, phrase: FoundPhrase, reading: Reading) -> str:
    """The words of the duty a reading belongs to: its item of a list, else its clause."""
    if len(phrase.readings) > 1 and isinstance(reading.timing, Recurring) and not reading.who:
        at = phrase.start + reading.start
        return _segment(document, at, at + len(reading.text))
    start, end = _bounds(document, phrase.start, phrase.end, _CLAUSE_ENDS)
    clause = document[start:end].strip()
    return phrase.sentence if clause == phrase.text else clause


def _obligations(
    document: str, found: list[FoundPhrase], level: PlanLevel, first: date, last: date
) -> list[Obligation]:
    duties: list[Obligation] = []
    for phrase in found:
        whos = _respectively(phrase.who, len(phrase.readings), phrase.sentence)
        for reading, who_of in zip(phrase.readings, whos, strict=True):
            schedule = _schedule_of(reading, phrase.sentence)
            if schedule is None or (
                isinstance(schedule, OneOff) and not first <= schedule.due <= last
            ):
                continue
            who = reading.who or who_of
            words = _TITLE_LEAD.sub("", _duty_words(document, phrase, reading))
            evidence = _evidence_of(who, words)
            if evidence is RecordKind.OTHER:
                evidence = _evidence_of(who, phrase.sentence)
            title = words if who in words else f"{who}{words}"
            duties.append(
                Obligation(
                    id=f"phrase.{len(duties) + 1:03d}",
                    title=title[:_MAX_TITLE],
                    subject=_subject_of(who, level),
                    schedule=schedule,
                    evidence=evidence,
                    basis=_DRAFT,
                )
            )
    return duties


def _build_plan(
    *,
    id: str,  # noqa: A002 - the Plan's own field name
    title: str,
    issuer: str,
    level: PlanLevel,
    region: str,
    start: date,
    end: date,
    phases: list[Phase],
    obligations: list[Obligation],
) -> Plan:
    """The one place a draft Plan is built (its fields change with the model)."""
    basis = Basis(document=title)
    return Plan(
        id=id,
        title=title,
        issuer=issuer,
        level=level,
        region=region,
        start=start,
        end=end,
        basis=basis,
        phases=phases,
        obligations=[attrs.evolve(duty, basis=basis) for duty in obligations],
    )


def draft_plan(
    text: str,
    *,
    id: str,  # noqa: A002 - the Plan's own field name
    region: str,
    year: int | None = None,
    title: str | None = None,
    issuer: str | None = None,
    level: PlanLevel | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Plan:
    """A draft :class:`~safetyduty.models.Plan` read from a policy document, for a person to review.

    Each readable time phrase that is a schedule becomes an obligation (a
    window is due at its end; dates, windows before an event and continuous
    duties are left out); "（一）动员部署阶段（2020年7月）" headings become
    phases. Who a duty binds, and the record that shows it was done, are
    guessed from the sentence's words; everything else keeps the text's own
    words. The plan's period comes from *start*/*end*, else the phases or a
    "从…至…" span, else the years of its deadlines.

    Args:
        text: the document.
        id: the plan's id.
        region: the issuing region's code (GB/T 2260).
        year: the year for phrases that name none.
        title: default: the document's first line(s).
        issuer: default: "待核实" (to be checked).
        level: default: from the region code (province, city or county).
        start: default: read from the text.
        end: default: read from the text.

    Raises:
        ValidationError: for a bad argument, or when the text names no dates
            and *start*/*end* are not given.

    Examples:
        >>> from safetyduty.rules.documents import draft_plan
        >>> doc = "某市实施方案\\n各县区每季度至少召开一次会议；2021年底前，企业建立隐患排查治理制度。"
        >>> plan = draft_plan(doc, id="demo", region="441500")
        >>> [(d.subject.value, type(d.schedule).__name__) for d in plan.obligations]
        [('regulator_county', 'Recurring'), ('enterprise', 'OneOff')]
        >>> plan.start, plan.end
        (datetime.date(2021, 1, 1), datetime.date(2021, 12, 31))
    """
    document = _check_text(text)
    check_region(region)
    year = check_year(year)
    if level is not None and not isinstance(level, PlanLevel):
        raise ValidationError("level", level, "must be a PlanLevel")
    for name, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, date) or type(value) is not date):
            raise ValidationError(name, value, "must be a datetime.date")
    found = find_phrases(document, year=year)
    span = _span(found)
    phases = _phases(document, found, start or (span[0] if span else None))
    years = _years(found, year)
    first = start or (span and span[0]) or (phases and phases[0][1].start) or (years and years[0])
    last = end or (span and span[1]) or (phases and phases[-1][1].end) or (years and years[1])
    if not first or not last:
        raise ValidationError("start", start, "must be given: the text names no dates")
    level = level or _level(region)
    used = {phrase.start for phrase, _ in phases}
    duties = [f for f in found if f.start not in used and not f.text.startswith(("从", "即日"))]
    return _build_plan(
        id=id,
        title=title if title is not None else _title(document),
        issuer=issuer if issuer is not None else "待核实",
        level=level,
        region=region,
        start=first,
        end=last,
        phases=[phase for _, phase in phases if first <= phase.start and phase.end <= last],
        obligations=_obligations(document, duties, level, first, last),
    )
