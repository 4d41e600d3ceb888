"""Sphinx configuration for the safetyduty documentation."""

from importlib.metadata import version as _version
from pathlib import Path

project = "safetyduty"
author = "safetyduty developers"
copyright = "2026, safetyduty developers"
release = _version("safetyduty")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "furo"
html_title = "safetyduty"
html_static_path = ["_static"]  # the rendered sample display of "Reports out"
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
# Docstring examples pulled in by autodoc run in the doctest builder too; give
# them the names their own module would have.
doctest_global_setup = f"""
import attrs
from pathlib import Path
EXAMPLES = Path({str(Path(__file__).resolve().parents[1] / "examples")!r})
from datetime import date, datetime
from decimal import Decimal
from safetyduty.calendars import *
from safetyduty.errors import *
from safetyduty.i18n import label
from safetyduty.typing import HolidayCalendar
from safetyduty.cli import main
from safetyduty.models import *
from safetyduty.serde import *
from safetyduty.i18n import *
from safetyduty.rules.deadlines import *
from safetyduty.rules.phrases import *
from safetyduty.rules.statutory import *
from safetyduty.rules.classify import *
from safetyduty.rules.expenses import *
from safetyduty.rules.requirements import *
from safetyduty.rules.credit import *
from safetyduty.rules.compliance import *
from safetyduty.rules.targets import *
from safetyduty.testing.strategies import *
from safetyduty.cases import *
from safetyduty.schema import *
from safetyduty.rules.compliance._report import _example_report
from safetyduty.rules.compliance._portfolio import _example_portfolio
from safetyduty import catalog, law
from safetyduty.law import Dated, Version, dated
"""
suppress_warnings = ["myst.header"]
napoleon_use_ivar = True  # "Attributes:" as field lists, so autodoc members are not described twice
