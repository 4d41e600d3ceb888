"""Plain-text reports for the command line: a portfolio's compliance and a year's calendar.

Everything here yields lines (without their newline) in one language at a
time; the command line decides where they go and how the console copes.
Columns are padded by display width, so Chinese text (two columns a
character) lines up with Latin text.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from dateutil.relativedelta import relativedelta

from safetyduty._calendar_lines import calendar_lines, display_width, table
from safetyduty.catalog import evaluate_authority, evaluate_many
from safetyduty.catalog import plans as catalog_plans
from safetyduty.i18n import Locale, label
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import ComplianceReport, ComplianceRow, ComplianceStatus

__all__ = ["calendar_lines", "default_since", "display_width", "portfolio_lines", "table"]

_JUDGED: Final = (ComplianceStatus.MET, ComplianceStatus.LATE, ComplianceStatus.MISSED)
_TEXT: Final = {
    "zh_CN": {
        "lang": "zh_CN",
        "head": "合规评估：{n}家企业，截至{as_of}（自{since}起）",
        "rate": "按期完成率：{rate}（{counts}）",
        "count": "{label}{n}",
        "sep": "，",
        "overdue": "逾期未完成（{n}项）",
        "soon": "30日内到期（{n}项）",
        "hazards": "需关注的事故隐患（{n}项）",
        "plans": "地方方案（{n}个）",
        "plan_applied": "{title}：适用于{n}家企业",
        "plan_place": "{title}：不适用（无企业在{place}）",
        "plan_period": "{title}：不适用（实施期{start}至{end}，不在评估期内）",
        "more": "……另有{n}项（加 --all 显示全部）",
        "none": "无",
        "firms": "{n}家企业",
        "authorities": "监管部门（按所在地区的方案，{n}个）",
        "authority": "{name}：逾期未完成{overdue}项，30日内到期{soon}项",
        "unmatched": "未计入：{what}属于组合中没有的企业（{codes}）",
        "unmatched_ids": "  {kind}：{ids}",
        "and": "、",
        "times": "（共{n}期）",
        "to": "至",
        "colon": "：",
        "person": "（{name}）",
    },
    "en": {
        "lang": "en",
        "head": "Compliance of {n} enterprises as of {as_of} (periods from {since})",
        "rate": "done on time: {rate} ({counts})",
        "count": "{label} {n}",
        "sep": ", ",
        "overdue": "Overdue ({n})",
        "soon": "Due within 30 days ({n})",
        "hazards": "Hazards needing attention ({n})",
        "plans": "Local plans ({n})",
        "plan_applied": "{title}: applies to {n} enterprises",
        "plan_place": "{title}: not applied (no enterprise in {place})",
        "plan_period": "{title}: not applied (in force {start} to {end}, outside the days judged)",
        "more": "… and {n} more (--all shows every item)",
        "none": "none",
        "firms": "{n} enterprises",
        "authorities": "Authorities, on the plans of their region ({n})",
        "authority": "{name}: {overdue} overdue, {soon} due within 30 days",
        "unmatched": ("Not counted: {what} of enterprises that are not in the portfolio ({codes})"),
        "unmatched_ids": "  {kind}: {ids}",
        "and": ", ",
        "times": " (×{n})",
        "to": " … ",
        "colon": ": ",
        "person": " [{name}]",
    },
}


_KINDS: Final = {
    # kind: (after a count, as a heading)
    "zh_CN": {
        "records": ("条记录", "记录"),
        "hazards": ("项隐患", "隐患"),
        "accidents": ("起事故", "事故"),
        "people": ("名人员", "人员"),
    },
    "en": {
        "records": (" records", "records"),
        "hazards": (" hazards", "hazards"),
        "accidents": (" accidents", "accidents"),
        "people": (" people", "people"),
    },
}


def _text(locale: Locale) -> dict[str, str]:
    return _TEXT[locale]


def default_since(as_of: date) -> date:
    """The first day judged when no ``since`` is given: a year before *as_of*, as the API does.

    Examples:
        >>> default_since(date(2026, 6, 30))
        datetime.date(2025, 7, 1)
    """
    return as_of - relativedelta(years=1) + timedelta(days=1)


def portfolio_lines(
    portfolio: Portfolio,
    *,
    as_of: date,
    since: date | None,
    locale: Locale,
    limit: int | None = 12,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[str]:
    """Evaluate *portfolio* against the catalog and yield what a safety officer wants first.

    Args:
        portfolio: the enterprises and their facts.
        as_of: the date judged.
        since: the first day of the periods judged (default: a year before *as_of*).
        locale: ``zh_CN`` or ``en``.
        limit: the most groups of items listed per section (``None``: every one);
            what is left out is counted in items.
        progress: called with (done, total) after each enterprise is evaluated.
    """
    text = _text(locale)
    reports: list[ComplianceReport] = []
    total = len(portfolio.enterprises)
    for report in evaluate_many(
        portfolio.enterprises,
        portfolio.records,
        hazards=portfolio.hazards,
        accidents=portfolio.accidents,
        people=portfolio.people,
        as_of=as_of,
        since=since,
    ):
        reports.append(report)
        if progress is not None:
            progress(len(reports), total)
    first = reports[0].since if reports else (since or default_since(as_of))
    yield text["head"].format(n=len(reports), as_of=as_of, since=first)
    yield from _unmatched_lines(portfolio, text, _KINDS[locale])
    counts = {status: sum(r.summary[status] for r in reports) for status in ComplianceStatus}
    judged = sum(counts[s] for s in _JUDGED)
    rate = f"{Decimal(counts[ComplianceStatus.MET]) / judged:.1%}" if judged else "—"
    parts = text["sep"].join(
        text["count"].format(label=label(s, locale), n=counts[s]) for s in ComplianceStatus
    )
    yield "  " + text["rate"].format(rate=rate, counts=parts)

    names = {p.id: p.name for p in portfolio.people}
    overdue = [(r, row) for r in reports for row in r.overdue()]
    yield ""
    yield text["overdue"].format(n=len(overdue))
    groups = _grouped(overdue)
    yield from _limited(
        [_overdue_cells(name, rows, names, text) for name, rows in groups],
        [len(rows) for _, rows in groups],
        text,
        limit,
    )

    soon = [(r, row) for r in reports for row in r.upcoming(days=30)]
    yield ""
    yield text["soon"].format(n=len(soon))
    by_duty: dict[tuple[str, str], list[str]] = {}
    for report, row in sorted(soon, key=lambda pair: (str(pair[1].due), pair[1].obligation)):
        title = _titled(row, names, text)
        by_duty.setdefault((str(row.due), title), []).append(report.name)
    yield from _limited(
        [
            [due, title, who[0] if len(who) == 1 else text["firms"].format(n=len(who))]
            for (due, title), who in by_duty.items()
        ],
        [len(who) for who in by_duty.values()],
        text,
        limit,
    )

    findings = [(r, h) for r in reports for h in r.hazards]
    yield ""
    yield text["hazards"].format(n=len(findings))
    yield from _limited(
        [
            [
                report.name,
                f"{finding.hazard} {label(finding.level, locale)}",
                finding.describe(locale),
            ]
            for report, finding in findings
        ],
        [1] * len(findings),
        text,
        limit,
    )

    yield ""
    yield from _plan_lines(reports, portfolio, text)
    if portfolio.authorities:
        yield from _authority_lines(portfolio, as_of=as_of, text=text, limit=limit)


def _unmatched_lines(
    portfolio: Portfolio, text: dict[str, str], words: dict[str, tuple[str, str]]
) -> Iterator[str]:
    missing = portfolio.unmatched()
    if not missing:
        return
    kinds = [
        (kind, ids)
        for kind, ids in (
            ("records", missing.records),
            ("hazards", missing.hazards),
            ("accidents", missing.accidents),
            ("people", missing.people),
        )
        if ids
    ]
    what = text["and"].join(f"{len(ids)}{words[kind][0]}" for kind, ids in kinds)
    yield "  " + text["unmatched"].format(what=what, codes=_some(missing.codes))
    for kind, ids in kinds:
        yield "  " + text["unmatched_ids"].format(kind=words[kind][1], ids=_some(ids))


def _some(values: Sequence[str], shown: int = 10) -> str:
    head = ", ".join(values[:shown])
    return f"{head} … (+{len(values) - shown})" if len(values) > shown else head


def _grouped(
    rows: Iterable[tuple[ComplianceReport, ComplianceRow]],
) -> list[tuple[str, list[ComplianceRow]]]:
    """Consecutive rows of one enterprise and one duty (and one person), as one group."""
    groups = []
    for (name, _, _), items in itertools.groupby(
        rows, key=lambda pair: (pair[0].name, pair[1].obligation, pair[1].person)
    ):
        groups.append((name, [row for _, row in items]))
    return groups


def _titled(row: ComplianceRow, names: dict[str, str], text: dict[str, str]) -> str:
    """The duty's title in the report's language, with the name of the person it is about."""
    title = row.title_en if text["lang"] == "en" and row.title_en else row.title
    if row.person is None:
        return title
    return title + text["person"].format(name=names.get(row.person, row.person))


def _overdue_cells(
    name: str, rows: Sequence[ComplianceRow], names: dict[str, str], text: dict[str, str]
) -> list[str]:
    """Enterprise, when it was due, and the duty (with what was found when it has no due date)."""
    first = rows[0]
    title = _titled(first, names, text)
    if len(rows) > 1:
        span = f"{first.due}{text['to']}{rows[-1].due}{text['times'].format(n=len(rows))}"
    elif first.due is not None:
        span = str(first.due)
    else:
        reason = first.reason_zh if text["lang"] != "en" and first.reason_zh else first.reason
        span, title = "—", f"{title}{text['colon']}{reason}"
    return [name, span, title]


def _limited(
    rows: list[list[str]], items: list[int], text: dict[str, str], limit: int | None
) -> Iterator[str]:
    """The first *limit* rows as a table, then how many items the rest hold."""
    shown = rows if limit is None else rows[:limit]
    yield from table(shown)
    hidden = sum(items[len(shown) :])
    if hidden:
        yield "  " + text["more"].format(n=hidden)
    if not rows:
        yield "  " + text["none"]


def _plan_lines(
    reports: list[ComplianceReport], portfolio: Portfolio, text: dict[str, str]
) -> Iterator[str]:
    """The catalog's plans: how many enterprises each applied to, or why it applied to none."""
    plans = catalog_plans()
    yield text["plans"].format(n=len(plans))
    for each in plans:
        applied = sum(1 for r in reports for use in r.plans if use.plan == each.id and use.applied)
        covered = any(
            each.jurisdiction.covers(e.region, park=e.park) for e in portfolio.enterprises
        )
        if applied:
            line = text["plan_applied"].format(title=each.title, n=applied)
        elif not covered:
            line = text["plan_place"].format(title=each.title, place=each.jurisdiction.describe())
        else:
            line = text["plan_period"].format(title=each.title, start=each.start, end=each.end)
        yield "  " + line


def _share(part: int, whole: int) -> str:
    return f"{Decimal(part) / whole:.0%}" if whole else "—"


def _authority_lines(
    portfolio: Portfolio, *, as_of: date, text: dict[str, str], limit: int | None
) -> Iterator[str]:
    yield ""
    yield text["authorities"].format(n=len(portfolio.authorities))
    for authority in portfolio.authorities:
        report = evaluate_authority(authority, portfolio.records, as_of=as_of)
        overdue, soon = report.overdue(), report.upcoming(days=30)
        yield "  " + text["authority"].format(
            name=authority.name, overdue=len(overdue), soon=len(soon)
        )
        if overdue:
            english = text["lang"] == "en"
            rows = [
                [str(row.due), row.title_en if english and row.title_en else row.title]
                for row in overdue
            ]
            for line in _limited(rows, [1] * len(rows), text, limit):
                yield "  " + line
