"""The library's loggers, made when something is first logged.

Importing :mod:`logging` takes about a tenth of the time it takes to import
the compliance engine, and the library logs only on a few warning paths, so
it is imported there. The ``NullHandler`` of the ``safetyduty`` logger (a
library logs, the application decides where it goes) is installed then too,
before the first record is emitted: with logging unconfigured or set up by
``basicConfig``, what is printed is the same as with the handler installed
at import. The loggers exist from the first record on, so a ``dictConfig``
run earlier with ``disable_existing_loggers`` does not disable them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

__all__ = ["logger"]


@functools.cache
def _install_null_handler() -> None:
    import logging  # noqa: PLC0415 - on the first warning, not at import

    logging.getLogger("safetyduty").addHandler(logging.NullHandler())  # the caller decides


def logger(name: str) -> logging.Logger:
    """The logger *name* (a child of ``safetyduty``), the package's ``NullHandler`` installed."""
    import logging  # noqa: PLC0415 - see the module's docstring

    _install_null_handler()
    return logging.getLogger(name)
