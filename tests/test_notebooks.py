"""The example notebook runs (nbclient), and what it shows is small, well-formed and in Chinese first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from .test_report_html import Page

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTEBOOK = EXAMPLES / "reports.ipynb"
LIMIT = 200 * 1024


def outputs(notebook: Any) -> list[Any]:
    """Every output of every code cell."""
    return [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]


def check(notebook: Any) -> None:
    """No error; every display under 200 KB; the HTML ones read back with html.parser."""
    found = outputs(notebook)
    assert found
    assert [] == [o for o in found if o.output_type == "error"]
    pages = []
    for output in found:
        for kind, value in output.get("data", {}).items():
            assert len(str(value).encode()) < LIMIT, kind
            if kind == "text/html":
                pages.append(Page(str(value)))
    assert len(pages) >= 3
    assert "各单位情况（逾期多者在前）" in pages[0].visible
    assert "To act on:" in pages[2].visible


def test_the_notebook_runs(tmp_path: Path) -> None:
    """Executed afresh in a kernel, every cell runs and shows what the docs promise."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    check(notebook)
    stream = "".join(o.get("text", "") for o in outputs(notebook) if o.output_type == "stream")
    assert "equal after loading: True" in stream


def test_the_stored_notebook_is_executed() -> None:
    """The notebook in examples/ carries its outputs (the docs link to it as it is)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs for cell in code)
    check(notebook)
