"""The fixed time limits of the laws and regulations, each with its source.

Every entry is an :class:`~safetyduty.models.Obligation`: who must act, the
time limit (a :class:`~safetyduty.models.Triggered` schedule) or the
recurrence (a :class:`~safetyduty.models.Recurring` one), the evidence that
shows it was done, and its :class:`~safetyduty.models.Basis`.
:func:`statutory_deadline` turns an entry and its event into a
:class:`~safetyduty.rules.deadlines.Deadline` counted by 民法典 第201-203条.

Where ``shared/domain.md`` marks an article number as unverified, the Basis
says so in its article text.

Examples:
    >>> from datetime import date
    >>> d = statutory_deadline("accident.investigation_report", date(2026, 3, 1))
    >>> d.due, str(d.basis)
    (datetime.date(2026, 4, 30), '《生产安全事故报告和调查处理条例》(国务院令第493号) 第二十九条')
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Final

from safetyduty.errors import UnknownCodeError, ValidationError
from safetyduty.models import (
    AccidentKind,
    Applicability,
    Basis,
    DueKind,
    DueRule,
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    Industry,
    Obligation,
    RecordKind,
    Recurring,
    Subject,
    Triggered,
)
from safetyduty.rules.deadlines import Deadline, Roll, due_after
from safetyduty.typing import HolidayCalendar

__all__ = [
    "STATUTORY",
    "SUPPLEMENTARY_REPORT_KINDS",
    "review_application_window",
    "statutory",
    "statutory_deadline",
]

_REGULATION = "《生产安全事故报告和调查处理条例》(国务院令第493号)"
_LAW = "《中华人民共和国安全生产法》(2021)"
_PLANS = "《生产安全事故应急预案管理办法》(应急管理部令第2号修正)"
_TRAINING = "《生产经营单位安全培训规定》(原国家安监总局令第3号)"
_OPERATORS = "《特种作业人员安全技术培训考核管理规定》(原国家安监总局令第30号)"
_HAZARDS = "《安全生产事故隐患排查治理暂行规定》(原国家安监总局令第16号)"


def _in(amount: int, unit: DurationUnit, event: EventKind) -> Triggered:
    return Triggered(event=event, within=Duration(amount=amount, unit=unit))


_H, _D, _W, _M, _Y = (
    DurationUnit.HOURS,
    DurationUnit.DAYS,
    DurationUnit.WORKDAYS,
    DurationUnit.MONTHS,
    DurationUnit.YEARS,
)
_E = EventKind

EMERGENCY_REGULATION_ARTICLE_8: Final = Applicability(
    industries=[
        Industry.HAZCHEM_PRODUCTION,
        Industry.HAZCHEM_TRADING,
        Industry.HAZCHEM_STORAGE,
        Industry.ROAD_HAZMAT,
        Industry.FIREWORKS_PRODUCTION,
        Industry.FIREWORKS_TRADING,
        Industry.CIVIL_EXPLOSIVES,
        Industry.COAL_MINE,
        Industry.METAL_NONMETAL_MINE,
        Industry.METAL_SMELTING,
        Industry.URBAN_RAIL,
        Industry.CONSTRUCTION,
        Industry.CROWDED_PLACES,
    ]
)
"""Units of 生产安全事故应急条例 第八条 (危险物品 生产/经营/储存/运输, 矿山, 金属冶炼,
城市轨道交通, 建筑施工, 人员密集场所): they drill at least every half year."""

HIGH_RISK_TRAINING: Final = Applicability(
    industries=[
        Industry.COAL_MINE,
        Industry.METAL_NONMETAL_MINE,
        Industry.TAILINGS_POND,
        Industry.HAZCHEM_PRODUCTION,
        Industry.HAZCHEM_TRADING,
        Industry.HAZCHEM_STORAGE,
        Industry.FIREWORKS_PRODUCTION,
        Industry.FIREWORKS_TRADING,
        Industry.METAL_SMELTING,
    ]
)
"""煤矿、非煤矿山、危险化学品、烟花爆竹、金属冶炼 units of Order 3 第二十四条.
Reading 尾矿库 as part of 非煤矿山 is our interpretation."""

STATUTORY: Final[tuple[Obligation, ...]] = (
    Obligation(
        id="accident.report.unit_head",
        title="单位负责人接到事故报告后1小时内向县级以上安全监管部门报告",
        subject=Subject.PRINCIPAL,
        schedule=_in(1, _H, _E.ACCIDENT),
        evidence=RecordKind.ACCIDENT_REPORTED,
        basis=Basis(document=_REGULATION, article="第九条"),
    ),
    Obligation(
        id="accident.report.each_level",
        title="逐级上报事故情况，每级上报的时间不得超过2小时",
        subject=Subject.REGULATOR_COUNTY,
        schedule=_in(2, _H, _E.ACCIDENT),
        evidence=RecordKind.ACCIDENT_REPORTED,
        basis=Basis(document=_REGULATION, article="第十一条"),
    ),
    Obligation(
        id="accident.supplementary_report",
        title="自事故发生之日起30日内伤亡人数发生变化的，应当及时补报",
        subject=Subject.ENTERPRISE,
        schedule=_in(30, _D, _E.CASUALTY_CHANGE),
        evidence=RecordKind.SUPPLEMENTARY_REPORT,
        basis=Basis(document=_REGULATION, article="第十三条"),
    ),
    Obligation(
        id="accident.supplementary_report.road_fire",
        title="道路交通事故、火灾事故自发生之日起7日内伤亡人数发生变化的，应当及时补报",
        subject=Subject.ENTERPRISE,
        schedule=_in(7, _D, _E.CASUALTY_CHANGE),
        evidence=RecordKind.SUPPLEMENTARY_REPORT,
        basis=Basis(document=_REGULATION, article="第十三条"),
    ),
    Obligation(
        id="accident.investigation_report",
        title="事故调查组应当自事故发生之日起60日内提交事故调查报告",
        subject=Subject.DEPARTMENT,
        schedule=_in(60, _D, _E.ACCIDENT),
        evidence=RecordKind.REPORT_FILED,
        basis=Basis(document=_REGULATION, article="第二十九条"),
    ),
    Obligation(
        id="accident.investigation_report.extended",
        title="经批准延长的事故调查报告期限（60日，延长最长不超过60日）",
        subject=Subject.DEPARTMENT,
        schedule=_in(120, _D, _E.ACCIDENT),
        evidence=RecordKind.REPORT_FILED,
        basis=Basis(document=_REGULATION, article="第二十九条（技术鉴定时间不计入，第二十七条）"),
    ),
    Obligation(
        id="accident.approval",
        title="重大、较大、一般事故自收到事故调查报告之日起15日内做出批复",
        subject=Subject.REGULATOR_PROVINCE,
        schedule=_in(15, _D, _E.INVESTIGATION_REPORT),
        evidence=RecordKind.OTHER,
        basis=Basis(document=_REGULATION, article="第三十二条"),
    ),
    Obligation(
        id="accident.approval.especially_major",
        title="特别重大事故自收到事故调查报告之日起30日内做出批复",
        subject=Subject.REGULATOR_NATIONAL,
        schedule=_in(30, _D, _E.INVESTIGATION_REPORT),
        evidence=RecordKind.OTHER,
        basis=Basis(document=_REGULATION, article="第三十二条"),
    ),
    Obligation(
        id="accident.approval.especially_major.extended",
        title="特别重大事故批复延长后的最长期限（30日，延长最长不超过30日）",
        subject=Subject.REGULATOR_NATIONAL,
        schedule=_in(60, _D, _E.INVESTIGATION_REPORT),
        evidence=RecordKind.OTHER,
        basis=Basis(document=_REGULATION, article="第三十二条"),
    ),
    Obligation(
        id="accident.rectification_assessment",
        title="批复事故调查报告后一年内评估事故整改和防范措施落实情况",
        subject=Subject.REGULATOR_COUNTY,
        schedule=_in(1, _Y, _E.INVESTIGATION_APPROVED),
        evidence=RecordKind.OTHER,
        basis=Basis(document=_LAW, article="第八十六条"),
    ),
    Obligation(
        id="accident.retraining.principal",
        title="发生人员死亡事故的责任单位主要负责人在事故发生日三个月内接受再培训、再教育",
        subject=Subject.PRINCIPAL,
        schedule=_in(3, _M, _E.FATAL_ACCIDENT),
        evidence=RecordKind.RETRAINING,
        basis=Basis(
            document="汕尾市落实企业安全生产主体责任整治工作实施方案(2020)", article="（三）3"
        ),
    ),
    Obligation(
        id="emergency_plan.filing",
        title="应急预案公布之日起20个工作日内备案",
        subject=Subject.ENTERPRISE,
        schedule=_in(20, _W, _E.PLAN_PUBLISHED),
        evidence=RecordKind.PLAN_FILED,
        basis=Basis(document=_PLANS, article="第二十六条"),
    ),
    Obligation(
        id="emergency_plan.evaluation",
        title="每三年进行一次应急预案评估",
        subject=Subject.ENTERPRISE,
        schedule=_in(3, _Y, _E.PLAN_EVALUATED),
        evidence=RecordKind.PLAN_EVALUATED,
        basis=Basis(document=_PLANS, article="第三十五条"),
        applicability=Applicability(
            industries=[
                *EMERGENCY_REGULATION_ARTICLE_8.industries,
                Industry.HAZCHEM_USE,
                Industry.CHEMICAL_PHARMA,
            ]
        ),
    ),
    Obligation(
        id="emergency_plan.drill.yearly",
        title="每年至少组织一次综合应急预案演练或者专项应急预案演练",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(frequency=Frequency.YEARLY),
        evidence=RecordKind.DRILL,
        basis=Basis(document=_PLANS, article="第三十三条"),
    ),
    Obligation(
        id="emergency_plan.drill.on_site",
        title="每半年至少组织一次现场处置方案演练",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(frequency=Frequency.HALF_YEARLY),
        evidence=RecordKind.DRILL,
        basis=Basis(document=_PLANS, article="第三十三条"),
    ),
    Obligation(
        id="emergency_plan.drill.high_risk",
        title="高危行业和人员密集场所经营单位至少每半年组织1次应急救援预案演练并报送演练情况",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(frequency=Frequency.HALF_YEARLY),
        evidence=RecordKind.DRILL,
        basis=Basis(document="《生产安全事故应急条例》(国务院令第708号)", article="第八条第二款"),
        applicability=EMERGENCY_REGULATION_ARTICLE_8,
    ),
    Obligation(
        id="assessment.high_risk.took_office",
        title="高危行业主要负责人和安全生产管理人员自任职之日起6个月内考核合格",
        subject=Subject.PRINCIPAL,
        schedule=_in(6, _M, _E.TOOK_OFFICE),
        evidence=RecordKind.CERTIFICATE_REVIEWED,
        basis=Basis(document=_TRAINING, article="第二十四条"),
        applicability=HIGH_RISK_TRAINING,
    ),
    Obligation(
        id="special_operation.certificate.validity",
        title="特种作业操作证有效期为6年",
        subject=Subject.SPECIAL_OPERATOR,
        schedule=_in(6, _Y, _E.CERTIFICATE_ISSUED),
        evidence=RecordKind.CERTIFICATE_REVIEWED,
        basis=Basis(document=_OPERATORS, article="第十九条"),
    ),
    Obligation(
        id="special_operation.certificate.review",
        title="特种作业操作证每3年复审1次（连续从事本工种10年以上可延长至每6年1次）",
        subject=Subject.SPECIAL_OPERATOR,
        schedule=_in(3, _Y, _E.CERTIFICATE_ISSUED),
        evidence=RecordKind.CERTIFICATE_REVIEWED,
        basis=Basis(document=_OPERATORS, article="第二十一条"),
    ),
    Obligation(
        id="special_operation.certificate.review.extended",
        title="有效期内连续从事本工种10年以上且严格守法的，经发证机关同意复审时间延长至每6年1次",
        subject=Subject.SPECIAL_OPERATOR,
        schedule=_in(6, _Y, _E.CERTIFICATE_ISSUED),
        evidence=RecordKind.CERTIFICATE_REVIEWED,
        basis=Basis(document=_OPERATORS, article="第二十一条"),
    ),
    Obligation(
        id="special_operation.certificate.review_decision",
        title="考核发证机关收到复审申请之日起20个工作日内完成复审",
        subject=Subject.REGULATOR_CITY,
        schedule=_in(20, _W, _E.APPLICATION_RECEIVED),
        evidence=RecordKind.CERTIFICATE_REVIEWED,
        basis=Basis(document=_OPERATORS, article="第二十四条"),
    ),
    Obligation(
        id="hazard.statistics.quarterly",
        title="每季对事故隐患排查治理情况统计分析，于下一季度15日前报送统计分析表",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(
            frequency=Frequency.QUARTERLY, due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, day=15)
        ),
        evidence=RecordKind.REPORT_FILED,
        basis=Basis(document=_HAZARDS, article="第十四条"),
    ),
    Obligation(
        id="hazard.statistics.yearly",
        title="每年对事故隐患排查治理情况统计分析，于下一年1月31日前报送统计分析表",
        subject=Subject.ENTERPRISE,
        schedule=Recurring(
            frequency=Frequency.YEARLY,
            due=DueRule(kind=DueKind.DAY_OF_NEXT_PERIOD, month=1, day=31),
        ),
        evidence=RecordKind.REPORT_FILED,
        basis=Basis(document=_HAZARDS, article="第十四条"),
    ),
    Obligation(
        id="penalty.publication",
        title="作出处罚决定后七个工作日内在监督管理部门公示系统予以公开曝光",
        subject=Subject.REGULATOR_COUNTY,
        schedule=_in(7, _W, _E.PENALTY_DECIDED),
        evidence=RecordKind.OTHER,
        basis=Basis(document=_LAW, article="第七十八条"),
    ),
    Obligation(
        id="penalty.fine_payment",
        title="当事人自收到行政处罚决定书之日起十五日内缴纳罚款",
        subject=Subject.ENTERPRISE,
        schedule=_in(15, _D, _E.PENALTY_DECIDED),
        evidence=RecordKind.OTHER,
        basis=Basis(document="《中华人民共和国行政处罚法》(2021)", article="第六十七条"),
    ),
)
"""The catalog, in the order of the regulations."""

SUPPLEMENTARY_REPORT_KINDS: Final = {
    "accident.supplementary_report": frozenset({AccidentKind.OTHER}),
    "accident.supplementary_report.road_fire": frozenset(
        {AccidentKind.ROAD_TRAFFIC, AccidentKind.FIRE}
    ),
}
"""Which accidents each 补报 window is for (条例 第十三条). Its clock runs from the
accident; the duty arises only when the casualties change inside the window."""

_BY_ID: Final = {entry.id: entry for entry in STATUTORY}


def statutory(key: str) -> Obligation:
    """The catalog entry *key*.

    Raises:
        UnknownCodeError: for a key that is not in :data:`STATUTORY`.

    Examples:
        >>> statutory("emergency_plan.filing").schedule.within
        Duration(amount=20, unit=<DurationUnit.WORKDAYS: 'workdays'>)
    """
    try:
        return _BY_ID[key]
    except (KeyError, TypeError):
        raise UnknownCodeError("statutory deadline", key, len(_BY_ID)) from None


def statutory_deadline(
    key: str,
    event: date | datetime,
    *,
    calendar: HolidayCalendar | None = None,
    roll: Roll | str = Roll.CIVIL_CODE,
) -> Deadline:
    """The deadline of the time limit *key* after *event*, with its basis.

    Raises:
        UnknownCodeError: for an unknown key.
        ValidationError: for a recurring entry (use ``occurrences`` instead).

    Examples:
        >>> statutory_deadline("emergency_plan.filing", date(2025, 9, 26)).due
        datetime.date(2025, 10, 30)
    """
    entry = statutory(key)
    if not isinstance(entry.schedule, Triggered):
        raise ValidationError(
            "key", key, "is a recurring duty: use occurrences(statutory(key).schedule, …)"
        )
    return due_after(entry.schedule, event, calendar=calendar, roll=roll, basis=entry.basis)


def review_application_window(review_due: date) -> tuple[date, date]:
    """The days a 复审 application may be made: within 60 days before the due date.

    "应当在期满前60日内……提出申请" (Order 30 第二十二条): from ``due − 60
    days`` to the due date, both included.

    Examples:
        >>> review_application_window(date(2027, 5, 10))
        (datetime.date(2027, 3, 11), datetime.date(2027, 5, 10))
    """
    if not isinstance(review_due, date) or isinstance(review_due, datetime):
        raise ValidationError("review_due", review_due, "must be a datetime.date")
    return review_due - timedelta(days=60), review_due
