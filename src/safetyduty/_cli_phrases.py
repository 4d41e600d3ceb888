"""``safetyduty phrases FILE``: every time phrase of a policy text, as a table or JSON.

One row per reading: where the phrase starts (line:column), the phrase (or,
in a list of duties, the words of the reading), who it binds, and the
reading (its canonical phrase, or an English gloss with ``--locale en``).

Examples:
    >>> import io, tempfile, pathlib
    >>> from safetyduty.cli import main
    >>> out = io.StringIO()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "plan.txt"
    ...     _ = path.write_text("各地于2020年7月30日前报送方案，每季度底前报送进展。", encoding="utf-8")
    ...     main(["phrases", str(path), "--locale", "en"], out=out)
    0
    >>> print(out.getvalue(), end="")
    1:3   于2020年7月30日前  各地  once, by 2020-07-30
    1:20  每季度底前         各地  quarterly, 1 time(s), by the end of the period
"""

from __future__ import annotations

import json
import unicodedata

from safetyduty import serde
from safetyduty.errors import ValidationError
from safetyduty.i18n import label
from safetyduty.models import (
    Before,
    Continuous,
    DueKind,
    Frequency,
    OneOff,
    Recurring,
    Timing,
    Triggered,
    Window,
)
from safetyduty.rules.documents import FoundPhrase, find_phrases
from safetyduty.rules.phrases import canonical_phrase

__all__ = ["describe", "lines"]


def _due(schedule: Recurring) -> str:
    rule = schedule.due
    if rule.kind is DueKind.END_OF_PERIOD:
        return "by the end of the period"
    where = "of the next period" if rule.kind is DueKind.DAY_OF_NEXT_PERIOD else "of the period"
    if schedule.frequency is Frequency.WEEKLY:
        return f"by weekday {rule.day} {where}"
    month = f"month {rule.month}, " if rule.month is not None else ""
    return f"by {month}day {rule.day} {where}"


def describe(timing: Timing, locale: str = "zh_CN") -> str:
    """A reading in words: the canonical phrase (zh_CN) or an English gloss.

    Examples:
        >>> from datetime import date
        >>> describe(OneOff(due=date(2020, 7, 30)))
        '2020年7月30日前'
        >>> describe(Window(start=date(2020, 8, 1), end=date(2020, 11, 30)), "en")
        'from 2020-08-01 to 2020-11-30'
    """
    if locale != "en":
        return canonical_phrase(timing)
    if isinstance(timing, Recurring):
        return f"{label(timing.frequency, 'en')}, {timing.times} time(s), {_due(timing)}"
    if isinstance(timing, OneOff):
        return f"once, by {timing.due.isoformat()}"
    if isinstance(timing, (Triggered, Before)):
        within = f"{timing.within.amount} {label(timing.within.unit, 'en')}"
        event = label(timing.event, "en")
        return f"within {within} " + ("before: " if isinstance(timing, Before) else "of: ") + event
    if isinstance(timing, Window):
        start = timing.start.isoformat() if timing.start else "the text's date"
        end = timing.end.isoformat() if timing.end else "no end"
        return f"from {start} to {end}"
    if isinstance(timing, Continuous):
        return "round the clock"
    raise ValidationError("timing", timing, "must be a Timing")  # pragma: no cover


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cut(text: str, width: int = 30) -> str:
    """At most *width* columns, with … when cut."""
    if _width(text) <= width:
        return text
    while _width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def _rows(document: str, found: tuple[FoundPhrase, ...], locale: str) -> list[tuple[str, ...]]:
    unread = "无法解读" if locale != "en" else "unread"
    rows: list[tuple[str, ...]] = []
    for phrase in found:
        line = document.count("\n", 0, phrase.start) + 1
        column = phrase.start - (document.rfind("\n", 0, phrase.start) + 1) + 1
        where = f"{line}:{column}"
        if phrase.error:
            rows.append((where, phrase.text, "", f"{unread}: {phrase.error}"))
        several = len(phrase.readings) > 1
        for index, reading in enumerate(phrase.readings):
            who = reading.who or phrase.who
            text = _cut(reading.text if several else phrase.text)
            rows.append((where if index == 0 else "", text, who, describe(reading.timing, locale)))
    return rows


def lines(document: str, *, year: int | None, fmt: str, locale: str) -> list[str]:
    """The lines ``safetyduty phrases`` prints for *document*: a table, or JSON.

    Examples:
        >>> lines("各地于2020年7月30日前报送方案。", year=None, fmt="table", locale="en")
        ['1:3  于2020年7月30日前  各地  once, by 2020-07-30']
    """
    found = find_phrases(document, year=year)
    if fmt == "json":
        data = [serde.to_dict(phrase) for phrase in found]
        return json.dumps(data, ensure_ascii=False, indent=1).splitlines()
    rows = _rows(document, found, locale)
    widths = [max((_width(row[i]) for row in rows), default=0) for i in range(3)]
    return [
        "  ".join([*(_pad(cell, widths[i]) for i, cell in enumerate(row[:3])), row[3]]).rstrip()
        for row in rows
    ]
