"""iCalendar: the due dates of a report (or of many) as calendar events or to-dos.

Built with the ``icalendar`` package (the ``ics`` extra), imported when
first used. One ``VEVENT`` (or ``VTODO``) per row that has a due date and is
overdue, due or upcoming (met and late ones too with ``include_done``):

- an all-day event on the due day (``DTSTART;VALUE=DATE``), or, for an hour
  limit, an event at the due moment (in UTC);
- ``SUMMARY``: the status and the duty, then the enterprise's name;
  ``DESCRIPTION``: the duty, the enterprise, the status, the period, what was
  done of what is required, the basis and the reason, one per line;
  ``CATEGORIES``: the status; all in one language (``zh_CN`` or ``en``);
- ``UID``: a UUID derived from the enterprise, the duty, the person and the
  period, so the same item keeps its UID from one evaluation to the next
  and a re-import updates it instead of adding a copy;
- ``DTSTAMP`` and ``LAST-MODIFIED``: midnight of ``as_of`` in China (never
  the machine's clock), ``SEQUENCE``: the days from 2000-01-01 to
  ``as_of``, so a later evaluation supersedes an earlier one.

A ``VTODO`` has ``DUE`` instead, ``STATUS`` (``NEEDS-ACTION``, or
``COMPLETED`` for a met or late row) and ``PRIORITY`` (1 overdue, 5 due,
9 otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone
from typing import Final

from safetyduty._labels import Locale, check_locale, label_of
from safetyduty.errors import MissingDependencyError, ValidationError
from safetyduty.rules.compliance._report import ComplianceRow, ComplianceStatus, ItemKind
from safetyduty.rules.deadlines import CHINA_TIME

__all__ = ["calendar_text", "item_uid"]

S = ComplianceStatus
OPEN: Final = frozenset({S.MISSED, S.DUE, S.UPCOMING})
DONE: Final = frozenset({S.MET, S.LATE})
_NAMESPACE: Final = uuid.UUID("6f1c3a52-2a4e-5b8e-9d0c-7b5f1e0a9c41")
"""The namespace of the items' UUIDs (fixed: changing it would duplicate every imported item)."""
_EPOCH: Final = date(2000, 1, 1)
_PRIORITY: Final = {S.MISSED: 1, S.DUE: 5}

_TEXT: Final = {
    "zh_CN": {
        "summary": "【{status}】{title} · {name}",
        "duty": "事项：{0}",
        "enterprise": "单位：{name}（{code}）",
        "status": "状态：{0}",
        "period": "期间：{start}至{end}",
        "due": "到期：{0}",
        "done": "完成：{done}/{required}",
        "hours": "完成：{done}/{required}学时",
        "days": "完成：{done}/{required}天",
        "missed": "未完成的日期：{0}",
        "basis": "依据：{0}",
        "unverified": "（依据未核实）",
        "reason": "说明：{0}",
        "person": "人员：{0}",
        "person_in_title": "（{0}）",
    },
    "en": {
        "summary": "[{status}] {title} · {name}",
        "duty": "Duty: {0}",
        "enterprise": "Body: {name} ({code})",
        "status": "Status: {0}",
        "period": "Period: {start} to {end}",
        "due": "Due: {0}",
        "done": "Done: {done}/{required}",
        "hours": "Done: {done}/{required} hours",
        "days": "Done: {done}/{required} days",
        "missed": "Days missed: {0}",
        "basis": "Basis: {0}",
        "unverified": " (source not verified)",
        "reason": "Note: {0}",
        "person": "Person: {0}",
        "person_in_title": " ({0})",
    },
}


def item_uid(row: ComplianceRow) -> str:
    """The stable UID of *row*'s calendar item: the same duty, person and period give the same UID.

    Examples:
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> first, second = _example_report().rows[:2]
        >>> item_uid(first) == item_uid(first), item_uid(first) == item_uid(second)
        (True, False)
    """
    period = (row.start, row.end) if row.start or row.end else (row.due, None)
    key = "|".join(
        str(part) for part in (row.enterprise, row.obligation, row.person or "", *period)
    )
    return str(uuid.uuid5(_NAMESPACE, key))


def _description(row: ComplianceRow, name: str, locale: Locale) -> str:
    text = _TEXT[locale]
    english = locale == "en"
    title = row.title_en if english and row.title_en else row.title
    lines = [
        text["duty"].format(title),
        text["enterprise"].format(name=name, code=row.enterprise),
        text["status"].format(label_of(row.status, locale)),
    ]
    if row.person is not None:
        lines.append(text["person"].format(row.person))
    if row.start is not None and row.end is not None:
        lines.append(text["period"].format(start=row.start, end=row.end))
    if row.due is not None:
        due = row.due
        shown = (
            due.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
            if isinstance(due, datetime)
            else due.isoformat()
        )
        lines.append(text["due"].format(shown))
    if row.hours_required is not None:
        lines.append(text["hours"].format(done=row.hours_done, required=row.hours_required))
    else:
        key = "days" if row.daily else "done"
        lines.append(text[key].format(done=row.done, required=row.required))
    if row.missed:
        lines.append(text["missed"].format(", ".join(day.isoformat() for day in row.missed)))
    basis = str(row.basis) + ("" if row.verified else text["unverified"])
    lines.append(text["basis"].format(basis))
    reason = row.reason if english or not row.reason_zh else row.reason_zh
    if reason:
        lines.append(text["reason"].format(reason))
    return "\n".join(lines)


def calendar_text(
    rows: Iterable[ComplianceRow],
    *,
    names: Mapping[str, str],
    title: str,
    as_of: date,
    locale: str = "zh_CN",
    kind: ItemKind = "event",
    include_done: bool = False,
) -> str:
    """An iCalendar document (text, CRLF line ends) of *rows*' due dates.

    Args:
        rows: the rows; those with no due date, not applicable, or (without
            *include_done*) met or late are left out.
        names: the enterprise's name by its code.
        title: the calendar's name (``X-WR-CALNAME``).
        as_of: the day judged: the items' time stamp and sequence.
        locale: ``zh_CN`` or ``en``.
        kind: ``event`` (``VEVENT``) or ``todo`` (``VTODO``).
        include_done: write met and late rows too, so that a re-import marks
            them done.

    Raises:
        ValidationError: for a bad *locale* or *kind*.
        MissingDependencyError: when ``icalendar`` is not installed.
    """
    checked = check_locale(locale)
    if kind not in ("event", "todo"):
        raise ValidationError("kind", kind, "must be 'event' or 'todo'")
    if not isinstance(include_done, bool):
        raise ValidationError("include_done", include_done, "must be a bool")
    try:
        import icalendar  # noqa: PLC0415 - an optional extra, imported when first used
    except ImportError:
        raise MissingDependencyError("ics", "icalendar") from None
    wanted = OPEN | DONE if include_done else OPEN
    text = _TEXT[checked]
    stamp = datetime.combine(as_of, time(), CHINA_TIME).astimezone(timezone.utc)
    calendar = icalendar.Calendar()
    calendar.add(
        "prodid", "-//safetyduty//compliance report//" + ("EN" if checked == "en" else "ZH")
    )
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", title)
    for row in rows:
        if row.due is None or row.status not in wanted:
            continue
        name = names.get(row.enterprise, row.enterprise)
        item: icalendar.Event | icalendar.Todo = (
            icalendar.Todo() if kind == "todo" else icalendar.Event()
        )
        item.add("uid", item_uid(row))
        item.add("dtstamp", stamp)
        item.add("last-modified", stamp)
        item.add("sequence", max((as_of - _EPOCH).days, 0))
        status = label_of(row.status, checked)
        row_title = row.title_en if checked == "en" and row.title_en else row.title
        if row.person is not None:
            row_title += text["person_in_title"].format(row.person)
        item.add("summary", text["summary"].format(status=status, title=row_title, name=name))
        item.add("description", _description(row, name, checked))
        item.add("categories", [status])
        due = row.due
        if kind == "todo":
            item.add("due", due.astimezone(timezone.utc) if isinstance(due, datetime) else due)
            item.add("status", "COMPLETED" if row.status in DONE else "NEEDS-ACTION")
            item.add("priority", _PRIORITY.get(row.status, 9))
        elif isinstance(due, datetime):
            item.add("dtstart", due.astimezone(timezone.utc))
            item.add("transp", "TRANSPARENT")
        else:
            item.add("dtstart", due)
            item.add("dtend", due + timedelta(days=1))
            item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    document: bytes = calendar.to_ical()
    return document.decode("utf-8")
