"""Standing requirements: what an enterprise must have in place on a date.

Unlike a recurring duty, a standing requirement has no periods: on ``as_of``
the enterprise either has it (a record, a person, a certificate, its
standardisation grade) or it does not. Each check gives one
:class:`~safetyduty.rules.compliance.ComplianceRow` (``start`` and ``end``
are ``None`` unless the evidence must be recent); one with a deadline is
**met** when the evidence came by the deadline, **late** after it, and
**missed**, **due** or **upcoming** without it, like any other row.

- ``standing.responsibility_system``: 全员安全生产责任制 (安全生产法 第二十二条);
  evidence: a ``responsibility_system`` record.
- ``standing.safety_staffing``: a safety body or full-time managers, or
  full- or part-time managers, by the 100-employee tier (第二十四条);
  evidence: a ``safety_body_established`` record or a safety manager.
- ``standing.registered_engineer``: a 注册安全工程师 in the listed sectors
  (第二十七条第三款); evidence: a person's valid certificate.
- ``standing.safety_director``: a 安全总监 by 2022-12-31 in 新疆 (三年行动);
  evidence: a ``safety_director_appointed`` record.
- ``standing.liability_insurance``: 安全生产责任保险 in the listed sectors
  (第五十一条); evidence: a ``liability_insurance`` record within the last year.
- ``standing.standardization``: 标准化三级 for 危险物品 units by 2021-12-31,
  危化 within a year of 投产 (西岔 三年行动); evidence: ``Enterprise.standardization``.
- ``standing.double_report``: the “双报告” system by 2020-12-31 in 新疆
  (三年行动); evidence: a ``double_report_system`` record.

Readings that are ours, not the texts': a safety manager counts for either
staffing tier (``Person`` does not say full-time or part-time); a liability
policy counts for one year from its record's date; the standardisation
deadline is the later of 2021-12-31 and one year after 投产 for 危化
enterprises; the 新疆 双报告 system is due with the plan's "2020年底前，企业建立起完善的
隐患排查治理制度". The 西岔 dates are applied wherever the catalog applies,
like the 汕尾 duties; pass ``only=`` to choose.

Examples:
    >>> from datetime import date
    >>> from safetyduty.models import Enterprise, Industry, Record, RecordKind
    >>> shop = Enterprise(uscc="914403001922038216", name="示例商贸", industry=Industry.COMMERCE,
    ...                   region="440300", employees=40)
    >>> rows = standing_requirements(shop, as_of=date(2026, 6, 30), records=[
    ...     Record(id="r1", kind=RecordKind.RESPONSIBILITY_SYSTEM, on=date(2026, 1, 5), enterprise=shop.uscc)])
    >>> [(r.obligation, r.status.value) for r in rows][:3]
    [('standing.responsibility_system', 'met'), ('standing.safety_staffing', 'missed'), ('standing.registered_engineer', 'not_applicable')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

from safetyduty._labels import label_of
from safetyduty.errors import NoRuleInForceError, UnknownCodeError, ValidationError
from safetyduty.models import (
    Basis,
    CertificateKind,
    Enterprise,
    Industry,
    Person,
    Record,
    RecordKind,
    Role,
    Subject,
)
from safetyduty.rules._args import items_of, own_people, plain_day
from safetyduty.rules._report import ComplianceRow, ComplianceStatus, status_of
from safetyduty.rules.requirements import (
    SAFETY_DIRECTOR_DEADLINE,
    requires_liability_insurance,
    requires_registered_safety_engineer,
    requires_safety_director,
    staffing_requirement,
)

__all__ = ["STANDARDIZATION_DEADLINE", "STANDING_REQUIREMENTS", "standing_requirements"]

_LAW = "《中华人民共和国安全生产法》(2021)"
_XICHA = "兰州新区西岔园区落实企业安全生产主体责任三年行动专题实施方案"
_XINJIANG = "落实企业安全生产主体责任三年行动专题实施方案(新疆)"

STANDARDIZATION_DEADLINE: Final = date(2021, 12, 31)
"""西岔: "危险物品的生产、经营、储存单位于2021年底前全部达到安全生产标准化三级以上标准"."""

_DANGEROUS_GOODS: Final = frozenset(
    {
        Industry.HAZCHEM_PRODUCTION, Industry.HAZCHEM_TRADING, Industry.HAZCHEM_STORAGE,
        Industry.FIREWORKS_PRODUCTION, Industry.FIREWORKS_TRADING, Industry.CIVIL_EXPLOSIVES,
    }
)  # fmt: skip
_HAZCHEM: Final = frozenset(
    {Industry.HAZCHEM_PRODUCTION, Industry.HAZCHEM_TRADING, Industry.HAZCHEM_STORAGE}
)
_DOUBLE_REPORT_DEADLINE: Final = date(2020, 12, 31)


class _Facts:
    """One enterprise's evidence on one date."""

    def __init__(
        self,
        enterprise: Enterprise,
        as_of: date,
        records: Iterable[Record],
        people: Iterable[Person],
    ) -> None:
        self.enterprise = enterprise
        self.as_of = as_of
        self.by_kind: dict[RecordKind, list[Record]] = {}
        for record in records:
            if record.enterprise == enterprise.uscc and record.on <= as_of:
                self.by_kind.setdefault(record.kind, []).append(record)
        self.people = own_people(people, enterprise.uscc)

    def of_kind(self, kind: RecordKind) -> list[Record]:
        """This enterprise's records of *kind* up to ``as_of``, oldest first."""
        return sorted(self.by_kind.get(kind, ()), key=lambda r: (r.on, r.id))

    def row(
        self,
        key: str,
        title: str,
        basis: Basis,
        status: ComplianceStatus,
        *,
        reason: str,
        evidence: Iterable[str] = (),
        due: date | None = None,
        late: int = 0,
        start: date | None = None,
    ) -> ComplianceRow:
        return ComplianceRow(
            enterprise=self.enterprise.uscc,
            obligation=key,
            title=title,
            subject=Subject.ENTERPRISE,
            status=status,
            start=start,
            end=self.as_of if start is not None else due,
            due=due,
            required=0 if status is ComplianceStatus.NOT_APPLICABLE else 1,
            evidence=tuple(evidence),
            late=late,
            basis=basis,
            reason=reason,
        )


def _held(evidence: list[str]) -> ComplianceStatus:
    return ComplianceStatus.MET if evidence else ComplianceStatus.MISSED


def _dated_evidence(facts: _Facts, kind: RecordKind, due: date) -> tuple[list[str], list[str]]:
    found = facts.of_kind(kind)
    return [r.id for r in found if r.on <= due], [r.id for r in found if r.on > due]


def _responsibility_system(facts: _Facts) -> ComplianceRow:
    found = facts.of_kind(RecordKind.RESPONSIBILITY_SYSTEM)
    ids = [r.id for r in found]
    reason = f"recorded on {found[0].on}" if found else "no responsibility_system record"
    return facts.row(
        "standing.responsibility_system",
        "建立健全并落实本单位全员安全生产责任制",
        Basis(document=_LAW, article="第二十一条第（一）项、第二十二条"),
        _held(ids),
        reason=reason,
        evidence=ids,
    )


def _safety_staffing(facts: _Facts) -> ComplianceRow:
    ruling = staffing_requirement(facts.enterprise)
    bodies = [r.id for r in facts.of_kind(RecordKind.SAFETY_BODY_ESTABLISHED)]
    managers = [
        p.id
        for p in facts.people
        if p.role is Role.SAFETY_MANAGER
        and (p.took_office_on is None or p.took_office_on <= facts.as_of)
    ]
    found = bodies + managers
    reason = (
        f"{len(bodies)} body record(s), {len(managers)} safety manager(s)"
        if found
        else "no safety body record and no safety manager"
    )
    return facts.row(
        "standing.safety_staffing",
        label_of(ruling.value, "zh_CN"),
        ruling.basis,
        _held(found),
        reason=f"{reason} ({ruling.reason})",
        evidence=found,
    )


def _registered_engineer(facts: _Facts) -> ComplianceRow:
    ruling = requires_registered_safety_engineer(facts.enterprise)
    title = "危险物品的生产、储存、装卸单位以及矿山、金属冶炼单位应当有注册安全工程师从事安全生产管理工作"
    key = "standing.registered_engineer"
    if not ruling.value:
        return facts.row(
            key, title, ruling.basis, ComplianceStatus.NOT_APPLICABLE, reason=ruling.reason
        )
    valid = [
        f"{p.id}:{c.number}"
        for p in facts.people
        for c in p.certificates
        if c.kind is CertificateKind.REGISTERED_SAFETY_ENGINEER
        and c.issued_on <= facts.as_of
        and (c.expires_on is None or c.expires_on >= facts.as_of)
    ]
    reason = (
        f"{len(valid)} valid certificate(s)" if valid else "no valid 注册安全工程师 certificate"
    )
    return facts.row(key, title, ruling.basis, _held(valid), reason=reason, evidence=valid)


def _safety_director(facts: _Facts) -> ComplianceRow:
    key = "standing.safety_director"
    title = "国有企业和规模以上工业、交通、建设企业2022年底前全部设立安全总监"
    ruling = requires_safety_director(
        facts.enterprise, as_of=max(facts.as_of, SAFETY_DIRECTOR_DEADLINE)
    )
    if not ruling.value:
        return facts.row(
            key, title, ruling.basis, ComplianceStatus.NOT_APPLICABLE, reason=ruling.reason
        )
    due = SAFETY_DIRECTOR_DEADLINE
    on_time, late = _dated_evidence(facts, RecordKind.SAFETY_DIRECTOR_APPOINTED, due)
    return facts.row(
        key,
        title,
        ruling.basis,
        status_of(len(on_time), len(late), 1, due, facts.as_of),
        reason=ruling.reason,
        evidence=on_time + late,
        due=due,
        late=len(late),
    )


def _liability_insurance(facts: _Facts) -> ComplianceRow:
    key = "standing.liability_insurance"
    title = "属于国家规定的高危行业、领域的生产经营单位，应当投保安全生产责任保险"
    basis = Basis(document=_LAW, article="第五十一条")
    try:
        ruling = requires_liability_insurance(facts.enterprise, as_of=facts.as_of)
    except NoRuleInForceError as error:
        return facts.row(
            key,
            title,
            basis,
            ComplianceStatus.NOT_APPLICABLE,
            reason=f"no sector list in force: {error}",
        )
    if not ruling.value:
        return facts.row(
            key, title, ruling.basis, ComplianceStatus.NOT_APPLICABLE, reason=ruling.reason
        )
    first = facts.as_of - relativedelta(years=1) + timedelta(days=1)
    policies = [r.id for r in facts.of_kind(RecordKind.LIABILITY_INSURANCE) if r.on >= first]
    reason = (
        "a policy within the year" if policies else f"no liability_insurance record since {first}"
    )
    return facts.row(
        key,
        title,
        Basis(document=_LAW, article=f"第五十一条; 行业范围: {ruling.basis.document}"),
        _held(policies),
        reason=reason,
        evidence=policies,
        start=first,
    )


def _standardization(facts: _Facts) -> ComplianceRow:
    key = "standing.standardization"
    title = "危险物品的生产、经营、储存单位于2021年底前全部达到安全生产标准化三级以上标准（危险化学品企业自建成投产之日起一年内达标）"
    basis = Basis(document=_XICHA, article="二（二）2 四是")
    e = facts.enterprise
    if e.industry not in _DANGEROUS_GOODS:
        return facts.row(
            key,
            title,
            basis,
            ComplianceStatus.NOT_APPLICABLE,
            reason=f"industry {e.industry.value} is not a 危险物品 生产、经营、储存 unit",
        )
    due = STANDARDIZATION_DEADLINE
    if e.industry in _HAZCHEM and e.production_started_on is not None:
        due = max(due, e.production_started_on + relativedelta(years=1))
    grade = e.standardization
    if grade is not None and grade.granted_on > facts.as_of:
        grade = None  # granted after the day judged
    on_time = int(grade is not None and grade.granted_on <= due)
    late = int(grade is not None and not on_time)
    reason = (
        f"{label_of(grade.level, 'zh_CN')} granted on {grade.granted_on}"
        if grade is not None
        else "no standardisation grade"
    )
    return facts.row(
        key,
        title,
        basis,
        status_of(on_time, late, 1, due, facts.as_of),
        reason=reason,
        evidence=["enterprise.standardization"] if grade is not None else [],
        due=due,
        late=late,
    )


def _double_report(facts: _Facts) -> ComplianceRow:
    key = "standing.double_report"
    title = (
        "建立健全风险管控和隐患排查治理情况向负有安全生产监督管理职责的部门和企业职代会“双报告”制度"
    )
    basis = Basis(document=_XINJIANG, article="（四）1 加强安全隐患排查 (2020年底前为本库的理解)")
    if facts.enterprise.province != "650000":
        return facts.row(
            key,
            title,
            basis,
            ComplianceStatus.NOT_APPLICABLE,
            reason=f"region {facts.enterprise.region} is outside 新疆",
        )
    due = _DOUBLE_REPORT_DEADLINE
    on_time, late = _dated_evidence(facts, RecordKind.DOUBLE_REPORT_SYSTEM, due)
    return facts.row(
        key,
        title,
        basis,
        status_of(len(on_time), len(late), 1, due, facts.as_of),
        reason="新疆 enterprise",
        evidence=on_time + late,
        due=due,
        late=len(late),
    )


_CHECKS: Final[dict[str, Callable[[_Facts], ComplianceRow]]] = {
    "standing.responsibility_system": _responsibility_system,
    "standing.safety_staffing": _safety_staffing,
    "standing.registered_engineer": _registered_engineer,
    "standing.safety_director": _safety_director,
    "standing.liability_insurance": _liability_insurance,
    "standing.standardization": _standardization,
    "standing.double_report": _double_report,
}

STANDING_REQUIREMENTS: Final = tuple(_CHECKS)
"""The ids of the standing requirements, in report order."""


def _choose(only: Iterable[str] | None) -> tuple[str, ...]:
    if only is None:
        return STANDING_REQUIREMENTS
    if isinstance(only, (str, bytes)) or not isinstance(only, Iterable):
        raise ValidationError("only", only, "must be a list of standing requirement ids")
    chosen = tuple(only)
    for key in chosen:
        if key not in _CHECKS:
            raise UnknownCodeError("standing requirement", key, len(_CHECKS))
    return chosen


def standing_requirements(
    enterprise: Enterprise,
    *,
    as_of: date,
    records: Iterable[Record] = (),
    people: Iterable[Person] = (),
    only: Iterable[str] | None = None,
) -> tuple[ComplianceRow, ...]:
    """Check the standing requirements on *as_of*, one row each (all, or those in *only*).

    Records of other enterprises, records after *as_of* and people of other
    enterprises are ignored; people without an enterprise are taken as this
    one's.

    Raises:
        ValidationError: for bad input.
        UnknownCodeError: for an unknown id in *only*.

    Examples:
        >>> from datetime import date
        >>> from safetyduty.models import Enterprise, Industry, Standardization, StandardizationLevel
        >>> depot = Enterprise(uscc="914403001922038216", name="示例危化仓储", industry=Industry.HAZCHEM_STORAGE,
        ...     region="620100", employees=60,
        ...     standardization=Standardization(level=StandardizationLevel.LEVEL_3, granted_on=date(2022, 3, 1)))
        >>> [row] = standing_requirements(depot, as_of=date(2026, 1, 1), only=["standing.standardization"])
        >>> row.status.value, row.due
        ('late', datetime.date(2021, 12, 31))
    """
    if not isinstance(enterprise, Enterprise):
        raise ValidationError("enterprise", enterprise, "must be an Enterprise")
    facts = _Facts(
        enterprise,
        plain_day("as_of", as_of),
        items_of("records", records, Record),
        items_of("people", people, Person),
    )
    return tuple(_CHECKS[key](facts) for key in _choose(only))
