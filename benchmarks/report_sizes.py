"""Sizes of a report's outputs: JSON per enterprise-year (plain converter vs the API shape), HTML, CSV, iCalendar.

Run: python benchmarks/report_sizes.py

One enterprise-year: a works in 忻州经济开发区 judged for 2020 (the 忻州 plan
with its 班组日查 binds from 2020-02-24), with a team check on most working
days and a monthly workshop check. "plain" is the converter's own shape
(every row's citation in full, as before issue 14); "api" is serde's report
shape (summary; each duty's texts, citation and source once; rows without
their default fields; due/due_at). Sizes in bytes of UTF-8; nothing here
is timed.
"""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta

from safetyduty import catalog, serde
from safetyduty.calendars import default_calendar
from safetyduty.models import Enterprise, Industry, Record, RecordKind


def enterprise_year() -> tuple[Enterprise, list[Record]]:
    """The works and its records for 2020: team checks on 9 of 10 working days."""
    firm = Enterprise(
        uscc="91140900MA0K0000X7", name="忻州示例化工有限公司", industry=Industry.CHEMICAL_PHARMA,
        region="140902", park="140900-xinzhou-edz", employees=120,
    )  # fmt: skip
    cal = default_calendar()
    records = []
    day = date(2020, 1, 1)
    index = 0
    while day <= date(2020, 12, 31):
        if cal.is_workday(day) and index % 10:
            records.append(Record(id=f"t{index}", kind=RecordKind.HAZARD_CHECK_TEAM, on=day,
                                  enterprise=firm.uscc))  # fmt: skip
        index += 1
        day += timedelta(days=1)
    return firm, records


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def main() -> None:
    firm, records = enterprise_year()
    print("one enterprise-year (2020, 忻州开发区):")
    for daily in ("day", "month"):
        report = catalog.evaluate(
            firm, records, as_of=date(2020, 12, 31), since=date(2020, 1, 1), daily=daily
        )
        plain = json.dumps(serde.converter.unstructure(report), ensure_ascii=False)
        api = serde.dumps(report)
        print(
            f"  daily={daily:5}  rows {len(report.rows):4}  JSON plain {size(plain):7}  api {size(api):7}"
            f" (gzip {len(gzip.compress(api.encode(), mtime=0)):6})"
            f"  HTML zh {size(report.to_html()):6}  CSV {size(_csv(report)):6}  ICS {size(report.to_ics()):6}"
        )
    sample = catalog.evaluate_portfolio(
        catalog.sample_portfolio(), as_of=date(2026, 11, 23), since=date(2026, 1, 1)
    )
    plain_total = sum(
        size(json.dumps(serde.converter.unstructure(r), ensure_ascii=False)) for r in sample.reports
    )
    print("sample portfolio (20 enterprises, 2026-01-01..2026-11-23):")
    print(
        f"  rows {len(sample.to_rows())}  JSON plain (20 reports) {plain_total}  api (one PortfolioReport) {size(serde.dumps(sample))}"
    )
    print(
        f"  HTML zh {size(sample.to_html())}  en {size(sample.to_html('en'))}  largest report {max(size(r.to_html()) for r in sample.reports)}"
    )


def _csv(report: object) -> str:
    from safetyduty import export

    return export.to_csv(report.to_rows())  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
