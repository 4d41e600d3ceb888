"""The README's and the docs' Python examples type-check under ``mypy --strict``.

Each Markdown file's Python blocks (```` ```python ````, ```` ```{doctest} ````,
```` ```pycon ````) become one module: the source lines of a doctest
(``>>>`` and ``...``) are kept, its expected output dropped; blocks of
other languages (``sh``, ``console``, ``toml``, ``json`` …) are skipped. The
docs' doctests run with the names of ``docs/conf.py``'s
``doctest_global_setup``, so each docs module starts with those imports too.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON_FENCES = ("python", "py", "pycon", "{doctest}", "{code-block} python")
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>```+|~~~+)\s*(?P<info>[^\n]*)$")


def _setup_lines() -> list[str]:
    """The import lines of ``doctest_global_setup`` in ``docs/conf.py``."""
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    found = re.search(r'doctest_global_setup = f?"""(.*?)"""', conf, re.DOTALL)
    lines = found.group(1).strip().splitlines() if found else []
    # an f-string's placeholders are filled by Sphinx; for mypy a path is a path
    out: list[str] = []
    for line in lines:
        if line.startswith("EXAMPLES ="):
            out += ["import pathlib", 'EXAMPLES = pathlib.Path("examples")']
        else:
            out.append(line)
    return out


def setup_imports(code: str) -> str:
    """The setup's imports that *code* needs: explicit, and none it assigns itself.

    A doctest may rebind a name the setup imports (``records = [...]`` where the
    setup star-imports the ``records`` strategy); at run time that is fine,
    for mypy it is a clash, so star imports become the names *code* uses.
    """
    tree = ast.parse(code)
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    bound = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    bound |= {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    wanted = used - bound
    lines, given = [], set()
    for line in _setup_lines():
        found = re.fullmatch(r"from (\S+) import (.+)", line.strip())
        if found is None:
            if line.strip():
                lines.append(line.strip())
            continue
        module, names = found.groups()
        if names.strip() == "*":
            candidates = list(getattr(importlib.import_module(module), "__all__", []))
        else:
            candidates = [n.strip() for n in names.split(",")]
        chosen = [n for n in candidates if n in wanted and n not in given]
        given.update(chosen)
        if chosen:
            lines.append(f"from {module} import {', '.join(chosen)}")
    return "\n".join(lines) + "\n"


def python_blocks(markdown: str) -> list[str]:
    """The Python code of each Python block of *markdown*, doctest prompts removed."""
    blocks: list[str] = []
    lines = markdown.splitlines()
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        index += 1
        if not opened:
            continue
        fence, info = opened["fence"], opened["info"].strip()
        body: list[str] = []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index])
            index += 1
        index += 1
        language = info.split()[0] if info else ""
        if language in ("{doctest}", "pycon") or language.startswith(PYTHON_FENCES):
            blocks.append(_source(body))
    return [block for block in blocks if block.strip()]


def _source(body: list[str]) -> str:
    """The code of a block: doctest source lines if it has prompts, else the block itself."""
    if not any(line.lstrip().startswith(">>>") for line in body):
        return "\n".join(body) + "\n"
    code = []
    for line in body:
        stripped = line.lstrip()
        if stripped.startswith((">>> ", "... ")) or stripped in (">>>", "..."):
            code.append(stripped[4:])
    return "\n".join(code) + "\n"


def documents() -> list[Path]:
    """The README and every Markdown page of the docs."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def test_extraction_keeps_code_and_skips_other_languages() -> None:
    """Doctest prompts are stripped, outputs dropped, shell blocks skipped."""
    text = "```sh\nsafetyduty demo\n```\n\n```{doctest}\n>>> x = 1\n>>> x\n1\n```\n"
    assert ["x = 1\nx\n"] == python_blocks(text)


# Examples owned by the other layers that do not type-check yet, with the item
# that fixes each: they are expected to fail, and flip when it lands.
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """mypy --strict over every document's examples, once; its errors by document."""
    pytest.importorskip("mypy")
    folder = tmp_path_factory.mktemp("examples")
    modules: dict[str, str] = {}
    for path in documents():
        blocks = python_blocks(path.read_text(encoding="utf-8"))
        if not blocks:
            continue
        code = "\n".join(blocks)
        head = "" if path.name == "README.md" else setup_imports(code)
        document = path.relative_to(ROOT).as_posix()
        module = "doc_" + re.sub(r"\W", "_", document.removesuffix(".md"))
        (folder / f"{module}.py").write_text(head + code, encoding="utf-8")
        modules[module] = document
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--allow-redefinition",
            "--no-incremental",
            "--cache-dir",
            str(folder / ".mypy_cache"),
            *(f"{m}.py" for m in modules),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
    )
    errors: dict[str, list[str]] = {document: [] for document in modules.values()}
    for line in done.stdout.splitlines():
        module = line.split(".py:", 1)[0]
        if module in modules and ": error:" in line:
            errors[modules[module]].append(line)
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return errors


DOCUMENTS = [
    pytest.param(
        path.relative_to(ROOT).as_posix(),
        marks=[pytest.mark.xfail(reason=KNOWN[key], strict=True)] if key in KNOWN else [],
        id=key,
    )
    for path in documents()
    if python_blocks(path.read_text(encoding="utf-8"))
    for key in [path.relative_to(ROOT).as_posix()]
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_examples_pass_mypy_strict(document: str, mypy_errors: dict[str, list[str]]) -> None:
    """mypy --strict finds nothing in the document's examples."""
    assert [] == mypy_errors[document]


def test_every_known_failure_is_a_document() -> None:
    """The list of expected failures names documents that exist."""
    assert [] == [key for key in KNOWN if not (ROOT / key).is_file()]
