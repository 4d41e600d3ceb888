"""Strict parsing of ISO dates, shared by the data loaders and serde."""

from __future__ import annotations

from datetime import date

_ISO_LENGTH = len("2026-01-01")


def parse_iso_date(value: object) -> date:
    """*value* as a date if it is exactly ``YYYY-MM-DD``; else ValueError.

    Examples:
        >>> parse_iso_date("2024-02-29")
        datetime.date(2024, 2, 29)
        >>> parse_iso_date("2024-2-29")
        Traceback (most recent call last):
        ...
        ValueError: '2024-2-29' is not a date (YYYY-MM-DD)
    """
    if isinstance(value, str) and len(value) == _ISO_LENGTH:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"{value!r} is not a date (YYYY-MM-DD)"
    raise ValueError(msg)
