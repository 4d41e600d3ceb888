"""The five seed documents, shipped in tests/data/seeds, and their time phrases."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from safetyduty.rules.documents import find_phrases

SEEDS = Path(__file__).parent / "data" / "seeds"
YEARS = {"000": 2020, "001": 2020, "002": 2020, "003": 2021, "004": 2020}
"""The year of each plan, for the phrases that name none."""

# Independent of the library: anything that looks like time. The corpus test
# checks each match lies in a phrase find_phrases found, or is a bare length
# ("三年行动", "百年奋斗目标", "3年建设任务"), which names no time.
_N = "[0-9０-９〇○零一二两三四五六七八九十百千]"
TIMEISH = re.compile(
    rf"{_N}+(?:年|月|日|天|周|星期|季度|个月|小时|个工作日|工作日|旬)"
    r"|每[日天周月季半年]|年[内底末]|[日周月季年]查|[上中下]旬|即日"
)
BARE_LENGTH = re.compile(rf"{_N}+年(?![内底末前起])")
TITLE = re.compile("《[^《》]*》")


def seed_texts() -> dict[str, str]:
    """Seed file prefix -> the document's text."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}


def seed_phrases() -> Counter[tuple[str, str]]:
    """(seed file prefix, phrase) -> occurrences, as find_phrases finds them."""
    found: Counter[tuple[str, str]] = Counter()
    for seed, text in seed_texts().items():
        for phrase in find_phrases(text, year=YEARS[seed]):
            found[seed, phrase.text] += 1
    return found
