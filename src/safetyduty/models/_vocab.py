"""The closed vocabularies of the models, with their zh_CN and en labels.

Values are stable ASCII codes used in JSON; labels come from
:func:`safetyduty.i18n.label`.
"""

from __future__ import annotations

import importlib
from typing import Final

from safetyduty._compat import StrEnum
from safetyduty._labels import register

__all__ = [
    "AccidentGrade",
    "AccidentKind",
    "CertificateKind",
    "Check",
    "DueKind",
    "DurationUnit",
    "EventKind",
    "Frequency",
    "HazardLevel",
    "HazardSource",
    "HazardStatus",
    "PlanLevel",
    "RecordKind",
    "Role",
    "Subject",
    "TargetKind",
    "TargetMeasure",
]


class Role(StrEnum):
    """A person's safety role in an enterprise."""

    PRINCIPAL = "principal"
    SAFETY_MANAGER = "safety_manager"
    SPECIAL_OPERATOR = "special_operator"
    WORKER = "worker"


class CertificateKind(StrEnum):
    """Certificates and assessments a person holds."""

    PRINCIPAL_ASSESSMENT = "principal_assessment"
    SAFETY_MANAGER_ASSESSMENT = "safety_manager_assessment"
    SPECIAL_OPERATION = "special_operation"
    REGISTERED_SAFETY_ENGINEER = "registered_safety_engineer"


class DurationUnit(StrEnum):
    """The unit of a time limit."""

    HOURS = "hours"
    DAYS = "days"
    WORKDAYS = "workdays"
    MONTHS = "months"
    YEARS = "years"


class Frequency(StrEnum):
    """How often a recurring duty comes round; periods are calendar-aligned."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class DueKind(StrEnum):
    """When in (or after) its period a recurring duty is due."""

    END_OF_PERIOD = "end_of_period"
    """The last day of the period ("每季度底前")."""
    DAY_OF_PERIOD = "day_of_period"
    """Day N of the period ("每月25日前")."""
    DAY_OF_NEXT_PERIOD = "day_of_next_period"
    """Day N of the period after ("下一季度15日前")."""


class EventKind(StrEnum):
    """Events that start a time limit."""

    ACCIDENT = "accident"
    FATAL_ACCIDENT = "fatal_accident"
    CASUALTY_CHANGE = "casualty_change"
    INVESTIGATION_REPORT = "investigation_report"
    INVESTIGATION_APPROVED = "investigation_approved"
    PLAN_PUBLISHED = "plan_published"
    TOOK_OFFICE = "took_office"
    HAZARD_FOUND = "hazard_found"
    CERTIFICATE_ISSUED = "certificate_issued"
    PENALTY_DECIDED = "penalty_decided"
    PRODUCTION_STARTED = "production_started"
    PLAN_EVALUATED = "plan_evaluated"
    APPLICATION_RECEIVED = "application_received"
    OTHER = "other"


class Subject(StrEnum):
    """Who must carry out a duty."""

    ENTERPRISE = "enterprise"
    PRINCIPAL = "principal"
    SAFETY_MANAGER = "safety_manager"
    SPECIAL_OPERATOR = "special_operator"
    WORKER = "worker"
    REGULATOR_NATIONAL = "regulator_national"
    REGULATOR_PROVINCE = "regulator_province"
    REGULATOR_CITY = "regulator_city"
    REGULATOR_COUNTY = "regulator_county"
    REGULATOR_TOWNSHIP = "regulator_township"
    REGULATOR_PARK = "regulator_park"
    SAFETY_COMMITTEE_OFFICE = "safety_committee_office"
    DEPARTMENT = "department"


class RecordKind(StrEnum):
    """The kinds of evidence that a duty was carried out."""

    LED_INSPECTION = "led_inspection"
    SAFETY_STUDY = "safety_study"
    SAFETY_MEETING = "safety_meeting"
    SUMMARY_MEETING = "summary_meeting"
    ANALYSIS_MEETING = "analysis_meeting"
    RESPONSIBILITY_LETTERS = "responsibility_letters"
    SAFETY_LECTURE = "safety_lecture"
    DRILL_PLAN = "drill_plan"
    """A drill of the comprehensive or a special emergency plan (综合/专项应急预案演练)."""
    DRILL_ON_SITE = "drill_on_site"
    """A drill of an on-site scheme (现场处置方案演练)."""
    TRAINING = "training"
    REPORT_FILED = "report_filed"
    """A report or form filed, where no more specific kind below fits."""
    WORK_PLAN_FILED = "work_plan_filed"
    """A campaign's work (implementation) plan filed with the body above (工作方案报送)."""
    PROGRESS_REPORT = "progress_report"
    """A periodic progress report or statistics form (工作进展、统计表报送)."""
    YEAR_SUMMARY = "year_summary"
    """A year's work summary (年度工作总结、当年开展情况报送)."""
    FINAL_REPORT = "final_report"
    """A campaign's closing summary report (三年行动总结报告)."""
    HAZARD_STATISTICS_QUARTERLY = "hazard_statistics_quarterly"
    """The quarterly 隐患排查治理 statistics filed with the regulator (Order 16 第十四条)."""
    HAZARD_STATISTICS_YEARLY = "hazard_statistics_yearly"
    """The yearly 隐患排查治理 statistics filed with the regulator (Order 16 第十四条)."""
    HAZARD_CHECK_TEAM = "hazard_check_team"
    HAZARD_CHECK_WORKSHOP = "hazard_check_workshop"
    HAZARD_CHECK_PLANT = "hazard_check_plant"
    HAZARD_CHECK_GROUP = "hazard_check_group"
    PLAN_PUBLISHED = "plan_published"
    PLAN_FILED = "plan_filed"
    PLAN_EVALUATED = "plan_evaluated"
    SAFETY_COMMITMENT = "safety_commitment"
    CERTIFICATE_REVIEWED = "certificate_reviewed"
    ACCIDENT_REPORTED = "accident_reported"
    SUPPLEMENTARY_REPORT = "supplementary_report"
    CASUALTY_CHANGE = "casualty_change"
    RETRAINING = "retraining"
    INSPECTION_OF_DUTIES = "inspection_of_duties"
    SAFETY_DIRECTOR_APPOINTED = "safety_director_appointed"
    RESPONSIBILITY_SYSTEM = "responsibility_system"
    SAFETY_BODY_ESTABLISHED = "safety_body_established"
    LIABILITY_INSURANCE = "liability_insurance"
    DOUBLE_REPORT_SYSTEM = "double_report_system"
    OTHER = "other"
    # The seed plans' deliverables (issue 12): one kind each, so that one record
    # does not count for two duties of the same body due on the same day.
    TECH_MANAGEMENT_TEAM = "tech_management_team"
    """A safety technical and management team set up (安全生产技术和管理团队)."""
    RISK_CONTROL_SYSTEM = "risk_control_system"
    """A safety risk control system set up (安全风险管控体系/制度)."""
    HAZARD_MANAGEMENT_SYSTEM = "hazard_management_system"
    """A hazard investigation and remediation system set up (隐患排查治理制度)."""
    HAZARD_SYSTEM_ONLINE = "hazard_system_online"
    """The online hazard system in use (隐患排查治理信息系统, "一张网")."""
    HAZARD_MANAGEMENT_REGULARISED = "hazard_management_regularised"
    """Hazard management made systematic and regular (隐患排查治理制度化、规范化)."""
    STANDARDIZATION_SELF_ASSESSMENT = "standardization_self_assessment"
    """A 安全生产标准化 self-assessment (自评) done."""
    DUAL_PREVENTION_SYSTEM = "dual_prevention_system"
    """The dual prevention system built (安全风险分级管控和隐患排查治理体系)."""
    PROCESS_AUTOMATION = "process_automation"
    """Automated control of the units up- and downstream of a hazardous process (自动化控制)."""
    VOCATIONAL_SCHOOL = "vocational_school"
    """A vocational (technical) school built or commissioned (职业院校、技工院校)."""
    INSURANCE_PLATFORM = "insurance_platform"
    """The 安责险 information management platform set up (安责险信息化管理平台)."""
    INSURER_ONLINE_MONITORING = "insurer_online_monitoring"
    """Insurers' prevention services monitored online, with a third-party evaluation system."""
    INSPECTION_PLAN = "inspection_plan"
    """A yearly supervision and inspection plan made or filed (年度监督检查计划)."""
    TOPIC_REPORT = "topic_report"
    """A 专题's yearly work report (专题年度工作报告)."""
    TOPIC_FINAL_REPORT = "topic_final_report"
    """A 专题's final report of a three-year action (专题三年行动总结报告)."""
    PLAN_REVIEW = "plan_review"
    """A review of a development plan's implementation (规划实施情况考核评估)."""
    DUTY_ROSTER = "duty_roster"
    """The 24-hour leadership duty in place (24小时领导在岗带班值班)."""
    CREDIT_REVIEW_MECHANISM = "credit_review_mechanism"
    """The credit review mechanism for entry and exit set up (准入和退出信用审核机制)."""


class Check(StrEnum):
    """How the engine judges a duty: counting records, or a check of its own.

    Where and when a duty binds, and why, are data; how the evidence is read
    is one of these.
    """

    RECORDS = "records"
    """Records of the duty's evidence kind, counted by its schedule."""
    SAFETY_STAFFING = "safety_staffing"
    """A safety body (a record) or safety managers (people), by the staffing rule in force."""
    REGISTERED_ENGINEER = "registered_engineer"
    """A person holding a valid 注册安全工程师 certificate."""
    STANDARDIZATION = "standardization"
    """The enterprise's 安全生产标准化 grade (危化: one year after 投产 at the earliest)."""
    TRAINING_YEARLY = "training_yearly"
    """Each person's yearly 学时 (training records with hours)."""
    TRAINING_PRE_JOB = "training_pre_job"
    """A new worker's 岗前 学时 before the first day of work."""
    ASSESSMENT = "assessment"
    """A principal's or safety manager's 考核 certificate after taking office."""
    OPERATOR_CERTIFICATE = "operator_certificate"
    """A special operator holds a 特种作业操作证."""
    OPERATOR_REVIEW = "operator_review"
    """The certificate's 复审 by its due date."""
    OPERATOR_VALIDITY = "operator_validity"
    """The certificate is within its validity (and not lapsed by a missed 复审)."""


class PlanLevel(StrEnum):
    """The government level that issued a plan."""

    NATIONAL = "national"
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    PARK = "park"


class TargetKind(StrEnum):
    """How a target's value is judged."""

    AT_LEAST_RATE = "at_least_rate"
    """A rate that must reach the value (预案备案率 100%)."""
    AT_MOST_RATE = "at_most_rate"
    """A rate that must stay at or under the value (火灾死亡率 ≤ 0.01%)."""
    REDUCTION = "reduction"
    """A fall against a baseline by at least the value (事故起数 下降10%)."""
    AT_LEAST_COUNT = "at_least_count"
    """A count that must reach the value."""
    AT_MOST_COUNT = "at_most_count"
    """A count that must stay at or under the value."""


class TargetMeasure(StrEnum):
    """What a target's value measures, which decides when it can be judged."""

    LEVEL = "level"
    """A level reached on a day (达标率, 覆盖率): judged at each milestone, met early when reached."""
    PERIOD_TOTAL = "period_total"
    """A total over the target's period (十四五 事故起数): observations are the counts of
    stretches of it, summed; judged at the end of the period."""
    YEARLY = "yearly"
    """A figure of each calendar year (年度十万人口火灾死亡率): each year is judged at its end."""


class HazardLevel(StrEnum):
    """事故隐患 grade."""

    GENERAL = "general"
    MAJOR = "major"


class HazardSource(StrEnum):
    """Who found a hazard."""

    SELF_INSPECTION = "self_inspection"
    REGULATOR = "regulator"
    REPORT = "report"


class HazardStatus(StrEnum):
    """Where a hazard stands in its remediation."""

    REPORTED = "reported"
    RECTIFYING = "rectifying"
    PENDING_ACCEPTANCE = "pending_acceptance"
    CLOSED = "closed"


class AccidentGrade(StrEnum):
    """事故等级 (生产安全事故报告和调查处理条例 第三条)."""

    GENERAL = "general"
    LARGER = "larger"
    MAJOR = "major"
    ESPECIALLY_MAJOR = "especially_major"


class AccidentKind(StrEnum):
    """Kinds of accident that change the rules (补报 windows)."""

    ROAD_TRAFFIC = "road_traffic"
    FIRE = "fire"
    OTHER = "other"


register(
    [
        (Role.PRINCIPAL, ("主要负责人", "principal person")),
        (Role.SAFETY_MANAGER, ("安全生产管理人员", "safety manager")),
        (Role.SPECIAL_OPERATOR, ("特种作业人员", "special operator")),
        (Role.WORKER, ("从业人员", "employee")),
        (
            CertificateKind.PRINCIPAL_ASSESSMENT,
            (
                "主要负责人安全生产知识和管理能力考核合格证",
                "principal's assessment certificate",
            ),
        ),
        (
            CertificateKind.SAFETY_MANAGER_ASSESSMENT,
            (
                "安全生产管理人员安全生产知识和管理能力考核合格证",
                "safety manager's assessment certificate",
            ),
        ),
        (CertificateKind.SPECIAL_OPERATION, ("特种作业操作证", "special operation certificate")),
        (
            CertificateKind.REGISTERED_SAFETY_ENGINEER,
            (
                "注册安全工程师",
                "registered safety engineer",
            ),
        ),
        (DurationUnit.HOURS, ("小时", "hours")),
        (DurationUnit.DAYS, ("日", "days")),
        (DurationUnit.WORKDAYS, ("个工作日", "working days")),
        (DurationUnit.MONTHS, ("个月", "months")),
        (DurationUnit.YEARS, ("年", "years")),
        (Frequency.DAILY, ("每日", "daily")),
        (Frequency.WEEKLY, ("每周", "weekly")),
        (Frequency.MONTHLY, ("每月", "monthly")),
        (Frequency.QUARTERLY, ("每季度", "quarterly")),
        (Frequency.HALF_YEARLY, ("每半年", "half-yearly")),
        (Frequency.YEARLY, ("每年", "yearly")),
        (DueKind.END_OF_PERIOD, ("期末前", "by the end of the period")),
        (DueKind.DAY_OF_PERIOD, ("本期第N日前", "by day N of the period")),
        (DueKind.DAY_OF_NEXT_PERIOD, ("下期第N日前", "by day N of the next period")),
        (EventKind.ACCIDENT, ("生产安全事故", "accident")),
        (EventKind.FATAL_ACCIDENT, ("死亡事故", "fatal accident")),
        (EventKind.CASUALTY_CHANGE, ("伤亡人数变化", "change in casualties")),
        (EventKind.INVESTIGATION_REPORT, ("事故调查报告提交", "investigation report submitted")),
        (EventKind.INVESTIGATION_APPROVED, ("事故调查报告批复", "investigation report approved")),
        (EventKind.PLAN_PUBLISHED, ("应急预案公布", "emergency plan published")),
        (EventKind.TOOK_OFFICE, ("任职", "took office")),
        (EventKind.HAZARD_FOUND, ("发现隐患", "hazard found")),
        (EventKind.CERTIFICATE_ISSUED, ("取得证书", "certificate issued")),
        (EventKind.PENALTY_DECIDED, ("作出行政处罚决定", "penalty decided")),
        (EventKind.PRODUCTION_STARTED, ("投产", "production started")),
        (EventKind.PLAN_EVALUATED, ("应急预案评估", "emergency plan evaluated")),
        (EventKind.APPLICATION_RECEIVED, ("收到申请", "application received")),
        (EventKind.OTHER, ("其他事件", "other event")),
        (Subject.ENTERPRISE, ("生产经营单位", "enterprise")),
        (Subject.PRINCIPAL, ("主要负责人", "principal person")),
        (Subject.SAFETY_MANAGER, ("安全生产管理人员", "safety manager")),
        (Subject.SPECIAL_OPERATOR, ("特种作业人员", "special operator")),
        (Subject.WORKER, ("从业人员", "employees")),
        (Subject.REGULATOR_NATIONAL, ("国家级监管部门", "national regulator")),
        (Subject.REGULATOR_PROVINCE, ("省级监管部门", "provincial regulator")),
        (Subject.REGULATOR_CITY, ("市级监管部门", "city regulator")),
        (Subject.REGULATOR_COUNTY, ("县级监管部门", "county regulator")),
        (Subject.REGULATOR_TOWNSHIP, ("乡镇（街道）", "township")),
        (Subject.REGULATOR_PARK, ("园区管委会", "park administration")),
        (Subject.SAFETY_COMMITTEE_OFFICE, ("安委办", "safety committee office")),
        (Subject.DEPARTMENT, ("有关部门", "department")),
        (RecordKind.LED_INSPECTION, ("主要负责人带队检查", "inspection led by the principal")),
        (RecordKind.SAFETY_STUDY, ("安全生产学习", "safety study session")),
        (RecordKind.SAFETY_MEETING, ("安全生产会议", "safety meeting")),
        (RecordKind.SUMMARY_MEETING, ("安全生产总结会", "annual summary meeting")),
        (RecordKind.ANALYSIS_MEETING, ("安全形势分析会", "safety analysis meeting")),
        (
            RecordKind.RESPONSIBILITY_LETTERS,
            ("签订安全生产责任书", "responsibility letters signed"),
        ),
        (RecordKind.SAFETY_LECTURE, ("安全生产讲课", "safety lecture")),
        (
            RecordKind.DRILL_PLAN,
            ("综合或专项应急预案演练", "drill of the comprehensive or a special emergency plan"),
        ),
        (RecordKind.DRILL_ON_SITE, ("现场处置方案演练", "drill of an on-site response scheme")),
        (
            RecordKind.HAZARD_STATISTICS_QUARTERLY,
            ("季度隐患排查治理统计分析表", "quarterly hazard statistics"),
        ),
        (
            RecordKind.HAZARD_STATISTICS_YEARLY,
            ("年度隐患排查治理统计分析表", "yearly hazard statistics"),
        ),
        (RecordKind.TRAINING, ("安全培训", "safety training")),
        (RecordKind.REPORT_FILED, ("报送报表", "report filed")),
        (RecordKind.WORK_PLAN_FILED, ("报送工作方案", "work plan filed")),
        (RecordKind.PROGRESS_REPORT, ("报送工作进展", "progress report filed")),
        (RecordKind.YEAR_SUMMARY, ("报送年度工作总结", "year's summary filed")),
        (RecordKind.FINAL_REPORT, ("报送总结报告", "final report filed")),
        (RecordKind.HAZARD_CHECK_TEAM, ("班组隐患排查", "team hazard check")),
        (RecordKind.HAZARD_CHECK_WORKSHOP, ("车间隐患排查", "workshop hazard check")),
        (RecordKind.HAZARD_CHECK_PLANT, ("厂矿隐患排查", "plant hazard check")),
        (RecordKind.HAZARD_CHECK_GROUP, ("集团公司隐患排查", "group hazard check")),
        (RecordKind.PLAN_FILED, ("应急预案备案", "emergency plan filed")),
        (RecordKind.PLAN_EVALUATED, ("应急预案评估", "emergency plan evaluated")),
        (RecordKind.SAFETY_COMMITMENT, ("安全承诺", "safety commitment")),
        (RecordKind.CERTIFICATE_REVIEWED, ("证书复审", "certificate reviewed")),
        (RecordKind.ACCIDENT_REPORTED, ("事故报告", "accident reported")),
        (RecordKind.SUPPLEMENTARY_REPORT, ("事故补报", "supplementary accident report")),
        (RecordKind.CASUALTY_CHANGE, ("伤亡人数变化", "casualty count changed")),
        (RecordKind.RETRAINING, ("再培训", "retraining")),
        (RecordKind.INSPECTION_OF_DUTIES, ("履职检查", "inspection of duties")),
        (RecordKind.PLAN_PUBLISHED, ("应急预案公布", "emergency plan published")),
        (RecordKind.SAFETY_DIRECTOR_APPOINTED, ("设立安全总监", "safety director appointed")),
        (
            RecordKind.RESPONSIBILITY_SYSTEM,
            ("建立全员安全生产责任制", "all-staff responsibility system"),
        ),
        (
            RecordKind.SAFETY_BODY_ESTABLISHED,
            ("设置安全生产管理机构", "safety management body set up"),
        ),
        (RecordKind.LIABILITY_INSURANCE, ("投保安全生产责任保险", "liability insurance policy")),
        (RecordKind.DOUBLE_REPORT_SYSTEM, ("建立“双报告”制度", "double-report system")),
        (RecordKind.OTHER, ("其他", "other")),
        (
            RecordKind.TECH_MANAGEMENT_TEAM,
            ("建立安全生产技术和管理团队", "safety technical and management team set up"),
        ),
        (RecordKind.RISK_CONTROL_SYSTEM, ("建立安全风险管控体系", "risk control system set up")),
        (
            RecordKind.HAZARD_MANAGEMENT_SYSTEM,
            ("建立隐患排查治理制度", "hazard investigation system set up"),
        ),
        (
            RecordKind.HAZARD_SYSTEM_ONLINE,
            ("隐患排查治理信息系统（“一张网”）投入使用", "online hazard system in use"),
        ),
        (
            RecordKind.HAZARD_MANAGEMENT_REGULARISED,
            ("隐患排查治理制度化、规范化", "hazard management made systematic and regular"),
        ),
        (
            RecordKind.STANDARDIZATION_SELF_ASSESSMENT,
            ("安全生产标准化自评", "standardisation self-assessment"),
        ),
        (
            RecordKind.DUAL_PREVENTION_SYSTEM,
            ("建成安全风险分级管控和隐患排查治理体系", "dual prevention system built"),
        ),
        (RecordKind.PROCESS_AUTOMATION, ("实现自动化控制", "automated control in place")),
        (
            RecordKind.VOCATIONAL_SCHOOL,
            ("建设职业院校（技工院校）", "vocational school built or commissioned"),
        ),
        (
            RecordKind.INSURANCE_PLATFORM,
            ("建立安责险信息化管理平台", "liability-insurance platform set up"),
        ),
        (
            RecordKind.INSURER_ONLINE_MONITORING,
            (
                "保险机构预防技术服务在线监测及第三方评估公示制度",
                "insurers' prevention services monitored online",
            ),
        ),
        (RecordKind.INSPECTION_PLAN, ("年度监督检查计划", "yearly inspection plan")),
        (RecordKind.TOPIC_REPORT, ("专题年度工作报告", "topic's yearly report")),
        (RecordKind.TOPIC_FINAL_REPORT, ("专题三年行动总结报告", "topic's final report")),
        (RecordKind.PLAN_REVIEW, ("规划实施情况考核评估", "review of the plan's implementation")),
        (RecordKind.DUTY_ROSTER, ("24小时领导在岗带班值班", "24-hour leadership duty")),
        (
            RecordKind.CREDIT_REVIEW_MECHANISM,
            ("建立准入和退出信用审核机制", "credit review mechanism set up"),
        ),
        (Check.RECORDS, ("按记录计数", "counted from records")),
        (Check.SAFETY_STAFFING, ("安全管理机构和人员", "safety body and staff")),
        (Check.REGISTERED_ENGINEER, ("注册安全工程师", "registered safety engineer")),
        (Check.STANDARDIZATION, ("安全生产标准化等级", "standardisation grade")),
        (Check.TRAINING_YEARLY, ("年度再培训学时", "yearly training hours")),
        (Check.TRAINING_PRE_JOB, ("岗前培训学时", "pre-job training hours")),
        (Check.ASSESSMENT, ("任职考核", "assessment after taking office")),
        (Check.OPERATOR_CERTIFICATE, ("特种作业操作证", "special operation certificate")),
        (Check.OPERATOR_REVIEW, ("特种作业操作证复审", "certificate review")),
        (Check.OPERATOR_VALIDITY, ("特种作业操作证有效期", "certificate validity")),
        (PlanLevel.NATIONAL, ("国家", "national")),
        (PlanLevel.PROVINCE, ("省级", "provincial")),
        (PlanLevel.CITY, ("市级", "city")),
        (PlanLevel.COUNTY, ("县级", "county")),
        (PlanLevel.PARK, ("园区", "park")),
        (TargetKind.AT_LEAST_RATE, ("比率不低于", "rate at least")),
        (TargetKind.AT_MOST_RATE, ("比率不高于", "rate at most")),
        (TargetKind.REDUCTION, ("较基期下降", "reduction against baseline")),
        (TargetKind.AT_LEAST_COUNT, ("数量不少于", "count at least")),
        (TargetKind.AT_MOST_COUNT, ("数量不多于", "count at most")),
        (TargetMeasure.LEVEL, ("时点水平", "level on a day")),
        (TargetMeasure.PERIOD_TOTAL, ("期间累计", "total over the period")),
        (TargetMeasure.YEARLY, ("年度数值", "figure of each year")),
        (HazardLevel.GENERAL, ("一般事故隐患", "general hazard")),
        (HazardLevel.MAJOR, ("重大事故隐患", "major hazard")),
        (HazardSource.SELF_INSPECTION, ("企业自查", "self-inspection")),
        (HazardSource.REGULATOR, ("监管检查", "regulator's inspection")),
        (HazardSource.REPORT, ("举报", "public report")),
        (HazardStatus.REPORTED, ("已登记", "reported")),
        (HazardStatus.RECTIFYING, ("整改中", "being rectified")),
        (HazardStatus.PENDING_ACCEPTANCE, ("待验收", "awaiting acceptance")),
        (HazardStatus.CLOSED, ("已销号", "closed")),
        (AccidentGrade.GENERAL, ("一般事故", "general accident")),
        (AccidentGrade.LARGER, ("较大事故", "larger accident")),
        (AccidentGrade.MAJOR, ("重大事故", "major accident")),
        (AccidentGrade.ESPECIALLY_MAJOR, ("特别重大事故", "especially major accident")),
        (AccidentKind.ROAD_TRAFFIC, ("道路交通事故", "road traffic accident")),
        (AccidentKind.FIRE, ("火灾事故", "fire")),
        (AccidentKind.OTHER, ("其他生产安全事故", "other accident")),
    ]
)


_MOVED: Final = {
    "AssessmentMethod": "_risk",
    "CreditEventKind": "_credit_vocab",
    "CreditListKind": "_credit_vocab",
    "CreditRegime": "_credit_vocab",
    "CreditStanding": "_credit_vocab",
}
"""The vocabularies that moved to the modules loaded on first use (a pickle made before names
them here)."""


def __getattr__(name: str) -> object:
    if name in _MOVED:
        return getattr(importlib.import_module(f"safetyduty.models.{_MOVED[name]}"), name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
