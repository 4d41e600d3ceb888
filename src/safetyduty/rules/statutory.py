"""The fixed time limits of the laws and regulations, each with its source.

The national duties are data (:func:`safetyduty.law.national_duties`): who
must act, the time limit (a :class:`~safetyduty.models.Triggered` schedule)
or the recurrence, the evidence that shows it was done, the day the text
took effect, and its :class:`~safetyduty.models.Basis`.
:func:`statutory_deadline` turns a time limit and its event into a
:class:`~safetyduty.rules.deadlines.Deadline` counted by 民法典 第201-203条,
under the version of the text in force on the event's day.

Examples:
    >>> from datetime import date
    >>> d = statutory_deadline("accident.investigation_report", date(2026, 3, 1))
    >>> d.due, str(d.basis)
    (datetime.date(2026, 4, 30), '《生产安全事故报告和调查处理条例》(国务院令第493号) 第二十九条')
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from safetyduty import law
from safetyduty.errors import ValidationError
from safetyduty.models import EventKind, Obligation, Triggered
from safetyduty.rules._args import plain_day
from safetyduty.rules.deadlines import Deadline, Roll, due_after
from safetyduty.typing import HolidayCalendar

__all__ = ["review_application_window", "statutory", "statutory_deadline"]


def statutory(key: str, *, on: date | None = None) -> Obligation:
    """The national duty *key*, in the version in force *on* a day (default: the newest).

    Raises:
        UnknownCodeError: for a key that is not a national duty.
        NoRuleInForceError: for a day before the duty's first text.

    Examples:
        >>> statutory("emergency_plan.filing").schedule.within
        Duration(amount=20, unit=<DurationUnit.WORKDAYS: 'workdays'>)
        >>> statutory("emergency_plan.filing", on=date(2018, 1, 1)).basis.source
        'emergency-plans-2016'
    """
    return law.duty(key, on=on)


def statutory_deadline(
    key: str,
    event: date | datetime,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
    changed_on: date | None = None,
) -> Deadline:
    """The deadline of the time limit *key* after *event*, with the basis in force on the event's day.

    For the 补报 duties (``accident.supplementary_report`` and its road/fire
    variant) *event* is the **accident**: the 30 (7) days are the window
    after it in which a change of casualties must be reported, and the
    report is due "及时" — read as by the window's last day, as
    :func:`~safetyduty.rules.compliance.evaluate` judges it. Pass
    *changed_on* to check that the change falls inside the window.

    Raises:
        UnknownCodeError: for an unknown key.
        NoRuleInForceError: for an event before the duty's text took effect.
        ValidationError: for a recurring or standing entry, or a change outside the window.

    Examples:
        >>> statutory_deadline("emergency_plan.filing", date(2025, 9, 26)).due
        datetime.date(2025, 10, 30)
        >>> statutory_deadline("accident.supplementary_report", date(2026, 3, 1), changed_on=date(2026, 3, 20)).due
        datetime.date(2026, 3, 31)
        >>> statutory_deadline("accident.supplementary_report", date(2026, 3, 1), changed_on=date(2026, 4, 2))
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: changed_on: must fall in the window 2026-03-01..2026-03-31: no 补报 duty arises after it (got datetime.date(2026, 4, 2))
    """
    if not isinstance(event, (date, datetime)):
        raise ValidationError("event", event, "must be a date or datetime")
    day = event.date() if isinstance(event, datetime) else event
    entry = law.duty(key, on=day)
    schedule = entry.schedule
    if not isinstance(schedule, Triggered):
        raise ValidationError(
            "key",
            key,
            "is not a time limit after an event: use occurrences(statutory(key).schedule, …)",
        )
    deadline = due_after(schedule, event, calendar=calendar, roll=roll, basis=entry.basis)
    if schedule.event is EventKind.CASUALTY_CHANGE and changed_on is not None:
        end = deadline.due.date() if isinstance(deadline.due, datetime) else deadline.due
        if not isinstance(changed_on, date) or not day <= changed_on <= end:
            raise ValidationError(
                "changed_on",
                changed_on,
                f"must fall in the window {day}..{end}: no 补报 duty arises after it",
            )
    return deadline


def review_application_window(review_due: date) -> tuple[date, date]:
    """The days a 复审 application may be made: within 60 days before the due date.

    "应当在期满前60日内……提出申请" (Order 30 第二十二条): from ``due − 60
    days`` to the due date, both included.

    Raises:
        NoRuleInForceError: for a due date before Order 30 took effect (2010-07-01).

    Examples:
        >>> review_application_window(date(2027, 5, 10))
        (datetime.date(2027, 3, 11), datetime.date(2027, 5, 10))
    """
    plain_day("review_due", review_due)
    days = law.parameter("operators.review", on=review_due).value["window.days"]
    return review_due - timedelta(days=int(days)), review_due
