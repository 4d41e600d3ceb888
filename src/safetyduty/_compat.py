"""Small shims so the library runs on Python 3.10 as well as 3.11+.

``tomllib`` (``tomli`` before 3.11) is imported when it is first asked for
(``from safetyduty._compat import tomllib`` inside the function that reads
TOML): the data files are read on first use, and importing the TOML parser
is a few milliseconds that importing the rules need not spend.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    from enum import StrEnum
else:  # pragma: no cover - depends on the interpreter
    from enum import Enum

    class StrEnum(str, Enum):
        """Backport of :class:`enum.StrEnum` (members are their string values)."""

        def __str__(self) -> str:
            return str(self.value)


if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

__all__ = ["StrEnum", "tomllib"]


def __getattr__(name: str) -> object:
    if name == "tomllib":
        if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
            import tomllib  # noqa: PLC0415 - on first use, see above
        else:  # pragma: no cover - depends on the interpreter
            import tomli as tomllib  # noqa: PLC0415 - on first use, see above

        return tomllib
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
