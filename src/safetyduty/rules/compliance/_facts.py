"""What one evaluation knows: the enterprise, its evidence and people, the days judged."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from safetyduty import law
from safetyduty.calendars import default_calendar
from safetyduty.errors import CalendarCoverageError, NoRuleInForceError
from safetyduty.models import (
    Accident,
    Enterprise,
    EnterpriseSize,
    Hazard,
    Industry,
    Person,
    Record,
    Role,
    Subject,
)
from safetyduty.rules.compliance._rows import Evidence
from safetyduty.rules.requirements import size_class
from safetyduty.typing import HolidayCalendar

__all__ = ["ENTERPRISE_SUBJECTS", "Facts"]

ENTERPRISE_SUBJECTS: Final = frozenset(
    {
        Subject.ENTERPRISE,
        Subject.PRINCIPAL,
        Subject.SAFETY_MANAGER,
        Subject.SPECIAL_OPERATOR,
        Subject.WORKER,
    }
)
"""The subjects of an enterprise's own duties (the others bind government bodies)."""

_ROLE_OF: Final = {
    Subject.PRINCIPAL: Role.PRINCIPAL,
    Subject.SAFETY_MANAGER: Role.SAFETY_MANAGER,
    Subject.SPECIAL_OPERATOR: Role.SPECIAL_OPERATOR,
    Subject.WORKER: Role.WORKER,
}


class Facts:
    """One enterprise's evidence, people and events, judged from *since* to *as_of*.

    Whose records count: a record naming one of the enterprise's people counts
    only for duties of that person's role (a worker's training is not the
    主要负责人's); records naming no one, or someone not among the people, count
    for every duty of their kind — except for a *personal* duty, which counts
    only records naming a person of its role (the principal "参加" a drill).
    """

    def __init__(
        self,
        enterprise: Enterprise,
        *,
        records: Sequence[Record],
        people: Sequence[Person],
        accidents: Sequence[Accident],
        hazards: Sequence[Hazard],
        since: date,
        as_of: date,
        calendar: HolidayCalendar | None,
    ) -> None:
        self.enterprise = enterprise
        self.since = since
        self.as_of = as_of
        self.calendar = calendar
        self.records = [r for r in records if r.enterprise == enterprise.uscc and r.on <= as_of]
        self.people = [p for p in people if p.enterprise in (None, enterprise.uscc)]
        self.accidents = [a for a in accidents if a.enterprise == enterprise.uscc]
        self.hazards = [h for h in hazards if h.enterprise == enterprise.uscc]
        self.roles = {p.id: p.role for p in self.people}
        self.everyone = Evidence(self.records, enterprise.uscc)
        self._by_role: dict[tuple[Role, bool], Evidence] = {}

    def evidence(self, subject: Subject, *, personal: bool = False) -> Evidence:
        """The evidence a duty of *subject* may use."""
        role = _ROLE_OF.get(subject)
        if role is None or (not self.roles and not personal):
            return self.everyone
        key = (role, personal)
        if key not in self._by_role:
            if personal:
                chosen = (r for r in self.records if self.roles.get(r.person or "") is role)
            else:
                chosen = (r for r in self.records if self.roles.get(r.person or "", role) is role)
            self._by_role[key] = Evidence(chosen, self.enterprise.uscc)
        return self._by_role[key]

    def sector_lists(self, day: date) -> Callable[[str], frozenset[Industry]]:
        """Resolves a named sector list of the law in its version in force on *day*."""
        return functools.partial(_list_on, day=day)

    def size(self, day: date) -> EnterpriseSize | None:
        """The enterprise's size class on *day* (given, or derived; ``None`` when unknown)."""
        try:
            return size_class(self.enterprise, as_of=day).value
        except NoRuleInForceError:
            return self.enterprise.size

    def is_workday(self, day: date) -> bool:
        """A working day of the calendar; past its coverage, Monday to Friday."""
        if self.enterprise.continuous_operation:
            return True
        if self.calendar is None:
            self.calendar = default_calendar()
        try:
            return self.calendar.is_workday(day)
        except CalendarCoverageError:
            return day.weekday() < 5  # noqa: PLR2004 - Monday..Friday


def _list_on(ident: str, *, day: date) -> frozenset[Industry]:
    try:
        return law.sector_list(ident, on=day).value
    except NoRuleInForceError:
        return frozenset()
