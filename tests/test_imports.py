"""What starting costs: the modules an entry point loads (issue 16), checked in fresh processes.

No time is measured here (benchmarks/bench_goals.py does that); what is held
is which modules load, since that is what start-up time follows.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

HEAVY = (
    "safetyduty.catalog",
    "safetyduty.law",
    "safetyduty.rules.compliance",
    "safetyduty.serde",
    "safetyduty._convert",
    "safetyduty._printing",
)


def loaded_after(code: str) -> set[str]:
    """The modules loaded in a fresh interpreter after running *code*."""
    script = f"{code}\nimport sys\nprint(sorted(sys.modules))"
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(ast.literal_eval(found.stdout.splitlines()[-1]))


class TestStartUp:
    """The calendar commands load the calendar; the rules load no converter."""

    @pytest.mark.parametrize(
        "argv",
        [
            ["workdays", "add", "2025-09-26", "20"],
            ["workdays", "count", "2025-09-30", "2025-10-09"],
            ["calendar", "2026"],
        ],
    )
    def test_calendar_commands_load_only_the_calendar(self, argv: list[str]) -> None:
        """No catalog, law, rules, serde or printing of evaluations behind a calendar command."""
        loaded = loaded_after(
            "import io, contextlib\n"
            "from safetyduty.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main({argv!r})"
        )
        assert "safetyduty.calendars" in loaded
        assert set() == loaded & set(HEAVY)

    def test_the_rules_load_no_converter(self) -> None:
        """Importing the compliance engine loads neither cattrs nor the catalog."""
        loaded = loaded_after("import safetyduty.rules.compliance")
        assert set() == loaded & {"cattrs", "safetyduty._convert", "safetyduty.catalog"}

    def test_the_converter_loads_with_the_data(self) -> None:
        """The law's data, read on first use, brings the converter then."""
        loaded = loaded_after("from safetyduty import law\nlaw.enterprise_duties()")
        assert {"cattrs", "safetyduty._convert"} <= loaded

    def test_the_rules_load_no_module_they_need_only_on_some_paths(self) -> None:
        """Logging, the TOML and JSON parsers and dateutil load when first used, not at import."""
        loaded = loaded_after("import safetyduty.rules.compliance")
        assert set() == loaded & {"logging", "tomllib", "tomli", "json", "dateutil", "calendar"}

    def test_the_rules_define_no_model_they_do_not_use(self) -> None:
        """Portfolios, cases, credit and its vocabularies, risk, authorities, the law's classes and the
        calendar load on first use."""
        loaded = loaded_after("import safetyduty.rules.compliance")
        lazy = {
            "safetyduty.calendars",
            "safetyduty.models._authority",
            "safetyduty.models._case",
            "safetyduty.models._credit",
            "safetyduty.models._credit_vocab",
            "safetyduty.models._portfolio",
            "safetyduty.models._risk",
            "safetyduty.law._costs",
            "safetyduty.law._credit",
            "safetyduty.law._dated",
            "safetyduty.rules.compliance._authorities",
            "safetyduty.rules.compliance._portfolio",
        }
        assert set() == loaded & lazy


class TestLazyNames:
    """Names a package loads on first use are public like the others."""

    @pytest.mark.parametrize(
        "package", ["safetyduty.models", "safetyduty.law", "safetyduty.rules.compliance"]
    )
    def test_listed_found_and_from_their_own_module(self, package: str) -> None:
        """In a fresh process: dir() lists every name of __all__, and each resolves to the same object twice."""
        script = (
            f"import importlib, {package} as p\n"
            "assert set(p.__all__) <= set(dir(p)), set(p.__all__) - set(dir(p))\n"
            "found = {n: getattr(p, n) for n in p.__all__}\n"
            "assert all(getattr(p, n) is v for n, v in found.items())\n"
            "assert all(vars(p)[n] is v for n, v in found.items())\n"
            "for n, v in found.items():\n"
            "    if isinstance(v, type):\n"
            "        assert getattr(importlib.import_module(v.__module__), v.__name__) is v\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True)

    def test_an_unknown_name_is_an_attribute_error(self) -> None:
        """A name that is neither defined nor lazy raises AttributeError naming the module."""
        import safetyduty.models  # noqa: PLC0415

        with pytest.raises(AttributeError, match=r"'safetyduty\.models' has no attribute 'Nope'"):
            safetyduty.models.Nope  # noqa: B018


class TestLogging:
    """The ``safetyduty`` logger's NullHandler is installed when the library first logs."""

    def test_a_warning_prints_nothing_unless_logging_is_configured(self) -> None:
        """A portfolio with a stray fact warns, and nothing reaches stderr (no last-resort handler)."""
        script = (
            "import logging\n"
            "from datetime import date\n"
            "from safetyduty.models import Enterprise, Industry, Portfolio, Record, RecordKind\n"
            "works = Enterprise(uscc='914403001922038216', name='示例', industry=Industry.MACHINERY,"
            " region='440300', employees=10)\n"
            "stray = Record(id='r9', kind=RecordKind.DRILL_PLAN, on=date(2026, 6, 1),"
            " enterprise='91440300708461136T')\n"
            "Portfolio(enterprises=[works], records=[stray])\n"
            "print([type(h).__name__ for h in logging.getLogger('safetyduty').handlers])\n"
        )
        found = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert "" == found.stderr
        assert "['NullHandler']" == found.stdout.strip()
