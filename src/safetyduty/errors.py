"""The exceptions safetyduty raises on bad input or missing data.

Every error derives from :class:`SafetyDutyError`, so one ``except`` clause is
enough for a caller that wants to catch everything the library raises on
purpose. Each leaf also inherits the natural built-in (``ValueError`` or
``LookupError``), so code written against the built-ins keeps working.

Examples:
    >>> from datetime import date
    >>> from safetyduty.calendars import default_calendar
    >>> try:
    ...     default_calendar().is_workday(date(1999, 1, 4))
    ... except SafetyDutyError as exc:
    ...     print(type(exc).__name__, exc.value)
    CalendarCoverageError 1999-01-04
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

__all__ = [
    "CalendarCoverageError",
    "MissingDependencyError",
    "NoRuleInForceError",
    "PhraseError",
    "SafetyDutyError",
    "TransitionError",
    "UnknownCodeError",
    "ValidationError",
]


_SHOWN: Final = 1000
"""How many characters of a bad value a message shows."""


def _show(value: object) -> str:
    """``repr(value)`` for a message: cut to 1000 characters, and never failing.

    A value nested too deep for ``repr``, or an int too long to print, must
    not turn the library's error into a ``RecursionError`` or ``ValueError``.

    Examples:
        >>> _show("x" * 2000)[-20:]
        'x… (2002 characters)'
        >>> _show(10 ** 5000)
        '<int of 16610 bits>'
    """
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        if isinstance(value, int):
            return f"<int of {value.bit_length()} bits>"
        return f"<{type(value).__name__}, too deep to show>"
    if len(text) > _SHOWN:
        return f"{text[:_SHOWN]}… ({len(text)} characters)"
    return text


def _rebuild(cls: type[SafetyDutyError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle an error without calling its ``__init__`` (its arguments are not its ``args``)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class SafetyDutyError(Exception):
    """The root of every error safetyduty raises on bad input or missing data.

    Every error pickles, copies and deep-copies to one with the same message
    and attributes, so it can travel from a worker process or a cluster
    executor to the driver intact.

    Examples:
        >>> import pickle
        >>> error = pickle.loads(pickle.dumps(ValidationError("year", 2027.9, "must be an int")))
        >>> str(error), error.field, error.value
        ('year: must be an int (got 2027.9)', 'year', 2027.9)
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class ValidationError(SafetyDutyError, ValueError):
    """A value given to the library is not acceptable.

    Attributes:
        field: the name (or path, such as ``holidays[2].first``) of the bad field.
        value: the value that was rejected.
    """

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field!s}: {expected} (got {_show(value)})")


class CalendarCoverageError(SafetyDutyError, LookupError):
    """A date, or the result of arithmetic on it, lies outside the covered years.

    Attributes:
        value: the date asked about.
        first: the first covered date.
        last: the last covered date.
    """

    def __init__(
        self, value: date, first: date, last: date, hint: str = "", *, reason: str = ""
    ) -> None:
        self.field = "date"
        self.value = value
        self.first = first
        self.last = last
        coverage = f"{first.isoformat()} .. {last.isoformat()}"
        if reason:
            msg = f"{value.isoformat()}: {reason}, outside the calendar's coverage {coverage}"
        else:
            msg = f"{value.isoformat()} is outside the calendar's coverage {coverage}"
        if hint:
            msg = f"{msg}; {hint}"
        super().__init__(msg)


class TransitionError(SafetyDutyError, ValueError):
    """A state change that the rules do not allow (e.g. closing an unrectified hazard).

    Attributes:
        field: always ``"status"``.
        value: the current state.
        target: the state asked for.
    """

    def __init__(self, value: object, target: object, reason: str = "") -> None:
        self.field = "status"
        self.value = value
        self.target = target
        msg = f"status: cannot go from {value} to {target}"
        if reason:
            msg = f"{msg}: {reason}"
        super().__init__(msg)


class UnknownCodeError(SafetyDutyError, LookupError):
    """A code (an obligation id, a catalog key) that the library does not know.

    Attributes:
        field: what kind of code it is.
        value: the code asked for.
    """

    def __init__(self, field: str, value: object, known: int = 0) -> None:
        self.field = field
        self.value = value
        suffix = f" ({known} are known)" if known else ""
        super().__init__(f"{field}: unknown code {_show(value)}{suffix}")


class PhraseError(SafetyDutyError, ValueError):
    """A time phrase that could not be read.

    Attributes:
        field: always ``"text"``.
        value: the whole phrase.
        position: where reading stopped (0-based).
        part: the text from that position on.
    """

    def __init__(self, value: str, position: int, expected: str) -> None:
        self.field = "text"
        self.value = value
        self.position = position
        self.part = value[position:]
        super().__init__(
            f"text: cannot read {_show(self.part)} at position {position} of {_show(value)}; expected {expected}"
        )


class NoRuleInForceError(SafetyDutyError, LookupError):
    """A dated rule asked about a date before its first version took effect.

    Attributes:
        field: the rule's name.
        value: the date asked about.
        first: the first date a version applies from.
    """

    def __init__(self, rule: str, value: object, first: object) -> None:
        self.field = rule
        self.value = value
        self.first = first
        super().__init__(f"{rule}: no rule in force on {value} (the first applies from {first})")


class MissingDependencyError(SafetyDutyError, ImportError):
    """A feature needs a package of an optional extra that is not installed.

    Attributes:
        field: always ``"extra"``.
        value: the extra that brings the package (``pip install 'safetyduty[value]'``).
        package: the package that is missing.

    Examples:
        >>> print(MissingDependencyError("ics", "icalendar"))
        extra: icalendar is not installed; pip install 'safetyduty[ics]' brings it
    """

    def __init__(self, extra: str, package: str) -> None:
        self.field = "extra"
        self.value = extra
        self.package = package
        super().__init__(
            f"extra: {package} is not installed; pip install 'safetyduty[{extra}]' brings it"
        )
