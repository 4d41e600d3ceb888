"""Numerals of time phrases: Arabic, full-width and Chinese, read strictly.

A numeral is one of

- Arabic digits (full-width digits are read as Arabic): ``25``, ``２０２２``;
- a Chinese digit, or four of them read digit by digit (a year): ``两``,
  ``二〇二二``;
- a Chinese place-value numeral: ``十五``, ``二十``, ``一百零五``, ``两千``.

Anything else is malformed and raises, naming the character where reading
stopped: ``十十``, ``两两``, ``〇十``, ``2十`` and ``一二十`` are not numbers.
Numbers in phrases are small: at most four Arabic digits (9999), checked
before any conversion, so a run of 30 (or 5,000) digits costs a glance.
"""

from __future__ import annotations

from typing import Final

__all__ = ["ARABIC", "CHINESE", "FULL_WIDTH", "MAX_DIGITS", "Unreadable", "read_numeral"]


class Unreadable(Exception):  # noqa: N818 - internal; becomes a PhraseError at the API
    """Reading stopped at *position*; *expected* says what would have been read."""

    def __init__(self, position: int, expected: str, *, end: int = 0) -> None:
        super().__init__(position, expected)
        self.position = position
        self.expected = expected
        self.end = end  # where the unread expression ends, when known


FULL_WIDTH: Final = str.maketrans("０１２３４５６７８９", "0123456789")
"""Full-width digits to ASCII, character for character (positions are kept)."""
ARABIC: Final = frozenset("0123456789")
_DIGITS: Final = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_ZEROS: Final = frozenset("〇零")
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
CHINESE: Final = frozenset(_DIGITS) | frozenset(_UNITS)
MAX_DIGITS: Final = 4
"""The longest Arabic numeral a phrase may hold (years are four digits)."""
_YEAR_DIGITS: Final = 4
_TEN: Final = 10
_NO_UNIT: Final = 10_000


def read_numeral(text: str, start: int, end: int) -> int:
    """The value of ``text[start:end]``; :class:`Unreadable` at the bad character.

    The caller has checked that every character is a digit (ASCII) or a
    Chinese numeral character.
    """
    first = text[start]
    if first in ARABIC:
        for index in range(start, end):
            if text[index] not in ARABIC:
                raise Unreadable(index, "Arabic digits only (not mixed with Chinese)")
        if end - start > MAX_DIGITS:
            raise Unreadable(start, f"a number of at most {MAX_DIGITS} digits")
        return int(text[start:end])
    for index in range(start, end):
        if text[index] in ARABIC:
            raise Unreadable(index, "Chinese numerals only (not mixed with Arabic)")
    if any(text[i] in _UNITS for i in range(start, end)):
        return _place_value(text, start, end)
    return _digit_by_digit(text, start, end)


def _digit_by_digit(text: str, start: int, end: int) -> int:
    length = end - start
    if length == 1:
        return _DIGITS[text[start]]
    if length != _YEAR_DIGITS or "两" in text[start:end]:
        raise Unreadable(start, "a Chinese numeral: one digit, or four read as a year (二〇二二)")
    value = 0
    for index in range(start, end):
        value = value * 10 + _DIGITS[text[index]]
    return value


def _place_value(text: str, start: int, end: int) -> int:
    """十五, 二十, 一百零五, 两千三百: units descend; 零 marks a skipped place."""
    total = 0
    pending: int | None = None  # a digit waiting for its unit
    last = _NO_UNIT
    skipped = False  # a 零 was read since the last unit
    for index in range(start, end):
        char = text[index]
        if char in _UNITS:
            unit = _unit(text, index, start, pending, last, skipped=skipped)
            total += (pending or 1) * unit
            last, pending, skipped = unit, None, False
        elif char in _ZEROS:
            if index == start or skipped or pending is not None:
                raise Unreadable(index, "零 only between two places (一百零五)")
            skipped = True
        else:
            if pending is not None:
                raise Unreadable(index, "one digit per place (not 一二十)")
            if char == "两" and index == end - 1 and last != _NO_UNIT:
                raise Unreadable(index, "二 in the ones place (not 十两)")
            pending = _DIGITS[char]
    return total + _ones(end, pending, last, skipped=skipped)


def _unit(
    text: str, index: int, start: int, pending: int | None, last: int, *, skipped: bool
) -> int:
    """The value of the unit at *index*, checked against the units before it."""
    unit = _UNITS[text[index]]
    if unit >= last or (skipped and unit * 10 >= last):
        raise Unreadable(index, "place-value units in descending order (二十, 一百零五)")
    if not skipped and last != _NO_UNIT and unit * 10 != last:
        raise Unreadable(index, "零 where a place is skipped (一百零五)")
    if pending is None and (unit != _TEN or index != start):  # only a leading 十 stands alone
        raise Unreadable(index, "a digit before 百 or 千")
    if pending is not None and text[index - 1] == "两" and unit == _TEN:
        raise Unreadable(index - 1, "a digit 一 to 九 before a unit (not 两十)")
    return unit


def _ones(end: int, pending: int | None, last: int, *, skipped: bool) -> int:
    """The ones digit: after 十, or after 零 ("一百零五"); "一百五" is ambiguous."""
    if skipped and pending is None:
        raise Unreadable(end - 1, "a digit after 零")
    if pending is None:
        return 0
    if last not in (_TEN, _NO_UNIT) and not skipped:
        raise Unreadable(end - 1, "the place of the last digit (一百五十 or 一百零五)")
    return pending
