"""Execute the example notebooks in place, so that the stored outputs are current.

Usage:  python scripts/execute_notebooks.py [NOTEBOOK ...]   (default: examples/*.ipynb)

Needs the ``tests`` extra (nbclient, nbformat, ipykernel). The tests run
the same notebooks (tests/test_notebooks.py) without writing them back.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> None:
    """Run every cell of *path* in a fresh kernel, in the notebook's folder, and save it."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(notebook, path)
    print(f"executed {path.relative_to(ROOT)}")


def main() -> int:
    """Execute the notebooks named, or every example notebook."""
    paths = [Path(arg).resolve() for arg in sys.argv[1:]] or sorted(
        (ROOT / "examples").glob("*.ipynb")
    )
    for path in paths:
        execute(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
