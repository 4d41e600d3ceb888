"""The Chinese working-day calendar: statutory holidays and 调休 make-up workdays."""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import Any, Final

import attrs

from safetyduty._labels import check_locale, label_of
from safetyduty._methods import by_fields
from safetyduty.calendars._data import (
    HolidaySpan,
    Notice,
    YearArrangement,
    bundled_years,
    from_holiday_cn,
    load_year_file,
)
from safetyduty.calendars._festival import DayType, Festival, festival_years, statutory_holidays
from safetyduty.errors import CalendarCoverageError, ValidationError

__all__ = ["CalendarMetadata", "Coverage", "WorkCalendar", "default_calendar"]

_WORKDAY: Final = 0
_MAKEUP: Final = 1
_WEEKEND: Final = 2
_STATUTORY: Final = 3
_ADJUSTED: Final = 4
_DAY_TYPES: Final = (
    DayType.WORKDAY,
    DayType.MAKEUP_WORKDAY,
    DayType.WEEKEND,
    DayType.STATUTORY_HOLIDAY,
    DayType.ADJUSTED_REST,
)
_SATURDAY: Final = 5
_SUFFIXES: Final = {
    ("makeup", "zh_CN"): "（调休上班）",
    ("makeup", "en"): " (make-up workday)",
    ("estimated", "zh_CN"): "（推定：法定最低安排，非通知）",
    ("estimated", "en"): " (estimated: statutory minimum, not a notice)",
}


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Coverage:
    """A closed range of dates, ``first`` to ``last`` inclusive.

    Examples:
        >>> cov = Coverage(first=date(2004, 1, 1), last=date(2026, 12, 31))
        >>> date(2026, 1, 4) in cov, date(2027, 1, 1) in cov
        (True, False)
    """

    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        """Whether *day* (a date) lies in the range; a datetime is rejected, as everywhere.

        Examples:
            >>> from datetime import datetime, timezone
            >>> cov = Coverage(first=date(2004, 1, 1), last=date(2026, 12, 31))
            >>> datetime(2025, 9, 30, 20, tzinfo=timezone.utc) in cov
            Traceback (most recent call last):
            ...
            safetyduty.errors.ValidationError: date: must be a datetime.date, not a datetime: take its day in China time first, e.g. moment.astimezone(ZoneInfo("Asia/Shanghai")).date() (got datetime.datetime(2025, 9, 30, 20, 0, tzinfo=datetime.timezone.utc))
        """
        if isinstance(day, datetime):
            raise _bad_date("date", day)
        return isinstance(day, date) and self.first <= day <= self.last


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class CalendarMetadata:
    """Where a calendar's answers come from.

    Attributes:
        years: the years arranged by official notices.
        notices: the document numbers (or titles) of the notices used.
        as_known_at: the date the data was cut at, or ``None`` for all notices.
        estimated_until: the last estimated day, or ``None`` in strict mode.
        makeup_workdays: whether 调休 weekend workdays count as workdays.
        sha256: a digest of the notice data used, to pin a calendar in a report.
    """

    years: tuple[int, ...]
    notices: tuple[str, ...]
    as_known_at: date | None
    estimated_until: date | None
    makeup_workdays: bool
    sha256: str


def _bad_date(name: str, value: object) -> ValidationError:
    if isinstance(value, datetime):
        return ValidationError(name, value, _NOT_A_DATETIME)
    return ValidationError(name, value, "must be a datetime.date")


_NOT_A_DATETIME: Final = (
    "must be a datetime.date, not a datetime: take its day in China time first, "
    'e.g. moment.astimezone(ZoneInfo("Asia/Shanghai")).date()'
)


def _check_int(name: str, value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(name, value, "must be an int")
    return value


class WorkCalendar:
    """An immutable calendar of Chinese working days.

    A day is a **workday** when it is Monday to Friday and not a day off under
    the holiday notices, or when it is a Saturday or Sunday that a notice
    makes a working day (调休上班). Everything else is a **rest day**.

    Build one with :func:`default_calendar` (the bundled notices) or
    :meth:`from_arrangements`. Days outside the covered years raise
    :class:`~safetyduty.errors.CalendarCoverageError` unless the calendar
    was built with estimation, in which case :meth:`is_estimated` says so.

    Counting convention: :meth:`workdays_between` counts the workdays
    after ``start`` up to and including ``end`` (the start day is not
    counted, as in 民法典 第二百零一条), so that
    ``workdays_between(d, add_workdays(d, n)) == n`` for every ``d`` and
    ``n >= 1``.

    Examples:
        >>> cal = default_calendar()
        >>> cal.is_workday(date(2026, 1, 4))   # a Sunday worked for 元旦
        True
        >>> cal.day_type(date(2025, 10, 8))
        <DayType.ADJUSTED_REST: 'adjusted_rest'>
        >>> cal.add_workdays(date(2025, 9, 26), 20)
        datetime.date(2025, 10, 30)
    """

    __slots__ = (
        "_arrangements",
        "_as_known_at",
        "_base",
        "_coverage",
        "_cum",
        "_estimated_from",
        "_estimated_until",
        "_makeup",
        "_n",
        "_names",
        "_types",
        "_wd",
        "_work",
    )

    _arrangements: tuple[YearArrangement, ...]
    _as_known_at: date | None
    _base: int
    _coverage: Coverage
    _cum: list[int]
    _estimated_from: int
    _estimated_until: date | None
    _makeup: bool
    _n: int
    _names: dict[int, tuple[Festival, ...]]
    _types: bytes
    _wd: list[int]
    _work: tuple[bool, ...]

    def __init__(self) -> None:
        msg = "use default_calendar() or WorkCalendar.from_arrangements()"
        raise TypeError(msg)

    def __setattr__(self, name: str, value: Any) -> None:
        msg = "WorkCalendar is immutable; use with_year() or default_calendar(...) instead"
        raise AttributeError(msg)

    def _key(self) -> tuple[Any, ...]:
        return (self._arrangements, self._as_known_at, self._makeup, self._estimated_until)

    def __eq__(self, other: object) -> bool:
        """Two calendars are equal when built from the same data with the same options."""
        if not isinstance(other, WorkCalendar):
            return NotImplemented
        return self is other or self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as the data and options it was built from; unpickling rebuilds it.

        Examples:
            >>> import pickle
            >>> cal = default_calendar(estimate=True)
            >>> copy = pickle.loads(pickle.dumps(cal))
            >>> copy == cal, copy.is_workday(date(2030, 2, 6))
            (True, False)
        """
        return (
            _rebuild,
            (
                self._arrangements,
                self._as_known_at,
                self._makeup,
                self._estimated_until is not None,
            ),
        )

    def __copy__(self) -> WorkCalendar:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, Any]) -> WorkCalendar:
        return self  # immutable

    def __repr__(self) -> str:
        first, last = self._coverage.first, self._coverage.last
        extra = f", estimated_until={self._estimated_until}" if self._estimated_until else ""
        return f"<WorkCalendar {first}..{last}{extra}>"

    # ------------------------------------------------------------------ build

    @classmethod
    def from_arrangements(
        cls,
        arrangements: Iterable[YearArrangement],
        *,
        as_known_at: date | None = None,
        makeup_workdays: bool = True,
        estimate: bool = False,
    ) -> WorkCalendar:
        """Build a calendar from year arrangements (consecutive years).

        Args:
            arrangements: one :class:`YearArrangement` per year, any order.
            as_known_at: keep only what had been published by that date.
            makeup_workdays: ``False`` keeps 调休 weekends as rest days (the
                practice of markets and banks).
            estimate: answer the years after the last notice, up to 2050,
                from weekends and the statutory festivals, marked estimated.

        Raises:
            ValidationError: on a gap between years, a repeated year, or when
                nothing is left to build from.

        Examples:
            >>> from safetyduty.calendars import bundled_years
            >>> recent = [a for a in bundled_years() if a.year >= 2024]
            >>> WorkCalendar.from_arrangements(recent).coverage.first
            datetime.date(2024, 1, 1)
        """
        _check_options(as_known_at, estimate=estimate, makeup=makeup_workdays)
        items = _arrangement_list(arrangements)
        known = sorted(
            (a for a in items if a.notice_known(a.main_notice(), as_known_at)),
            key=lambda a: a.year,
        )
        if not known:
            raise ValidationError("arrangements", as_known_at, "must leave at least one year")
        years = [a.year for a in known]
        for before, after in itertools.pairwise(years):
            if after != before + 1:
                problem = (
                    "must not repeat a year" if after == before else f"must not skip {before + 1}"
                )
                raise ValidationError("arrangements", years, problem)
        resolved = tuple(_resolve(a, as_known_at) for a in known)
        for arrangement in resolved:
            _check_complete(arrangement)
        self = object.__new__(cls)
        _build(self, resolved, as_known_at=as_known_at, makeup=makeup_workdays, estimate=estimate)
        return self

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], **options: Any) -> WorkCalendar:
        """Build a calendar of the single year in a TOML file of the bundled format.

        Examples:
            >>> import pathlib, tempfile
            >>> from importlib.resources import files
            >>> bundled = files("safetyduty.calendars").joinpath("data/cn/2026.toml")
            >>> path = pathlib.Path(tempfile.mkdtemp()) / "2026.toml"
            >>> _ = path.write_text(bundled.read_text("utf-8"), encoding="utf-8")
            >>> cal = WorkCalendar.from_file(path)
            >>> cal.years, cal.is_workday(date(2026, 1, 4))
            ((2026,), True)
        """
        return cls.from_arrangements([load_year_file(path)], **options)

    def with_year(self, arrangement: YearArrangement) -> WorkCalendar:
        """Return a calendar with *arrangement* added, or replacing its year.

        Use it for a notice published after this release of safetyduty. The
        year must be covered already or adjoin the covered years, and be
        complete: a break for every statutory day of the year (an empty or
        partial year raises :class:`~safetyduty.errors.ValidationError`;
        ``estimate=True`` is the way to answer a year without a notice).

        Examples:
            >>> from safetyduty.calendars import parse_year, statutory_holidays
            >>> days = statutory_holidays(2027)   # one break per statutory day: a minimal year
            >>> y2027 = parse_year({"year": 2027,
            ...     "notices": [{"title": "示例：2027年部分节假日安排"}],
            ...     "holidays": [{"festivals": list(f), "first": d, "last": d}
            ...                  for d, f in days.items()]})
            >>> cal = default_calendar().with_year(y2027)
            >>> cal.coverage.last, cal.is_workday(date(2027, 1, 4))
            (datetime.date(2027, 12, 31), True)
            >>> partial = parse_year({"year": 2027, "notices": [{"title": "x"}],
            ...     "holidays": [{"festivals": ["new_year"], "first": "2027-01-01", "last": "2027-01-01"}]})
            >>> default_calendar().with_year(partial)  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            safetyduty.errors.ValidationError: arrangements[2027]: must give a break for every statutory holiday of the year ... (got ['春节 2027-02-05', ...])
        """
        if not isinstance(arrangement, YearArrangement):
            raise ValidationError("arrangement", arrangement, "must be a YearArrangement")
        kept = [a for a in self._arrangements if a.year != arrangement.year]
        return WorkCalendar.from_arrangements(
            [*kept, arrangement],
            makeup_workdays=self._makeup,
            estimate=self._estimated_until is not None,
        )

    def with_file(self, path: str | os.PathLike[str]) -> WorkCalendar:
        """:meth:`with_year` for a TOML file in the bundled format."""
        return self.with_year(load_year_file(path))

    def with_holiday_cn(self, data: str | bytes | dict[str, Any]) -> WorkCalendar:
        """:meth:`with_year` for one year of the ``holiday-cn`` JSON format.

        holiday-cn publishes an empty file for a year before its notice; such a
        file (or any that misses a statutory day) is rejected, not taken as a
        year of ordinary workdays.

        Examples:
            >>> placeholder = '{"year": 2027, "papers": [], "days": []}'
            >>> default_calendar().with_holiday_cn(placeholder)  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            safetyduty.errors.ValidationError: arrangements[2027]: must give a break ... (got ['元旦 2027-01-01', ...])
        """
        return self.with_year(from_holiday_cn(data))

    def without_makeup_workdays(self) -> WorkCalendar:
        """Return the same calendar with 调休 weekends kept as rest days.

        Examples:
            >>> default_calendar().without_makeup_workdays().is_workday(date(2026, 1, 4))
            False
        """
        return WorkCalendar.from_arrangements(
            self._arrangements, makeup_workdays=False, estimate=self._estimated_until is not None
        )

    # ----------------------------------------------------------------- lookup

    def _index(self, day: object, name: str = "date") -> int:
        if not isinstance(day, date) or isinstance(day, datetime):
            raise _bad_date(name, day)
        index = day.toordinal() - self._base
        if 0 <= index < self._n:
            return index
        raise self._coverage_error(day)

    def _coverage_error(self, day: date) -> CalendarCoverageError:
        last = self._coverage.last
        hint = ""
        if day > last and self._estimated_until is None:
            hint = (
                f"no holiday notice for {last.year + 1} is bundled: add it with with_year(), "
                "or pass estimate=True to default_calendar()"
            )
        end = self._estimated_until or last
        return CalendarCoverageError(day, self._coverage.first, end, hint)

    def is_workday(self, day: date) -> bool:
        """Whether *day* is a working day.

        Examples:
            >>> cal = default_calendar()
            >>> cal.is_workday(date(2025, 10, 8)), cal.is_workday(date(2025, 10, 11))
            (False, True)
        """
        if type(day) is date:  # the common case: one type check, no call
            index = day.toordinal() - self._base
            if 0 <= index < self._n:
                return self._work[index]
            raise self._coverage_error(day)
        return self._work[self._index(day)]

    def is_rest_day(self, day: date) -> bool:
        """Whether *day* is a rest day (weekend, holiday or 调休 rest).

        Examples:
            >>> default_calendar().is_rest_day(date(2026, 2, 20))
            True
        """
        return not self.is_workday(day)

    def day_type(self, day: date) -> DayType:
        """What kind of day *day* is.

        Examples:
            >>> cal = default_calendar()
            >>> cal.day_type(date(2026, 2, 17))   # 正月初一
            <DayType.STATUTORY_HOLIDAY: 'statutory_holiday'>
            >>> cal.day_type(date(2026, 2, 14))   # Saturday worked
            <DayType.MAKEUP_WORKDAY: 'makeup_workday'>
            >>> cal.day_type(date(2026, 3, 7))
            <DayType.WEEKEND: 'weekend'>
        """
        return _DAY_TYPES[self._types[self._index(day)]]

    def festivals(self, day: date) -> tuple[Festival, ...]:
        """The festival(s) whose break or make-up workday *day* belongs to.

        Examples:
            >>> default_calendar().festivals(date(2025, 10, 6))
            (<Festival.NATIONAL_DAY: 'national_day'>, <Festival.MID_AUTUMN: 'mid_autumn'>)
            >>> default_calendar().festivals(date(2025, 10, 13))
            ()
        """
        return self._names.get(self._index(day), ())

    def holiday_name(self, day: date, locale: str = "zh_CN") -> str | None:
        """The name of the holiday *day* belongs to, or ``None`` for an ordinary day.

        Make-up workdays carry the festival they serve; estimated days say so.

        Examples:
            >>> cal = default_calendar()
            >>> cal.holiday_name(date(2025, 10, 8))
            '国庆节、中秋节'
            >>> cal.holiday_name(date(2026, 1, 4), locale="en")
            "New Year's Day (make-up workday)"
            >>> cal.holiday_name(date(2026, 3, 2)) is None
            True
        """
        checked = check_locale(locale)
        index = self._index(day)
        festivals = self._names.get(index)
        if not festivals:
            return None
        joiner = "、" if checked == "zh_CN" else " and "
        name = joiner.join(label_of(f, checked) for f in festivals)
        if self._types[index] == _MAKEUP:
            name += _SUFFIXES["makeup", checked]
        if index >= self._estimated_from:
            name += _SUFFIXES["estimated", checked]
        return name

    def is_estimated(self, day: date) -> bool:
        """Whether the answer for *day* is an estimate (no notice for its year).

        Examples:
            >>> default_calendar(estimate=True).is_estimated(date(2027, 2, 8))
            True
            >>> default_calendar(estimate=True).is_estimated(date(2026, 2, 8))
            False
        """
        return self._index(day) >= self._estimated_from

    # -------------------------------------------------------------- arithmetic

    def next_workday(self, day: date) -> date:
        """*day* itself if it is a workday, else the first workday after it.

        Examples:
            >>> default_calendar().next_workday(date(2025, 10, 1))
            datetime.date(2025, 10, 9)
        """
        return self._at(self._cum[self._index(day)], day)

    def previous_workday(self, day: date) -> date:
        """*day* itself if it is a workday, else the last workday before it.

        Examples:
            >>> default_calendar().previous_workday(date(2025, 10, 8))
            datetime.date(2025, 9, 30)
        """
        return self._at(self._cum[self._index(day) + 1] - 1, day)

    def add_workdays(self, day: date, n: int) -> date:
        """The *n*-th workday after *day* (``n >= 1``) or before it (``n <= -1``).

        ``n == 0`` gives :meth:`next_workday`. *day* itself is never counted.

        Examples:
            >>> cal = default_calendar()
            >>> cal.add_workdays(date(2025, 9, 30), 1)    # over the 国庆 break
            datetime.date(2025, 10, 9)
            >>> cal.add_workdays(date(2025, 10, 9), -1)
            datetime.date(2025, 9, 30)
            >>> cal.add_workdays(date(2026, 1, 3), 1)     # the Sunday worked
            datetime.date(2026, 1, 4)
        """
        index = self._index(day)
        count = _check_int("n", n)
        if count >= 1:
            return self._at(self._cum[index + 1] + count - 1, day)
        if count <= -1:
            return self._at(self._cum[index] + count, day)
        return self._at(self._cum[index], day)

    def workdays_between(self, start: date, end: date) -> int:
        """The workdays after *start* up to and including *end*.

        Negative when *end* is before *start* (the count of the reverse span).

        Examples:
            >>> cal = default_calendar()
            >>> cal.workdays_between(date(2025, 9, 30), date(2025, 10, 9))
            1
            >>> cal.workdays_between(date(2026, 1, 1), date(2026, 1, 31))
            21
        """
        i = self._index(start, "start")
        j = self._index(end, "end")
        return self._cum[j + 1] - self._cum[i + 1]

    def workdays(self, start: date, end: date) -> Iterator[date]:
        """Iterate the workdays after *start* up to and including *end*.

        These are exactly the days :meth:`workdays_between` counts.

        Examples:
            >>> [d.day for d in default_calendar().workdays(date(2026, 1, 1), date(2026, 1, 7))]
            [4, 5, 6, 7]
        """
        i = self._index(start, "start")
        j = self._index(end, "end")
        base = self._base
        wd = self._wd
        for k in range(self._cum[i + 1], self._cum[j + 1]):
            yield date.fromordinal(base + wd[k])

    def _at(self, k: int, day: date) -> date:
        if 0 <= k < len(self._wd):
            return date.fromordinal(self._base + self._wd[k])
        side = "before" if k < 0 else "after"
        raise CalendarCoverageError(
            day,
            self._coverage.first,
            self._last_answered(),
            reason=f"the workday asked for lies {side} the covered days",
        )

    def _last_answered(self) -> date:
        return self._estimated_until or self._coverage.last

    # -------------------------------------------------------------- provenance

    @property
    def coverage(self) -> Coverage:
        """The dates answered from official notices (first and last day).

        Examples:
            >>> date(2026, 12, 31) in default_calendar().coverage
            True
        """
        return self._coverage

    @property
    def estimated_coverage(self) -> Coverage | None:
        """The dates answered by estimate, or ``None`` in strict mode."""
        if self._estimated_until is None:
            return None
        return Coverage(first=self._coverage.last + timedelta(days=1), last=self._estimated_until)

    @property
    def years(self) -> tuple[int, ...]:
        """The years arranged by official notices."""
        return tuple(a.year for a in self._arrangements)

    def sources(self, year: int) -> tuple[Notice, ...]:
        """The notices a covered *year* is built from, main notice first.

        Examples:
            >>> [n.number for n in default_calendar().sources(2020)]
            ['国办发明电〔2019〕16号', '国办发明电〔2020〕1号']
        """
        if isinstance(year, int) and not isinstance(year, bool):
            for arrangement in self._arrangements:
                if arrangement.year == year:
                    return arrangement.notices
        years = self.years
        raise ValidationError("year", year, f"must be a covered year ({years[0]}..{years[-1]})")

    def arrangement(self, year: int) -> YearArrangement:
        """The arrangement in force for a covered *year* (changes applied).

        Examples:
            >>> len(default_calendar().arrangement(2026).holidays)
            7
        """
        self.sources(year)
        return next(a for a in self._arrangements if a.year == year)

    @property
    def metadata(self) -> CalendarMetadata:
        """Provenance of this calendar's answers.

        Examples:
            >>> meta = default_calendar().metadata
            >>> meta.years[0], meta.years[-1], len(meta.sha256)
            (2004, 2026, 64)
        """
        notices = tuple(n.key for a in self._arrangements for n in a.notices)
        import hashlib  # noqa: PLC0415 - OpenSSL's digests only when metadata is asked for

        digest = hashlib.sha256(repr(self._arrangements).encode("utf-8")).hexdigest()
        return CalendarMetadata(
            years=self.years,
            notices=notices,
            as_known_at=self._as_known_at,
            estimated_until=self._estimated_until,
            makeup_workdays=self._makeup,
            sha256=digest,
        )


def _check_options(as_known_at: object, *, estimate: object, makeup: object) -> None:
    """The options every builder takes, checked once."""
    if as_known_at is not None and (
        not isinstance(as_known_at, date) or isinstance(as_known_at, datetime)
    ):
        raise _bad_date("as_known_at", as_known_at)
    for name, flag in (("estimate", estimate), ("makeup_workdays", makeup)):
        if not isinstance(flag, bool):
            raise ValidationError(name, flag, "must be a bool")


def _arrangement_list(arrangements: object) -> list[YearArrangement]:
    try:
        items: list[object] = list(arrangements)  # type: ignore[call-overload]
    except TypeError:
        raise ValidationError(
            "arrangements", arrangements, "must be an iterable of YearArrangement"
        ) from None
    checked: list[YearArrangement] = []
    for item in items:
        if not isinstance(item, YearArrangement):
            raise ValidationError("arrangements", item, "must hold YearArrangement objects")
        checked.append(item)
    return checked


def _rebuild(
    arrangements: tuple[YearArrangement, ...],
    as_known_at: date | None,
    makeup: bool,  # noqa: FBT001 - positional for pickle
    estimate: bool,  # noqa: FBT001
) -> WorkCalendar:
    """Unpickle a :class:`WorkCalendar` (the bundled one comes from the cache)."""
    if arrangements == _bundled_resolved(as_known_at):
        return default_calendar(as_known_at=as_known_at, estimate=estimate, makeup_workdays=makeup)
    return WorkCalendar.from_arrangements(
        arrangements, as_known_at=as_known_at, makeup_workdays=makeup, estimate=estimate
    )


@functools.lru_cache(maxsize=32)
def _bundled_resolved(as_known_at: date | None) -> tuple[YearArrangement, ...]:
    """The bundled arrangements as a calendar built ``as_known_at`` holds them."""
    known = [a for a in bundled_years() if a.notice_known(a.main_notice(), as_known_at)]
    return tuple(_resolve(a, as_known_at) for a in known)


def _check_complete(arrangement: YearArrangement) -> None:
    """Reject a year that does not give a break for each of its statutory days.

    Only a complete year can count as official: an empty or partial file (such
    as holiday-cn's placeholder before a notice) would otherwise turn the
    holidays it omits into ordinary workdays.
    """
    spans = arrangement.holidays
    missing = [
        f"{'、'.join(label_of(f, 'zh_CN') for f in festivals)} {day.isoformat()}"
        for day, festivals in statutory_holidays(arrangement.year).items()
        if not any(span.first <= day <= span.last for span in spans)
    ]
    if missing:
        raise ValidationError(
            f"arrangements[{arrangement.year}]",
            missing,
            "must give a break for every statutory holiday of the year "
            "(an incomplete year cannot count as official; use estimate=True instead)",
        )


def _resolve(arrangement: YearArrangement, as_known_at: date | None) -> YearArrangement:
    notices = tuple(n for n in arrangement.notices if arrangement.notice_known(n, as_known_at))
    return attrs.evolve(
        arrangement, notices=notices, holidays=arrangement.spans_known_at(as_known_at)
    )


def _build(
    cal: WorkCalendar,
    arrangements: Sequence[YearArrangement],
    *,
    as_known_at: date | None,
    makeup: bool,
    estimate: bool,
) -> None:
    first = date(arrangements[0].year, 1, 1)
    last = date(arrangements[-1].year, 12, 31)
    table_end = festival_years().stop - 1
    estimated_until = date(table_end, 12, 31) if estimate and last.year < table_end else None
    end = estimated_until or last
    types, names = _day_types(first, end, arrangements, makeup=makeup)
    work = tuple(code <= _MAKEUP for code in types)
    cum = [0] * (len(work) + 1)
    wd: list[int] = []
    for i, is_work in enumerate(work):
        if is_work:
            wd.append(i)
        cum[i + 1] = len(wd)
    values = {
        "_arrangements": tuple(arrangements),
        "_as_known_at": as_known_at,
        "_base": first.toordinal(),
        "_coverage": Coverage(first=first, last=last),
        "_cum": cum,
        "_estimated_from": last.toordinal() - first.toordinal() + 1,
        "_estimated_until": estimated_until,
        "_makeup": makeup,
        "_n": len(work),
        "_names": names,
        "_types": bytes(types),
        "_wd": wd,
        "_work": work,
    }
    for name, value in values.items():
        object.__setattr__(cal, name, value)


def _span_codes(span: HolidaySpan, *, makeup: bool) -> Iterator[tuple[date, int | None]]:
    """The day codes a notice's break sets (``None``: keep the weekend, add the name)."""
    for day in span.rest_days():
        yield day, (_ADJUSTED if day.weekday() < _SATURDAY else None)
    for day in span.declared:
        yield day, _STATUTORY
    for day in span.makeup_workdays if makeup else ():
        yield day, _MAKEUP


def _day_types(
    first: date, end: date, arrangements: Sequence[YearArrangement], *, makeup: bool
) -> tuple[bytearray, dict[int, tuple[Festival, ...]]]:
    """The DayType code and festival names of every day from *first* to *end*.

    Notices first (breaks, declared days, make-up workdays), then the law's
    statutory days of every year; years after the last notice get only the
    statutory days (the estimate).
    """
    base = first.toordinal()
    n = end.toordinal() - base + 1
    types = bytearray(
        _WEEKEND if (first + timedelta(days=i)).weekday() >= _SATURDAY else _WORKDAY
        for i in range(n)
    )
    names: dict[int, tuple[Festival, ...]] = {}

    def mark(day: date, code: int | None, festivals: tuple[Festival, ...]) -> None:
        i = day.toordinal() - base
        if 0 <= i < n:
            if code is not None:
                types[i] = code
            names.setdefault(i, festivals)

    for span in (span for arrangement in arrangements for span in arrangement.holidays):
        for day, code in _span_codes(span, makeup=makeup):
            mark(day, code, span.festivals)
    for year in range(first.year, end.year + 1):
        statutory = statutory_holidays(year)
        for day, festivals in statutory.items():
            mark(day, _STATUTORY, festivals)
        if year > arrangements[-1].year:
            for day, festivals in _make_up_days(statutory):
                mark(day, _ADJUSTED, festivals)
    return types, names


def _make_up_days(
    statutory: dict[date, tuple[Festival, ...]],
) -> Iterator[tuple[date, tuple[Festival, ...]]]:
    """补假 of 《全国年节及纪念日放假办法》第六条, for a year without a notice.

    "全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假": each
    statutory day on a Saturday or Sunday gives one day off on the first
    working day after it that is neither a weekend, a statutory day nor
    already given as 补假.
    """
    taken: set[date] = set()
    for day, festivals in sorted(statutory.items()):
        if day.weekday() < _SATURDAY:
            continue
        candidate = day + timedelta(days=1)
        while candidate.weekday() >= _SATURDAY or candidate in statutory or candidate in taken:
            candidate += timedelta(days=1)
        taken.add(candidate)
        yield candidate, festivals


def default_calendar(
    *,
    as_known_at: date | None = None,
    estimate: bool = False,
    makeup_workdays: bool = True,
) -> WorkCalendar:
    """The calendar of the bundled notices (2004 to the newest), built once per options.

    Args:
        as_known_at: answer with only the notices published by that date.
        estimate: answer years after the newest notice (to 2050) by estimate.
        makeup_workdays: ``False`` keeps 调休 weekends as rest days.

    Examples:
        >>> default_calendar().coverage.last
        datetime.date(2026, 12, 31)
        >>> default_calendar(as_known_at=date(2019, 3, 1)).is_workday(date(2019, 5, 2))
        True
        >>> default_calendar().is_workday(date(2019, 5, 2))
        False
    """
    _check_options(as_known_at, estimate=estimate, makeup=makeup_workdays)
    return _default_calendar(as_known_at, estimate, makeup_workdays)


@functools.lru_cache(maxsize=32)
def _default_calendar(
    as_known_at: date | None,
    estimate: bool,  # noqa: FBT001 - positional for the cache key
    makeup: bool,  # noqa: FBT001
) -> WorkCalendar:
    return WorkCalendar.from_arrangements(
        bundled_years(), as_known_at=as_known_at, estimate=estimate, makeup_workdays=makeup
    )
