"""The case layout: cases, JSON lines, split and join, the partition entry point, Arrow and Spark schemas."""

from __future__ import annotations

import functools
import json
import logging
import pickle
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from pyspark.sql import types as t

from safetyduty import cases, catalog
from safetyduty.calendars import default_calendar
from safetyduty.errors import ValidationError
from safetyduty.models import (
    Authority,
    Case,
    Enterprise,
    Industry,
    Portfolio,
    Record,
    RecordKind,
    Subject,
)
from safetyduty.rules.compliance import ROW_FIELDS, rows_of
from safetyduty.testing import strategies

AS_OF = date(2026, 11, 23)
SINCE = date(2026, 1, 1)
FIRM = Enterprise(
    uscc="914403001922038216", name="示例", industry=Industry.OTHER, region="440300", employees=10
)
OTHER = "91440300708461136T"


@cache
def sample_lines() -> tuple[str, ...]:
    return tuple(cases.dump_case(c) for c in cases.split(catalog.sample_portfolio()))


def plain_rows(
    portfolio: Portfolio, *, as_of: date = AS_OF, since: date | None = SINCE
) -> list[dict[str, Any]]:
    """The single-process result: evaluate_many over the whole portfolio."""
    return rows_of(
        catalog.evaluate_many(
            portfolio.enterprises, portfolio.records, as_of=as_of, since=since,
            hazards=portfolio.hazards, accidents=portfolio.accidents, people=portfolio.people,
        )
    )  # fmt: skip


def drill(ident: str, enterprise: str = FIRM.uscc) -> Record:
    return Record(id=ident, kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1), enterprise=enterprise)


class TestCase:
    """A case is checked as a portfolio is, with paths of its own."""

    def test_a_fact_of_another_enterprise_is_named(self) -> None:
        with pytest.raises(ValidationError) as caught:
            Case(enterprise=FIRM, records=[drill("r1"), drill("r2", OTHER)])
        assert ("records[1].enterprise", OTHER) == (caught.value.field, caught.value.value)

    def test_a_person_without_employer_is_refused(self) -> None:
        person = next(iter(catalog.sample_portfolio().people))
        with pytest.raises(ValidationError, match=r"people\[0\]\.enterprise"):
            Case(enterprise=FIRM, people=[attrs.evolve(person, enterprise=None)])

    def test_repeated_ids_are_refused(self) -> None:
        with pytest.raises(
            ValidationError, match=r"records\[1\]\.id: must not repeat records\[0\]\.id"
        ):
            Case(
                enterprise=FIRM,
                records=[drill("r1"), attrs.evolve(drill("r1"), on=date(2026, 6, 2))],
            )

    def test_bounds_name_the_enterprise_path(self) -> None:
        big = attrs.evolve(FIRM, employees=Portfolio.MAX_EMPLOYEES + 1)
        with pytest.raises(ValidationError) as caught:
            Case(enterprise=big)
        assert "enterprise.employees" == caught.value.field
        with pytest.raises(ValidationError, match=r"records\[0\]\.on"):
            Case(enterprise=FIRM, records=[attrs.evolve(drill("r1"), on=date(2100, 1, 1))])

    def test_not_an_enterprise(self) -> None:
        with pytest.raises(ValidationError, match="enterprise"):
            Case(enterprise="914403001922038216")  # type: ignore[arg-type]


class TestLines:
    """Reading lines: each validated, errors with the line number."""

    def test_dump_and_read_give_an_equal_case(self) -> None:
        case = next(cases.split(catalog.sample_portfolio()))
        line = cases.dump_case(case)
        assert "\n" not in line
        assert [case] == list(cases.read_cases([line]))
        assert [case] == list(cases.read_cases([line.encode("utf-8") + b"\n"]))
        assert [case] == list(cases.read_cases([json.loads(line)]))
        assert [case] == list(cases.read_cases([case]))

    @pytest.mark.parametrize(
        ("line", "message"),
        [
            ("{not json", "line 3: must be JSON"),
            ("[1, 2]", "line 3: must be a JSON object with an enterprise"),
            ('{"records": []}', "line 3: must be a valid case"),
            ('{"enterprise": {}, "extra": 1}', "line 3: must be a valid case"),
            (b"\xff\xfe", "line 3: must be UTF-8"),
            (42, "line 3: must be a JSON line"),
            ("[" * 100_000, "line 3: must"),
        ],
    )
    def test_a_bad_line_is_named_by_its_number(self, line: object, message: str) -> None:
        good = sample_lines()[0]
        with pytest.raises(ValidationError) as caught:
            list(cases.read_cases([good, "   ", line, good]))  # type: ignore[list-item]
        assert str(caught.value).startswith(message)
        assert caught.value.field.startswith("line 3")

    def test_a_model_error_keeps_its_path(self) -> None:
        data = json.loads(sample_lines()[0])
        data["records"][1]["enterprise"] = OTHER
        with pytest.raises(ValidationError) as caught:
            list(cases.read_cases([sample_lines()[1], json.dumps(data)]))
        assert "line 2: records[1].enterprise" == caught.value.field
        assert OTHER == caught.value.value

    @pytest.mark.parametrize("encode", [False, True])
    def test_integers_beyond_64_bits_read_exactly(self, encode: bool) -> None:
        """A case line read by orjson (when installed) is judged on the integer as written."""
        data = json.loads(cases.dump_case(Case(enterprise=FIRM)))
        data["enterprise"]["employees"] = 10**25
        line = json.dumps(data, ensure_ascii=False)
        with pytest.raises(ValidationError, match=r"employees: must be at most .*\(got 1(0{25})\)"):
            next(cases.read_cases([line.encode() if encode else line]))

    def test_a_byte_order_mark_on_the_first_line_is_dropped(self) -> None:
        assert 1 == len(list(cases.read_cases(["\ufeff" + sample_lines()[0]])))

    @pytest.mark.parametrize("bad", ["a line", b"bytes", {"enterprise": {}}, None, 3])
    def test_not_an_iterable_of_lines(self, bad: object) -> None:
        with pytest.raises(ValidationError, match="lines"):
            cases.read_cases(bad)  # type: ignore[arg-type]


class TestSplitJoin:
    """Portfolio to cases and back."""

    def test_the_sample_round_trips(self) -> None:
        sample = catalog.sample_portfolio()
        again = cases.join(cases.read_cases(sample_lines()))
        assert sample.enterprises == again.enterprises
        for name in ("records", "hazards", "accidents", "people"):
            assert {x.id: x for x in getattr(sample, name)} == {
                x.id: x for x in getattr(again, name)
            }
        assert again == cases.join(cases.split(again))  # grouped order is a fixed point

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(strategies.portfolios(max_enterprises=3, as_of=date(2026, 6, 30), max_authorities=0))
    def test_generated_portfolios_judge_the_same_case_by_case(self, portfolio: Portfolio) -> None:
        """Rows of evaluate_cases over the lines equal the plain evaluate_many rows, in order."""
        lines = [cases.dump_case(c) for c in cases.split(portfolio)]
        again = cases.join(cases.read_cases(lines))
        assert portfolio.enterprises == again.enterprises
        assert set(portfolio.records) == set(again.records)
        assert set(portfolio.people) == set(again.people)
        rows = list(cases.evaluate_cases(lines, as_of=date(2026, 6, 30), since=None))
        assert plain_rows(portfolio, as_of=date(2026, 6, 30), since=None) == rows

    def test_split_warns_of_what_it_leaves_out(self, caplog: pytest.LogCaptureFixture) -> None:
        body = Authority(
            uscc="114415000070431508", name="海丰县应急管理局",
            subject=Subject.REGULATOR_COUNTY, region="441521",
        )  # fmt: skip
        portfolio = Portfolio(
            enterprises=[FIRM], authorities=[body],
            records=[drill("r1"), drill("r2", body.uscc), drill("r3", OTHER)],
        )  # fmt: skip
        with caplog.at_level(logging.WARNING, logger="safetyduty"):
            found = list(cases.split(portfolio))
        assert [("r1",)] == [tuple(r.id for r in c.records) for c in found]
        assert "1 authorities, 1 records of authorities and 1 facts" in caplog.text

    def test_join_refuses_an_id_shared_across_cases(self) -> None:
        twin = attrs.evolve(FIRM, uscc=OTHER)
        with pytest.raises(ValidationError, match=r"records\[1\]\.id"):
            cases.join([Case(enterprise=FIRM, records=[drill("r1")]),
                        Case(enterprise=twin, records=[drill("r1", OTHER)])])  # fmt: skip

    @pytest.mark.parametrize("bad", ["cases", None, [FIRM]])
    def test_join_names_bad_input(self, bad: object) -> None:
        with pytest.raises(ValidationError, match="cases"):
            cases.join(bad)  # type: ignore[arg-type]

    def test_split_takes_a_portfolio(self) -> None:
        with pytest.raises(ValidationError, match="portfolio"):
            cases.split([FIRM])  # type: ignore[arg-type]


def _evaluate_partition(lines: list[str]) -> list[dict[str, Any]]:
    judge = functools.partial(
        cases.evaluate_cases, as_of=AS_OF, since=SINCE, calendar=default_calendar(as_known_at=AS_OF)
    )
    return list(pickle.loads(pickle.dumps(judge))(lines))  # noqa: S301 - our own bytes


class TestEvaluateCases:
    """The partition entry point."""

    def test_partitions_on_other_processes_give_the_plain_rows(self) -> None:
        """Any cut into partitions, judged in worker processes, gives the plain rows in order."""
        lines = list(sample_lines())
        parts = [lines[:3], lines[3:4], [], lines[4:13], lines[13:]]
        with ProcessPoolExecutor(max_workers=2) as pool:
            rows = [row for part in pool.map(_evaluate_partition, parts) for row in part]
        assert plain_rows(catalog.sample_portfolio()) == rows

    def test_the_python_values_have_the_column_types(self) -> None:
        rows = list(cases.evaluate_cases(sample_lines()[:3], as_of=AS_OF, values="python"))
        kinds = {
            "string": str, "int": int, "bool": bool, "date": date, "timestamp": datetime, "decimal": Decimal,
        }  # fmt: skip
        for row in rows:
            for column in ROW_FIELDS:
                value = row[column.name]
                assert (value is None and column.nullable) or type(value) is kinds[column.type]
        assert any(row["hours_done"] is not None for row in rows)

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"as_of": "2026-11-23"}, "as_of"),
            ({"as_of": datetime(2026, 11, 23, tzinfo=timezone.utc)}, "as_of"),
            ({"as_of": AS_OF, "since": "2026-01-01"}, "since"),
            ({"as_of": AS_OF, "values": "pandas"}, "values"),
        ],
    )
    def test_bad_arguments_fail_at_once(self, kwargs: dict[str, Any], field: str) -> None:
        with pytest.raises(ValidationError) as caught:
            cases.evaluate_cases(sample_lines(), **kwargs)
        assert field == caught.value.field

    def test_a_bad_line_fails_when_reached_naming_it(self) -> None:
        rows = cases.evaluate_cases([sample_lines()[0], "{}"], as_of=AS_OF)
        first = next(rows)
        assert sample_lines()[0].startswith(f'{{"enterprise":{{"uscc":"{first["enterprise"]}"')
        with pytest.raises(ValidationError, match=r"^line 2"):
            list(rows)

    def test_not_lines(self) -> None:
        with pytest.raises(ValidationError, match="cases"):
            cases.evaluate_cases("lines", as_of=AS_OF)  # type: ignore[arg-type]


class TestSchemas:
    """Arrow and Spark schemas are ROW_FIELDS, and Arrow tables hold the rows' values."""

    def test_arrow_schema_follows_row_fields(self) -> None:
        schema = cases.arrow_schema()
        expected = {
            "string": pa.string(), "int": pa.int64(), "bool": pa.bool_(), "date": pa.date32(),
            "timestamp": pa.timestamp("us", tz="Asia/Shanghai"), "decimal": pa.decimal128(38, 18),
        }  # fmt: skip
        assert [(f.name, expected[f.type], f.nullable) for f in ROW_FIELDS] == [
            (f.name, f.type, f.nullable) for f in schema
        ]

    def test_spark_schema_follows_row_fields(self) -> None:
        expected = {
            "string": t.StringType(), "int": t.LongType(), "bool": t.BooleanType(), "date": t.DateType(),
            "timestamp": t.TimestampType(), "decimal": t.DecimalType(38, 18),
        }  # fmt: skip
        assert [(f.name, expected[f.type], f.nullable) for f in ROW_FIELDS] == [
            (f.name, f.dataType, f.nullable) for f in cases.spark_schema().fields
        ]

    def test_an_arrow_table_holds_the_values_of_the_rows(self) -> None:
        """JSON rows and python rows give one table, whose values read back as the row's (parsed apart)."""
        json_rows = list(cases.evaluate_cases(sample_lines()[:4], as_of=AS_OF))
        table = cases.to_arrow(json_rows)
        assert table.equals(
            cases.to_arrow(cases.evaluate_cases(sample_lines()[:4], as_of=AS_OF, values="python"))
        )
        assert cases.arrow_schema() == table.schema
        for row, back in zip(json_rows, table.to_pylist(), strict=True):
            assert canonical(row) == canonical(back)

    def test_hour_limits_keep_their_moment(self) -> None:
        moment = "2026-06-03T15:20:00+08:00"
        row = dict.fromkeys((f.name for f in ROW_FIELDS), None) | {"due_at": moment}
        back = cases.to_arrow([row]).column("due_at")[0].as_py()
        assert datetime.fromisoformat(moment) == back
        assert timedelta(hours=8) == back.utcoffset()

    def test_too_many_decimal_places_are_named(self) -> None:
        row = dict.fromkeys((f.name for f in ROW_FIELDS), None) | {"hours_done": "0." + "1" * 19}
        with pytest.raises(ValidationError) as caught:
            cases.to_arrow([row])
        assert "rows[0].hours_done" == caught.value.field

    def test_a_missing_column_is_named(self) -> None:
        with pytest.raises(ValidationError, match="must have the column enterprise"):
            cases.to_arrow([{}])


def canonical(row: dict[str, Any]) -> tuple[object, ...]:
    """A row's values parsed by an independent reading: dates, instants and numbers compare as values."""
    values: list[object] = []
    for column in ROW_FIELDS:
        value = row[column.name]
        if isinstance(value, str) and column.type == "date":
            value = date.fromisoformat(value)
        elif isinstance(value, str) and column.type == "timestamp":
            value = datetime.fromisoformat(value)
        elif isinstance(value, datetime):
            value = value.astimezone(timezone.utc)
        if column.type == "timestamp" and isinstance(value, datetime):
            value = value.astimezone(timezone.utc)
        if column.type == "decimal" and value is not None:
            value = Decimal(value).normalize()
        values.append(value)
    return tuple(values)


class TestSampleLines:
    """The generated province."""

    def test_partitions_made_apart_equal_the_whole(self) -> None:
        whole = list(cases.sample_lines(45))
        assert whole == [*cases.sample_lines(20), *cases.sample_lines(25, first=20)]

    def test_it_joins_into_one_valid_portfolio(self) -> None:
        portfolio = cases.join(cases.read_cases(cases.sample_lines(45)))
        assert 45 == len({e.uscc for e in portfolio.enterprises})
        assert 45 * len(catalog.sample_portfolio().records) // 20 <= len(portfolio.records) + 45

    @pytest.mark.parametrize(("size", "first"), [(-1, 0), (1, -1), (True, 0), (1.5, 0)])
    def test_bad_sizes(self, size: object, first: object) -> None:
        with pytest.raises(ValidationError):
            cases.sample_lines(size, first=first)  # type: ignore[arg-type]
