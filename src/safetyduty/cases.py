"""The case layout: a large portfolio as JSON Lines, one enterprise a line, judged case by case.

A *case* (:class:`~safetyduty.models.Case`) is one enterprise with its
records, hazards, accidents and people: everything its evaluation needs. A
file of cases, one JSON object a line, can be cut anywhere between lines
into partitions, and each partition judged on its own, in any order, on any
machine, in memory that does not grow with the number of enterprises:

- :func:`split` and :func:`join` turn a :class:`~safetyduty.models.Portfolio`
  into cases and back; :func:`dump_case` writes one line, :func:`read_cases`
  reads lines (naming the line number of a bad one);
- :func:`evaluate_cases` is the partition entry point: lines (or dicts, or
  cases) in, flat rows (:data:`~safetyduty.rules.compliance.ROW_FIELDS`) out;
  a module-level function that pickles with its arguments, so Spark's
  ``mapPartitions``, a Dask bag's ``map_partitions`` or a process pool takes
  it as it is;
- :func:`arrow_schema`, :func:`to_arrow` (with ``pyarrow``) and
  :func:`spark_schema` (with ``pyspark``) give the row schema to the engines,
  built from ``ROW_FIELDS``;
- :func:`sample_lines` generates a province of any size from the sample.

The docs page "Running on a cluster" shows the one call per engine.

Examples:
    >>> from datetime import date
    >>> from safetyduty import _json, catalog
    >>> lines = [dump_case(case) for case in split(catalog.sample_portfolio())]
    >>> len(lines), lines[0][:40]
    (20, '{"enterprise":{"uscc":"91441500MA0000000')
    >>> rows = list(evaluate_cases(lines[:2], as_of=date(2026, 11, 23)))
    >>> rows[0]["enterprise"], rows[0]["obligation"], rows[0]["status"]
    ('91441500MA00000008', 'emergency_plan.drill.yearly', 'met')
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal, cast

from safetyduty import _json, catalog
from safetyduty._convert import converter, from_dict, object_reader, to_dict
from safetyduty._log import logger
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models import (
    Accident,
    Case,
    Enterprise,
    Hazard,
    Obligation,
    Person,
    Plan,
    Portfolio,
    Record,
    uscc_check_char,
)
from safetyduty.rules.compliance import ROW_FIELDS, Daily, FlatRow
from safetyduty.typing import HolidayCalendar

if TYPE_CHECKING:  # optional dependencies: only for the annotations
    import pyarrow as pa
    import pyspark.sql.types

__all__ = [
    "DECIMAL_PLACES",
    "arrow_schema",
    "dump_case",
    "evaluate_cases",
    "join",
    "read_cases",
    "sample_lines",
    "spark_schema",
    "split",
    "to_arrow",
]

DECIMAL_PLACES: Final = 18
"""The decimal places of a ``decimal`` column in Arrow and Spark: ``decimal(38, 18)``."""

Values = Literal["json", "python"]

_ZONE: Final = "Asia/Shanghai"
_BOM: Final = "\ufeff"


# ------------------------------------------------------------------ cases


def dump_case(case: Case) -> str:
    """*case* as one line of JSON (compact, UTF-8 text, no newline at the end).

    Each model is in its :mod:`safetyduty.serde` shape; :func:`read_cases`
    reads it back to an equal case.

    Examples:
        >>> from safetyduty.models import Enterprise, Industry
        >>> firm = Enterprise(uscc="914403001922038216", name="示例", industry=Industry.OTHER,
        ...                   region="440300", employees=10)
        >>> line = dump_case(Case(enterprise=firm))
        >>> line[:60]
        '{"enterprise":{"uscc":"914403001922038216","name":"示例","indu'
        >>> next(read_cases([line])) == Case(enterprise=firm)
        True
    """
    if not isinstance(case, Case):
        raise ValidationError("case", case, "must be a Case")
    return _json.dumps(to_dict(case))


def read_cases(lines: Iterable[str | bytes | Mapping[str, Any] | Case]) -> Iterator[Case]:
    """The cases of JSON lines (text or UTF-8 bytes), of dicts in that shape, or of cases.

    Blank lines are skipped (and counted); a byte order mark on the first
    line is dropped; a line may end with its newline. Lines are read one at
    a time, so a file of any size can be passed as it is.

    Raises:
        ValidationError: for a bad line, its field named ``line N`` (1-based,
            counted within *lines*) followed by the path of the bad field.

    Examples:
        >>> line = '{"enterprise": {"uscc": "914403001922038216", "name": "示例", "industry": "other", "region": "440300", "employees": 10}}'
        >>> [c.enterprise.name for c in read_cases(["", line + "\\n"])]
        ['示例']
        >>> list(read_cases([line, line.replace('"employees": 10', '"employees": -1')]))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: line 2: must be a valid case (got '$.enterprise: employees: must be an int >= 0 (got -1)')
    """
    if isinstance(lines, (str, bytes, Mapping)) or not isinstance(lines, Iterable):
        raise ValidationError("lines", lines, "must be an iterable of JSON lines, dicts or cases")
    return _read(lines)


def _read(lines: Iterable[object]) -> Iterator[Case]:
    for number, line in enumerate(lines, start=1):
        if isinstance(line, Case):
            yield line
            continue
        one_pass = object_reader(Case)  # msgspec, when installed; what it refuses is read below
        if one_pass is not None and type(line) in (str, bytes):
            try:
                read = one_pass(line)  # type: ignore[arg-type]
            except Exception:  # noqa: BLE001, S110 - the usual reading decides, and says why
                pass
            else:
                yield cast("Case", read)
                continue
        data = _parse(number, line, _json.loads)
        if data is None:
            continue
        try:
            case = from_dict(data, Case)
        except SafetyDutyError as exc:
            if not _json.FAST or isinstance(line, (Mapping, Case)):
                raise _at_line(number, data, exc) from None
            data = _parse(number, line, _json.exact_loads)  # exact integers, as the standard module
            try:
                case = from_dict(data, Case)
            except SafetyDutyError as exact:
                raise _at_line(number, data, exact) from None
        yield case


def _at_line(number: int, data: object, exc: SafetyDutyError) -> ValidationError:
    """*exc* with the line number; a case's own check keeps its path (``records[2].enterprise``)."""
    problems = getattr(exc, "value", None)
    own_check = isinstance(problems, str) and problems.startswith("$: ") and "; $" not in problems
    if isinstance(exc, ValidationError) and exc.field == Case.__name__ and own_check:
        try:  # the fast pass raises a model's own error as it is, not wrapped by path
            converter.structure(data, Case)
        except ValidationError as own:
            exc = own
        except Exception:  # noqa: BLE001, S110 - cattrs' report below says it all
            pass
    if not isinstance(exc, ValidationError):
        return ValidationError(f"line {number}", str(exc), "must be a valid case")
    if exc.field == Case.__name__:  # cattrs' report: every bad field by path
        return ValidationError(f"line {number}", exc.value, "must be a valid case")
    return ValidationError(f"line {number}: {exc.field}", exc.value, exc.expected)


def _parse(number: int, line: object, read: Callable[[str], object]) -> object:
    """The JSON value of a line read by *read*; ``None`` for a blank line."""
    where = f"line {number}"
    if isinstance(line, Mapping):
        return line
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(where, line[:80], f"must be UTF-8 ({exc.reason})") from None
    if not isinstance(line, str):
        raise ValidationError(where, line, "must be a JSON line (str or bytes), a dict or a Case")
    if number == 1:
        line = line.removeprefix(_BOM)
    if not line.strip():
        return None
    try:
        data = read(line)
    except RecursionError:
        raise ValidationError(where, line[:80], "must not be nested so deeply") from None
    except ValueError as exc:
        raise ValidationError(where, line[:80], f"must be JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ValidationError(where, data, "must be a JSON object with an enterprise")
    return data


def split(portfolio: Portfolio) -> Iterator[Case]:
    """The cases of *portfolio*, one per enterprise, in its order; facts keep their order.

    What belongs to no enterprise of the portfolio — its authorities and the
    facts :meth:`~safetyduty.models.Portfolio.unmatched` lists — is in no
    case: the ``safetyduty`` logger warns how many were left out (the same
    facts that evaluating the portfolio leaves unjudged).

    Examples:
        >>> from safetyduty import _json, catalog
        >>> found = list(split(catalog.sample_portfolio()))
        >>> len(found), len(found[0].records), len(found[0].people)
        (20, 412, 4)
    """
    if not isinstance(portfolio, Portfolio):
        raise ValidationError("portfolio", portfolio, "must be a Portfolio")
    records: dict[str, list[Record]] = defaultdict(list)
    hazards: dict[str, list[Hazard]] = defaultdict(list)
    accidents: dict[str, list[Accident]] = defaultdict(list)
    people: dict[str, list[Person]] = defaultdict(list)
    for record in portfolio.records:
        records[record.enterprise].append(record)
    for hazard in portfolio.hazards:
        hazards[hazard.enterprise].append(hazard)
    for accident in portfolio.accidents:
        accidents[accident.enterprise].append(accident)
    for person in portfolio.people:
        people[person.enterprise or ""].append(person)
    left = portfolio.unmatched()
    if left or portfolio.authorities:
        logger("safetyduty.cases").warning(
            "split: %d authorities, %d records of authorities and %d facts of enterprises "
            "not in the portfolio are in no case",
            len(portfolio.authorities),
            sum(len(records[a.uscc]) for a in portfolio.authorities),
            left.total,
        )
    return _cases(portfolio, records, hazards, accidents, people)


def _cases(
    portfolio: Portfolio,
    records: dict[str, list[Record]],
    hazards: dict[str, list[Hazard]],
    accidents: dict[str, list[Accident]],
    people: dict[str, list[Person]],
) -> Iterator[Case]:
    for firm in portfolio.enterprises:
        code = firm.uscc
        yield Case(
            enterprise=firm,
            records=records.get(code, ()),
            hazards=hazards.get(code, ()),
            accidents=accidents.get(code, ()),
            people=people.get(code, ()),
        )


def join(cases: Iterable[Case]) -> Portfolio:
    """One portfolio of *cases*, in their order (the inverse of :func:`split`).

    Raises:
        ValidationError: when two cases have one enterprise, or two facts of
            one kind share an id across cases (a portfolio's ids are unique
            in the whole portfolio, a case's only within the case).

    Examples:
        >>> from safetyduty import _json, catalog
        >>> sample = catalog.sample_portfolio()
        >>> again = join(split(sample))
        >>> len(again.records) == len(sample.records), again.enterprises == sample.enterprises
        (True, True)
    """
    if isinstance(cases, (str, bytes)) or not isinstance(cases, Iterable):
        raise ValidationError("cases", cases, "must be an iterable of Case")
    firms: list[Enterprise] = []
    records: list[Record] = []
    hazards: list[Hazard] = []
    accidents: list[Accident] = []
    people: list[Person] = []
    for index, case in enumerate(cases):
        if not isinstance(case, Case):
            raise ValidationError(f"cases[{index}]", case, "must be a Case")
        firms.append(case.enterprise)
        records.extend(case.records)
        hazards.extend(case.hazards)
        accidents.extend(case.accidents)
        people.extend(case.people)
    return Portfolio(
        enterprises=firms, records=records, hazards=hazards, accidents=accidents, people=people
    )


# --------------------------------------------------------------- evaluation


def evaluate_cases(
    cases: Iterable[str | bytes | Mapping[str, Any] | Case],
    *,
    as_of: date,
    since: date | None = None,
    calendar: HolidayCalendar | None = None,
    plans: Iterable[Plan] | None = None,
    obligations: Iterable[Obligation] | None = None,
    daily: Daily = "month",
    values: Values = "json",
) -> Iterator[dict[str, Any]]:
    """The flat rows of each case's evaluation, case after case: the partition entry point.

    Each case is judged on its own by :func:`safetyduty.catalog.evaluate`
    (the national duties and the catalog's plans unless *plans* or
    *obligations* are given), so any cut of a file between lines gives the
    same rows, and memory holds one case at a time. The function and its
    arguments pickle (a calendar pickles as its data), and the catalog is
    read from the package on the machine that runs it: pass it to
    ``rdd.mapPartitions``, ``bag.map_partitions`` or a process pool as it is
    (with :func:`functools.partial` for the keywords).

    Args:
        cases: JSON lines (str or UTF-8 bytes), dicts of that shape, or
            :class:`~safetyduty.models.Case` objects, as :func:`read_cases`
            reads them.
        as_of: the date judged.
        since: the first day of the periods judged (default: a year before *as_of*).
        calendar: the working-day calendar; pin one
            (``default_calendar(as_known_at=…)``) so that every worker judges
            with the same holiday data.
        plans: the local plans (default: the catalog's).
        obligations: the national duties (default: the law's).
        daily: ``"month"`` or ``"day"``, as in :func:`~safetyduty.rules.compliance.evaluate`.
        values: ``"json"`` (default) gives the rows of
            :meth:`~safetyduty.rules.compliance.ComplianceRow.to_row` (dates
            and decimals as text); ``"python"`` gives ``date``, aware
            ``datetime`` and ``Decimal`` values, as Arrow and Spark take them.

    Raises:
        ValidationError: for a bad argument (at once) or a bad line (naming it,
            when the rows reach it).

    Examples:
        >>> from safetyduty import _json, catalog
        >>> line = dump_case(next(split(catalog.sample_portfolio())))
        >>> rows = list(evaluate_cases([line], as_of=date(2026, 11, 23), since=date(2026, 1, 1)))
        >>> len(rows), sorted({r["status"] for r in rows})
        (19, ['met', 'upcoming'])
        >>> typed = next(evaluate_cases([line], as_of=date(2026, 11, 23), values="python"))
        >>> type(typed["end"]).__name__, type(typed["required"]).__name__
        ('date', 'int')
    """
    if isinstance(cases, (str, bytes, Mapping)) or not isinstance(cases, Iterable):
        raise ValidationError("cases", cases, "must be an iterable of JSON lines, dicts or cases")
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        raise ValidationError("as_of", as_of, "must be a datetime.date")
    if since is not None and (not isinstance(since, date) or isinstance(since, datetime)):
        raise ValidationError("since", since, "must be a datetime.date or None")
    if values not in ("json", "python"):
        raise ValidationError("values", values, "must be 'json' or 'python'")
    chosen = catalog.plans() if plans is None else tuple(plans)
    duties = None if obligations is None else tuple(obligations)
    return _rows(
        cases,
        as_of=as_of,
        since=since,
        calendar=calendar,
        plans=chosen,
        obligations=duties,
        daily=daily,
        python=values == "python",
    )


def _rows(
    cases: Iterable[object],
    *,
    as_of: date,
    since: date | None,
    calendar: HolidayCalendar | None,
    plans: tuple[Plan, ...],
    obligations: tuple[Obligation, ...] | None,
    daily: Daily,
    python: bool,
) -> Iterator[dict[str, Any]]:
    for case in _read(cases):
        report = catalog.evaluate(
            case.enterprise,
            case.records,
            as_of=as_of,
            since=since,
            plans=plans,
            obligations=obligations,
            hazards=case.hazards,
            accidents=case.accidents,
            people=case.people,
            calendar=calendar,
            daily=daily,
        )
        for row in report.to_rows():
            yield _python(row) if python else row


_PARSE: Final[dict[str, Callable[[str], object]]] = {
    "date": date.fromisoformat,
    "timestamp": datetime.fromisoformat,
    "decimal": Decimal,
}
_TYPED_COLUMNS: Final[tuple[tuple[str, Callable[[str], object]], ...]] = tuple(
    (f.name, _PARSE[f.type]) for f in ROW_FIELDS if f.type in _PARSE
)


def _python(row: FlatRow) -> dict[str, Any]:
    """A flat row with its dates, timestamps and decimals as Python values."""
    typed: dict[str, Any] = dict(row)
    for name, parse in _TYPED_COLUMNS:
        value = typed[name]
        if value is not None:
            typed[name] = parse(value)
    return typed


# ------------------------------------------------------------------ schemas


def arrow_schema() -> pa.Schema:
    """The Arrow schema of the flat rows, built from ``ROW_FIELDS`` (needs ``pyarrow``).

    Types: ``string``, ``int64``, ``bool``, ``date32``, ``timestamp[us, tz=Asia/Shanghai]``
    and ``decimal128(38, 18)``; nullability as ``ROW_FIELDS`` says.

    Examples:
        >>> columns = arrow_schema()
        >>> str(columns.field("due").type), str(columns.field("due_at").type)
        ('date32[day]', 'timestamp[us, tz=Asia/Shanghai]')
        >>> columns.names == [f.name for f in ROW_FIELDS]
        True
    """
    import pyarrow as pa  # noqa: PLC0415 - an optional dependency

    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "timestamp": pa.timestamp("us", tz=_ZONE),
        "decimal": pa.decimal128(38, DECIMAL_PLACES),
    }
    return pa.schema(
        [
            pa.field(f.name, types[f.type], nullable=f.nullable, metadata={"doc": f.doc})
            for f in ROW_FIELDS
        ]
    )


def to_arrow(rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """An Arrow table of flat rows (as ``to_row()`` or :func:`evaluate_cases` give them, either ``values``).

    Raises:
        ValidationError: for a row that lacks a column, or a decimal with
            more than :data:`DECIMAL_PLACES` places, naming the column and value.

    Examples:
        >>> from safetyduty.rules.compliance._report import _example_report
        >>> table = to_arrow(_example_report().to_rows())
        >>> table.num_rows, table.column("due")[1].as_py()
        (3, datetime.date(2026, 2, 28))
    """
    import pyarrow as pa  # noqa: PLC0415 - an optional dependency

    columns: dict[str, list[Any]] = {f.name: [] for f in ROW_FIELDS}
    parsers = dict(_TYPED_COLUMNS)
    for index, row in enumerate(rows):
        for name, column in columns.items():
            try:
                value = row[name]
            except (KeyError, TypeError):
                raise ValidationError(
                    f"rows[{index}]", row, f"must have the column {name}"
                ) from None
            if isinstance(value, str) and name in parsers:
                value = parsers[name](value)
            if isinstance(value, Decimal) and _places(value) > DECIMAL_PLACES:
                raise ValidationError(
                    f"rows[{index}].{name}",
                    value,
                    f"must have at most {DECIMAL_PLACES} decimal places",
                )
            column.append(value)
    schema = arrow_schema()
    return pa.table(
        {name: pa.array(values, schema.field(name).type) for name, values in columns.items()},
        schema=schema,
    )


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def spark_schema() -> pyspark.sql.types.StructType:
    """The Spark ``StructType`` of the flat rows, built from ``ROW_FIELDS`` (needs ``pyspark``).

    Types: ``StringType``, ``LongType``, ``BooleanType``, ``DateType``,
    ``TimestampType`` and ``DecimalType(38, 18)``; give it the rows of
    :func:`evaluate_cases` with ``values="python"``.

    Examples:
        >>> columns = spark_schema()
        >>> columns["due"].dataType.simpleString(), columns["hours_done"].dataType.simpleString()
        ('date', 'decimal(38,18)')
        >>> columns.fieldNames() == [f.name for f in ROW_FIELDS]
        True
    """
    from pyspark.sql import types as t  # noqa: PLC0415 - an optional dependency

    kinds = {
        "string": t.StringType(),
        "int": t.LongType(),
        "bool": t.BooleanType(),
        "date": t.DateType(),
        "timestamp": t.TimestampType(),
        "decimal": t.DecimalType(38, DECIMAL_PLACES),
    }
    return t.StructType(
        [
            t.StructField(f.name, kinds[f.type], nullable=f.nullable, metadata={"doc": f.doc})
            for f in ROW_FIELDS
        ]
    )


# ------------------------------------------------------------------ samples

_REGIONS: Final = (
    "440103", "440106", "440303", "440305", "440402", "440604",
    "441302", "441502", "441521", "441523", "441581", "445102",
)  # fmt: skip
"""广东 districts and counties a generated province spreads its enterprises over."""
_CODE_CHARS: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def sample_lines(size: int, *, first: int = 0) -> Iterator[str]:
    """JSON lines of a generated province: *size* cases made from the sample's twenty.

    Case *n* copies sample enterprise ``n % 20`` with its records, hazards,
    accidents and people (about 400 facts), placed in one of twelve 广东
    districts, with a code of its own (the district in it) and ids
    prefixed ``n:``; so every case differs and a whole file joins into one
    valid portfolio. The same *size* and *first* give the same lines, so
    partitions can be generated apart (*first* is the number of the first).

    Examples:
        >>> lines = list(sample_lines(3, first=40))
        >>> [c.enterprise.region for c in read_cases(lines)]
        ['440402', '440604', '441302']
        >>> next(read_cases(lines)).records[0].id[:6]
        '40:000'
    """
    for name, value in (("size", size), ("first", first)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError(name, value, "must be an int >= 0")
    return _sample_lines(size, first)


def _sample_lines(size: int, first: int) -> Iterator[str]:
    templates = _templates()
    for number in range(first, first + size):
        old_code, old_region, template = templates[number % len(templates)]
        region = _REGIONS[number % len(_REGIONS)]
        serial, rest = "", number
        for _ in range(9):
            rest, digit = divmod(rest, len(_CODE_CHARS))
            serial = _CODE_CHARS[digit] + serial
        head = f"91{region}{serial}"
        line = (
            template.replace(old_code, head + uscc_check_char(head))
            .replace('"id":"', f'"id":"{number}:')
            .replace('"person":"', f'"person":"{number}:')
        )
        yield line.replace(f'"region":"{old_region}"', f'"region":"{region}"', 1)


@functools.cache
def _templates() -> tuple[tuple[str, str, str], ...]:
    """Each sample case's code, region and line."""
    return tuple(
        (case.enterprise.uscc, case.enterprise.region, dump_case(case))
        for case in split(catalog.sample_portfolio())
    )
