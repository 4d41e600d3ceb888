"""Mutation testing: change one operator or constant of a module, run its tests, repeat.

Usage:
    python scripts/mutation.py src/safetyduty/rules/classify.py
    python scripts/mutation.py src/safetyduty/rules/credit.py --tests tests/test_credit.py
    python scripts/mutation.py src/safetyduty/serde.py --tests tests/test_serde.py --timeout 120

For each module it writes ``scripts/mutation-reports/<module>.md``: the score
(killed / all mutants), and every surviving mutant with its line, so a test
can be written for it. It exits non-zero when a score is below ``--goal``
(85 by default).

How it works. The module's source is parsed and each *mutant* changes one
thing: a comparison (``<`` ↔ ``<=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not in``, …),
an arithmetic operator (``+`` ↔ ``-``, ``*`` ↔ ``/``), ``and`` ↔ ``or``, a
``not`` dropped, an int constant plus one, ``True`` ↔ ``False``, or the number
in ``Decimal("…")`` plus one. Docstrings, messages, annotations, ``raise`` and
``assert`` statements are left alone. Each mutant runs in a forked child
process that serves the mutated source through an import hook and runs
pytest on the tests given (and the module's own doctests) with ``-x`` and a
small, derandomised hypothesis profile; a mutant is *killed* when a test
fails (or it times out), and *survives* when every test passes.

Why not mutmut. mutmut 3 installs here, but it mutates only function bodies
(the legal tables of thresholds and factors are module-level constants, the
mutants that matter most), is configured once per project in pyproject
rather than per run, and starts with a statistics pass over the whole test
suite. This script is small, has no dependency beyond pytest, and runs one
module against the tests named on the command line, one mutant at a time
(the machines have two cores shared with others).
"""

from __future__ import annotations

import argparse
import ast
import copy
import importlib.abc
import importlib.util
import math
import os
import random
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "scripts" / "mutation-reports"
SAMPLE_SEED = 20261130
"""The seed of --sample: the same draw on every run, so that scores compare."""
DEFAULT_TESTS = {
    "safetyduty.calendars._calendar": [
        "tests/test_calendar_api.py",
        "tests/test_calendar_edges.py",
        "tests/test_calendar_properties.py",
        "tests/test_calendar_data.py",
        "tests/test_calendar_holiday_cn.py",
        "tests/test_pickling.py",
    ],
    "safetyduty.rules.deadlines": ["tests/test_deadlines.py"],
    "safetyduty.rules.classify": ["tests/test_classify.py"],
    "safetyduty.rules.credit": ["tests/test_credit.py"],
    "safetyduty.rules.phrases": ["tests/test_phrases.py"],
    "safetyduty.serde": ["tests/test_serde.py"],
}

_COMPARE_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_BINOP_SWAPS: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
}


@dataclass(frozen=True)
class Mutant:
    """One change: its number in the walk, its line and what it does."""

    index: int
    line: int
    description: str


def _is_docstring(node: ast.AST, parent: ast.AST | None) -> bool:
    return (
        isinstance(parent, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


def _skipped(node: ast.AST) -> bool:
    """Statements whose mutants only change messages or checks of the code itself."""
    if isinstance(node, (ast.Raise, ast.Assert, ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets)
    return False


def _is_decimal_literal(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"Decimal", "_D"}
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def _kinds(node: ast.AST) -> list[str]:
    """The mutations that apply to *node* itself."""
    if isinstance(node, ast.Compare):
        return [f"compare:{i}" for i, op in enumerate(node.ops) if type(op) in _COMPARE_SWAPS]
    constant = node.value if isinstance(node, ast.Constant) else None
    checks = [
        ("binop", isinstance(node, ast.BinOp) and type(node.op) in _BINOP_SWAPS),
        ("boolop", isinstance(node, ast.BoolOp)),
        ("not", isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)),
        ("bool", isinstance(constant, bool)),
        ("int", isinstance(constant, int) and not isinstance(constant, bool)),
        ("decimal", _is_decimal_literal(node)),
    ]
    return [kind for kind, applies in checks if applies]


def _candidates(tree: ast.AST) -> Iterator[tuple[ast.AST, str, int]]:
    """Yield (node, kind, line) for every mutable spot, in a fixed order."""

    def walk(node: ast.AST, parent: ast.AST | None) -> Iterator[tuple[ast.AST, str, int]]:
        if _skipped(node) or _is_docstring(node, parent):
            return
        for kind in _kinds(node):
            yield node, kind, getattr(node, "lineno", 0)
        if _is_decimal_literal(node):
            return  # its string is the mutant; nothing inside to change
        for name, value in ast.iter_fields(node):
            if name in {"annotation", "returns", "type_comment", "decorator_list"}:
                continue
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, ast.AST):
                    yield from walk(child, node)

    yield from walk(tree, None)


def _swap_compare(node: ast.AST, kind: str) -> str:
    assert isinstance(node, ast.Compare)
    i = int(kind.split(":")[1])
    old = node.ops[i]
    node.ops[i] = _COMPARE_SWAPS[type(old)]()
    return f"{type(old).__name__} -> {type(node.ops[i]).__name__}"


def _swap_binop(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.BinOp)
    old = node.op
    node.op = _BINOP_SWAPS[type(old)]()
    return f"{type(old).__name__} -> {type(node.op).__name__}"


def _swap_boolop(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.BoolOp)
    node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    return f"-> {type(node.op).__name__}"


def _drop_not(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.UnaryOp)
    node.operand = ast.UnaryOp(op=ast.Not(), operand=node.operand)  # `not not x`: bool(x)
    return "not dropped"


def _flip_bool(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.Constant)
    node.value = not node.value
    return f"{not node.value} -> {node.value}"


def _bump_int(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.Constant)
    node.value += 1
    return f"{node.value - 1} -> {node.value}"


def _bump_decimal(node: ast.AST, _kind: str) -> str:
    assert isinstance(node, ast.Call)
    constant = node.args[0]
    assert isinstance(constant, ast.Constant)
    old = constant.value
    head, dot, tail = old.partition(".")
    constant.value = f"{int(head) + 1}{dot}{tail}" if head.lstrip("-").isdigit() else old + "1"
    return f'Decimal("{old}") -> Decimal("{constant.value}")'


_MUTATORS = {
    "compare": _swap_compare,
    "binop": _swap_binop,
    "boolop": _swap_boolop,
    "not": _drop_not,
    "bool": _flip_bool,
    "int": _bump_int,
    "decimal": _bump_decimal,
}


def _apply(node: ast.AST, kind: str) -> str:
    """Mutate *node* in place; return a description."""
    return _MUTATORS[kind.split(":", 1)[0]](node, kind)


def mutants_of(source: str) -> list[Mutant]:
    """Every mutant of *source*, numbered in walk order."""
    tree = ast.parse(source)
    found = []
    for index, (node, kind, line) in enumerate(_candidates(tree)):
        description = _apply(copy.deepcopy(node), kind)
        found.append(Mutant(index=index, line=line, description=description))
    return found


def mutated_source(source: str, index: int) -> str:
    """*source* with mutant number *index* applied."""
    tree = ast.parse(source)
    for number, (node, kind, _line) in enumerate(_candidates(tree)):
        if number == index:
            _apply(node, kind)
            return ast.unparse(ast.fix_missing_locations(tree))
    msg = f"no mutant {index}"
    raise IndexError(msg)


class _Serve(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serve *source* for module *name* (and nothing else)."""

    def __init__(self, name: str, source: str, path: Path) -> None:
        self.name = name
        self.source = source
        self.path = path

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname != self.name:
            return None
        is_package = self.path.name == "__init__.py"
        return importlib.util.spec_from_loader(
            fullname, self, origin=str(self.path), is_package=is_package
        )

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__file__ = str(self.path)
        if self.path.name == "__init__.py":
            module.__path__ = [str(self.path.parent)]
        exec(compile(self.source, str(self.path), "exec"), module.__dict__)


class _Profile:
    """A pytest plugin: a small, derandomised hypothesis profile once conftest is loaded."""

    def pytest_collection_finish(self, session: Any) -> None:
        from hypothesis import HealthCheck, settings  # noqa: PLC0415

        settings.register_profile(
            "mutation",
            max_examples=30,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        settings.load_profile("mutation")


def _run_child(name: str, path: Path, source: str | None, tests: Sequence[str]) -> int:
    """In a child process: serve the source, run pytest quietly, return its exit code."""
    import pytest  # noqa: PLC0415

    if source is not None:
        sys.meta_path.insert(0, _Serve(name, source, path))
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    args = [
        *tests,
        str(path),
        "-x",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "--doctest-modules",
        "--assert=plain",  # the rewriting hook would import the module itself, unmutated
        "-W",
        "error",
    ]
    return int(pytest.main(args, plugins=[_Profile()]))


def _run(name: str, path: Path, source: str | None, tests: Sequence[str], timeout: float) -> str:
    """Fork, run, and classify: 'killed', 'survived' or 'timeout'."""
    pid = os.fork()
    if pid == 0:  # the child
        code = 99
        try:
            code = _run_child(name, path, source, tests)
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return "timeout"
        time.sleep(0.02)


def _module_name(path: Path) -> str:
    relative = path.resolve().relative_to(ROOT / "src").with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def run_module(
    path: Path, tests: Sequence[str], timeout: float, limit: int | None, sample: int | None = None
) -> float:
    """Mutate one module, write its report and return its score (percent).

    *sample*: run that many mutants drawn at random (seeded: the same draw
    each time) and report the score as an estimate of the whole, with its
    95% margin; for a module whose every mutant would take hours.
    """
    name = _module_name(path)
    source = path.read_text(encoding="utf-8")
    found = mutants_of(source)
    total = len(found)
    if sample is not None and sample < total:
        found = sorted(random.Random(SAMPLE_SEED).sample(found, sample), key=lambda m: m.index)
    if limit is not None:
        found = found[:limit]
    started = time.monotonic()
    baseline = _run(name, path, None, tests, timeout * 5)
    took = time.monotonic() - started
    if baseline != "survived":
        print(f"{name}: the tests fail without any mutation ({baseline}); fix them first")
        return 0.0
    per_mutant = max(timeout, took * 5)
    results: list[tuple[Mutant, str]] = []
    for number, mutant in enumerate(found, 1):
        outcome = _run(name, path, mutated_source(source, mutant.index), tests, per_mutant)
        results.append((mutant, outcome))
        print(f"\r{name}: {number}/{len(found)}", end="", flush=True)
    killed = sum(outcome != "survived" for _, outcome in results)
    score = 100.0 * killed / len(results) if results else 100.0
    print(f"\r{name}: {killed}/{len(results)} killed, {score:.1f}%")
    _write_report(
        name=name,
        path=path,
        tests=tests,
        results=results,
        score=score,
        seconds=time.monotonic() - started,
        sampled_from=total if len(found) < total and limit is None else None,
    )
    return score


def _write_report(
    *,
    name: str,
    path: Path,
    tests: Sequence[str],
    results: list[tuple[Mutant, str]],
    score: float,
    seconds: float,
    sampled_from: int | None = None,
) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    lines = path.read_text(encoding="utf-8").splitlines()
    survivors = [(m, o) for m, o in results if o == "survived"]
    timeouts = sum(o == "timeout" for _, o in results)
    out = [
        f"# Mutation report: `{name}`",
        "",
        f"- module: `{path.relative_to(ROOT)}`",
        f"- tests: {', '.join(f'`{t}`' for t in tests)} and the module's doctests",
        (
            f"- mutants: {len(results)}; killed: {len(results) - len(survivors)} "
            f"(of which {timeouts} by timeout); survived: {len(survivors)}"
        ),
        f"- **score: {score:.1f}%**" + _margin(score, len(results), sampled_from),
        f"- run time: {seconds:.0f} s",
        "",
        "## Surviving mutants",
        "",
        "| line | change | code |",
        "|---:|---|---|",
    ]
    for mutant, _ in survivors:
        code = lines[mutant.line - 1].strip() if 0 < mutant.line <= len(lines) else ""
        out.append(f"| {mutant.line} | {mutant.description} | `{code.replace('|', '¦')}` |")
    target = REPORTS / f"{name}.md"
    target.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"report: {target.relative_to(ROOT)}")


def _margin(score: float, runs: int, sampled_from: int | None) -> str:
    """For a random sample: the 95% margin of the estimate (normal approximation)."""
    if sampled_from is None or runs == 0:
        return ""
    p = score / 100
    margin = 196 * math.sqrt(p * (1 - p) / runs * (sampled_from - runs) / (sampled_from - 1))
    return f" ± {margin:.1f} (95%), estimated from {runs} of {sampled_from} mutants drawn at random"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the modules named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", type=Path, help="source files under src/")
    parser.add_argument("--tests", nargs="+", help="test files (default: the module's own)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant (min)")
    parser.add_argument("--goal", type=float, default=85.0, help="the score to reach")
    parser.add_argument("--limit", type=int, help="run only the first N mutants (a smoke test)")
    parser.add_argument(
        "--sample", type=int, help="run N mutants drawn at random (seeded) and estimate the score"
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT / "src"))
    low = []
    for module in args.modules:
        path = module.resolve()
        tests = args.tests or DEFAULT_TESTS.get(_module_name(path))
        if not tests:
            parser.error(f"no default tests for {module}: pass --tests")
        score = run_module(path, tests, args.timeout, args.limit, args.sample)
        if score < args.goal:
            low.append(f"{module} ({score:.1f}%)")
    if low:
        print(f"below {args.goal}%: {', '.join(low)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
