"""Standing checks: what an enterprise must have in place on a date, read from people and its profile.

A standing duty (schedule :class:`~safetyduty.models.Standing`) has no
periods: on the day judged the enterprise either has it or not. Most are
read from records (:func:`~safetyduty.rules.compliance._rows.standing_row`);
these three are read otherwise:

- ``safety_staffing``: a safety body (a ``safety_body_established`` record)
  or a safety manager among the people, whichever tier the law in force asks
  (安全生产法 第二十四条; 100 employees, 300 before 2014-12-01). A safety
  manager counts for either tier: :class:`~safetyduty.models.Person` does not
  say full-time or part-time.
- ``registered_engineer``: a person's valid 注册安全工程师 certificate.
- ``standardization``: the enterprise's 安全生产标准化 grade, granted by the
  duty's date; a 危险化学品 enterprise has until a year after 投产 when that is
  later ("危险化学品企业自建成投产之日起一年内达标", 西岔 三年行动).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Final

from safetyduty import law
from safetyduty._labels import label_of
from safetyduty.models import CertificateKind, Industry, Obligation, Role, Standing
from safetyduty.rules.compliance._facts import Facts
from safetyduty.rules.compliance._report import ComplianceRow, ComplianceStatus, status_of
from safetyduty.rules.compliance._rows import judged_day, row
from safetyduty.rules.requirements import is_high_risk, staffing_requirement

__all__ = ["registered_engineer", "safety_staffing", "standardization"]

_HAZCHEM: Final = frozenset(
    {Industry.HAZCHEM_PRODUCTION, Industry.HAZCHEM_TRADING, Industry.HAZCHEM_STORAGE}
)


def _held(found: list[str]) -> ComplianceStatus:
    return ComplianceStatus.MET if found else ComplianceStatus.MISSED


def safety_staffing(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """A safety body or a safety manager, by the staffing rule in force on the day judged."""
    day = judged_day(duty, facts.as_of)
    ruling = staffing_requirement(facts.enterprise, as_of=day)
    bodies = [i for on, i in facts.everyone.of_kind(duty.evidence) if on <= day]
    managers = [
        p.id
        for p in facts.people
        if p.role is Role.SAFETY_MANAGER and (p.took_office_on is None or p.took_office_on <= day)
    ]
    found = bodies + managers
    counted = f"{len(bodies)} body record(s), {len(managers)} safety manager(s)"
    reason = counted if found else "no safety body record and no safety manager"
    counted_zh = f"机构记录{len(bodies)}份、安全管理人员{len(managers)}名"
    reason_zh = counted_zh if found else "无安全生产管理机构记录，也无安全生产管理人员"
    yield row(
        duty,
        facts.enterprise.uscc,
        _held(found),
        start=None,
        end=None,
        due=None,
        required=1,
        evidence=found,
        reason=f"{label_of(ruling.value, 'en')} required ({ruling.reason}): {reason}",
        reason_zh=f"应{label_of(ruling.value, 'zh_CN')}（{_why_zh(facts, day)}）：{reason_zh}",
    )


def _why_zh(facts: Facts, day: date) -> str:
    """Why the staffing tier applies, in Chinese."""
    e = facts.enterprise
    if is_high_risk(e, as_of=day).value:
        return f"{label_of(e.industry, 'zh_CN')}属所列单位"
    limit = law.parameter("work-safety-law.staffing-threshold", on=day).value["employees"]
    over = "超过" if e.employees > limit else "未超过"
    return f"从业人员{e.employees}人，{over}{limit}人"


def registered_engineer(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """A person holding a 注册安全工程师 certificate valid on the day judged."""
    day = judged_day(duty, facts.as_of)
    valid = [
        f"{p.id}:{c.number}"
        for p in facts.people
        for c in p.certificates
        if c.kind is CertificateKind.REGISTERED_SAFETY_ENGINEER
        and c.issued_on <= day
        and (c.expires_on is None or c.expires_on >= day)
    ]
    reason = (
        f"{len(valid)} valid certificate(s)"
        if valid
        else "no valid registered safety engineer certificate"
    )
    reason_zh = f"有效证书{len(valid)}份" if valid else "无有效的注册安全工程师证书"
    yield row(
        duty,
        facts.enterprise.uscc,
        _held(valid),
        start=None,
        end=None,
        due=None,
        required=1,
        evidence=valid,
        reason=reason,
        reason_zh=reason_zh,
    )


def standardization(duty: Obligation, facts: Facts) -> Iterator[ComplianceRow]:
    """The enterprise's 标准化 grade, granted by the duty's date (危化: a year after 投产 at the latest)."""
    e = facts.enterprise
    day = judged_day(duty, facts.as_of)
    schedule = duty.schedule
    due = schedule.by if isinstance(schedule, Standing) else None
    if due is not None and e.industry in _HAZCHEM and e.production_started_on is not None:
        from dateutil.relativedelta import relativedelta  # noqa: PLC0415 - dateutil on first use, not at import

        due = max(due, e.production_started_on + relativedelta(years=1))
    grade = e.standardization
    if grade is not None and grade.granted_on > day:
        grade = None  # granted after the day judged
    reason = (
        f"{label_of(grade.level, 'en')} granted on {grade.granted_on}"
        if grade is not None
        else "no standardisation grade"
    )
    reason_zh = (
        f"{grade.granted_on}达到{label_of(grade.level, 'zh_CN')}"
        if grade is not None
        else "无安全生产标准化等级"
    )
    evidence = ["enterprise.standardization"] if grade is not None else []
    if due is None:
        yield row(
            duty, e.uscc, _held(evidence), start=None, end=None, due=None, required=1,
            evidence=evidence, reason=reason, reason_zh=reason_zh,
        )  # fmt: skip
        return
    on_time = int(grade is not None and grade.granted_on <= due)
    late = int(grade is not None and not on_time)
    yield row(
        duty,
        e.uscc,
        status_of(on_time, late, 1, due, facts.as_of),  # a deadline on the span's last day can pass
        start=None,
        end=due,
        due=due,
        required=1,
        evidence=evidence,
        late=late,
        reason=reason,
        reason_zh=reason_zh,
    )
