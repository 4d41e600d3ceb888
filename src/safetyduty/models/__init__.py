"""Domain models: immutable, validated at construction.

Every model is a frozen attrs class (``attrs.evolve`` for changes); an
invalid one cannot be built, and the error names the field and the value.
Collections are tuples or frozensets; vocabularies are ``StrEnum`` with
stable ASCII values and zh_CN/en labels (:func:`safetyduty.i18n.label`).

The models that importing the compliance engine does not need (authorities,
portfolios, cases, credit events and lists, risk assessments) are imported on first
use; ``from safetyduty.models import Portfolio`` works as for any other name.

Examples:
    >>> from safetyduty.models import Basis
    >>> str(Basis(document="《生产安全事故报告和调查处理条例》", article="第三条"))
    '《生产安全事故报告和调查处理条例》 第三条'
"""

from typing import TYPE_CHECKING

from safetyduty._lazy import lazy_names
from safetyduty.models._accident import Accident
from safetyduty.models._basis import Basis
from safetyduty.models._enterprise import (
    Enterprise,
    EnterpriseSize,
    HazardFlag,
    Industry,
    Standardization,
    StandardizationLevel,
    check_park,
    check_region,
    province_of,
    region_covers,
    uscc_check_char,
)
from safetyduty.models._hazard import Hazard, RectificationPlan, StatusChange, Supervision
from safetyduty.models._obligation import Applicability, Obligation, SectorLists
from safetyduty.models._person import Certificate, Person
from safetyduty.models._plan import Baseline, Milestone, Phase, Plan, Target
from safetyduty.models._record import Record
from safetyduty.models._schedule import (
    Before,
    Continuous,
    DueRule,
    Duration,
    OneOff,
    Recurring,
    Schedule,
    Standing,
    Timing,
    Triggered,
    Window,
)
from safetyduty.models._scope import ALWAYS, NATIONAL, Jurisdiction, Span
from safetyduty.models._source import Source, Verification
from safetyduty.models._vocab import (
    AccidentGrade,
    AccidentKind,
    CertificateKind,
    Check,
    DueKind,
    DurationUnit,
    EventKind,
    Frequency,
    HazardLevel,
    HazardSource,
    HazardStatus,
    PlanLevel,
    RecordKind,
    Role,
    Subject,
    TargetKind,
    TargetMeasure,
)

if TYPE_CHECKING:
    from safetyduty.models._authority import AUTHORITY_SUBJECTS, Authority
    from safetyduty.models._case import Case
    from safetyduty.models._credit import CreditEvent, CreditStatus, ListEntry
    from safetyduty.models._credit_vocab import (
        CreditEventKind,
        CreditListKind,
        CreditRegime,
        CreditStanding,
    )
    from safetyduty.models._portfolio import Portfolio, Unmatched
    from safetyduty.models._risk import Assessment, AssessmentMethod, LecInputs, MatrixInputs, Risk

__all__ = [
    "ALWAYS",
    "AUTHORITY_SUBJECTS",
    "NATIONAL",
    "Accident",
    "AccidentGrade",
    "AccidentKind",
    "Applicability",
    "Assessment",
    "AssessmentMethod",
    "Authority",
    "Baseline",
    "Basis",
    "Before",
    "Case",
    "Certificate",
    "CertificateKind",
    "Check",
    "Continuous",
    "CreditEvent",
    "CreditEventKind",
    "CreditListKind",
    "CreditRegime",
    "CreditStanding",
    "CreditStatus",
    "DueKind",
    "DueRule",
    "Duration",
    "DurationUnit",
    "Enterprise",
    "EnterpriseSize",
    "EventKind",
    "Frequency",
    "Hazard",
    "HazardFlag",
    "HazardLevel",
    "HazardSource",
    "HazardStatus",
    "Industry",
    "Jurisdiction",
    "LecInputs",
    "ListEntry",
    "MatrixInputs",
    "Milestone",
    "Obligation",
    "OneOff",
    "Person",
    "Phase",
    "Plan",
    "PlanLevel",
    "Portfolio",
    "Record",
    "RecordKind",
    "RectificationPlan",
    "Recurring",
    "Risk",
    "Role",
    "Schedule",
    "SectorLists",
    "Source",
    "Span",
    "Standardization",
    "StandardizationLevel",
    "Standing",
    "StatusChange",
    "Subject",
    "Supervision",
    "Target",
    "TargetKind",
    "TargetMeasure",
    "Timing",
    "Triggered",
    "Unmatched",
    "Verification",
    "Window",
    "check_park",
    "check_region",
    "province_of",
    "region_covers",
    "uscc_check_char",
]

__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "AUTHORITY_SUBJECTS": "_authority",
        "Assessment": "_risk",
        "AssessmentMethod": "_risk",
        "Authority": "_authority",
        "Case": "_case",
        "CreditEvent": "_credit",
        "CreditEventKind": "_credit_vocab",
        "CreditListKind": "_credit_vocab",
        "CreditRegime": "_credit_vocab",
        "CreditStanding": "_credit_vocab",
        "CreditStatus": "_credit",
        "LecInputs": "_risk",
        "ListEntry": "_credit",
        "MatrixInputs": "_risk",
        "Portfolio": "_portfolio",
        "Risk": "_risk",
        "Unmatched": "_portfolio",
    },
)
