"""HTML for notebooks: a report (or a portfolio's) the way a safety manager reads it.

What comes first is what needs doing: the counts per status as coloured
badges, then the overdue and due items, then an obligation × month grid
coloured by status, and last the full table, collapsed. Labels are in one
language at a time (``zh_CN`` or ``en``), never raw codes; every text is
escaped; styles are inline (a notebook viewer that drops ``<style>``
elements still shows the colours), and a status is shown by a symbol as well
as a colour.

This is plain string code with no dependency, and it lives beside the
report in the rules layer: ``_repr_html_`` has to work wherever a report
exists, and the rules layer may not import an edge module (the layering
contract in ``pyproject.toml``). Each section has a cap, so a display stays
small whatever the report's size: what is left out is counted and the
sentence says where to find it (``to_pandas()``, ``to_rows()``).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from safetyduty._labels import Locale, check_locale, label_of
from safetyduty.rules.compliance._report import (
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    HazardFinding,
)
from safetyduty.rules.deadlines import CHINA_TIME

if TYPE_CHECKING:
    from safetyduty.rules.compliance._portfolio import PortfolioReport

__all__ = ["portfolio_html", "portfolio_line", "report_html", "report_line"]

S = ComplianceStatus
SEVERITY: Final = (S.MISSED, S.DUE, S.LATE, S.UPCOMING, S.MET, S.NOT_APPLICABLE)
"""The statuses, most urgent first: a grid cell takes the colour of its most urgent row."""
_COLOURS: Final = {
    S.MISSED: ("#c62828", "#fff"),
    S.DUE: ("#e65100", "#fff"),
    S.LATE: ("#f9a825", "#000"),
    S.UPCOMING: ("#1565c0", "#fff"),
    S.MET: ("#2e7d32", "#fff"),
    S.NOT_APPLICABLE: ("#9e9e9e", "#000"),
}
_SYMBOLS: Final = {
    S.MISSED: "✗",
    S.DUE: "!",
    S.LATE: "~",
    S.UPCOMING: "○",
    S.MET: "✓",
    S.NOT_APPLICABLE: "–",
}
_MONTHS: Final = 24
"""The most month columns in the grid; older periods share one column."""
_BUDGET: Final = 160_000
"""The most bytes a display takes (the issue asks for under 200 KB; 40 KB to spare): each
section stops adding lines at its own budget and counts the rest, and the
full table gets what the sections before it left."""
_ATTENTION_BYTES: Final = 30_000
_HAZARD_BYTES: Final = 10_000
_ENTERPRISE_BYTES: Final = 45_000
_GRID_BYTES: Final = 60_000
_TITLE_WIDTH: Final = 48
"""The most columns a duty's title takes in the grid (a Chinese character takes two)."""

_TEXT: Final = {
    "zh_CN": {
        "lang": "zh-CN",
        "colon": "：",
        "gap": "　",
        "month": "{month}月",
        "report_title": "{name}（{code}）安全生产责任履行情况",
        "portfolio_title": "{n}家单位安全生产责任履行情况",
        "span": "截至{as_of}，评估期自{since}起",
        "rate": "按期完成率 {rate}",
        "attention": "需处理：逾期{missed}项，30日内到期{due}项",
        "nothing": "无逾期或30日内到期的事项。",
        "grid": "各事项按月情况（按到期日所在月份）",
        "standing": "常设",
        "earlier": "更早",
        "later": "以后",
        "all": "全部{n}项",
        "firms": "各单位情况（逾期多者在前）",
        "hazards": "需关注的事故隐患（{n}项）",
        "more": "另有{n}项未显示，全部见 to_pandas() 或 to_rows()。",
        "more_firms": "另有{n}家单位未显示，全部见 by_enterprise()。",
        "plans": "适用的地方方案：{titles}",
        "no_plans": "无适用的地方方案。",
        "unverified": "（依据未核实）",
        "unmatched": "未计入：{n}项事实所属单位不在组合中。",
        "sep": "；",
        "list_sep": "、",
        "of": "{done}/{required}",
        "hours": "{done}/{required}学时",
        "days": "{done}/{required}天",
        "to": "至",
        "person": "（{person}）",
        "count": "{label}{n}项",
        "cols": "事项|期间|到期日|状态|完成|依据|说明",
        "attention_cols": "状态|到期日|事项|完成|说明|依据",
        "firm": "单位",
        "firm_cols": "按期完成率|隐患|分布",
        "hazard_cols": "隐患|等级|发现日期|整改期限|问题",
        "rate_none": "—",
        "line_report": "{name}（{code}）截至{as_of}：{n}项（{counts}）；按期完成率{rate}",
        "line_portfolio": "{bodies}家单位截至{as_of}：{n}项（{counts}）；按期完成率{rate}",
        "line_sep": "，",
    },
    "en": {
        "lang": "en",
        "colon": ": ",
        "gap": "   ",
        "month": "{month}",
        "report_title": "{name} ({code}): work-safety duties",
        "portfolio_title": "Work-safety duties of {n} bodies",
        "span": "as of {as_of}, periods from {since}",
        "rate": "done on time {rate}",
        "attention": "To act on: {missed} overdue, {due} due within 30 days",
        "nothing": "Nothing overdue or due within 30 days.",
        "grid": "Duties by month (the month of the due date)",
        "standing": "standing",
        "earlier": "earlier",
        "later": "later",
        "all": "All {n} items",
        "firms": "By enterprise (most overdue first)",
        "hazards": "Hazards needing attention ({n})",
        "more": "{n} more not shown: see to_pandas() or to_rows().",
        "more_firms": "{n} more bodies not shown: see by_enterprise().",
        "plans": "Local plans applied: {titles}",
        "no_plans": "No local plan applies.",
        "unverified": " (source not verified)",
        "unmatched": "Not counted: {n} facts of bodies that are not in the portfolio.",
        "sep": "; ",
        "list_sep": ", ",
        "of": "{done}/{required}",
        "hours": "{done}/{required} h",
        "days": "{done}/{required} days",
        "to": " to ",
        "person": " ({person})",
        "count": "{label} {n}",
        "cols": "Duty|Period|Due|Status|Done|Basis|Note",
        "attention_cols": "Status|Due|Duty|Done|Note|Basis",
        "firm": "Body",
        "firm_cols": "On time|Hazards|Spread",
        "hazard_cols": "Hazard|Level|Found|Deadline|Problem",
        "rate_none": "—",
        "line_report": "{name} ({code}) as of {as_of}: {n} items ({counts}); on time {rate}",
        "line_portfolio": "{bodies} bodies as of {as_of}: {n} items ({counts}); on time {rate}",
        "line_sep": ", ",
    },
}

_STYLE: Final = (
    "<style>"
    ".safetyduty{font-family:sans-serif;font-size:13px;line-height:1.4;max-width:1100px}"
    ".safetyduty table{border-collapse:collapse;margin:4px 0 10px 0;font-size:12px}"
    ".safetyduty td,.safetyduty th{border:1px solid #ddd;padding:2px 6px;text-align:left;"
    "vertical-align:top}"
    ".safetyduty thead th{background:#f3f3f3}"
    ".safetyduty .b{display:inline-block;border-radius:9px;padding:0 8px;margin:0 4px 2px 0;"
    "white-space:nowrap}"
    ".safetyduty td.g{border:1px solid #fff;min-width:20px;height:18px;padding:0 1px;"
    "text-align:center;font-size:11px}"
    ".safetyduty th.m{font-weight:normal;font-size:11px;text-align:center}"
    ".safetyduty th.d{font-weight:normal;white-space:nowrap;background:none}"
    ".safetyduty p{color:#555;margin:2px 0}"
    ".safetyduty h3{margin:4px 0}.safetyduty h4{margin:10px 0 4px 0}"
    ".safetyduty small{color:#777}.safetyduty .n{white-space:nowrap}"
    "</style>"
)
"""The layout, scoped to the report's ``<div>``; the colours that carry meaning are inline,
so a viewer that drops ``<style>`` still shows them."""
_EMPTY: Final = "#f5f5f5"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _due_day(row: ComplianceRow) -> date | None:
    due = row.due
    if isinstance(due, datetime):
        return due.astimezone(CHINA_TIME).date()
    return due


def _rate(counts: dict[ComplianceStatus, int], text: dict[str, str]) -> str:
    judged = counts[S.MET] + counts[S.LATE] + counts[S.MISSED]
    if not judged:
        return text["rate_none"]
    return f"{Decimal(counts[S.MET]) / judged:.1%}"


def _badge(status: ComplianceStatus, content: str, locale: Locale) -> str:
    background, colour = _COLOURS[status]
    return (
        f'<span class="b" title="{_e(label_of(status, locale))}" '
        f'style="background:{background};color:{colour}">{content}</span>'
    )


def _badges(counts: dict[ComplianceStatus, int], locale: Locale) -> str:
    text = _TEXT[locale]
    return "".join(
        _badge(
            status,
            _e(text["count"].format(label=f"{_SYMBOLS[status]} {label_of(status, locale)}", n=n)),
            locale,
        )
        for status in SEVERITY
        if (n := counts[status])
    )


def _title(row: ComplianceRow, locale: Locale) -> str:
    name = row.title_en if locale == "en" and row.title_en else row.title
    if row.person is not None:
        name += _TEXT[locale]["person"].format(person=row.person)
    return name


def _reason(row: ComplianceRow, locale: Locale) -> str:
    return row.reason if locale == "en" or not row.reason_zh else row.reason_zh


def _done(row: ComplianceRow, locale: Locale) -> str:
    text = _TEXT[locale]
    if row.hours_required is not None:
        return text["hours"].format(done=row.hours_done, required=row.hours_required)
    if row.status is S.NOT_APPLICABLE:
        return ""
    key = "days" if row.daily else "of"
    return text[key].format(done=row.done, required=row.required)


def _basis(row: ComplianceRow, locale: Locale) -> str:
    basis = str(row.basis)
    return basis if row.verified else basis + _TEXT[locale]["unverified"]


def _period(row: ComplianceRow, locale: Locale) -> str:
    if row.start is None and row.end is None:
        return ""
    return f"{_day(row.start)}{_TEXT[locale]['to']}{_day(row.end)}"


def _table(head: Sequence[str], rows: Iterable[str]) -> str:
    cells = "".join(f"<th>{_e(h)}</th>" for h in head)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _tr(cells: Iterable[str], nowrap: Iterable[int] = ()) -> str:
    """A table row; the cells at the indexes *nowrap* (dates) do not wrap."""
    keep = set(nowrap)
    return (
        "<tr>"
        + "".join(
            f'<td class="n">{cell}</td>' if index in keep else f"<td>{cell}</td>"
            for index, cell in enumerate(cells)
        )
        + "</tr>"
    )


def _fit(lines: Iterable[str], budget: int) -> tuple[list[str], int]:
    """The first *lines* that fit in *budget* bytes, and how many were left out."""
    kept: list[str] = []
    left = 0
    size = 0
    for line in lines:
        size += len(line.encode())
        if size > budget:
            left += 1
        else:
            kept.append(line)
    return kept, left


def _shorten(text: str, width: int) -> str:
    """*text* cut to *width* columns (a wide character takes two), with "…" when cut."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used > width:
            return text[: max(index - 1, 0)] + "…"
    return text


def _note(message: str) -> str:
    return f"<p>{_e(message)}</p>"


def _heading(message: str) -> str:
    return f"<h4>{_e(message)}</h4>"


# ------------------------------------------------------------- sections


def _attention(pairs: Sequence[tuple[str | None, ComplianceRow]], locale: Locale) -> str:
    """The overdue rows (oldest first), then those due within 30 days (soonest first)."""
    text = _TEXT[locale]
    missed = sum(1 for _, row in pairs if row.status is S.MISSED)
    due = len(pairs) - missed
    parts = [_heading(text["attention"].format(missed=missed, due=due))]
    if not pairs:
        return parts[0] + _note(text["nothing"])
    head = text["attention_cols"].split("|")
    with_firm = any(name is not None for name, _ in pairs)
    if with_firm:
        head = [text["firm"], *head]
    lines = []
    for name, row in pairs:
        cells = [
            _badge(
                row.status, _e(f"{_SYMBOLS[row.status]} {label_of(row.status, locale)}"), locale
            ),
            _e(_day(row.due)),
            _e(_title(row, locale)),
            _e(_done(row, locale)),
            _e(_reason(row, locale)),
            _e(_basis(row, locale)),
        ]
        if with_firm:
            cells.insert(0, _e(name or ""))
        lines.append(_tr(cells, nowrap=(2, 3) if with_firm else (1, 2)))
    kept, left = _fit(lines, _ATTENTION_BYTES)
    parts.append(_table(head, kept))
    if left:
        parts.append(_note(text["more"].format(n=left)))
    return "".join(parts)


def _attention_rows(report: ComplianceReport) -> list[ComplianceRow]:
    due = [row for row in report.upcoming(days=30) if row.status is S.DUE]
    return [*report.overdue(), *due]


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004
    return months


Column = str | tuple[int, int]
"""A grid column: a month ``(year, month)``, or ``earlier``, ``later`` or ``standing``."""


def _column_of(row: ComplianceRow, months: list[tuple[int, int]]) -> Column:
    day = _due_day(row)
    if day is None:
        return "standing"
    month = (day.year, day.month)
    if month < months[0]:
        return "earlier"
    if month > months[-1]:
        return "later"
    return month


def _column_name(column: Column, text: dict[str, str]) -> str:
    if isinstance(column, str):
        return text[column]
    return f"{column[0]}-{column[1]:02d}"


def _grid_head(columns: list[Column], text: dict[str, str]) -> str:
    """Two header rows: the years over their months, the other columns spanning both."""
    top = ['<th rowspan="2"></th>']
    bottom = []
    index = 0
    while index < len(columns):
        column = columns[index]
        if isinstance(column, str):
            top.append(f'<th rowspan="2" class="m">{_e(text[column])}</th>')
            index += 1
            continue
        year = column[0]
        span = 0
        while index < len(columns) and isinstance(columns[index], tuple):
            month = columns[index]
            if not isinstance(month, tuple) or month[0] != year:
                break
            bottom.append(f'<th class="m">{_e(text["month"].format(month=month[1]))}</th>')
            span += 1
            index += 1
        top.append(f'<th colspan="{span}" class="m">{year}</th>')
    return f"<thead><tr>{''.join(top)}</tr><tr>{''.join(bottom)}</tr></thead>"


def _grid(rows: Sequence[ComplianceRow], *, since: date, as_of: date, locale: Locale) -> str:
    """Duties down, months across; a cell takes the colour of its most urgent status.

    The months run from *since* to the month after *as_of* (the last
    :data:`_MONTHS` of them; older ones share one column), a column each for
    rows due later and for standing requirements (no due date). Rows not
    applicable are left out. A cell shows the symbol of its most urgent
    status, with the count when there are several; hovering lists them all.
    """
    text = _TEXT[locale]
    judged = [row for row in rows if row.status is not S.NOT_APPLICABLE]
    if not judged:
        return ""
    following = date(as_of.year + as_of.month // 12, as_of.month % 12 + 1, 1)
    months = _months(min(since, as_of), following)
    months = months[-_MONTHS:]
    cells: dict[str, dict[Column, Counter[ComplianceStatus]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    titles: dict[str, str] = {}
    for row in judged:
        titles.setdefault(
            row.obligation, row.title_en if locale == "en" and row.title_en else row.title
        )
        cells[row.obligation][_column_of(row, months)][row.status] += 1
    used = {column for by_column in cells.values() for column in by_column}
    columns: list[Column] = [
        *(["earlier"] if "earlier" in used else []),
        *months,
        *(["later"] if "later" in used else []),
        *(["standing"] if "standing" in used else []),
    ]
    body = []
    for obligation, by_column in cells.items():
        title = titles[obligation]
        short = _shorten(title, _TITLE_WIDTH)
        line = [f'<th class="d" title="{_e(title)}">{_e(short)}</th>']
        for column in columns:
            counts = by_column.get(column)
            if not counts:
                line.append(f'<td class="g" style="background:{_EMPTY}"></td>')
                continue
            worst = next(s for s in SEVERITY if counts[s])
            background, colour = _COLOURS[worst]
            tip = text["sep"].join(
                text["count"].format(label=label_of(s, locale), n=counts[s])
                for s in SEVERITY
                if counts[s]
            )
            shown = _SYMBOLS[worst] + (str(counts[worst]) if counts[worst] > 1 else "")
            where = _column_name(column, text) + text["colon"] + tip
            line.append(
                f'<td class="g" style="background:{background};color:{colour}" '
                f'title="{_e(where)}">{_e(shown)}</td>'
            )
        body.append("<tr>" + "".join(line) + "</tr>")
    kept, left = _fit(body, _GRID_BYTES)
    legend = text["gap"].join(f"{_SYMBOLS[s]} {label_of(s, locale)}" for s in SEVERITY[:-1])
    parts = [
        _heading(text["grid"]),
        "<table>",
        _grid_head(columns, text),
        f"<tbody>{''.join(kept)}</tbody></table>",
        _note(legend),
    ]
    if left:
        parts.append(_note(text["more"].format(n=left)))
    return "".join(parts)


def _row_cells(row: ComplianceRow, locale: Locale) -> list[str]:
    status = _badge(
        row.status, _e(f"{_SYMBOLS[row.status]} {label_of(row.status, locale)}"), locale
    )
    return [
        _e(_title(row, locale)),
        _e(_period(row, locale)),
        _e(_day(row.due)),
        status,
        _e(_done(row, locale)),
        _e(_basis(row, locale)),
        _e(_reason(row, locale)),
    ]


def _full_table(
    groups: Sequence[tuple[str | None, Sequence[ComplianceRow]]], locale: Locale, budget: int
) -> str:
    """Every row that fits in *budget* bytes, collapsed in ``<details>``; a heading per body when there are several."""
    text = _TEXT[locale]
    total = sum(len(rows) for _, rows in groups)
    head = text["cols"].split("|")
    lines: list[str] = []
    size = shown = 0
    for name, rows in groups:
        if name is not None:
            line = f'<tr><th colspan="{len(head)}">{_e(name)}</th></tr>'
            size += len(line.encode())
            if size > budget:
                break
            lines.append(line)
        for row in rows:
            line = _tr(_row_cells(row, locale), nowrap=(2, 3, 4))
            size += len(line.encode())
            if size > budget:
                break
            lines.append(line)
            shown += 1
        if size > budget:
            break
    summary = f"<summary>{_e(text['all'].format(n=total))}</summary>"
    more = _note(text["more"].format(n=total - shown)) if shown < total else ""
    return f"<details>{summary}{_table(head, lines)}{more}</details>"


def _hazards(pairs: Sequence[tuple[str | None, HazardFinding]], locale: Locale) -> str:
    if not pairs:
        return ""
    text = _TEXT[locale]
    head = text["hazard_cols"].split("|")
    with_firm = any(name is not None for name, _ in pairs)
    if with_firm:
        head = [text["firm"], *head]
    lines = []
    for name, finding in pairs:
        cells = [
            _e(finding.hazard),
            _e(label_of(finding.level, locale)),
            _e(_day(finding.found_on)),
            _e(_day(finding.deadline)),
            _e(finding.describe(locale)),
        ]
        if with_firm:
            cells.insert(0, _e(name or ""))
        lines.append(_tr(cells, nowrap=(3, 4) if with_firm else (2, 3)))
    kept, left = _fit(lines, _HAZARD_BYTES)
    more = _note(text["more"].format(n=left)) if left else ""
    return _heading(text["hazards"].format(n=len(pairs))) + _table(head, kept) + more


def _plans(report: ComplianceReport, locale: Locale) -> str:
    text = _TEXT[locale]
    titles = [use.title for use in report.plans if use.applied]
    if not titles:
        return _note(text["no_plans"])
    return _note(text["plans"].format(titles=text["list_sep"].join(titles)))


def _box(locale: Locale, parts: Iterable[str]) -> str:
    lang = _TEXT[locale]["lang"]
    return f'<div class="safetyduty" lang="{lang}">{_STYLE}{"".join(parts)}</div>'


def report_html(report: ComplianceReport, locale: str = "zh_CN") -> str:
    """The HTML of one report: badges, what needs doing, the month grid, the full table.

    Raises:
        ValidationError: for a locale other than ``zh_CN`` or ``en``.
    """
    checked = check_locale(locale)
    text = _TEXT[checked]
    counts = report.summary
    title = text["report_title"].format(name=report.name, code=report.enterprise)
    span = text["span"].format(as_of=report.as_of, since=report.since)
    rate = text["rate"].format(rate=_rate(counts, text))
    parts = [
        f"<h3>{_e(title)}</h3>",
        _note(f"{span}{text['sep']}{rate}"),
        f"<div>{_badges(counts, checked)}</div>",
        _plans(report, checked),
        _attention([(None, row) for row in _attention_rows(report)], checked),
        _hazards([(None, finding) for finding in report.hazards], checked),
        _grid(report.rows, since=report.since, as_of=report.as_of, locale=checked),
    ]
    parts.append(_full_table([(None, report.rows)], checked, _left(parts)))
    return _box(checked, parts)


def _left(parts: Iterable[str]) -> int:
    """The bytes the full table may take after *parts* (and the style)."""
    return _BUDGET - len(_STYLE) - sum(len(part.encode()) for part in parts)


def _spread(counts: dict[ComplianceStatus, int]) -> str:
    """A stacked bar of the judged and open rows by status (inline SVG, 120 px wide)."""
    shown = [(s, counts[s]) for s in SEVERITY if s is not S.NOT_APPLICABLE and counts[s]]
    total = sum(n for _, n in shown)
    if not total:
        return ""
    x = 0.0
    rects = []
    for status, n in shown:
        width = 120 * n / total
        rects.append(
            f'<rect x="{x:.1f}" width="{width:.1f}" height="10" fill="{_COLOURS[status][0]}"/>'
        )
        x += width
    return f'<svg width="120" height="10" role="img">{"".join(rects)}</svg>'


def _enterprise_rows(portfolio: PortfolioReport, locale: Locale) -> str:
    """One line a body: its counts as coloured numbers, its rate and a bar; most overdue first."""
    text = _TEXT[locale]
    reports = sorted(
        portfolio.all_reports,
        key=lambda r: (-r.summary[S.MISSED], -r.summary[S.DUE], -len(r.hazards), r.name),
    )
    head = [
        text["firm"],
        *(f"{_SYMBOLS[s]} {label_of(s, locale)}" for s in SEVERITY),
        *text["firm_cols"].split("|"),
    ]
    lines = []
    for report in reports:
        counts = report.summary
        cells = [f"{_e(report.name)}<br><small>{_e(report.enterprise)}</small>"]
        for status in SEVERITY:
            n = counts[status]
            background, colour = _COLOURS[status]
            cells.append(
                f'<span class="b" style="background:{background};color:{colour}">{n}</span>'
                if n
                else '<span style="color:#bbb">0</span>'
            )
        cells += [_e(_rate(counts, text)), str(len(report.hazards)), _spread(counts)]
        lines.append(_tr(cells))
    kept, left = _fit(lines, _ENTERPRISE_BYTES)
    more = _note(text["more_firms"].format(n=left)) if left else ""
    return _heading(text["firms"]) + _table(head, kept) + more


def portfolio_html(portfolio: PortfolioReport, locale: str = "zh_CN") -> str:
    """The HTML of a portfolio: badges, what needs doing, each body's summary, the grid, the table.

    Raises:
        ValidationError: for a locale other than ``zh_CN`` or ``en``.
    """
    checked = check_locale(locale)
    text = _TEXT[checked]
    counts = portfolio.summary
    reports = portfolio.all_reports
    title = text["portfolio_title"].format(n=len(reports))
    span = text["span"].format(as_of=portfolio.as_of, since=portfolio.since)
    rate = text["rate"].format(rate=_rate(counts, text))
    attention = sorted(
        ((report.name, row) for report in reports for row in _attention_rows(report)),
        key=lambda pair: (pair[1].status is not S.MISSED, _due_day(pair[1]) or date.max),
    )
    findings = [(report.name, finding) for report in reports for finding in report.hazards]
    unmatched = portfolio.unmatched.total
    parts = [
        f"<h3>{_e(title)}</h3>",
        _note(f"{span}{text['sep']}{rate}"),
        f"<div>{_badges(counts, checked)}</div>",
        _note(text["unmatched"].format(n=unmatched)) if unmatched else "",
        _attention(attention, checked),
        _hazards(findings, checked),
        _enterprise_rows(portfolio, checked),
        _grid(
            [row for report in reports for row in report.rows],
            since=portfolio.since,
            as_of=portfolio.as_of,
            locale=checked,
        ),
    ]
    groups = [(report.name, report.rows) for report in reports]
    parts.append(_full_table(groups, checked, _left(parts)))
    return _box(checked, parts)


def _counts_line(counts: dict[ComplianceStatus, int], locale: Locale) -> str:
    text = _TEXT[locale]
    return text["line_sep"].join(
        text["count"].format(label=label_of(s, locale), n=counts[s]) for s in SEVERITY if counts[s]
    )


def report_line(report: ComplianceReport, locale: str = "zh_CN") -> str:
    """One line on *report*: the body, the day, the counts and the rate (IPython's plain display)."""
    checked = check_locale(locale)
    counts = report.summary
    return _TEXT[checked]["line_report"].format(
        name=report.name,
        code=report.enterprise,
        as_of=report.as_of,
        n=len(report.rows),
        counts=_counts_line(counts, checked),
        rate=_rate(counts, _TEXT[checked]),
    )


def portfolio_line(portfolio: PortfolioReport, locale: str = "zh_CN") -> str:
    """One line on *portfolio*: how many bodies, the day, the counts and the rate."""
    checked = check_locale(locale)
    counts = portfolio.summary
    return _TEXT[checked]["line_portfolio"].format(
        bodies=len(portfolio.all_reports),
        as_of=portfolio.as_of,
        n=sum(counts.values()),
        counts=_counts_line(counts, checked),
        rate=_rate(counts, _TEXT[checked]),
    )
