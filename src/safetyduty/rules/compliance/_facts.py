"""What one evaluation knows: the enterprise, its evidence and people, the days judged."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Final

from safetyduty import law
from safetyduty.errors import CalendarCoverageError, NoRuleInForceError
from safetyduty.models import (
    Accident,
    Enterprise,
    EnterpriseSize,
    Hazard,
    Industry,
    Person,
    Record,
    RecordKind,
    Role,
    Subject,
)
from safetyduty.rules._args import bundled_calendar
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

    The records are read once: grouped by kind into one evidence index, with
    the few that name one of the people set aside, so that the index a role
    sees differs from everyone's only in the kinds such records have.
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
        uscc = enterprise.uscc
        self.enterprise = enterprise
        self.since = since
        self.as_of = as_of
        self.calendar = calendar
        self.every_day: bool | None = (
            True if enterprise.continuous_operation else False if calendar is None else None
        )
        """Whether the days of a daily duty are every day (``True``), the bundled
        calendar's working days (``False``), or those of the caller's calendar (``None``)."""
        self.people = [p for p in people if p.enterprise is None or p.enterprise == uscc]
        self.accidents = [a for a in accidents if a.enterprise == uscc]
        self.hazards = [h for h in hazards if h.enterprise == uscc]
        self.roles = {p.id: p.role for p in self.people}
        roles = self.roles
        by_kind: defaultdict[RecordKind, list[Record]] = defaultdict(list)
        for record in records:  # the one pass over every record: kept lean
            if record.on <= as_of and record.enterprise == uscc:
                by_kind[record.kind].append(record)
        self.named = [
            record
            for kind in by_kind.values()
            for record in kind
            if record.person is not None and record.person in roles
        ]
        """The records that name one of the people (training records, mostly)."""
        self.everyone = Evidence(dict(by_kind), uscc)
        self._by_role: dict[tuple[Role, bool], Evidence] = {}
        self._size: dict[date, EnterpriseSize | None] = {}

    def evidence(self, subject: Subject, *, personal: bool = False) -> Evidence:
        """The evidence a duty of *subject* may use."""
        role = _ROLE_OF.get(subject)
        if role is None or (not self.roles and not personal):
            return self.everyone
        key = (role, personal)
        found = self._by_role.get(key)
        if found is None:
            found = self._by_role[key] = self._of_role(role, personal=personal)
        return found

    def _of_role(self, role: Role, *, personal: bool) -> Evidence:
        roles = self.roles
        uscc = self.enterprise.uscc
        if personal:
            mine: dict[RecordKind, list[Record]] = {}
            for record in self.named:
                if roles[record.person or ""] is role:
                    mine.setdefault(record.kind, []).append(record)
            return Evidence(mine, uscc)
        others = {r.id for r in self.named if roles[r.person or ""] is not role}
        if not others:
            return self.everyone
        by_kind = dict(self.everyone.records)
        for kind in {r.kind for r in self.named if r.id in others}:
            by_kind[kind] = [r for r in by_kind[kind] if r.id not in others]
        return Evidence(by_kind, uscc)

    def courses(self, person: str, first: date, last: date) -> list[Record]:
        """The training records of *person* from *first* to *last*, by date and id."""
        return sorted(
            (
                r
                for r in self.named
                if r.kind is RecordKind.TRAINING and r.person == person and first <= r.on <= last
            ),
            key=_date_and_id,
        )

    def sector_lists(self, day: date) -> Callable[[str], frozenset[Industry]]:
        """Resolves a named sector list of the law in its version in force on *day*."""
        return functools.partial(_list_on, day=day)

    def size(self, day: date) -> EnterpriseSize | None:
        """The enterprise's size class on *day* (given, or derived; ``None`` when unknown)."""
        if day not in self._size:
            try:
                self._size[day] = size_class(self.enterprise, as_of=day).value
            except NoRuleInForceError:
                self._size[day] = self.enterprise.size
        return self._size[day]

    def is_workday(self, day: date) -> bool:
        """A working day of the calendar; past its coverage, Monday to Friday (an enterprise in
        continuous operation works every day: :attr:`every_day` says so, and this is not asked)."""
        if self.calendar is None:
            self.calendar = bundled_calendar()
        try:
            return self.calendar.is_workday(day)
        except CalendarCoverageError:
            return day.weekday() < 5  # noqa: PLR2004 - Monday..Friday


def _date_and_id(record: Record) -> tuple[date, str]:
    return record.on, record.id


@functools.lru_cache(maxsize=4096)
def _list_on(ident: str, *, day: date) -> frozenset[Industry]:
    try:
        return law.sector_list(ident, on=day).value
    except NoRuleInForceError:
        return frozenset()
