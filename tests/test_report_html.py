"""The notebook display: read back with html.parser; what comes first, colours, language, escaping, size."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings

from safetyduty import catalog
from safetyduty.errors import ValidationError
from safetyduty.i18n import label
from safetyduty.models import Portfolio
from safetyduty.rules.compliance import ComplianceReport, ComplianceStatus, PortfolioReport
from safetyduty.rules.compliance._html import SEVERITY
from safetyduty.rules.compliance._report import _example_report
from safetyduty.testing import strategies

from .reports_sample import GENERATED_AS_OF, judged, sample_day_rows, sample_result

S = ComplianceStatus
LIMIT = 200 * 1024
VOID = {"br", "rect", "meta", "img", "hr"}
RED = "#c62828"


class Page(HTMLParser):
    """A strict reading: every element closed in order; text, badges, grid cells and sections collected."""

    def __init__(self, text: str) -> None:
        """Read *text* at once; fail on any element closed out of order."""
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.in_style = False
        self.spans: list[tuple[dict[str, str | None], str]] = []
        self.cells: list[dict[str, str | None]] = []
        self.headings: list[str] = []
        self._span: dict[str, str | None] | None = None
        self._heading = False
        self.feed(text)
        self.close()
        assert [] == self.stack, f"unclosed: {self.stack}"

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        """Open an element; note badges, grid cells and headings."""
        found = dict(attributes)
        if tag in VOID:
            return
        self.stack.append(tag)
        self.in_style = tag == "style"
        if tag == "span" and found.get("class") == "b":
            self._span = found
            self.spans.append((found, ""))
        if tag == "td" and found.get("class") == "g":
            self.cells.append(found)
        if tag in ("h3", "h4", "summary"):
            self._heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        """Close the innermost element, which must be *tag*."""
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        assert tag == self.stack[-1], f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()
        self.in_style = False
        if tag == "span":
            self._span = None
        if tag in ("h3", "h4", "summary"):
            self._heading = False

    def handle_data(self, data: str) -> None:
        """Collect visible text (not the style sheet)."""
        if self.in_style:
            return
        self.text.append(data)
        if self._span is not None:
            found, before = self.spans[-1]
            self.spans[-1] = (found, before + data)
        if self._heading:
            self.headings[-1] += data

    @property
    def visible(self) -> str:
        """The text a reader sees."""
        return " ".join(self.text)


def check_display(page_text: str, counts: dict[ComplianceStatus, int], locale: str) -> Page:
    """Well-formed, small, badges that give the counts, one language, no raw codes."""
    assert len(page_text.encode()) < LIMIT
    assert "<script" not in page_text.lower()
    page = Page(page_text)
    badges = {}
    for attributes, content in page.spans[: sum(1 for s in S if counts[s])]:
        badges[attributes["title"]] = content
    expected = {label(s, locale): counts[s] for s in SEVERITY if counts[s]}
    assert list(expected) == list(badges)
    for name, n in expected.items():
        assert re.search(rf"(?<!\d){n}(?!\d)", badges[name]), (name, badges[name])
    other = "en" if locale == "zh_CN" else "zh_CN"
    shown = page.visible
    for status in S:
        if label(status, other) != label(status, locale):
            assert label(status, other) not in shown, label(status, other)
    assert "not_applicable" not in shown
    return page


class TestReport:
    """One report's display."""

    def test_the_example(self) -> None:
        """Overdue first, then due; the grid's missed cell is red; the table is collapsed."""
        report = _example_report()
        page = check_display(report.to_html(), report.summary, "zh_CN")
        headings = page.headings
        assert headings[0].startswith("示例（914403001922038216）")
        assert "需处理：逾期1项，30日内到期1项" == headings[1]
        assert headings[-1] == "全部3项"
        shown = page.visible
        assert shown.index("2026-02-28") < shown.index("2026-03-31") < shown.index("各事项按月情况")
        colours = [c["style"] for c in page.cells if c["style"] and "#f5f5f5" not in c["style"]]
        assert 3 == len(colours)
        assert RED in colours[1]
        assert "<details>" in report.to_html()
        assert report._repr_html_() == report.to_html()

    def test_english(self) -> None:
        """The same in English, with no Chinese label."""
        report = _example_report()
        page = check_display(report.to_html("en"), report.summary, "en")
        assert "To act on: 1 overdue, 1 due within 30 days" in page.headings

    def test_every_sample_report(self) -> None:
        """Each sample report, in both languages, as a day-by-day report too."""
        for result in (sample_result(), sample_day_rows()):
            for report in result.reports:
                for locale in ("zh_CN", "en"):
                    check_display(report.to_html(locale), report.summary, locale)

    def test_escaped(self) -> None:
        """A name with markup is shown as text, never as markup."""
        report = attrs.evolve(_example_report(), name='<script>alert("x")</script> & <b>')
        text = report.to_html()
        assert "<script" not in text
        assert "<b>" not in text
        assert '<script>alert("x")</script> & <b>' in Page(text).visible

    def test_locale(self) -> None:
        """Only zh_CN and en."""
        with pytest.raises(ValidationError, match="locale"):
            _example_report().to_html("fr")


class TestPortfolio:
    """A portfolio's display: a summary per body, never its inputs."""

    def test_the_sample(self) -> None:
        """The sample portfolio: under 200 KB, every body summarised once, no record id shown."""
        result = sample_result()
        sample = catalog.sample_portfolio()
        for locale in ("zh_CN", "en"):
            text = result.to_html(locale)
            page = check_display(text, result.summary, locale)
            shown = page.visible
            for report in result.reports:
                assert report.name in shown
            assert not [r.id for r in sample.records if r.id in text], "records are inputs"
            assert not [p.name for p in sample.people if p.name in shown], "people are inputs"
        assert result._repr_html_() == result.to_html()

    def test_most_overdue_first(self) -> None:
        """The per-enterprise table lists bodies by overdue items, most first (then due ones)."""
        result = sample_result()
        text = result.to_html()
        start = text.index("各单位情况")
        table = text[start : text.index("</table>", start)]
        order = sorted(result.all_reports, key=lambda r: table.index(f"<td>{r.name}<br>"))
        keys = [(r.summary[S.MISSED], r.summary[S.DUE]) for r in order]
        assert keys == sorted(keys, reverse=True)
        assert keys[0][0] > keys[-1][0]

    def test_stays_small_however_large(self) -> None:
        """A portfolio of 400 bodies still displays under 200 KB, saying how many are left out."""
        reports = sample_result().reports
        many = tuple(
            attrs.evolve(report, enterprise=f"{index:018d}", name=f"{report.name}{index}")
            for index in range(20)
            for report in reports
        )
        big = PortfolioReport(
            as_of=sample_result().as_of, since=sample_result().since, reports=many
        )
        text = big.to_html()
        page = check_display(text, big.summary, "zh_CN")
        assert re.search(r"另有\d+家单位未显示", page.visible)
        assert "未显示，全部见 to_pandas() 或 to_rows()" in page.visible

    def test_an_empty_portfolio(self) -> None:
        """Nothing to judge: a page that says so, no grid."""
        empty = PortfolioReport(as_of=date(2026, 6, 30), since=date(2025, 7, 1))
        page = check_display(empty.to_html(), empty.summary, "zh_CN")
        assert "无逾期或30日内到期的事项。" in page.visible


@settings(max_examples=20, deadline=None)
@given(strategies.portfolios(max_enterprises=3, as_of=GENERATED_AS_OF))
def test_generated_displays(portfolio: Portfolio) -> None:
    """Generated portfolios, whatever their names hold: well-formed, escaped, small, both languages.

    A name is the user's text, shown as given: one that spells a status label
    of the other language ("met") would fool the one-language check, so such
    names are set aside.
    """
    words = {label(s, locale) for s in S for locale in ("zh_CN", "en")}
    names = [*(e.name for e in portfolio.enterprises), *(a.name for a in portfolio.authorities)]
    assume(not any(word in name for word in words for name in names))
    result = judged(portfolio)
    for locale in ("zh_CN", "en"):
        check_display(result.to_html(locale), result.summary, locale)
        for report in result.all_reports:
            page = check_display(report.to_html(locale), report.summary, locale)
            assert report.name in page.visible


def test_grid_colours_follow_the_most_urgent_status() -> None:
    """A month with a missed row and a met one is red; the cell says how many of the worst."""
    report = _example_report()
    row = report.rows[1]
    doubled: Any = attrs.evolve(report, rows=(*report.rows, attrs.evolve(row, status=S.MET)))
    page = Page(doubled.to_html())
    february = [c for c in page.cells if c.get("title", "").startswith("2026-02")]  # type: ignore[union-attr]
    assert 1 == len(february)
    assert RED in str(february[0]["style"])
    assert "未完成（已逾期）1项" in str(february[0]["title"])
    assert "已完成1项" in str(february[0]["title"])
    assert isinstance(doubled, ComplianceReport)
