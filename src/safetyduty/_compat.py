"""Small shims so the library runs on Python 3.10 as well as 3.11+."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    from enum import StrEnum

    import tomllib
else:  # pragma: no cover - depends on the interpreter
    from enum import Enum

    import tomli as tomllib

    class StrEnum(str, Enum):
        """Backport of :class:`enum.StrEnum` (members are their string values)."""

        def __str__(self) -> str:
            return str(self.value)


__all__ = ["StrEnum", "tomllib"]
