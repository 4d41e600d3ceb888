"""Holiday notices as data: the classes, and the strict loaders.

One TOML file per arranged year lives in ``data/cn/``. Each names the
notices (国务院办公厅关于……节假日安排的通知, and any later change) and, per
festival, the break it gives (``first`` .. ``last``, inclusive) and the weekend
days worked (``makeup_workdays``). A later notice that changes a break is a
second entry with ``notice`` and ``replaces``, so the calendar can be built
"as known at" any date.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Final, cast

import attrs

if TYPE_CHECKING:
    import cattrs
from safetyduty._dates import parse_iso_date
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_tuple,
    int_between,
    keeps,
    non_empty_str,
    optional,
    plain_date,
    text,
    tuple_of,
)
from safetyduty.calendars._festival import Festival
from safetyduty.errors import ValidationError

__all__ = [
    "HolidaySpan",
    "Notice",
    "YearArrangement",
    "bundled_years",
    "from_holiday_cn",
    "load_year_file",
    "parse_year",
]


def _notice_tuple(value: Iterable[Notice]) -> tuple[Notice, ...]:
    return cast("tuple[Notice, ...]", as_tuple(value))


keeps(tuple, _notice_tuple)


def _span_tuple(value: Iterable[HolidaySpan]) -> tuple[HolidaySpan, ...]:
    return cast("tuple[HolidaySpan, ...]", as_tuple(value))


keeps(tuple, _span_tuple)


def _festival_tuple(value: Iterable[Festival]) -> tuple[Festival, ...]:
    return cast("tuple[Festival, ...]", as_tuple(value))


keeps(tuple, _festival_tuple)


def _date_tuple(value: Iterable[date]) -> tuple[date, ...]:
    return cast("tuple[date, ...]", as_tuple(value))


keeps(tuple, _date_tuple)


def _distinct_dates(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    tuple_of(date)(instance, attribute, value)
    for item in value:
        plain_date(instance, attribute, item)
    if len(set(value)) != len(value):
        raise ValidationError(attribute.name, value, "must not repeat a date")


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Notice:
    """A State Council (General Office) notice that arranges holidays.

    Attributes:
        title: the notice's title.
        number: its document number (文号), e.g. ``国办发明电〔2025〕7号``;
            ``None`` where the sources we read do not give it.
        signed: its 成文日期, the date at its foot; ``None`` where unknown.
        released: its 发布日期, the day it was made public; ``None`` where
            no source gives it. (Official sites also show a 发布日期 for old
            notices that is only the day their page was posted: such a date
            is not recorded here.)
        url: where the text can be read (an archived copy where possible).
        note: anything a reader should know about the record, such as an
            UNVERIFIED number.

    Examples:
        >>> n = Notice(title="国务院办公厅关于延长2020年春节假期的通知",
        ...            number="国办发明电〔2020〕1号",
        ...            signed=date(2020, 1, 26), released=date(2020, 1, 27))
        >>> n.published      # when it counts as known: released, else signed
        datetime.date(2020, 1, 27)
    """

    title: str = attrs.field(validator=non_empty_str)
    number: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    signed: date | None = attrs.field(default=None, validator=optional(plain_date))
    released: date | None = attrs.field(default=None, validator=optional(plain_date))
    url: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    note: str = attrs.field(default="", validator=text)

    @released.validator
    def _check_released(self, attribute: attrs.Attribute[Any], value: date | None) -> None:
        if value is not None and self.signed is not None and value < self.signed:
            raise ValidationError("released", value, f"must not be before signed ({self.signed})")

    @property
    def published(self) -> date | None:
        """The day the notice counts as known from: ``released``, else ``signed``.

        A notice with neither counts as known from 1 January of its year.
        """
        return self.released or self.signed

    @property
    def key(self) -> str:
        """The number if known, else the title: how spans refer to a notice."""
        return self.number or self.title


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class HolidaySpan:
    """One break a notice gives: the days off and the weekend days worked.

    Attributes:
        festivals: the festival(s) the break is for (two when 中秋 and 国庆 merge).
        first: the first day off.
        last: the last day off (inclusive).
        makeup_workdays: Saturdays or Sundays worked in exchange (调休上班).
        declared: days the notice itself makes holidays (2015-09-03); they count
            as statutory holidays.
        notice: the key of the notice that gives the break; ``None`` means the
            year's first notice.
        replaces: the key of the notice whose break for the same festivals this
            one replaces (a later change), or ``None``.
    """

    festivals: tuple[Festival, ...] = attrs.field(
        converter=_festival_tuple, validator=tuple_of(Festival)
    )
    first: date = attrs.field(validator=plain_date)
    last: date = attrs.field(validator=plain_date)
    makeup_workdays: tuple[date, ...] = attrs.field(
        default=(), converter=_date_tuple, validator=_distinct_dates
    )
    declared: tuple[date, ...] = attrs.field(
        default=(), converter=_date_tuple, validator=_distinct_dates
    )
    notice: str | None = attrs.field(default=None, validator=optional(non_empty_str))
    replaces: str | None = attrs.field(default=None, validator=optional(non_empty_str))

    @festivals.validator
    def _check_festivals(
        self, attribute: attrs.Attribute[Any], value: tuple[Festival, ...]
    ) -> None:
        if not value or len(set(value)) != len(value):
            raise ValidationError("festivals", value, "must name one or more distinct festivals")

    @last.validator
    def _check_last(self, attribute: attrs.Attribute[Any], value: date) -> None:
        if value < self.first:
            raise ValidationError("last", value, f"must not be before first ({self.first})")
        if (value - self.first).days > 14:  # noqa: PLR2004 - no break has ever reached 10 days
            raise ValidationError("last", value, "must be within 14 days of first")

    @makeup_workdays.validator
    def _check_makeup(self, attribute: attrs.Attribute[Any], value: tuple[date, ...]) -> None:
        for day in value:
            if day.weekday() < 5:  # noqa: PLR2004 - Saturday is 5
                raise ValidationError("makeup_workdays", day, "must be a Saturday or Sunday")
            if self.first <= day <= self.last:
                raise ValidationError("makeup_workdays", day, "must lie outside the break")

    @declared.validator
    def _check_declared(self, attribute: attrs.Attribute[Any], value: tuple[date, ...]) -> None:
        for day in value:
            if not self.first <= day <= self.last:
                raise ValidationError("declared", day, "must lie inside the break")

    def rest_days(self) -> Iterable[date]:
        """Every day of the break, first to last."""
        for offset in range((self.last - self.first).days + 1):
            yield self.first + timedelta(days=offset)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class YearArrangement:
    """Everything the notices say about one year's holidays.

    Attributes:
        year: the year arranged (a break may start in the December before).
        notices: the notices, the main one first.
        holidays: the breaks, including any replaced by a later notice.
    """

    year: int = attrs.field(validator=int_between(2000, 2100))
    notices: tuple[Notice, ...] = attrs.field(
        converter=_notice_tuple, validator=tuple_of(Notice, non_empty=True)
    )
    holidays: tuple[HolidaySpan, ...] = attrs.field(
        converter=_span_tuple, validator=tuple_of(HolidaySpan)
    )

    @notices.validator
    def _check_notices(self, attribute: attrs.Attribute[Any], value: tuple[Notice, ...]) -> None:
        keys = [n.key for n in value]
        if len(set(keys)) != len(keys):
            raise ValidationError("notices", keys, "must not repeat a notice")

    @holidays.validator
    def _check_holidays(
        self, attribute: attrs.Attribute[Any], value: tuple[HolidaySpan, ...]
    ) -> None:
        keys = {n.key for n in self.notices}
        for index, span in enumerate(value):
            where = f"holidays[{index}]"
            for name in ("notice", "replaces"):
                key = getattr(span, name)
                if key is not None and key not in keys:
                    raise ValidationError(f"{where}.{name}", key, "must name a notice of the file")
            for day in (span.first, span.last, *span.makeup_workdays):
                if not date(self.year - 1, 12, 1) <= day <= date(self.year, 12, 31):
                    raise ValidationError(
                        f"{where}", day, f"must lie in {self.year} or its December before"
                    )
        _check_no_overlap(self.year, self.spans_known_at(None))

    def notice_known(self, notice: Notice, as_known_at: date | None) -> bool:
        """Whether *notice* had been issued by *as_known_at* (``None``: always)."""
        if as_known_at is None:
            return True
        published = notice.published or date(self.year, 1, 1)
        return published <= as_known_at

    def main_notice(self) -> Notice:
        """The notice that arranges the year (the first one)."""
        return self.notices[0]

    def spans_known_at(self, as_known_at: date | None) -> tuple[HolidaySpan, ...]:
        """The breaks in force as known at *as_known_at* (``None``: all notices).

        A break is dropped when its notice was not yet issued, or when a
        notice issued by then replaced it.
        """
        known = {n.key for n in self.notices if self.notice_known(n, as_known_at)}
        main = self.main_notice().key
        spans = [s for s in self.holidays if (s.notice or main) in known]
        replaced = {(s.replaces, s.festivals) for s in spans if s.replaces is not None}
        return tuple(s for s in spans if ((s.notice or main), s.festivals) not in replaced)


def _check_no_overlap(year: int, spans: Iterable[HolidaySpan]) -> None:
    seen: dict[date, str] = {}
    for span in spans:
        for day in (*span.rest_days(), *span.makeup_workdays):
            if day in seen:
                raise ValidationError(f"{year}.holidays", day, "must not appear in two breaks")
            seen[day] = span.festivals[0]


def _structure_date(value: object, _: type) -> date:
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value  # TOML's native dates
    return parse_iso_date(value)


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    msg = f"{value!r} is not an integer"  # 2027.9 is not read as 2027, nor "2027" as a year
    raise ValueError(msg)


def _structure_str(value: object, _: type) -> str:
    if isinstance(value, str):
        return value
    msg = f"{value!r} is not a string"
    raise ValueError(msg)


def _structure_festival(value: object, _: type) -> Festival:
    return Festival(_structure_str(value, str))


@functools.cache
def _converter() -> cattrs.Converter:
    """The strict converter of holiday arrangements, made on first use (cattrs is imported then)."""
    import cattrs  # noqa: PLC0415 - not needed to import the calendar, only to read its data
    from cattrs.gen import make_dict_structure_fn  # noqa: PLC0415

    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    # Festival is a str subclass: without its own hook it would take the str hook.
    converter.register_structure_hook(Festival, _structure_festival)
    for cls in (Notice, HolidaySpan, YearArrangement):
        converter.register_structure_hook(
            cls, make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)
        )
    return converter


def parse_year(data: Mapping[str, Any], *, source: str = "<data>") -> YearArrangement:
    """Build a :class:`YearArrangement` from a mapping (a parsed TOML or JSON file).

    Unknown keys, bad dates and broken invariants raise ValidationError,
    naming the source and the field.

    Examples:
        >>> arrangement = parse_year({
        ...     "year": 2027,
        ...     "notices": [{"title": "示例通知", "signed": "2026-10-30", "released": "2026-11-01"}],
        ...     "holidays": [{"festivals": ["new_year"], "first": "2027-01-01", "last": "2027-01-03"}],
        ... })
        >>> arrangement.holidays[0].last
        datetime.date(2027, 1, 3)
        >>> parse_year({"year": 2027, "notices": [], "holidays": [], "extra": 1}, source="x.toml")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: x.toml: must be a valid holiday arrangement (got 'extra fields found (extra) @ $')
    """
    if not isinstance(data, Mapping):
        raise ValidationError(source, data, "must be a mapping")
    import cattrs  # noqa: PLC0415 - see _converter

    try:
        return _converter().structure(_renamed(data), YearArrangement)
    except ValidationError as exc:
        raise ValidationError(f"{source}: {exc.field}", exc.value, exc.expected) from None
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(cattrs.transform_error(exc, path="$", format_exception=_describe))
        raise ValidationError(source, problems, "must be a valid holiday arrangement") from None


def _renamed(data: Mapping[str, Any]) -> dict[str, Any]:
    """Files written before 0.2 call the release date ``published``: read it as ``released``."""
    notices = data.get("notices")
    if not isinstance(notices, list):
        return dict(data)
    renamed = [
        {("released" if k == "published" else k): v for k, v in n.items()}
        if isinstance(n, Mapping) and "published" in n and "released" not in n
        else n
        for n in notices
    ]
    return {**data, "notices": renamed}


def _describe(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, (ValidationError, ValueError)) and str(exc):
        return str(exc)
    from cattrs.v import format_exception  # noqa: PLC0415 - see _converter

    return format_exception(exc, type_)


def load_year_file(path: str | os.PathLike[str]) -> YearArrangement:
    """Load one year's arrangement from a TOML file in the bundled format.

    Raises:
        ValidationError: if the file cannot be read or is not valid.

    Examples:
        >>> load_year_file("/no/such/2027.toml")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: path: must be a readable TOML file ([Errno 2] No such file or directory: '/no/such/2027.toml') (got '/no/such/2027.toml')
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ValidationError("path", path, "must be a str or os.PathLike naming a TOML file")
    try:
        name = os.fspath(path)
    except TypeError:  # an os.PathLike whose __fspath__ returns bytes or nonsense
        raise ValidationError("path", path, "must name a TOML file as text") from None
    if not isinstance(name, str) or "\x00" in name:
        raise ValidationError("path", path, "must name a TOML file as text")
    from pathlib import Path  # noqa: PLC0415 - only to read a file of the caller's

    from safetyduty._compat import tomllib  # noqa: PLC0415 - only to read TOML

    try:
        text = Path(name).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValidationError("path", name, f"must be a readable TOML file ({exc})") from None
    except RecursionError:
        raise ValidationError("path", name, "must not nest tables or arrays that deep") from None
    return parse_year(data, source=name)


_ZH_FESTIVALS: Final = {
    "元旦": Festival.NEW_YEAR,
    "春节": Festival.SPRING_FESTIVAL,
    "清明节": Festival.TOMB_SWEEPING,
    "劳动节": Festival.LABOUR_DAY,
    "“五一”": Festival.LABOUR_DAY,  # holiday-cn 2007
    "“五一”国际劳动节": Festival.LABOUR_DAY,  # holiday-cn 2008
    "“十一”": Festival.NATIONAL_DAY,  # holiday-cn 2007
    "端午节": Festival.DRAGON_BOAT,
    "中秋节": Festival.MID_AUTUMN,
    "国庆节": Festival.NATIONAL_DAY,
    "抗日战争暨世界反法西斯战争胜利70周年纪念日": Festival.VICTORY_DAY,
}


def from_holiday_cn(data: str | bytes | Mapping[str, Any]) -> YearArrangement:
    """Convert one year of the ``holiday-cn`` JSON format into an arrangement.

    The format (``{"year": …, "papers": […], "days": [{"name", "date",
    "isOffDay"}]}``) lists every day off and every weekend day worked, each
    under its festival's Chinese name. Consecutive days off of one name become
    one break; the days worked are attached to that festival's break.

    Examples:
        >>> text = '''{"year": 2027, "papers": ["https://example.org/notice"], "days": [
        ...   {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        ...   {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
        ...   {"name": "元旦", "date": "2027-01-03", "isOffDay": true}]}'''
        >>> from_holiday_cn(text).holidays[0].last
        datetime.date(2027, 1, 3)
    """
    year, days, papers = _holiday_cn_fields(data)
    rest, work = _group_holiday_cn_days(days)
    spans: list[dict[str, Any]] = []
    for key, off_days in rest.items():
        runs = _runs(sorted(set(off_days)))
        worked: list[list[date]] = [[] for _ in runs]
        for day in sorted(work.pop(key, [])):
            worked[_nearest(runs, day)].append(day)
        spans.extend(
            {"festivals": list(key), "first": first, "last": last, "makeup_workdays": days_}
            for (first, last), days_ in zip(runs, worked, strict=True)
        )
    if work:
        raise ValidationError("holiday_cn", sorted(work), "has days worked with no break")
    notice = {
        "title": f"国务院办公厅关于{year}年部分节假日安排的通知",
        "note": "imported from the holiday-cn JSON format",
    }
    if papers:
        notice["url"] = papers[0]
    return parse_year({"year": year, "notices": [notice], "holidays": spans}, source="holiday_cn")


def _holiday_cn_fields(data: object) -> tuple[int, list[Any], list[str]]:
    """Parse holiday-cn JSON (or take a mapping) and check its year, days and papers."""
    if isinstance(data, (str, bytes)):
        import json  # noqa: PLC0415 - only to read JSON text

        try:
            data = json.loads(data)
        except ValueError as exc:
            raise ValidationError("holiday_cn", str(exc), "must be JSON") from None
        except RecursionError:
            raise ValidationError("holiday_cn", "<nested>", "must not nest that deep") from None
    if not isinstance(data, Mapping):
        raise ValidationError("holiday_cn", data, "must be a JSON object")
    year, days, papers = data.get("year"), data.get("days"), data.get("papers", [])
    if (
        not isinstance(year, int)
        or isinstance(year, bool)
        or not isinstance(days, list)
        or not isinstance(papers, list)
    ):
        raise ValidationError(
            "holiday_cn",
            sorted(k for k in data if isinstance(k, str)),
            "must have year (int), days (list), papers (list)",
        )
    if not all(isinstance(paper, str) for paper in papers):
        raise ValidationError("holiday_cn.papers", papers, "must be a list of URLs (text)")
    return year, days, papers


_Grouped = dict[tuple[Festival, ...], list[date]]


def _group_holiday_cn_days(days: list[Any]) -> tuple[_Grouped, _Grouped]:
    """Split holiday-cn day entries into days off and days worked, per festival."""
    rest: _Grouped = {}
    work: _Grouped = {}
    for index, entry in enumerate(days):
        where = f"days[{index}]"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("isOffDay"), bool):
            raise ValidationError(where, entry, "must have name, date and isOffDay")
        try:
            day = _structure_date(entry.get("date"), date)
        except ValueError:
            raise ValidationError(
                f"{where}.date", entry.get("date"), "must be YYYY-MM-DD"
            ) from None
        name = entry.get("name")
        names = name.split("、") if isinstance(name, str) else [""]
        if not all(part in _ZH_FESTIVALS for part in names):
            raise ValidationError(f"{where}.name", name, "must be a festival name")
        key = tuple(_ZH_FESTIVALS[name] for name in names)
        (rest if entry["isOffDay"] else work).setdefault(key, []).append(day)
    return rest, work


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) runs; a gap of Saturdays and Sundays only is bridged.

    holiday-cn leaves out weekend days inside some breaks (2014's 清明 lists
    04-05 and 04-07): they are rest days either way, so the break is one.
    """
    runs: list[tuple[date, date]] = []
    for day in days:
        if runs and _weekend_gap(runs[-1][1], day):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _weekend_gap(before: date, after: date) -> bool:
    gap = (after - before).days
    return all((before + timedelta(days=k)).weekday() >= 5 for k in range(1, gap))  # noqa: PLR2004


def _nearest(runs: list[tuple[date, date]], day: date) -> int:
    """The index of the run *day* is closest to (a day worked belongs to the nearest break)."""
    return min(
        range(len(runs)),
        key=lambda i: min(abs((day - runs[i][0]).days), abs((day - runs[i][1]).days)),
    )


@functools.cache
def bundled_years() -> tuple[YearArrangement, ...]:
    """Every arrangement shipped with the package, oldest first (read once).

    Examples:
        >>> years = bundled_years()
        >>> years[0].year, years[-1].year, years[-1].main_notice().number
        (2004, 2026, '国办发明电〔2025〕7号')
    """
    from importlib.resources import files  # noqa: PLC0415 - on first use, with the data

    from safetyduty._compat import tomllib  # noqa: PLC0415 - on first use, with the data

    folder = files("safetyduty.calendars").joinpath("data/cn")
    arrangements = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            arrangement = parse_year(data, source=f"data/cn/{entry.name}")
            if entry.name != f"{arrangement.year}.toml":
                raise ValidationError(
                    f"data/cn/{entry.name}", arrangement.year, "must match the file name"
                )
            arrangements.append(arrangement)
    return tuple(arrangements)
