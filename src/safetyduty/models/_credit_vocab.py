"""The vocabularies of the credit lists (红黑名单), with their zh_CN and en labels.

Apart from :mod:`safetyduty.models._vocab` so that importing the compliance
engine, which does not judge credit, does not build them.
"""

from __future__ import annotations

from safetyduty._compat import StrEnum
from safetyduty._labels import register

__all__ = ["CreditEventKind", "CreditListKind", "CreditRegime", "CreditStanding"]


class CreditListKind(StrEnum):
    """The two credit lists."""

    BLACK = "black"
    RED = "red"


class CreditRegime(StrEnum):
    """The rules a listing decision was taken under."""

    BLACKLIST_2015 = "blacklist_2015"
    JOINT_PUNISHMENT_2017 = "joint_punishment_2017"
    SERIOUS_DISHONESTY_2023 = "serious_dishonesty_2023"
    RED_LIST_2017 = "red_list_2017"


class CreditStanding(StrEnum):
    """A subject's standing on the credit lists on a date."""

    BLACK = "black"
    RED = "red"
    NONE = "none"


class CreditEventKind(StrEnum):
    """Facts that bear on a credit status."""

    ACCIDENT = "accident"
    CONCEALED_ACCIDENT = "concealed_accident"
    FALSE_REPORT = "false_report"
    UNLICENSED_OPERATION = "unlicensed_operation"
    MAJOR_HAZARD_NOT_RECTIFIED = "major_hazard_not_rectified"
    REFUSED_ENFORCEMENT = "refused_enforcement"
    FALSE_DOCUMENTS = "false_documents"
    ADMINISTRATIVE_PENALTY = "administrative_penalty"
    PUBLIC_COMMITMENT = "public_commitment"
    STANDARDIZATION_LEVEL_1 = "standardization_level_1"
    PENALTY_IN_OTHER_FIELD = "penalty_in_other_field"
    EGREGIOUS_ACCIDENT_PENALTY = "egregious_accident_penalty"
    ABSCONDED = "absconded"
    MAJOR_HAZARD_RECTIFIED = "major_hazard_rectified"
    LATE_REPORT = "late_report"
    """迟报: an accident reported after its time limit."""
    OCCUPATIONAL_HAZARD_EXCEEDED = "occupational_hazard_exceeded"
    """职业病危害严重超标, not rectified, workers still sent in."""
    PRODUCING_WHILE_SUSPENDED = "producing_while_suspended"
    """被责令停产停业整顿，仍然从事生产经营活动."""
    FACILITIES_NOT_ACCEPTED = "facilities_not_accepted"
    """高危项目安全设施未经验收合格即投入使用."""
    ILLEGAL_MINING = "illegal_mining"
    """矿山超层越界开采或以探代采."""
    OTHER = "other"


register(
    [
        (CreditListKind.BLACK, ("黑名单", "black list")),
        (CreditListKind.RED, ("红名单", "red list")),
        (
            CreditRegime.BLACKLIST_2015,
            (
                "安全生产不良记录“黑名单”管理暂行规定(2015)",
                "2015 black-list rules",
            ),
        ),
        (
            CreditRegime.JOINT_PUNISHMENT_2017,
            (
                "安全生产领域失信行为联合惩戒实施办法(安监总办〔2017〕49号)",
                "2017 joint punishment rules",
            ),
        ),
        (
            CreditRegime.SERIOUS_DISHONESTY_2023,
            (
                "安全生产严重失信主体名单管理办法(应急管理部令第11号)",
                "2023 serious dishonesty list (MEM Order 11)",
            ),
        ),
        (
            CreditRegime.RED_LIST_2017,
            (
                "安全生产领域守信行为联合激励(安监总办〔2017〕133号)",
                "2017 red list rules",
            ),
        ),
        (CreditStanding.BLACK, ("黑名单", "black-listed")),
        (CreditStanding.RED, ("红名单", "red-listed")),
        (CreditStanding.NONE, ("未列入", "not listed")),
        (CreditEventKind.ACCIDENT, ("发生生产安全事故", "accident")),
        (CreditEventKind.CONCEALED_ACCIDENT, ("瞒报事故", "concealed accident")),
        (CreditEventKind.FALSE_REPORT, ("谎报事故", "false accident report")),
        (CreditEventKind.UNLICENSED_OPERATION, ("无证生产经营", "unlicensed operation")),
        (
            CreditEventKind.MAJOR_HAZARD_NOT_RECTIFIED,
            (
                "重大事故隐患逾期未整改",
                "major hazard not rectified",
            ),
        ),
        (CreditEventKind.REFUSED_ENFORCEMENT, ("拒不执行监管指令", "refused enforcement")),
        (CreditEventKind.FALSE_DOCUMENTS, ("出具虚假证明", "false documents")),
        (CreditEventKind.ADMINISTRATIVE_PENALTY, ("受到行政处罚", "administrative penalty")),
        (CreditEventKind.PUBLIC_COMMITMENT, ("公开信用承诺", "public commitment")),
        (CreditEventKind.STANDARDIZATION_LEVEL_1, ("取得标准化一级", "standardisation level 1")),
        (CreditEventKind.PENALTY_IN_OTHER_FIELD, ("其他领域受到惩戒", "penalty in another field")),
        (
            CreditEventKind.EGREGIOUS_ACCIDENT_PENALTY,
            (
                "事故情节特别严重、影响特别恶劣被处二至五倍罚款",
                "egregious accident fined 2-5 times",
            ),
        ),
        (
            CreditEventKind.ABSCONDED,
            ("未立即组织抢救、擅离职守或逃匿", "failed to rescue, left post or absconded"),
        ),
        (
            CreditEventKind.MAJOR_HAZARD_RECTIFIED,
            ("重大事故隐患整改到位", "major hazard rectified"),
        ),
        (CreditEventKind.LATE_REPORT, ("迟报生产安全事故", "accident reported late")),
        (
            CreditEventKind.OCCUPATIONAL_HAZARD_EXCEEDED,
            ("职业病危害严重超标仍冒险作业", "serious occupational hazard, workers still sent in"),
        ),
        (
            CreditEventKind.PRODUCING_WHILE_SUSPENDED,
            ("停产整顿期间仍从事生产经营", "operating while ordered to suspend"),
        ),
        (
            CreditEventKind.FACILITIES_NOT_ACCEPTED,
            ("安全设施未经验收即投入使用", "safety facilities used before acceptance"),
        ),
        (CreditEventKind.ILLEGAL_MINING, ("超层越界开采或以探代采", "mining beyond the licence")),
        (CreditEventKind.OTHER, ("其他", "other")),
    ]
)
