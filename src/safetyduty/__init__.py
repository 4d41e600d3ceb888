"""safetyduty: Chinese work-safety duties as typed objects and pure functions.

The public API lives in subpackages: :mod:`safetyduty.calendars` (the
working-day calendar), :mod:`safetyduty.errors`, :mod:`safetyduty.i18n` and
:mod:`safetyduty.typing`; the models and rules grow in
:mod:`safetyduty.models` and :mod:`safetyduty.rules`.

Examples:
    >>> import safetyduty
    >>> isinstance(safetyduty.__version__, str)
    True
"""

from __future__ import annotations

from safetyduty.errors import CalendarCoverageError, SafetyDutyError, ValidationError

# A library logs, the caller decides: the ``safetyduty`` logger gets a
# ``NullHandler`` when the library first logs (safetyduty._log), so that
# importing the package does not import logging.

__all__ = ["CalendarCoverageError", "SafetyDutyError", "ValidationError", "__version__"]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415 - only when asked

        return version("safetyduty")
    msg = f"module 'safetyduty' has no attribute {name!r}"
    raise AttributeError(msg)
