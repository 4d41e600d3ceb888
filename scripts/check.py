"""Create a fresh environment, install safetyduty with its dev extras, run every check.

Usage:  python3 scripts/check.py

Runs, in order: ruff check, ruff format --check, mypy --strict (src and the
typing tests), the layering contract (import-linter: data → calendars →
models → law → rules → catalog → edges, no cycle), pytest (tests and the
doctests in src), and the Sphinx html and doctest builders with warnings as
errors. Exits non-zero if any step
fails, including a pytest run that collects no tests (exit code 5).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = ROOT / ".venv-check"
BIN = ENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(name: str, *args: str | os.PathLike[str]) -> bool:
    """Run one step and report it; return whether it passed."""
    print(f"\n=== {name}: {' '.join(map(str, args))}", flush=True)
    started = time.monotonic()
    code = subprocess.run(args, cwd=ROOT, check=False).returncode
    took = time.monotonic() - started
    if name == "pytest" and code == 5:  # noqa: PLR2004 - pytest's "no tests collected"
        print("=== pytest collected no tests: that is a failure", flush=True)
    print(
        f"=== {name}: {'ok' if code == 0 else f'FAILED (exit {code})'} in {took:.1f}s", flush=True
    )
    return code == 0


def main() -> int:
    """Build the environment and run the checks."""
    if not PY.exists():
        venv.create(ENV, with_pip=True)
    install = [PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if not run("install", *install, "-e", ".[dev]"):
        return 1
    steps = [
        ("ruff check", PY, "-m", "ruff", "check", "."),
        ("ruff format", PY, "-m", "ruff", "format", "--check", "."),
        ("mypy", PY, "-m", "mypy", "--strict", "src", "tests/typing"),
        ("layers", BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports")),
        ("pytest", PY, "-m", "pytest", "-p", "no:cacheprovider"),
        *(
            (
                f"sphinx {builder}",
                PY,
                "-m",
                "sphinx",
                "-W",
                "--keep-going",
                "-q",
                "-b",
                builder,
                "docs",
                f"docs/_build/{builder}",
            )
            for builder in ("html", "doctest")
        ),
    ]
    failed = [step[0] for step in steps if not run(*step)]
    print("\n" + ("all checks passed" if not failed else f"FAILED: {', '.join(failed)}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
