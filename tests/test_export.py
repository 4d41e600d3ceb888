"""CSV, iCalendar and DataFrames of reports, read back with independent parsers (csv, icalendar, pandas)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import attrs
import icalendar
import pandas as pd
import pytest
from hypothesis import given, settings

from safetyduty import catalog, export
from safetyduty.errors import MissingDependencyError, ValidationError
from safetyduty.models import Portfolio, Record, RecordKind
from safetyduty.rules.compliance import (
    ROW_FIELDS,
    ComplianceReport,
    ComplianceRow,
    ComplianceStatus,
    FlatRow,
    PortfolioReport,
)
from safetyduty.rules.compliance._ics import item_uid
from safetyduty.rules.compliance._report import _example_report
from safetyduty.testing import strategies

from .reports_sample import AS_OF, GENERATED_AS_OF, SINCE, judged, sample_result

S = ComplianceStatus
NAMES = [field.name for field in ROW_FIELDS]
CHINA = timezone(timedelta(hours=8))


# ------------------------------------------------------------------ CSV


def read_csv(text: str) -> list[dict[str, str]]:
    """The CSV as the csv module reads it (the header must be the ROW_FIELDS names)."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = next(reader)
    assert NAMES == header
    return [dict(zip(header, line, strict=True)) for line in reader]


def as_text(value: object) -> str:
    """A flat value as the CSV should hold it, derived here independently of the writer."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def check_csv(rows: list[FlatRow], text: str) -> None:
    """The CSV holds exactly *rows*, cell by cell."""
    read = read_csv(text)
    assert len(rows) == len(read)
    for row, line in zip(rows, read, strict=True):
        assert {name: as_text(row[name]) for name in NAMES} == line
    assert text.endswith("\r\n") or not rows


class TestCsv:
    """CSV through the csv module."""

    def test_the_sample_reads_back(self) -> None:
        """Every column of every row of the sample, through the csv module."""
        rows = sample_result().to_rows()
        check_csv(rows, export.to_csv(rows))

    def test_bom_for_excel(self) -> None:
        """With bom=True the file starts with EF BB BF in UTF-8, and utf-8-sig reads it."""
        text = export.to_csv(_example_report().to_rows(), bom=True)
        data = text.encode("utf-8")
        assert data.startswith(b"\xef\xbb\xbf")
        assert "enterprise" == data.decode("utf-8-sig").split(",")[0]
        assert not export.to_csv(_example_report().to_rows()).startswith("\ufeff")

    def test_a_file_round_trip(self, tmp_path: Any) -> None:
        """Written to a file opened as documented, read back by csv.DictReader."""
        path = tmp_path / "rows.csv"
        rows = sample_result().reports[0].to_rows()
        with path.open("w", encoding="utf-8", newline="") as handle:
            assert len(rows) == export.write_csv(rows, handle, bom=True)
        with path.open(encoding="utf-8-sig", newline="") as handle:
            read = list(csv.DictReader(handle))
        assert [as_text(r["obligation"]) for r in rows] == [r["obligation"] for r in read]

    def test_rows_stream(self) -> None:
        """A generator is written as it comes: each row is pulled after the header is out."""
        seen: list[int] = []
        out = io.StringIO()

        def rows() -> Iterator[FlatRow]:
            """The example's rows, noting how many lines were written before each."""
            for index, row in enumerate(_example_report().to_rows()):
                seen.append(len(out.getvalue().splitlines()))
                yield row
                del index

        assert 3 == export.write_csv(rows(), out)
        assert [1, 2, 3] == seen

    def test_text_with_commas_quotes_and_newlines(self) -> None:
        """Cells that need quoting survive the round trip."""
        row = _example_report().rows[0]
        odd = ComplianceRow(
            **{**_fields(row), "reason": 'a, "b"\nc', "title": "=cmd|' /C calc'!A0"}
        )
        rows = [odd.to_row()]
        check_csv(rows, export.to_csv(rows))

    def test_quote_formulas(self) -> None:
        """quote_formulas puts ' before a text cell a spreadsheet would run; numbers are left alone."""
        row = _example_report().rows[0]
        odd = ComplianceRow(
            **{**_fields(row), "title": '=HYPERLINK("x")', "reason": "-1", "late": 0}
        )
        [line] = read_csv(export.to_csv([odd.to_row()], quote_formulas=True))
        assert ('\'=HYPERLINK("x")', "'-1", "0") == (line["title"], line["reason"], line["late"])

    @pytest.mark.parametrize(
        ("rows", "field"),
        [
            ("abc", "rows"),
            ({"enterprise": "x"}, "rows"),
            ([{"enterprise": "x"}], r"rows\[0\]"),
            ([1], r"rows\[0\]"),
        ],
    )
    def test_bad_rows(self, rows: Any, field: str) -> None:
        """What is not a list of flat rows is named."""
        with pytest.raises(ValidationError, match=field):
            export.to_csv(rows)

    def test_a_bad_cell_is_named(self) -> None:
        """A value of the wrong type names its row and column."""
        row = _example_report().to_rows()[0]
        with pytest.raises(ValidationError, match=r"rows\[1\]\.required"):
            export.to_csv([row, {**row, "required": "1"}])
        with pytest.raises(ValidationError, match=r"rows\[0\]\.title"):
            export.to_csv([{**row, "title": None}])

    def test_bad_stream_and_flags(self) -> None:
        """A binary stream, or a flag that is not a bool, is refused by name."""
        with pytest.raises(ValidationError, match="stream"):
            export.write_csv([], io.BytesIO())  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="stream"):
            export.write_csv([], object())  # type: ignore[arg-type]
        with pytest.raises(ValidationError, match="bom"):
            export.to_csv([], bom="yes")  # type: ignore[arg-type]


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_csv(portfolio: Portfolio) -> None:
    """Generated portfolios: every row reads back through csv, BOM or not."""
    rows = judged(portfolio).to_rows()
    check_csv(rows, export.to_csv(rows))
    check_csv(rows, export.to_csv(rows, bom=True))


# Typed here from the docs' table, independently of the writer's own.
PEOPLE_HEADERS = {
    "zh_CN": "统一社会信用代码,义务编号,所属方案,义务,责任主体,状态,起始日,截止日,到期日,到期时刻,"
    "应完成,已完成,其中逾期,凭证编号,按月汇总的每日义务,缺记录日期,人员,应完成学时,已完成学时,"
    "依据编号,依据,依据已核实,说明",
    "en": "Unified social credit code,Duty id,Plan,Duty,Who acts,Status,From,To,Due,Due at,Required,Done,"
    "Of which late,Evidence ids,Daily duty by month,Days with no record,Person,Hours required,"
    "Hours done,Source id,Basis,Source verified,Reason",
}


def check_people_csv(rows: list[FlatRow], locale: str, text: str) -> None:
    """A CSV for people: the locale's headers, labels for codes, the locale's title and reason,
    everything else as the data CSV has it."""
    from safetyduty.i18n import label  # noqa: PLC0415
    from safetyduty.models import Subject  # noqa: PLC0415

    lines = list(csv.reader(io.StringIO(text, newline="")))
    assert PEOPLE_HEADERS[locale].split(",") == lines[0]
    assert len(rows) == len(lines) - 1
    yes, no = ("是", "否") if locale == "zh_CN" else ("yes", "no")
    for row, line in zip(rows, lines[1:], strict=True):
        cells = dict(
            zip([n for n in NAMES if n not in ("title_en", "reason_zh")], line, strict=True)
        )
        assert label(ComplianceStatus(row["status"]), locale) == cells["status"]
        assert label(Subject(row["subject"]), locale) == cells["subject"]
        assert (yes if row["daily"] else no) == cells["daily"]
        assert (yes if row["verified"] else no) == cells["verified"]
        title = row["title"] if locale == "zh_CN" else (row["title_en"] or row["title"])
        reason = row["reason_zh"] if locale == "zh_CN" else row["reason"]
        assert (title, reason) == (cells["title"], cells["reason"])
        for name in ("enterprise", "obligation", "start", "due", "due_at", "required", "late",
                     "evidence", "missed_days", "hours_done", "basis"):  # fmt: skip
            assert as_text(row[name]) == cells[name]


class TestCsvForPeople:
    """locale="zh_CN" or "en": one language, words instead of codes."""

    @pytest.mark.parametrize("locale", ["zh_CN", "en"])
    def test_the_sample(self, locale: str) -> None:
        """Every row of the sample, in each language."""
        rows = sample_result().to_rows()
        check_people_csv(rows, locale, export.to_csv(rows, locale=locale))

    def test_chinese_headers_are_all_chinese_and_english_all_ascii(self) -> None:
        """zh_CN headers have no Latin letters; en headers no Chinese."""
        rows = _example_report().to_rows()
        zh = export.to_csv(rows, locale="zh_CN").splitlines()[0]
        en = export.to_csv(rows, locale="en").splitlines()[0]
        assert not any("a" <= c.lower() <= "z" for c in zh)
        assert en.isascii()

    def test_bom_and_formulas_apply_alike(self) -> None:
        """The byte order mark and formula quoting work as for the data CSV."""
        row = _example_report().rows[0]
        odd = ComplianceRow(**{**_fields(row), "reason_zh": "=1+1"})
        text = export.to_csv([odd.to_row()], locale="zh_CN", bom=True, quote_formulas=True)
        assert text.startswith("\ufeff统一社会信用代码")
        assert "'=1+1" in text

    def test_a_code_the_labels_do_not_know_is_named(self) -> None:
        """A status or subject that is not a member names its row and column."""
        row = _example_report().to_rows()[0]
        with pytest.raises(ValidationError, match=r"rows\[1\]\.status"):
            export.to_csv([row, {**row, "status": "done"}], locale="en")
        with pytest.raises(ValidationError, match=r"rows\[0\]\.subject"):
            export.to_csv([{**row, "subject": "boss"}], locale="zh_CN")

    def test_another_locale_is_refused(self) -> None:
        """Only zh_CN and en (and None, for data)."""
        with pytest.raises(ValidationError, match="locale"):
            export.to_csv([], locale="fr")


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_csv_for_people(portfolio: Portfolio) -> None:
    """Generated portfolios, in each language."""
    rows = judged(portfolio).to_rows()
    for locale in ("zh_CN", "en"):
        check_people_csv(rows, locale, export.to_csv(rows, locale=locale))


def _fields(row: ComplianceRow) -> dict[str, Any]:
    """The row's fields, to build a variant of it."""
    return attrs.asdict(row, recurse=False)


# ------------------------------------------------------------ iCalendar


def items(text: str) -> list[Any]:
    """The events and to-dos of *text*, as icalendar reads them."""
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name in ("VEVENT", "VTODO")]


def check_ics(
    result: PortfolioReport | ComplianceReport, text: str, *, kind: str = "VEVENT"
) -> None:
    """One item per open row with a due date; each item's dates and UID agree with its row."""
    reports = result.all_reports if isinstance(result, PortfolioReport) else (result,)
    rows = [r for report in reports for r in report.rows]
    wanted = [r for r in rows if r.due is not None and r.status in (S.MISSED, S.DUE, S.UPCOMING)]
    found = items(text)
    assert len(wanted) == len(found)
    assert {kind} == {item.name for item in found} or not found
    by_uid = {str(item["UID"]): item for item in found}
    assert len(by_uid) == len(found), "UIDs are unique"
    names = {report.enterprise: report.name for report in reports}
    for row in wanted:
        item = by_uid[item_uid(row)]
        start = item.decoded("DUE" if kind == "VTODO" else "DTSTART")
        if isinstance(row.due, datetime):
            assert start == row.due
        else:
            assert start == row.due
            if kind == "VEVENT":
                assert item.decoded("DTEND") == row.due + timedelta(days=1)
        description = str(item["DESCRIPTION"])
        assert names[row.enterprise] in description
        assert row.enterprise in description
        assert str(row.basis) in description
        assert names[row.enterprise] in str(item["SUMMARY"])


class TestIcs:
    """iCalendar through the icalendar package."""

    def test_the_sample(self) -> None:
        """The sample portfolio: an event per open row, read back with icalendar."""
        result = sample_result()
        check_ics(result, result.to_ics())

    def test_to_dos(self) -> None:
        """kind='todo': VTODO with DUE, STATUS and PRIORITY (1 for overdue)."""
        result = sample_result()
        text = result.to_ics(kind="todo")
        check_ics(result, text, kind="VTODO")
        priority = {S.MISSED: 1, S.DUE: 5, S.UPCOMING: 9}
        expected = {
            item_uid(r): priority[r.status]
            for report in result.all_reports
            for r in report.rows
            if r.status in priority and r.due is not None
        }
        found = {str(item["UID"]): int(item["PRIORITY"]) for item in items(text)}
        assert expected == found
        assert 1 in found.values()
        assert {"NEEDS-ACTION"} == {str(item["STATUS"]) for item in items(text)}

    def test_one_language(self) -> None:
        """zh_CN has Chinese labels, en English ones, for the same items."""
        report = _example_report()
        zh, en = items(report.to_ics()), items(report.to_ics(locale="en"))
        assert ["未完成（已逾期）", "即将到期"] == [str(i["CATEGORIES"].cats[0]) for i in zh]
        assert ["missed", "due soon"] == [str(i["CATEGORIES"].cats[0]) for i in en]
        assert all("Status: " in str(i["DESCRIPTION"]) for i in en)
        assert all("状态：" in str(i["DESCRIPTION"]) for i in zh)

    def test_uids_are_stable_across_evaluations(self) -> None:
        """A later evaluation keeps the UID of an item whose status changed, and a higher SEQUENCE."""
        sample = catalog.sample_portfolio()
        firm = sample.enterprises[0]
        early = catalog.evaluate(firm, [], as_of=date(2026, 11, 23), since=SINCE)
        late = catalog.evaluate(firm, [], as_of=date(2027, 1, 20), since=SINCE)
        before = {str(i["UID"]): i for i in items(early.to_ics())}
        after = {str(i["UID"]): i for i in items(late.to_ics())}
        same = set(before) & set(after)
        assert same
        changed = [u for u in same if before[u]["CATEGORIES"].cats != after[u]["CATEGORIES"].cats]
        assert changed, "some item went from upcoming or due to missed"
        assert all(int(after[u]["SEQUENCE"]) > int(before[u]["SEQUENCE"]) for u in same)

    def test_done_items_on_request(self) -> None:
        """include_done adds met and late rows; as to-dos they are COMPLETED."""
        report = _example_report()
        assert 3 == len(items(report.to_ics(include_done=True)))
        statuses = [str(i["STATUS"]) for i in items(report.to_ics(kind="todo", include_done=True))]
        assert ["COMPLETED", "NEEDS-ACTION", "NEEDS-ACTION"] == statuses

    def test_no_clock(self) -> None:
        """DTSTAMP is as_of's midnight in China: the same report gives the same text twice."""
        report = _example_report()
        assert report.to_ics() == report.to_ics()
        stamp = items(report.to_ics())[0].decoded("DTSTAMP")
        assert datetime(2026, 3, 10, tzinfo=CHINA) == stamp

    def test_many_reports(self) -> None:
        """export.to_ics takes what evaluate_many yields."""
        sample = catalog.sample_portfolio()
        reports = list(
            catalog.evaluate_many(sample.enterprises[:3], sample.records, as_of=AS_OF, since=SINCE)
        )
        text = export.to_ics(reports)
        check_ics(PortfolioReport(as_of=AS_OF, since=SINCE, reports=tuple(reports)), text)

    @pytest.mark.parametrize(
        ("arguments", "field"),
        [
            ({"locale": "fr"}, "locale"),
            ({"kind": "alarm"}, "kind"),
            ({"include_done": 1}, "include_done"),
        ],
    )
    def test_bad_arguments(self, arguments: dict[str, Any], field: str) -> None:
        """Bad options are named."""
        with pytest.raises(ValidationError, match=field):
            _example_report().to_ics(**arguments)

    def test_bad_reports(self) -> None:
        """export.to_ics names what is not a report."""
        with pytest.raises(ValidationError, match=r"reports\[1\]"):
            export.to_ics([_example_report(), "x"])  # type: ignore[list-item]
        with pytest.raises(ValidationError, match="reports"):
            export.to_ics([])

    def test_without_icalendar(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the extra: a MissingDependencyError (also an ImportError) that says what to install."""
        monkeypatch.setitem(__import__("sys").modules, "icalendar", None)
        with pytest.raises(MissingDependencyError, match=r"safetyduty\[ics\]") as caught:
            _example_report().to_ics()
        assert isinstance(caught.value, ImportError)


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_ics(portfolio: Portfolio) -> None:
    """Generated portfolios: events and to-dos read back with icalendar."""
    result = judged(portfolio)
    check_ics(result, result.to_ics())
    check_ics(result, result.to_ics(kind="todo", locale="en"), kind="VTODO")


# --------------------------------------------------------------- pandas


def check_frame(rows: list[FlatRow], frame: pd.DataFrame) -> None:
    """Columns, dtypes and values of the frame against the flat rows."""
    assert NAMES == list(frame.columns)
    assert len(rows) == len(frame)
    expected_dtypes = {
        "string": "string",
        "int": "int64",
        "bool": "bool",
        "date": "datetime64[s]",
        "timestamp": "datetime64[s, Asia/Shanghai]",
        "decimal": "object",
    }
    for field in ROW_FIELDS:
        assert expected_dtypes[field.type] == str(frame[field.name].dtype), field.name
    for index, row in enumerate(rows):
        for field in ROW_FIELDS:
            value, cell = row[field.name], frame[field.name].iloc[index]
            if value is None:
                assert pd.isna(cell), field.name
            elif field.type == "date":
                assert date.fromisoformat(str(value)) == cell.date()
            elif field.type == "timestamp":
                assert datetime.fromisoformat(str(value)) == cell.to_pydatetime()
            elif field.type == "decimal":
                assert Decimal(str(value)) == cell
            else:
                assert value == cell, field.name


class TestPandas:
    """DataFrames: columns, dtypes and every cell."""

    def test_the_sample(self) -> None:
        """Every cell of the sample's frame, and its dtypes, from ROW_FIELDS."""
        result = sample_result()
        check_frame(result.to_rows(), result.to_pandas())

    def test_one_report_and_many(self) -> None:
        """A report's frame, and export.to_pandas over a list, give the same rows."""
        reports = sample_result().reports[:2]
        frame = export.to_pandas(list(reports))
        assert len(reports[0].rows) + len(reports[1].rows) == len(frame)
        pd.testing.assert_frame_equal(reports[0].to_pandas(), frame.iloc[: len(reports[0].rows)])

    def test_an_empty_report_keeps_its_columns(self) -> None:
        """No rows: the columns and dtypes are still there."""
        empty = ComplianceReport(enterprise="x", name="x", as_of=AS_OF, since=SINCE, rows=())
        check_frame([], empty.to_pandas())

    def test_dates_beyond_nanoseconds(self) -> None:
        """A day past 2262 (where nanosecond timestamps end) is kept exactly."""
        row = _example_report().rows[0]
        far = ComplianceRow(
            **{**_fields(row), "end": date(9899, 12, 31), "due": date(9899, 12, 31)}
        )
        frame = ComplianceReport(
            enterprise="x", name="x", as_of=AS_OF, since=SINCE, rows=(far,)
        ).to_pandas()
        assert date(9899, 12, 31) == frame["due"].iloc[0].date()

    def test_useful_as_a_frame(self) -> None:
        """The typed columns answer the usual questions: overdue by month."""
        frame = sample_result().to_pandas()
        missed = frame[frame["status"] == "missed"]
        assert len(sample_result().overdue()) == len(missed)
        by_month = missed.groupby(missed["due"].dt.month).size()
        assert by_month.sum() == missed["due"].notna().sum()

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the extra: a MissingDependencyError naming it."""
        monkeypatch.setitem(__import__("sys").modules, "pandas", None)
        with pytest.raises(MissingDependencyError, match=r"safetyduty\[pandas\]"):
            _example_report().to_pandas()


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=2, as_of=GENERATED_AS_OF))
def test_generated_frames(portfolio: Portfolio) -> None:
    """Generated portfolios: every cell of the frame."""
    result = judged(portfolio)
    check_frame(result.to_rows(), result.to_pandas())


def test_records_do_not_change_the_columns() -> None:
    """A report with evidence has the same columns; evidence ids are joined with ';'."""
    firm = catalog.sample_portfolio().enterprises[0]
    done = [
        Record(
            id=f"r{i}", kind=RecordKind.DRILL_PLAN, on=date(2026, 3, i + 1), enterprise=firm.uscc
        )
        for i in range(2)
    ]
    report = catalog.evaluate(firm, done, as_of=AS_OF, since=SINCE)
    frame = report.to_pandas()
    assert "r0;r1" in set(frame["evidence"])
