"""The demo's sample portfolio, built deterministically (no file, no randomness at run time).

Twenty enterprises in 汕尾市 across the catalog's industries, with the records
of 2026 up to 2026-11-22, some hazards and accidents, and gaps on purpose:
months without a led inspection, a late quarterly report, a missed drill,
an open major hazard past its deadline, a fatal accident without the
principal's retraining; and standing gaps: a missing responsibility system,
a lapsed liability policy, a mine without a registered safety engineer, a
store without a safety manager, new workers short of their pre-job hours,
a special operator's missed 复审.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Final

from safetyduty.models import (
    Accident,
    AccidentKind,
    Certificate,
    CertificateKind,
    Enterprise,
    Hazard,
    HazardFlag,
    HazardLevel,
    HazardSource,
    Industry,
    Person,
    Portfolio,
    Record,
    RecordKind,
    RectificationPlan,
    Role,
    Standardization,
    StandardizationLevel,
    Supervision,
    uscc_check_char,
)

__all__ = ["SAMPLE_AS_OF", "build_sample"]

SAMPLE_AS_OF: Final = date(2026, 11, 23)
_FIRST: Final = date(2026, 1, 1)
_LAST: Final = date(2026, 11, 22)
_CST: Final = timezone(timedelta(hours=8))
_CHARS: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_GROUP: Final = 5  # 汕尾市客运集团 checks its units quarterly; it skipped the second quarter

# name, industry, region, employees, flags, state-owned, above size, standardisation level
_FIRMS: Final = (
    (
        "汕尾市海丰化工有限公司",
        Industry.HAZCHEM_PRODUCTION,
        "441521",
        320,
        (HazardFlag.MAJOR_HAZARD_SOURCE,),
        False,
        True,
        3,
    ),
    (
        "陆丰港口危化仓储有限公司",
        Industry.HAZCHEM_STORAGE,
        "441581",
        85,
        (HazardFlag.MAJOR_HAZARD_SOURCE,),
        True,
        True,
        2,
    ),
    ("汕尾城区燃气经营有限公司", Industry.HAZCHEM_TRADING, "441502", 46, (), True, True, 3),
    ("海丰县建筑工程有限公司", Industry.CONSTRUCTION, "441521", 540, (), False, True, 3),
    ("陆河县石材矿业有限公司", Industry.METAL_NONMETAL_MINE, "441523", 130, (), False, True, None),
    (
        "汕尾市客运集团有限公司",
        Industry.ROAD_PASSENGER,
        "441502",
        760,
        (),
        True,
        True,
        2,
    ),  # a 集团公司
    ("陆丰市货运物流有限公司", Industry.ROAD_FREIGHT, "441581", 95, (), False, False, None),
    (
        "汕尾市金属冶炼有限公司",
        Industry.METAL_SMELTING,
        "441502",
        410,
        (HazardFlag.DUST_EXPLOSION,),
        False,
        True,
        3,
    ),
    (
        "海丰县机械制造有限公司",
        Industry.MACHINERY,
        "441521",
        150,
        (HazardFlag.CONFINED_SPACE,),
        False,
        True,
        None,
    ),
    ("汕尾市纺织印染有限公司", Industry.TEXTILE, "441502", 260, (), False, True, 3),
    (
        "陆河县食品加工有限公司",
        Industry.LIGHT_INDUSTRY,
        "441523",
        72,
        (HazardFlag.AMMONIA_REFRIGERATION,),
        False,
        False,
        None,
    ),
    (
        "汕尾市建材水泥有限公司",
        Industry.BUILDING_MATERIALS,
        "441502",
        230,
        (HazardFlag.DUST_EXPLOSION,),
        True,
        True,
        2,
    ),
    ("汕尾市商贸广场有限公司", Industry.CROWDED_PLACES, "441502", 180, (), False, True, None),
    ("海丰县烟花爆竹批发有限公司", Industry.FIREWORKS_TRADING, "441521", 18, (), False, False, 3),
    ("汕尾市电力发电有限公司", Industry.ELECTRIC_POWER, "441502", 640, (), True, True, 1),
    ("陆丰市渔业捕捞有限公司", Industry.FISHERY, "441581", 40, (), False, False, None),
    (
        "汕尾市医药化工有限公司",
        Industry.CHEMICAL_PHARMA,
        "441502",
        210,
        (HazardFlag.HAZARDOUS_PROCESS,),
        False,
        True,
        3,
    ),
    ("汕尾市城市轨道交通有限公司", Industry.URBAN_RAIL, "441502", 880, (), True, True, 2),
    (
        "陆河县家具制造有限公司",
        Industry.LIGHT_INDUSTRY,
        "441523",
        64,
        (HazardFlag.DUST_EXPLOSION,),
        False,
        False,
        None,
    ),
    ("汕尾市百货商贸有限公司", Industry.COMMERCE, "441502", 55, (), False, False, None),
)


def _uscc(index: int) -> str:
    body = f"91441500MA{index:02d}{_CHARS[(index * 7) % 31]}{_CHARS[(index * 11) % 31]}{_CHARS[(index * 13) % 31]}"
    head = (body + "0000000")[:17]
    return head + uscc_check_char(head)


def _enterprises() -> list[Enterprise]:
    firms = []
    for index, (name, industry, region, staff, flags, state, big, level) in enumerate(_FIRMS):
        grade = None
        if level is not None:
            grade = Standardization(
                level=tuple(StandardizationLevel)[level - 1],
                granted_on=date(2021 + index % 4, 6, 30),
            )
        firms.append(
            Enterprise(
                uscc=_uscc(index), name=name, industry=industry, region=region, employees=staff,
                hazard_flags=flags, state_owned=state, above_designated_size=big, standardization=grade,
                group_company=index == _GROUP,
                production_started_on=date(2005 + index, 3, 1),
            )
        )  # fmt: skip
    return firms


def _days(first: date, last: date, step: int = 1) -> list[date]:
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


def _records(index: int, uscc: str) -> list[Record]:
    made: list[Record] = []

    def add(
        kind: RecordKind, on: date, hours: Decimal | None = None, person: str | None = None
    ) -> None:
        if on <= _LAST:
            made.append(Record(id=f"{uscc[-6:]}-{kind.value}-{on.isoformat()}-{len(made)}", kind=kind, on=on,
                               enterprise=uscc, hours=hours, person=person))  # fmt: skip

    # 八个一次: led inspections monthly; some firms skip a month or two on purpose.
    skipped = {0: {3}, 4: {6, 7}, 8: {9}, 12: {2}, 18: {5, 10}}.get(index, set())
    for month in range(1, 12):
        if month not in skipped:
            add(RecordKind.LED_INSPECTION, date(2026, month, 8 + index % 10))
    for quarter_month in (2, 5, 8):
        if not (index % 6 == 1 and quarter_month == 5):
            add(RecordKind.SAFETY_STUDY, date(2026, quarter_month, 15))
    yearly = (
        (RecordKind.SUMMARY_MEETING, date(2026, 1, 20)),
        (RecordKind.ANALYSIS_MEETING, date(2026, 7, 3)),
        (RecordKind.RESPONSIBILITY_LETTERS, date(2026, 2, 26)),
        (RecordKind.SAFETY_LECTURE, date(2026, 6, 16)),
        (RecordKind.TRAINING, date(2026, 4, 9)),
        (RecordKind.SAFETY_COMMITMENT, date(2026, 2, 26)),
    )
    for number, (kind, on) in enumerate(yearly):
        if (index + number) % 7 != 3:  # each firm leaves one or two of these for December
            training = kind is RecordKind.TRAINING
            add(
                kind,
                on + timedelta(days=index),
                Decimal(16) if training else None,
                f"{uscc[-6:]}-principal" if training else None,
            )
    # Drills: a yearly exercise of the plan in June; on-site schemes in April and October, with gaps.
    add(RecordKind.DRILL_PLAN, date(2026, 6, 10 + index % 15))
    if index % 5 != 1:
        add(RecordKind.DRILL_ON_SITE, date(2026, 4, 14 + index % 10))
    if index % 4 != 2:
        add(RecordKind.DRILL_ON_SITE, date(2026, 10, 12 + index % 10))
    # Hazard checks: teams daily (a lapse of a week for some), workshops weekly, plants monthly.
    lapse = set(_days(date(2026, 9, 1), date(2026, 9, 7))) if index % 5 == 3 else set()
    for day in _days(_FIRST, _LAST):
        if day not in lapse:
            add(RecordKind.HAZARD_CHECK_TEAM, day)
    for day in _days(date(2026, 1, 5), _LAST, 7):
        add(RecordKind.HAZARD_CHECK_WORKSHOP, day)
    for month in range(1, 12):
        if not (index % 9 == 4 and month == 8):
            add(RecordKind.HAZARD_CHECK_PLANT, date(2026, month, 3))
    # Hazard statistics: quarterly reports by the 15th of the next quarter; some are late.
    for report_day in (
        date(2026, 4, 10),
        date(2026, 7, 20 if index % 8 == 5 else 13),
        date(2026, 10, 14),
    ):
        add(RecordKind.HAZARD_STATISTICS_QUARTERLY, report_day)
    if index == _GROUP:
        for on in (date(2026, 3, 18), date(2026, 9, 16)):
            add(RecordKind.HAZARD_CHECK_GROUP, on)
    _standing_records(index, uscc, add)
    return made


_INSURED_BY_INDEX: Final = {0, 1, 2, 3, 4, 5, 7, 13, 15, 17}  # index 6 let its policy lapse


def _standing_records(index: int, uscc: str, add: Callable[..., None]) -> None:
    """Standing evidence; the gaps are on purpose (no responsibility system at 13, a lapsed policy at 6)."""
    if index != 13:
        add(RecordKind.RESPONSIBILITY_SYSTEM, date(2026, 1, 6))
    if _FIRMS[index][3] > 100:
        add(RecordKind.SAFETY_BODY_ESTABLISHED, date(2026, 1, 6))
    if index in _INSURED_BY_INDEX:
        add(RecordKind.LIABILITY_INSURANCE, date(2026, 1, 10 + index))
    manager = f"{uscc[-6:]}-manager"
    if index % 5 != 4:  # the managers of 4, 9, 14 and 19 have had no yearly training yet
        add(RecordKind.TRAINING, date(2026, 9, 15), Decimal(16), manager)
    if index % 3 == 0:
        hours = (
            Decimal(72) if index % 6 == 0 else Decimal(16)
        )  # some new workers short of their hours
        add(RecordKind.TRAINING, date(2026, 2, 27), hours, f"{uscc[-6:]}-worker")


def _people_of(index: int, firm: Enterprise) -> list[Person]:
    """A principal, a safety manager, maybe a new worker and a special operator (gaps on purpose)."""
    tag = firm.uscc[-6:]
    people = [Person(id=f"{tag}-principal", name=f"{firm.name[:2]}负责人", role=Role.PRINCIPAL,
                     enterprise=firm.uscc, took_office_on=date(2019, 4, 1))]  # fmt: skip
    if index != 19:  # the department store has no safety manager
        engineer = (
            (Certificate(kind=CertificateKind.REGISTERED_SAFETY_ENGINEER, number=f"RSE{index:04d}",
                         issued_on=date(2020, 9, 1)),)
            if index in (0, 1, 7) else ()
        )  # fmt: skip
        people.append(Person(id=f"{tag}-manager", name=f"{firm.name[:2]}安全员", role=Role.SAFETY_MANAGER,
                             enterprise=firm.uscc, took_office_on=date(2022, 2, 1),
                             certificates=engineer))  # fmt: skip
    if index % 3 == 0:
        people.append(Person(id=f"{tag}-worker", name=f"{firm.name[:2]}新员工", role=Role.WORKER,
                             enterprise=firm.uscc, took_office_on=date(2026, 3, 2)))  # fmt: skip
    if index % 4 == 0:
        reviewed = None if index == 8 else date(2026, 3, 20)
        licence = Certificate(kind=CertificateKind.SPECIAL_OPERATION, number=f"T4415{index:08d}",
                              issued_on=date(2023, 5, 10), last_reviewed_on=reviewed)  # fmt: skip
        people.append(Person(id=f"{tag}-operator", name=f"{firm.name[:2]}电工", role=Role.SPECIAL_OPERATOR,
                             enterprise=firm.uscc, certificates=(licence,)))  # fmt: skip
    return people


def _people(firms: list[Enterprise]) -> list[Person]:
    """The people of every sample enterprise."""
    return [person for index, firm in enumerate(firms) for person in _people_of(index, firm)]


def _hazards(firms: list[Enterprise]) -> list[Hazard]:
    plan = RectificationPlan(
        responsible="生产副总", measures="更换紧急切断阀并加装泄漏报警", funds=Decimal(180000),
        deadline=date(2026, 10, 31), contingency="储罐区泄漏现场处置方案",
    )  # fmt: skip
    open_major = Hazard(
        id="H-2026-001", enterprise=firms[1].uscc, found_on=date(2026, 9, 2), level=HazardLevel.MAJOR,
        description="液化烃储罐紧急切断阀失效", location="储罐区", source=HazardSource.REGULATOR,
        supervision=Supervision(by="陆丰市应急管理局", since=date(2026, 9, 5)),
    ).start_rectification(on=date(2026, 9, 6), plan=plan)  # fmt: skip
    no_plan = Hazard(
        id="H-2026-002", enterprise=firms[7].uscc, found_on=date(2026, 11, 3), level=HazardLevel.MAJOR,
        description="除尘系统未按规定设置泄爆装置", location="熔炼车间", source=HazardSource.SELF_INSPECTION,
        rectification=RectificationPlan(responsible="设备部", measures="加装泄爆片"),
    )  # fmt: skip
    closed = (
        Hazard(id="H-2026-003", enterprise=firms[3].uscc, found_on=date(2026, 5, 11), level=HazardLevel.GENERAL,
               description="脚手架连墙件缺失", location="3号楼")
        .start_rectification(on=date(2026, 5, 11))
        .submit_for_acceptance(on=date(2026, 5, 13))
        .accept(on=date(2026, 5, 14))
    )  # fmt: skip
    pending = (
        Hazard(id="H-2026-004", enterprise=firms[10].uscc, found_on=date(2026, 11, 10), level=HazardLevel.GENERAL,
               description="液氨机房应急喷淋失效", location="冷库",
               rectification=RectificationPlan(responsible="设备主管", deadline=date(2026, 11, 30)))
        .start_rectification(on=date(2026, 11, 11))
    )  # fmt: skip
    overdue = Hazard(
        id="H-2026-005", enterprise=firms[18].uscc, found_on=date(2026, 8, 20), level=HazardLevel.GENERAL,
        description="打磨工位粉尘清扫不及时", location="打磨车间",
        rectification=RectificationPlan(responsible="车间主任", measures="每班清扫", deadline=date(2026, 9, 20)),
    ).start_rectification(on=date(2026, 8, 21))  # fmt: skip
    return [open_major, no_plan, closed, pending, overdue]


def _accidents(firms: list[Enterprise]) -> tuple[list[Accident], list[Record]]:
    trucks = Accident(
        id="A-2026-01", enterprise=firms[6].uscc, occurred_at=datetime(2026, 6, 3, 14, 20, tzinfo=_CST),
        deaths=1, serious_injuries=0, direct_loss=Decimal(650000), kind=AccidentKind.ROAD_TRAFFIC,
        reported_at=datetime(2026, 6, 3, 15, 5, tzinfo=_CST), description="货车侧翻",
    )  # fmt: skip
    site = Accident(
        id="A-2026-02", enterprise=firms[3].uscc, occurred_at=datetime(2026, 8, 12, 9, 40, tzinfo=_CST),
        deaths=2, serious_injuries=1, direct_loss=Decimal(1200000), description="高处坠落（8月20日一名重伤人员死亡，已补报）",
        reported_at=datetime(2026, 8, 12, 10, 20, tzinfo=_CST),
    )  # fmt: skip
    follow_up = [
        Record(id="A1-report", kind=RecordKind.ACCIDENT_REPORTED, on=date(2026, 6, 3), enterprise=firms[6].uscc),
        Record(id="A2-report", kind=RecordKind.ACCIDENT_REPORTED, on=date(2026, 8, 12), enterprise=firms[3].uscc),
        Record(id="A2-casualties", kind=RecordKind.CASUALTY_CHANGE, on=date(2026, 8, 20), enterprise=firms[3].uscc,
               details="一名重伤人员经抢救无效死亡"),
        Record(id="A2-supplement", kind=RecordKind.SUPPLEMENTARY_REPORT, on=date(2026, 8, 20), enterprise=firms[3].uscc),
        Record(id="A2-retraining", kind=RecordKind.RETRAINING, on=date(2026, 10, 20), enterprise=firms[3].uscc,
               hours=Decimal(16)),
    ]  # fmt: skip
    return [trucks, site], follow_up


def build_sample() -> Portfolio:
    """The sample portfolio (the same every time).

    Examples:
        >>> sample = build_sample()
        >>> len(sample.enterprises), len(sample.hazards), len(sample.accidents)
        (20, 5, 2)
    """
    firms = _enterprises()
    records = [r for i, firm in enumerate(firms) for r in _records(i, firm.uscc)]
    accidents, follow_up = _accidents(firms)
    return Portfolio(
        enterprises=firms,
        records=[*records, *follow_up],
        hazards=_hazards(firms),
        accidents=accidents,
        people=_people(firms),
    )
