"""pandas: flat rows as a DataFrame whose column dtypes follow :data:`ROW_FIELDS`.

pandas is an optional extra (``pip install 'safetyduty[pandas]'``), imported
when first used, so the core stays light. The dtypes, by the column's type:

============  ==========================================================
``string``    ``string`` (pandas' nullable string dtype)
``int``       ``int64``
``bool``      ``bool``
``date``      ``datetime64[s]`` (midnight; ``NaT`` for null): a second's
              resolution holds every day the rules judge (1900..9899),
              which nanoseconds do not
``timestamp`` ``datetime64[s, Asia/Shanghai]``
``decimal``   ``object`` holding :class:`decimal.Decimal` (exact; ``None``
              for null); ``.astype(float)`` when exactness does not matter
============  ==========================================================
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from safetyduty.errors import MissingDependencyError
from safetyduty.rules.compliance._flat import ROW_FIELDS, FlatRow, RowField

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DTYPES", "frame"]

DTYPES: Final = {
    "string": "string",
    "int": "int64",
    "bool": "bool",
    "date": "datetime64[s]",
    "timestamp": "datetime64[s, Asia/Shanghai]",
    "decimal": "object",
}
"""The pandas dtype of each :class:`RowField` type."""


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra, imported when first used
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    return pd


def _column(module: Any, field: RowField, values: list[Any]) -> Any:
    import numpy as np  # noqa: PLC0415 - comes with pandas

    if field.type == "date":
        days = np.array([v if v is not None else "NaT" for v in values], dtype="datetime64[D]")
        return module.Series(days.astype("datetime64[s]"), dtype="datetime64[s]")
    if field.type == "timestamp":
        moments = np.array(
            [
                np.datetime64(
                    datetime.fromisoformat(v).astimezone(timezone.utc).replace(tzinfo=None), "s"
                )
                if v is not None
                else np.datetime64("NaT", "s")
                for v in values
            ],
            dtype="datetime64[s]",
        )
        return module.Series(moments).dt.tz_localize("UTC").dt.tz_convert("Asia/Shanghai")
    if field.type == "decimal":
        return module.Series([None if v is None else Decimal(v) for v in values], dtype="object")
    return module.Series(values, dtype=DTYPES[field.type])


def frame(rows: Sequence[FlatRow]) -> pd.DataFrame:
    """*rows* (flat, as :func:`~safetyduty.rules.compliance.rows_of` gives them) as a DataFrame.

    Raises:
        MissingDependencyError: when pandas is not installed.
    """
    module = _pandas()
    data = {
        field.name: _column(module, field, [row[field.name] for row in rows])
        for field in ROW_FIELDS
    }
    result: pd.DataFrame = module.DataFrame(data, columns=[field.name for field in ROW_FIELDS])
    return result
