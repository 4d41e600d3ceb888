"""Plain-text printing of a portfolio's compliance, for the command line."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TextIO

from safetyduty.catalog import evaluate_authority, evaluate_many, plan
from safetyduty.i18n import label
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import ComplianceReport, ComplianceRow, ComplianceStatus

__all__ = ["print_portfolio"]

_EIGHT_ONCE = (
    "shanwei.principal.monthly_inspection",
    "shanwei.principal.quarterly_study",
    "shanwei.principal.yearly_summary_meeting",
    "shanwei.principal.yearly_analysis_meeting",
    "shanwei.principal.yearly_responsibility_letters",
    "shanwei.principal.yearly_lecture",
    "shanwei.principal.yearly_drill",
    "shanwei.principal.yearly_training",
    "shanwei.principal.safety_commitment",
)
_TEXT = {
    "zh_CN": {
        "head": "合规评估：{n}家企业，截至{as_of}（自{since}起）",
        "rate": "按期完成率",
        "overdue": "逾期未完成（{n}项）",
        "soon": "30日内到期（{n}项）",
        "hazards": "需关注的事故隐患（{n}项）",
        "targets": "目标（以汕尾方案标准衡量）",
        "eight": "“承诺制”“八个一次”全部按期落实的企业",
        "more": "……另有{n}项",
        "none": "无",
        "firms": "{n}家企业",
        "authorities": "监管部门（按所在地区的方案，{n}个）",
        "authority": "  {name}：逾期未完成{overdue}项，30日内到期{soon}项",
    },
    "en": {
        "head": "Compliance of {n} enterprises as of {as_of} (periods from {since})",
        "rate": "done on time",
        "overdue": "Overdue ({n})",
        "soon": "Due within 30 days ({n})",
        "hazards": "Hazards needing attention ({n})",
        "targets": "Targets (measured by the 汕尾 plan's standard)",
        "eight": "Enterprises with every 八个一次 and commitment duty done on time",
        "more": "… and {n} more",
        "none": "none",
        "firms": "{n} enterprises",
        "authorities": "Authorities, on the plans of their region ({n})",
        "authority": "  {name}: {overdue} overdue, {soon} due within 30 days",
    },
}


def _grouped(
    rows: Iterable[tuple[ComplianceReport, ComplianceRow]],
) -> list[tuple[str, str, list[ComplianceRow]]]:
    """Consecutive rows of one enterprise and one duty, as one line."""
    groups = []
    for (name, _), items in itertools.groupby(
        rows, key=lambda pair: (pair[0].name, pair[1].obligation)
    ):
        batch = [row for _, row in items]
        groups.append((name, batch[0].title, batch))
    return groups


def _line(name: str, title: str, rows: Sequence[ComplianceRow]) -> str:
    first = rows[0]
    if len(rows) > 1:
        span = f"{first.due} … {rows[-1].due} (×{len(rows)})"
    else:
        span = str(first.due) if first.due is not None else first.reason
    who = f" [{first.person}]" if first.person is not None and len(rows) == 1 else ""
    return f"  {name}  {title}{who}  {span}"


def print_portfolio(
    portfolio: Portfolio, *, as_of: date, since: date, locale: str, out: TextIO, limit: int = 12
) -> None:
    """Evaluate *portfolio* against the catalog and print what a safety officer wants first."""
    text = _TEXT["en" if locale == "en" else "zh_CN"]
    reports = list(
        evaluate_many(
            portfolio.enterprises,
            portfolio.records,
            hazards=portfolio.hazards,
            accidents=portfolio.accidents,
            people=portfolio.people,
            as_of=as_of,
            since=since,
        )
    )
    print(text["head"].format(n=len(reports), as_of=as_of, since=since), file=out)
    counts = {status: sum(r.summary[status] for r in reports) for status in ComplianceStatus}
    judged = (
        counts[ComplianceStatus.MET]
        + counts[ComplianceStatus.LATE]
        + counts[ComplianceStatus.MISSED]
    )
    rate = f"{Decimal(counts[ComplianceStatus.MET]) / judged:.1%}" if judged else "—"
    status_line = ", ".join(f"{label(s, locale)} {counts[s]}" for s in ComplianceStatus)
    print(f"  {text['rate']}: {rate}  ({status_line})", file=out)

    overdue = [(r, row) for r in reports for row in r.overdue()]
    print(f"\n{text['overdue'].format(n=len(overdue))}", file=out)
    _print_groups(_grouped(overdue), text, out, limit)

    soon = [(r, row) for r in reports for row in r.upcoming(days=30)]
    print(f"\n{text['soon'].format(n=len(soon))}", file=out)
    by_duty: dict[tuple[str, str], list[str]] = {}
    for report, row in sorted(soon, key=lambda pair: (str(pair[1].due), pair[1].obligation)):
        by_duty.setdefault((str(row.due), row.title), []).append(report.name)
    for (due, title), names in list(by_duty.items())[:limit]:
        who = names[0] if len(names) == 1 else text["firms"].format(n=len(names))
        print(f"  {due}  {title}  {who}", file=out)
    if len(by_duty) > limit:
        print(f"  {text['more'].format(n=len(by_duty) - limit)}", file=out)

    findings = [(r, h) for r in reports for h in r.hazards]
    print(f"\n{text['hazards'].format(n=len(findings))}", file=out)
    for report, finding in findings:
        level = label(finding.level, locale)
        print(f"  {report.name}  {finding.hazard} {level}  {finding.problem}", file=out)
    if not findings:
        print(f"  {text['none']}", file=out)

    print(f"\n{text['targets']}", file=out)
    _print_targets(reports, portfolio, text, out)
    if portfolio.authorities:
        _print_authorities(portfolio, as_of=as_of, text=text, out=out, limit=limit)


def _print_groups(
    groups: list[tuple[str, str, list[ComplianceRow]]],
    text: dict[str, str],
    out: TextIO,
    limit: int,
) -> None:
    for name, title, rows in groups[:limit]:
        print(_line(name, title, rows), file=out)
    if len(groups) > limit:
        print(f"  {text['more'].format(n=len(groups) - limit)}", file=out)
    if not groups:
        print(f"  {text['none']}", file=out)


def _print_targets(
    reports: list[ComplianceReport], portfolio: Portfolio, text: dict[str, str], out: TextIO
) -> None:
    shanwei = {t.id: t for t in plan("shanwei-2020").targets}
    done = sum(
        1
        for r in reports
        if all(
            row.status is ComplianceStatus.MET
            for row in r.rows
            if row.obligation in _EIGHT_ONCE and row.status in _JUDGED
        )
    )
    wanted = shanwei["eight_once_rate"].milestones[-1].value
    print(
        f"  {text['eight']}: {done}/{len(reports)} = {Decimal(done) / len(reports):.0%}  (≥ {wanted:.0%})",
        file=out,
    )
    xicha = plan("xicha-2020").targets[0]
    scope = [
        e for e in portfolio.enterprises if e.industry in xicha.scope and e.above_designated_size
    ]
    graded = [e for e in scope if e.standardization is not None]
    final = xicha.milestones[-1]
    if scope:
        share = Decimal(len(graded)) / len(scope)
        print(
            f"  {xicha.title}: {len(graded)}/{len(scope)} = {share:.0%}  (西岔: ≥ {final.value:.0%} by {final.due})",
            file=out,
        )


_JUDGED = (ComplianceStatus.MET, ComplianceStatus.LATE, ComplianceStatus.MISSED)


def _print_authorities(
    portfolio: Portfolio, *, as_of: date, text: dict[str, str], out: TextIO, limit: int
) -> None:
    print(f"\n{text['authorities'].format(n=len(portfolio.authorities))}", file=out)
    for authority in portfolio.authorities:
        report = evaluate_authority(authority, portfolio.records, as_of=as_of)
        overdue, soon = report.overdue(), report.upcoming(days=30)
        print(
            text["authority"].format(name=authority.name, overdue=len(overdue), soon=len(soon)),
            file=out,
        )
        for row in overdue[:limit]:
            print(f"    {row.due}  {row.title}", file=out)
