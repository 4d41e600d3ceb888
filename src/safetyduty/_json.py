"""JSON text out: orjson when it is installed (the ``fast`` extra), the standard module otherwise.

Both write the same text: compact (no space after ``,`` and ``:``), UTF-8
characters as they are. The standard module writes what orjson does not:
with ``indent``, or a document orjson refuses (an integer beyond 64 bits, a
lone surrogate, a key that is not a string).

Reading stays with the standard module: orjson reads an integer beyond 64
bits as a float, and looking for one in the text costs more than orjson
saves.
"""

from __future__ import annotations

import json
from typing import Any, Final

try:
    import orjson as _orjson
except ImportError:  # the standard module does it all
    _orjson = None  # type: ignore[assignment]

__all__ = ["FAST", "dumps"]

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
