"""When is an emergency plan due for filing?

《生产安全事故应急预案管理办法》 asks for filing (备案) within 20 working days
of publication. This example computes the due date on the Chinese working-day
calendar, says which holidays it skipped and which 调休 weekends it counted,
and shows what the answer would have been with only the notices known at the
time of publication.

Run:  python examples/filing_deadline.py 2025-09-26
"""

from __future__ import annotations

import sys
from datetime import date

from safetyduty.calendars import DayType, default_calendar
from safetyduty.errors import SafetyDutyError
from safetyduty.i18n import label


def main(published: date) -> None:
    """Print the filing due date for a plan published on *published*."""
    cal = default_calendar()
    try:
        due = cal.add_workdays(published, 20)
    except SafetyDutyError as exc:
        print(f"cannot compute: {exc}")
        return
    print(f"published {published}, due {due} ({cal.workdays_between(published, due)} workdays)")
    for offset in range(1, (due - published).days + 1):
        day = date.fromordinal(published.toordinal() + offset)
        kind = cal.day_type(day)
        if kind not in (DayType.WORKDAY, DayType.WEEKEND):
            print(f"  {day} {label(kind)} {cal.holiday_name(day)}")
    try:
        then = default_calendar(as_known_at=published).add_workdays(published, 20)
    except SafetyDutyError as exc:
        print(f"  with the notices known on {published}: not computable ({exc})")
    else:
        print(f"  with the notices known on {published}: due {then}")


if __name__ == "__main__":
    main(date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else date(2025, 9, 26))
