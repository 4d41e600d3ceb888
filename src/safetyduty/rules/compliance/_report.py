"""The rows and report of a compliance evaluation (shared by the evaluators)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import label_of, register
from safetyduty._methods import by_fields, filler
from safetyduty.errors import ValidationError
from safetyduty.models import Basis, HazardLevel, HazardStatus, Source, Subject
from safetyduty.rules.compliance._flat import ROW_FIELDS, FlatRow, flatten

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ROW_FIELDS",
    "ComplianceReport",
    "ComplianceRow",
    "ComplianceStatus",
    "FlatRow",
    "HazardFinding",
    "ItemKind",
    "PlanUse",
    "rows_of",
]

SOON: Final = timedelta(days=30)
ItemKind = Literal["event", "todo"]
"""The kind of calendar item :meth:`ComplianceReport.to_ics` writes: ``VEVENT`` or ``VTODO``."""


class ComplianceStatus(StrEnum):
    """The status of one obligation in one period."""

    MET = "met"
    LATE = "late"
    MISSED = "missed"
    DUE = "due"
    UPCOMING = "upcoming"
    NOT_APPLICABLE = "not_applicable"


register(
    [
        (ComplianceStatus.MET, ("已完成", "met")),
        (ComplianceStatus.LATE, ("逾期完成", "done late")),
        (ComplianceStatus.MISSED, ("未完成（已逾期）", "missed")),
        (ComplianceStatus.DUE, ("即将到期", "due soon")),
        (ComplianceStatus.UPCOMING, ("未到期", "upcoming")),
        (ComplianceStatus.NOT_APPLICABLE, ("不适用", "not applicable")),
    ]
)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ComplianceRow:
    """One duty in one period (or for one event, person or standing requirement) of one enterprise.

    Attributes:
        enterprise: the 统一社会信用代码.
        obligation: the duty's id (an obligation, a standing requirement or a personnel check).
        title: the duty in its source's words.
        subject: who must act.
        status: met, late, missed, due, upcoming or not applicable.
        start: the first day of the window (``None`` when there is none).
        end: the last day of the window.
        due: the due date (a datetime for hour limits; ``None`` for a requirement that
            holds at all times).
        required: how many records the period needs.
        evidence: the ids of the records (or people, or certificates) used, on time first.
        late: how many of them came after the due date.
        basis: the duty's source.
        reason: why the row has its status (not-applicable reason, the event, what was found), in English.
        reason_zh: the same in Chinese (``explain("zh_CN")`` uses it).
        person: the person the row is about, for training and certificates.
        hours_required: the 学时 needed, for training rows.
        hours_done: the 学时 counted, for training rows.
        plan: the id of the plan the duty comes from (``None`` for a national duty).
        verified: ``False`` when the basis's source is marked unverified in the
            registry; :meth:`explain` then says so.
        missed: for a daily duty summarised by month, the days judged with no record.
        title_en: the duty in English, when the data has it.
        daily: a daily duty's month: ``required`` counts its days (working days,
            or every day for an enterprise in continuous operation) in the
            month, ``days_done`` those with a record up to the day judged, and
            ``missed`` the days passed with no record.
    """

    enterprise: str
    obligation: str
    title: str
    subject: Subject
    status: ComplianceStatus
    start: date | None
    end: date | None
    due: date | datetime | None
    required: int
    evidence: tuple[str, ...]
    late: int
    basis: Basis
    reason: str = ""
    person: str | None = None
    hours_required: Decimal | None = None
    hours_done: Decimal | None = None
    plan: str | None = None
    verified: bool = True
    missed: tuple[date, ...] = ()
    title_en: str = ""
    daily: bool = False
    days_done: int = 0
    reason_zh: str = ""

    def explain(self, locale: str = "zh_CN") -> str:
        """One sentence on the row, in ``zh_CN`` or ``en``.

        Examples:
            >>> row = ComplianceRow(enterprise="x", obligation="o", title="每月至少带队检查一次",
            ...     subject=Subject.PRINCIPAL, status=ComplianceStatus.MISSED, start=date(2026, 3, 1),
            ...     end=date(2026, 3, 31), due=date(2026, 3, 31), required=1, evidence=(), late=0,
            ...     basis=Basis(document="汕尾方案"))
            >>> row.explain()
            '每月至少带队检查一次：2026-03-01至2026-03-31，应于2026-03-31前完成1次，实际0次，未完成（已逾期）。依据：汕尾方案'
            >>> row.explain("en")
            '每月至少带队检查一次: 2026-03-01 to 2026-03-31, 1 required by 2026-03-31, 0 done: missed. Basis: 汕尾方案'
        """
        english = locale == "en"
        reason = self.reason if english or not self.reason_zh else self.reason_zh
        name = self.title_en if english and self.title_en else self.title
        title = name if self.person is None else f"{name} ({self.person})"
        status = label_of(self.status, "en" if english else "zh_CN")
        basis = f"Basis: {self.basis}" if english else f"依据：{self.basis}"
        if not self.verified:
            basis += " (source not verified)" if english else "（依据未核实）"
        if self.status is ComplianceStatus.NOT_APPLICABLE:
            if english:
                return f"{title}: not applicable ({reason}). {basis}"
            return f"{title}：不适用（{reason}）。{basis}"
        if self.due is None:
            if english:
                return f"{title}: {reason}: {status}. {basis}"
            return f"{title}：{reason}，{status}。{basis}"
        due = self.due.isoformat()
        if english:
            window = f"{self.start} to {self.end}, " if self.start is not None else ""
            if self.hours_required is not None:
                done = f"{self.hours_required} hours required by {due}, {self.hours_done} done"
            else:
                late = f", {self.late} late" if self.late else ""
                done = f"{self.required} required by {due}, {len(self.evidence)} done{late}"
            return f"{title}: {window}{done}: {status}. {basis}"
        window = f"{self.start}至{self.end}，" if self.start is not None else ""
        if self.hours_required is not None:
            done = f"应于{due}前完成{self.hours_required}学时，实际{self.hours_done}学时"
        else:
            late = f"（其中逾期{self.late}次）" if self.late else ""
            done = f"应于{due}前完成{self.required}次，实际{self.done}次{late}"
        return f"{title}：{window}{done}，{status}。{basis}"

    @property
    def done(self) -> int:
        """How many times the duty was done: records used, or days covered for a daily summary."""
        if self.daily:
            return self.days_done
        return len(self.evidence)

    def to_row(self) -> FlatRow:
        """The row as a dict of JSON-safe scalars, with the columns of :data:`ROW_FIELDS`.

        Dates are ISO text; an hour limit's ``due`` is its day in China time
        and ``due_at`` the moment; evidence ids are joined with ``;``.

        Examples:
            >>> row = _example_report().rows[1]
            >>> flat = row.to_row()
            >>> flat["status"], flat["due"], flat["due_at"], flat["done"]
            ('missed', '2026-02-28', None, 0)
            >>> list(flat) == [f.name for f in ROW_FIELDS]
            True
        """
        return flatten(self)


def _positional_maker() -> Callable[..., ComplianceRow]:
    """A constructor of :class:`ComplianceRow` taking every field by position, in field order.

    The rows are the engine's bulk, and a row has 23 fields: the generated
    function fills an object of the class's :func:`~safetyduty._methods.filler`
    by plain slot stores, then gives it its class, about a quarter of the
    cost of setting 23 frozen slots one by one. The class has no validators,
    converters or post-init, so the object is the one ``ComplianceRow(...)``
    makes (a test holds them equal); were that to change, the maker goes
    through ``__init__``.
    """
    fields = attrs.fields(ComplianceRow)
    names = [f.name for f in fields]
    checked = any(f.validator is not None or f.converter is not None for f in fields)
    if checked or hasattr(ComplianceRow, "__attrs_post_init__"):

        def through_init(*values: object) -> ComplianceRow:
            return ComplianceRow(**dict(zip(names, values, strict=True)))  # type: ignore[arg-type]

        return through_init
    lines = [f"def make({', '.join(names)}):"]
    scope: dict[str, object] = {"_new": object.__new__, "_cls": ComplianceRow}
    blank = filler(ComplianceRow)
    if blank is not None:
        scope["_blank"] = blank
        lines.append("    row = _new(_blank)")
        lines.extend(f"    row.{name} = {name}" for name in names)
        lines.append("    row.__class__ = _cls")
    else:
        lines.append("    row = _new(_cls)")
        for name in names:
            scope[f"_set_{name}"] = getattr(ComplianceRow, name).__set__  # the slot's own setter
            lines.append(f"    _set_{name}(row, {name})")
    lines.append("    return row")
    exec(compile("\n".join(lines), "<safetyduty ComplianceRow maker>", "exec"), scope)  # noqa: S102 - source built from the class's own fields
    made: Callable[..., ComplianceRow] = scope["make"]  # type: ignore[assignment]
    return made


make_row: Final = _positional_maker()
"""Every field of a :class:`ComplianceRow` by position, in field order (the engine's row builder)."""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PlanUse:
    """Whether a plan was applied in an evaluation, and why (or why not).

    Attributes:
        plan: the plan's id.
        title: its title.
        applied: whether its duties were judged.
        reason: why: the enterprise lies outside its jurisdiction, its period
            does not meet the days judged, or it applied.
        reason_zh: the same in Chinese.
    """

    plan: str
    title: str
    applied: bool
    reason: str
    reason_zh: str = ""


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class HazardFinding:
    """An open hazard that needs attention: past its deadline, or a major hazard without its 五到位 plan."""

    hazard: str
    enterprise: str
    level: HazardLevel
    status: HazardStatus
    found_on: date
    deadline: date | None
    problem: str
    basis: Basis
    problem_zh: str = ""

    def describe(self, locale: str = "zh_CN") -> str:
        """The problem in ``zh_CN`` or ``en``."""
        return self.problem_zh if locale != "en" and self.problem_zh else self.problem


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class ComplianceReport:
    """The evaluation of one enterprise on one date.

    Attributes:
        enterprise: the 统一社会信用代码.
        name: the enterprise's name.
        as_of: the date judged.
        since: the first day of the periods judged.
        rows: one per obligation × period, in obligation order.
        hazards: open hazards past their deadline or missing their 五到位 plan.
        plans: the plans considered: applied or not, with the reason.
        sources: the registry entry of every source the rows cite, once.
    """

    enterprise: str
    name: str
    as_of: date
    since: date
    rows: tuple[ComplianceRow, ...]
    hazards: tuple[HazardFinding, ...] = ()
    plans: tuple[PlanUse, ...] = ()
    sources: tuple[Source, ...] = ()

    @property
    def summary(self) -> dict[ComplianceStatus, int]:
        """Rows per status (every status present, zero included).

        Examples:
            >>> report = _example_report()
            >>> report.summary[ComplianceStatus.MET], report.summary[ComplianceStatus.LATE]
            (1, 0)
        """
        counts = Counter(row.status for row in self.rows)
        return {status: counts.get(status, 0) for status in ComplianceStatus}

    @property
    def rate(self) -> Decimal | None:
        """Met on time / (met + late + missed), or ``None`` when nothing was due yet.

        Examples:
            >>> _example_report().rate      # one met, one missed
            Decimal('0.5000')
        """
        counts = self.summary
        judged = (
            counts[ComplianceStatus.MET]
            + counts[ComplianceStatus.LATE]
            + counts[ComplianceStatus.MISSED]
        )
        if not judged:
            return None
        return (Decimal(counts[ComplianceStatus.MET]) / judged).quantize(Decimal("0.0001"))

    def overdue(self) -> tuple[ComplianceRow, ...]:
        """The missed rows, oldest due date first.

        Examples:
            >>> [r.due for r in _example_report().overdue()]
            [datetime.date(2026, 2, 28)]
        """
        return tuple(
            sorted((r for r in self.rows if r.status is ComplianceStatus.MISSED), key=_due_key)
        )

    def upcoming(self, days: int = 30) -> tuple[ComplianceRow, ...]:
        """Rows not yet met and due within *days* (from ``as_of``), soonest first.

        Examples:
            >>> [r.due for r in _example_report().upcoming(days=30)]
            [datetime.date(2026, 3, 31)]
            >>> _example_report().upcoming(days=7)
            ()
        """
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise ValidationError("days", days, "must be an int >= 0")
        room = (date.max - self.as_of).days - 1  # a row with no due date (date.max) never counts
        limit = self.as_of + timedelta(days=min(days, room))
        open_rows = (
            r for r in self.rows if r.status in (ComplianceStatus.DUE, ComplianceStatus.UPCOMING)
        )
        return tuple(sorted((r for r in open_rows if _due_key(r) <= limit), key=_due_key))

    def to_rows(self) -> list[FlatRow]:
        """The report's rows, flat (:meth:`ComplianceRow.to_row`), for a DataFrame, CSV or a database.

        Examples:
            >>> [r["status"] for r in _example_report().to_rows()]
            ['met', 'missed', 'due']
        """
        return [flatten(row) for row in self.rows]

    def to_pandas(self) -> pd.DataFrame:
        """The flat rows as a pandas DataFrame, one column per :data:`ROW_FIELDS` entry, typed.

        Needs the ``pandas`` extra (``pip install 'safetyduty[pandas]'``).
        Dates are ``datetime64[s]``, ``due_at`` is ``datetime64[s, Asia/Shanghai]``,
        strings ``string``, ``hours_*`` exact ``Decimal`` objects.

        Raises:
            MissingDependencyError: when pandas is not installed.

        Examples:
            >>> df = _example_report().to_pandas()
            >>> df["status"].tolist(), df["due"].dt.strftime("%m-%d").tolist()
            (['met', 'missed', 'due'], ['01-31', '02-28', '03-31'])
            >>> str(df["due"].dtype), str(df["due_at"].dtype)
            ('datetime64[s]', 'datetime64[s, Asia/Shanghai]')
        """
        from safetyduty.rules.compliance._frame import frame  # noqa: PLC0415 - imports this module

        return frame(self.to_rows())

    def to_ics(
        self, *, locale: str = "zh_CN", kind: ItemKind = "event", include_done: bool = False
    ) -> str:
        """The due dates as an iCalendar document: one event a row overdue, due or upcoming.

        Needs the ``ics`` extra (``pip install 'safetyduty[ics]'``). Each item
        has a UID derived from the enterprise, the duty, the person and the
        period, so importing a later evaluation updates the items instead of
        adding copies; see :doc:`/reports` for every property written.

        Args:
            locale: ``zh_CN`` or ``en``, for the summaries and descriptions.
            kind: ``event`` (``VEVENT``, an all-day event on the due day) or
                ``todo`` (``VTODO`` with ``DUE``, ``STATUS`` and ``PRIORITY``).
            include_done: also write the met and late rows (a re-import then
                shows them done).

        Raises:
            ValidationError: for a bad *locale* or *kind*.
            MissingDependencyError: when icalendar is not installed.

        Examples:
            >>> text = _example_report().to_ics(locale="en")
            >>> text.count("BEGIN:VEVENT"), "DTSTART;VALUE=DATE:20260228" in text
            (2, True)
            >>> [line for line in text.splitlines() if line.startswith("SUMMARY")]
            ['SUMMARY:[missed] 每月至少一次 · 示例', 'SUMMARY:[due soon] 每月至少一次 · 示例']
        """
        from safetyduty.rules.compliance._ics import calendar_text  # noqa: PLC0415 - imports this module

        title = _ICS_TITLE["en" if locale == "en" else "zh_CN"].format(name=self.name)
        return calendar_text(
            self.rows,
            names={self.enterprise: self.name},
            title=title,
            as_of=self.as_of,
            locale=locale,
            kind=kind,
            include_done=include_done,
        )

    def to_html(self, locale: str = "zh_CN") -> str:
        """The report as HTML for a notebook or a web page, in ``zh_CN`` or ``en``.

        Counts per status as coloured badges; the overdue and due items
        first; an obligation × month grid coloured by status; the full table
        collapsed. Plain HTML with inline styles and an inline SVG, escaped,
        no script; a notebook shows the ``zh_CN`` one (``_repr_html_``).

        Raises:
            ValidationError: for a locale other than ``zh_CN`` or ``en``.

        Examples:
            >>> page = _example_report().to_html("en")
            >>> "To act on: 1 overdue, 1 due within 30 days" in page, "missed" in page
            (True, True)
            >>> "未完成（已逾期）" in _example_report().to_html()
            True
        """
        from safetyduty.rules.compliance._html import report_html  # noqa: PLC0415 - imports this module

        return report_html(self, locale)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's signature
        """IPython's plain display: one line of counts (``repr()`` still gives every row)."""
        from safetyduty.rules.compliance._html import report_line  # noqa: PLC0415 - imports this module

        printer.text(report_line(self))


_ICS_TITLE: Final = {
    "zh_CN": "{name}：安全生产责任到期事项",
    "en": "{name}: work-safety duties due",
}


def rows_of(reports: ComplianceReport | Iterable[ComplianceReport]) -> list[FlatRow]:
    """The flat rows of one report or of many, in order.

    Examples:
        >>> rows = rows_of([_example_report(), _example_report()])
        >>> len(rows), rows[3]["status"]
        (6, 'met')
    """
    if isinstance(reports, ComplianceReport):
        reports = (reports,)
    if isinstance(reports, (str, bytes)) or not isinstance(reports, Iterable):
        raise ValidationError("reports", reports, "must be a ComplianceReport or a list of them")
    rows: list[FlatRow] = []
    for index, report in enumerate(reports):
        if not isinstance(report, ComplianceReport):
            raise ValidationError(f"reports[{index}]", report, "must be a ComplianceReport")
        rows.extend(flatten(row) for row in report.rows)
    return rows


def _due_key(row: ComplianceRow) -> date:
    due = row.due
    if isinstance(due, datetime):
        return due.date()
    return due or date.max


def status_of(
    on_time: int | Decimal, late: int | Decimal, required: int | Decimal, due: date, as_of: date
) -> ComplianceStatus:
    """The status of a duty with *on_time* and *late* evidence (records or hours) out of *required*."""
    if on_time >= required:
        return ComplianceStatus.MET
    if on_time + late >= required:
        return ComplianceStatus.LATE
    if as_of > due:
        return ComplianceStatus.MISSED
    return ComplianceStatus.DUE if due - as_of <= SOON else ComplianceStatus.UPCOMING


def _example_report() -> ComplianceReport:
    """A three-row report for the examples: met in January, missed in February, due in March."""
    basis = Basis(document="示例")

    def row(status: ComplianceStatus, month: int, due: date) -> ComplianceRow:
        return ComplianceRow(
            enterprise="914403001922038216", obligation="o", title="每月至少一次",
            subject=Subject.PRINCIPAL, status=status, start=date(2026, month, 1), end=due,
            due=due, required=1, evidence=(), late=0, basis=basis,
        )  # fmt: skip

    return ComplianceReport(
        enterprise="914403001922038216",
        name="示例",
        as_of=date(2026, 3, 10),
        since=date(2026, 1, 1),
        rows=(
            row(ComplianceStatus.MET, 1, date(2026, 1, 31)),
            row(ComplianceStatus.MISSED, 2, date(2026, 2, 28)),
            row(ComplianceStatus.DUE, 3, date(2026, 3, 31)),
        ),
    )
