"""Benchmark reading time phrases, one at a time and in whole documents.

Run:  python benchmarks/bench_phrases.py  [--quick | --smoke]

Prints µs per phrase for ``parse_schedule`` on the phrases the issue names
and on every phrase of the corpora (tests/data) that holds one schedule;
µs per phrase for ``parse_phrase`` on the whole corpora; milliseconds for
``find_phrases`` on 20 pages of the seed documents (20,000 characters, about
1,000 to a page) and on all five seeds; and milliseconds for hostile texts
of 100,000 characters (reading is linear, so these stay well under a
second). Each figure is the best of several runs.
"""

from __future__ import annotations

import argparse
import timeit
from collections.abc import Callable
from pathlib import Path

from safetyduty._compat import tomllib
from safetyduty.errors import PhraseError
from safetyduty.rules.documents import find_phrases
from safetyduty.rules.phrases import parse_phrase, parse_schedule

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
NAMED = ("每月25日前", "下一季度15日前", "自事故发生之日起30日内", "2022年6月底前", "12月28日前")
PAGE = 1_000


def corpus() -> list[tuple[str, int | None]]:
    """Every phrase of the seed and law corpora that reads, with its year."""
    entries = []
    for name in ("seed_phrases.toml", "law_phrases.toml"):
        data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
        entries += [(e["text"], e.get("year")) for e in data["phrase"] if "expected" in e]
    return entries


def schedules(entries: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """The phrases that hold exactly one schedule."""
    kept = []
    for text, year in entries:
        try:
            parse_schedule(text, year=year)
        except PhraseError:
            continue
        kept.append((text, year))
    return kept


def best(call: Callable[[], object], number: int, repeat: int) -> float:
    """Seconds per call, the best of *repeat* runs of *number* calls."""
    return min(timeit.repeat(call, number=number, repeat=repeat)) / number


def per_phrase(
    parse: Callable[..., object], phrases: list[tuple[str, int | None]], number: int
) -> float:
    """µs per phrase for *parse* over *phrases*."""

    def all_of_them() -> None:
        for text, year in phrases:
            parse(text, year=year)

    return best(all_of_them, number, 5) / len(phrases) * 1e6


def seed_text() -> str:
    """The five seed documents, one after another."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((DATA / "seeds").glob("*.txt")))


def _pad(text: str, width: int) -> str:
    """*text* padded to *width* columns (a Chinese character takes two)."""
    columns = sum(2 if "\u4e00" <= c <= "\u9fff" or c in "，（" else 1 for c in text)
    return text + " " * max(0, width - columns)


def main(argv: list[str] | None = None) -> None:
    """Run and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="fewer repetitions")
    size.add_argument("--smoke", action="store_true", help="once, short texts: checks that it runs")
    args = parser.parse_args(argv)
    number = 1 if args.smoke else 20 if args.quick else 200
    hostile_size = 1_000 if args.smoke else 100_000
    entries = corpus()
    one_schedule = schedules(entries)
    print("parse_schedule, µs per phrase")
    for text in NAMED:
        print(f"  {_pad(text, 32)}{per_phrase(parse_schedule, [(text, 2020)], number * 20):>8.1f}")
    label = f"{len(one_schedule)} corpus phrases"
    print(f"  {_pad(label, 32)}{per_phrase(parse_schedule, one_schedule, number):>8.1f}")
    print("parse_phrase, µs per phrase")
    label = f"{len(entries)} corpus phrases"
    print(f"  {_pad(label, 32)}{per_phrase(parse_phrase, entries, number):>8.1f}")
    text = seed_text()
    twenty_pages = text[: 20 * PAGE]
    documents = [("20 pages", twenty_pages), (f"five seeds ({len(text):,} chars)", text)]
    if args.smoke:
        documents = [("one page", text[:PAGE])]
    print("find_phrases, ms per document")
    for name, document in documents:
        seconds = best(
            lambda document=document: find_phrases(document, year=2020),
            1 if args.smoke else 3,
            1 if args.smoke else 5,
        )
        found = len(find_phrases(document, year=2020))
        print(f"  {_pad(name, 32)}{seconds * 1e3:>8.1f}  ({found} phrases)")
    print(f"find_phrases, ms on hostile texts of {hostile_size:,} characters")
    for name, hostile in (
        ("digits", "9" * hostile_size),
        ("每 repeated", "每" * hostile_size),
        ("年内 repeated", "年内" * (hostile_size // 2)),
        ("每月25日前， repeated", "每月25日前，" * (hostile_size // 7)),
        ("（ repeated", "（" * hostile_size),
    ):
        seconds = best(lambda hostile=hostile: find_phrases(hostile, year=2020), 1, 3)
        print(f"  {_pad(name, 32)}{seconds * 1e3:>8.1f}")


if __name__ == "__main__":
    main()
