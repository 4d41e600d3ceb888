"""JSON text out: orjson when it is installed (the ``fast`` extra), the standard module otherwise.

Both write the same text: compact (no space after ``,`` and ``:``), UTF-8
characters as they are. The standard module writes what orjson does not:
with ``indent``, or a document orjson refuses (an integer beyond 64 bits, a
lone surrogate, a key that is not a string).

Reading: :func:`loads` uses orjson too, and the standard module for what
orjson refuses (``NaN``, a lone surrogate, bytes in another encoding), so
both accept the same texts. They read them alike but for one thing: orjson
reads an integer beyond 64 bits as a float. No model field takes a float,
so such a document fails to load from orjson's reading; a reader that
fails re-reads the text with :func:`exact_loads` before it reports, and
the document loads, or fails, exactly as the standard module reads it.
"""

from __future__ import annotations

import json
from typing import Any, Final

try:
    import orjson as _orjson
except ImportError:  # the standard module does it all
    _orjson = None  # type: ignore[assignment]

__all__ = ["FAST", "dumps", "exact_loads", "loads", "native_dumps"]

FAST: Final = _orjson is not None
"""Whether orjson is installed and used."""


def dumps(document: Any, *, indent: int | None = None) -> str:
    """*document* as JSON text: compact, or indented by *indent* spaces.

    Examples:
        >>> dumps({"名称": "示例", "n": [1, 2]})
        '{"名称":"示例","n":[1,2]}'
        >>> print(dumps({"a": 1}, indent=1))
        {
         "a": 1
        }
    """
    if indent is None:
        if _orjson is not None:
            try:
                return _orjson.dumps(document).decode()
            except TypeError:  # orjson.JSONEncodeError: the standard module decides
                pass
        return json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(document, ensure_ascii=False, indent=indent)


def native_dumps(document: Any) -> str | None:
    """*document* as compact JSON text by orjson, which writes a ``date`` as its ``isoformat``;
    None when orjson is not installed or refuses the document.

    Examples:
        >>> from datetime import date
        >>> native_dumps({"day": date(2024, 2, 29)}) in (None, '{"day":"2024-02-29"}')
        True
    """
    if _orjson is None:
        return None
    try:
        return _orjson.dumps(document).decode()
    except TypeError:  # orjson.JSONEncodeError
        return None


def loads(text: str | bytes) -> Any:
    """The value of JSON *text*: by orjson when installed (beyond 64 bits, an integer reads as a float).

    Raises:
        ValueError: for text that is not JSON (``json.JSONDecodeError``).
        RecursionError: for arrays or objects nested too deeply.

    Examples:
        >>> loads('{"名称": "示例", "n": [1, 2]}')
        {'名称': '示例', 'n': [1, 2]}
    """
    if _orjson is not None and type(text) in (str, bytes):  # the types both modules take
        try:
            return _orjson.loads(text)
        except ValueError:  # orjson.JSONDecodeError: the standard module reads it, or says why not
            pass
    return json.loads(text)


def exact_loads(text: str | bytes) -> Any:
    """The value of JSON *text* by the standard module: every integer exact.

    Examples:
        >>> exact_loads("[18446744073709551616]")
        [18446744073709551616]
    """
    return json.loads(text)
