"""The time phrases of the seed documents, as the corpus test extracts them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

_NUM = "[0-9一二两三四五六七八九十〇零]"
PATTERN = re.compile(
    "|".join(
        [
            rf"{_NUM}{{4}}年(?:{_NUM}{{1,2}}月)?底前",
            rf"{_NUM}{{4}}年{_NUM}{{1,2}}月{_NUM}{{1,3}}日前",
            rf"(?<![年0-9]){_NUM}{{1,2}}月{_NUM}{{1,3}}日前",
            rf"每(?:年|月|季度|半年|周){_NUM}{{1,2}}(?:月{_NUM}{{1,3}})?日前",
            r"每(?:季度|月|年|半年)底前",
            rf"每(?:日|天|周|月|季度|季|半年|年)(?:至少|不少于)[\u4e00-\u9fff]{{0,8}}?{_NUM}次",
            rf"下一(?:季度|年){_NUM}{{1,2}}(?:月{_NUM}{{1,2}})?日前",
            rf"{_NUM}+(?:个工作日|个月|小时|日|天|年)内",
            rf"(?<!{_NUM})年内",
            r"(?<=[组间矿司])[日周月季]查",
        ]
    )
)


def extract(text: str) -> list[str]:
    """Every time phrase in *text*, in order."""
    return PATTERN.findall(text)


def seed_phrases() -> Counter[tuple[str, str]]:
    """(seed file prefix, phrase) -> occurrences, over the five seeds."""
    found: Counter[tuple[str, str]] = Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        for phrase in extract(path.read_text(encoding="utf-8")):
            found[path.name[:3], phrase] += 1
    return found
