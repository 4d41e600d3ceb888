"""Enterprise: the subject of most duties, with its identifying code and profile."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any, Final, cast

import attrs

from safetyduty._compat import StrEnum
from safetyduty._labels import register
from safetyduty._methods import by_fields
from safetyduty._validate import (
    as_frozenset,
    count,
    flag,
    instance_of,
    keeps,
    member_of,
    money,
    non_empty_str,
    optional,
    passes_when,
    plain_date,
    set_of,
)
from safetyduty.errors import ValidationError

__all__ = [
    "Enterprise",
    "EnterpriseSize",
    "HazardFlag",
    "Industry",
    "Standardization",
    "StandardizationLevel",
    "check_park",
    "province_of",
    "region_covers",
    "uscc_check_char",
]

USCC_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters of GB 32100-2015 (no I, O, Z, S, V)."""
_USCC_LENGTH: Final = 18
_PROVINCES: Final = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
)
_PROVINCE_PREFIXES: Final = frozenset(str(code) for code in _PROVINCES)


def uscc_check_char(first17: str) -> str:
    """The check character (18th) of a 统一社会信用代码, per GB 32100-2015.

    Each of the first 17 characters is weighted by 3^i mod 31; the check value
    is 31 minus the weighted sum mod 31 (31 becomes 0).

    Examples:
        >>> uscc_check_char("91440300192203821")   # 华为技术有限公司
        '6'
        >>> uscc_check_char("9144030071526726X")
        'G'
    """
    total = _weighted_sum(first17)
    if total is None:
        raise ValidationError("uscc", first17, f"must be 17 characters of {USCC_CHARSET}")
    return USCC_CHARSET[-total % 31]


# The weights are 3**i mod 31 for the i-th character, and 34 is 3 mod 31: so the weighted
# sum is, mod 31, the 17 characters read as one base-34 number, the last one first. int()
# reads it in one C call once each code character is turned into the base-34 digit of its
# value (0-9, then a-u); every other byte becomes "!", which int() refuses.
_BASE34_DIGITS: Final = bytes(
    ord("0123456789abcdefghijklmnopqrstu"[USCC_CHARSET.index(chr(byte))])
    if chr(byte) in USCC_CHARSET
    else ord("!")
    for byte in range(256)
)


def _weighted_sum(first17: object) -> int | None:
    """A number equal, mod 31, to the weighted sum of 17 code characters; None if they are
    not 17 characters of the charset."""
    if not isinstance(first17, str) or len(first17) != _USCC_LENGTH - 1 or not first17.isascii():
        return None
    try:
        return int(first17[::-1].encode().translate(_BASE34_DIGITS), 34)
    except ValueError:
        return None


def province_of(region: str) -> str:
    """The province-level code (``XX0000``) of a 6-digit 行政区划代码.

    Examples:
        >>> province_of("620100")   # 兰州市
        '620000'
    """
    check_region(region)
    return region[:2] + "0000"


def check_region(value: object) -> None:
    """Raise ValidationError unless *value* is a 6-digit code under a province-level code.

    Examples:
        >>> check_region("441521")     # 海丰县: fine
        >>> check_region("991500")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: region: must start with a province-level code (11-82) (got '991500')
    """
    if not isinstance(value, str) or len(value) != 6 or not value.isascii() or not value.isdigit():  # noqa: PLR2004
        raise ValidationError("region", value, "must be a 6-digit 行政区划代码, e.g. '620100'")
    if value[:2] not in _PROVINCE_PREFIXES:
        raise ValidationError("region", value, "must start with a province-level code (11-82)")


_PARK: Final = re.compile(r"[0-9]{6}-[a-z0-9]+(?:-[a-z0-9]+)*")


def check_park(value: object) -> None:
    """Raise ValidationError unless *value* is a park code: its region's 行政区划代码, a dash, a slug.

    A park (开发区、园区) has no 行政区划代码 of its own, so the library names it
    by the code of the region it lies in and a lowercase slug, e.g.
    ``"140900-xinzhou-edz"`` for 忻州经济开发区.

    Examples:
        >>> check_park("140900-xinzhou-edz")
        >>> check_park("忻州开发区")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: park: must be a region code, a dash and a lowercase slug, e.g. '140900-xinzhou-edz' (got '忻州开发区')
    """
    if not isinstance(value, str) or not _PARK.fullmatch(value):
        raise ValidationError(
            "park",
            value,
            "must be a region code, a dash and a lowercase slug, e.g. '140900-xinzhou-edz'",
        )
    check_region(value[:6])


def region_covers(outer: str, inner: str) -> bool:
    """Whether the region *outer* contains *inner* (``xx0000`` a province, ``xxxx00`` a city).

    Examples:
        >>> region_covers("650000", "650102"), region_covers("441500", "441521"), region_covers("441521", "441500")
        (True, True, False)

    Raises:
        ValidationError: for a code that is not a 6-digit 行政区划代码.
    """
    check_region(outer)
    check_region(inner)
    if outer.endswith("0000"):
        return inner[:2] == outer[:2]
    if outer.endswith("00"):
        return inner[:4] == outer[:4]
    return inner == outer


class Industry(StrEnum):
    """The sectors the law and the seed plans name."""

    COAL_MINE = "coal_mine"
    METAL_NONMETAL_MINE = "metal_nonmetal_mine"
    TAILINGS_POND = "tailings_pond"
    OIL_GAS_EXTRACTION = "oil_gas_extraction"
    HAZCHEM_PRODUCTION = "hazchem_production"
    HAZCHEM_TRADING = "hazchem_trading"
    HAZCHEM_STORAGE = "hazchem_storage"
    HAZCHEM_USE = "hazchem_use"
    FIREWORKS_PRODUCTION = "fireworks_production"
    FIREWORKS_TRADING = "fireworks_trading"
    CIVIL_EXPLOSIVES = "civil_explosives"
    METAL_SMELTING = "metal_smelting"
    CONSTRUCTION = "construction"
    ROAD_PASSENGER = "road_passenger"
    ROAD_FREIGHT = "road_freight"
    ROAD_HAZMAT = "road_hazmat"
    WATERWAY = "waterway"
    FISHERY = "fishery"
    URBAN_RAIL = "urban_rail"
    METALLURGY = "metallurgy"
    NONFERROUS = "nonferrous"
    BUILDING_MATERIALS = "building_materials"
    MACHINERY = "machinery"
    LIGHT_INDUSTRY = "light_industry"
    TEXTILE = "textile"
    TOBACCO = "tobacco"
    COMMERCE = "commerce"
    ELECTRIC_POWER = "electric_power"
    CHEMICAL_PHARMA = "chemical_pharma"
    CROWDED_PLACES = "crowded_places"
    OTHER = "other"


SMELTING_INDUSTRIES: Final = frozenset(
    {Industry.METAL_SMELTING, Industry.METALLURGY, Industry.NONFERROUS}
)
"""The industries whose enterprises may smelt metal (金属冶炼)."""


class EnterpriseSize(StrEnum):
    """大/中/小/微型 by 《统计上大中小微型企业划分办法（2017）》 (国统字〔2017〕213号)."""

    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"


class HazardFlag(StrEnum):
    """Features of an enterprise that bring extra duties."""

    MAJOR_HAZARD_SOURCE = "major_hazard_source"
    DUST_EXPLOSION = "dust_explosion"
    AMMONIA_REFRIGERATION = "ammonia_refrigeration"
    CONFINED_SPACE = "confined_space"
    HAZARDOUS_PROCESS = "hazardous_process"


class StandardizationLevel(StrEnum):
    """安全生产标准化 grade (应急〔2021〕83号: 一级 highest)."""

    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    LEVEL_3 = "level_3"


register(
    [
        (Industry.COAL_MINE, ("煤矿", "coal mine")),
        (Industry.METAL_NONMETAL_MINE, ("金属非金属矿山", "metal and non-metal mine")),
        (Industry.TAILINGS_POND, ("尾矿库", "tailings pond")),
        (Industry.OIL_GAS_EXTRACTION, ("石油天然气开采", "oil and gas extraction")),
        (Industry.HAZCHEM_PRODUCTION, ("危险化学品生产", "hazardous chemicals: production")),
        (Industry.HAZCHEM_TRADING, ("危险化学品经营", "hazardous chemicals: trading")),
        (Industry.HAZCHEM_STORAGE, ("危险化学品储存", "hazardous chemicals: storage")),
        (Industry.HAZCHEM_USE, ("危险化学品使用", "hazardous chemicals: use")),
        (Industry.FIREWORKS_PRODUCTION, ("烟花爆竹生产", "fireworks: production")),
        (Industry.FIREWORKS_TRADING, ("烟花爆竹经营", "fireworks: trading")),
        (Industry.CIVIL_EXPLOSIVES, ("民用爆炸物品", "civil explosives")),
        (Industry.METAL_SMELTING, ("金属冶炼", "metal smelting")),
        (Industry.CONSTRUCTION, ("建筑施工", "construction")),
        (Industry.ROAD_PASSENGER, ("道路旅客运输", "road passenger transport")),
        (Industry.ROAD_FREIGHT, ("道路货物运输", "road freight transport")),
        (Industry.ROAD_HAZMAT, ("道路危险货物运输", "road transport of dangerous goods")),
        (Industry.WATERWAY, ("水上运输", "waterway transport")),
        (Industry.FISHERY, ("渔业", "fishery")),
        (Industry.URBAN_RAIL, ("城市轨道交通", "urban rail transit")),
        (Industry.METALLURGY, ("冶金", "metallurgy")),
        (Industry.NONFERROUS, ("有色", "non-ferrous metals")),
        (Industry.BUILDING_MATERIALS, ("建材", "building materials")),
        (Industry.MACHINERY, ("机械", "machinery")),
        (Industry.LIGHT_INDUSTRY, ("轻工", "light industry")),
        (Industry.TEXTILE, ("纺织", "textiles")),
        (Industry.TOBACCO, ("烟草", "tobacco")),
        (Industry.COMMERCE, ("商贸", "commerce and trade")),
        (Industry.ELECTRIC_POWER, ("电力", "electric power")),
        (Industry.CHEMICAL_PHARMA, ("化工/医药", "chemicals and pharmaceuticals")),
        (Industry.CROWDED_PLACES, ("人员密集场所", "crowded places")),
        (Industry.OTHER, ("其他", "other")),
        (HazardFlag.MAJOR_HAZARD_SOURCE, ("重大危险源", "major hazard installation")),
        (HazardFlag.DUST_EXPLOSION, ("粉尘涉爆", "combustible dust")),
        (HazardFlag.AMMONIA_REFRIGERATION, ("涉氨制冷", "ammonia refrigeration")),
        (HazardFlag.CONFINED_SPACE, ("有限空间作业", "confined-space work")),
        (
            HazardFlag.HAZARDOUS_PROCESS,
            ("重点监管危险化工工艺", "key supervised hazardous process"),
        ),
        (EnterpriseSize.LARGE, ("大型", "large")),
        (EnterpriseSize.MEDIUM, ("中型", "medium")),
        (EnterpriseSize.SMALL, ("小型", "small")),
        (EnterpriseSize.MICRO, ("微型", "micro")),
        (StandardizationLevel.LEVEL_1, ("一级", "level 1")),
        (StandardizationLevel.LEVEL_2, ("二级", "level 2")),
        (StandardizationLevel.LEVEL_3, ("三级", "level 3")),
    ]
)


def uscc(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: a 统一社会信用代码 with a correct check character."""
    if type(value) is str and len(value) == _USCC_LENGTH and value.isascii():
        try:  # the common case: the sum as _weighted_sum makes it, of the first 17
            total = int(value[16::-1].encode().translate(_BASE34_DIGITS), 34)
        except ValueError:
            pass  # a character outside the charset: said below
        else:
            if value[17] == USCC_CHARSET[-total % 31]:
                return
    name = attribute.name
    if not isinstance(value, str) or len(value) != _USCC_LENGTH:
        raise ValidationError(name, value, "must be an 18-character 统一社会信用代码")
    bad = [c for c in value if c not in USCC_CHARSET]
    if bad:
        raise ValidationError(name, value, f"must use only {USCC_CHARSET} (found {bad[0]!r})")
    expected = uscc_check_char(value[:17])
    if value[17] != expected:  # (a subclass of str with the right one passes here)
        raise ValidationError(name, value, f"has a wrong check character (expected {expected!r})")


_PASSED: Final[set[str]] = set()
"""Codes :func:`enterprise_code` has passed, at most _REMEMBERED of them."""
_REMEMBERED: Final = 4096


@passes_when("type({v}) is str and {v} in {passed}", passed=_PASSED)
def enterprise_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: the 统一社会信用代码 of the enterprise a fact belongs to, checked as :func:`uscc`
    checks it. Every record, hazard and accident of an enterprise repeats its code, so a code
    that passed is remembered, and the fast reader asks the memory first (:data:`PASSES`).

    Examples:
        >>> from safetyduty.models import Record, RecordKind
        >>> Record(id="r", kind=RecordKind.TRAINING, on=date(2026, 1, 5), enterprise="914403001922038217")
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: enterprise: has a wrong check character (expected '6') (got '914403001922038217')
    """
    uscc(instance, attribute, value)
    if type(value) is str:
        if len(_PASSED) >= _REMEMBERED:
            _PASSED.clear()
        _PASSED.add(value)


@passes_when(
    "type({v}) is str and len({v}) == 6 and {v}[:2] in {provinces} and {v}.isdigit() and {v}.isascii()",
    provinces=_PROVINCE_PREFIXES,
)
def _region(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_region(value)


@passes_when("{v} is None")
def park(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validator: ``None``, or a park code (:func:`check_park`) lying in the instance's region."""
    if value is None:
        return
    check_park(value)
    region = getattr(instance, "region", None)
    if isinstance(value, str) and isinstance(region, str) and not region_covers(value[:6], region):
        raise ValidationError("park", value, f"must lie in the region's area ({region})")


def _flags(value: Iterable[HazardFlag]) -> frozenset[HazardFlag]:
    return cast("frozenset[HazardFlag]", as_frozenset(value))


keeps(frozenset, _flags)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Standardization:
    """A 安全生产标准化 grade and the date it was granted.

    Examples:
        >>> Standardization(level=StandardizationLevel.LEVEL_3, granted_on=date(2021, 6, 30)).level
        <StandardizationLevel.LEVEL_3: 'level_3'>
    """

    level: StandardizationLevel = attrs.field(validator=member_of(StandardizationLevel))
    granted_on: date = attrs.field(validator=plain_date)


@by_fields
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Enterprise:
    """A 生产经营单位: who it is, what it does and what makes it hazardous.

    Attributes:
        uscc: 统一社会信用代码, 18 characters, check character verified (GB 32100-2015).
        name: the registered name.
        industry: its sector.
        region: the 6-digit 行政区划代码 where it operates.
        employees: 从业人员 head count.
        annual_revenue: 营业收入 in yuan, if known.
        above_designated_size: 规模以上 (above designated size).
        state_owned: 国有企业.
        group_company: a 集团公司 (parent of a group), which checks its units quarterly
            ("集团公司季查").
        hazard_flags: 重大危险源, 粉尘涉爆, 涉氨制冷, 有限空间 and similar.
        standardization: its 安全生产标准化 grade, if any.
        production_started_on: when production started (投产), if known.
        park: the park (开发区、园区) it lies in, as a park code
            (:func:`check_park`); a park's rules bind only enterprises that declare it.
        size: its size class (大/中/小/微型) if the caller knows it; otherwise
            the rules derive it from ``employees``, ``annual_revenue`` and
            ``total_assets`` where they can (:func:`~safetyduty.rules.requirements.size_class`).
        total_assets: 资产总额 in yuan, if known (the size class of 建筑业 needs it).
        smelting: a 冶金 or 有色 enterprise that smelts metal (炼铁、炼钢、有色金属冶炼):
            the law's duties for 金属冶炼 units apply to it; an enterprise of industry
            ``metal_smelting`` smelts by definition.
        continuous_operation: it works every day (连续生产: shifts round the clock),
            so duties "every day" bind on rest days too; otherwise on its working days.

    Examples:
        >>> e = Enterprise(uscc="914403001922038216", name="示例企业",
        ...                industry=Industry.MACHINERY, region="440300", employees=120)
        >>> e.province
        '440000'
        >>> Enterprise(uscc="914403001922038217", name="x", industry=Industry.OTHER,
        ...            region="440300", employees=1)
        Traceback (most recent call last):
        ...
        safetyduty.errors.ValidationError: uscc: has a wrong check character (expected '6') (got '914403001922038217')
    """

    uscc: str = attrs.field(validator=uscc)
    name: str = attrs.field(validator=non_empty_str)
    industry: Industry = attrs.field(validator=member_of(Industry))
    region: str = attrs.field(validator=_region)
    employees: int = attrs.field(validator=count)
    annual_revenue: Decimal | None = attrs.field(default=None, validator=optional(money))
    above_designated_size: bool = attrs.field(default=False, validator=flag)
    state_owned: bool = attrs.field(default=False, validator=flag)
    group_company: bool = attrs.field(default=False, validator=flag)
    hazard_flags: frozenset[HazardFlag] = attrs.field(
        default=frozenset(), converter=_flags, validator=set_of(HazardFlag)
    )
    standardization: Standardization | None = attrs.field(
        default=None, validator=optional(instance_of(Standardization))
    )
    production_started_on: date | None = attrs.field(default=None, validator=optional(plain_date))
    park: str | None = attrs.field(default=None, validator=park)
    size: EnterpriseSize | None = attrs.field(
        default=None, validator=optional(member_of(EnterpriseSize))
    )
    total_assets: Decimal | None = attrs.field(default=None, validator=optional(money))
    smelting: bool = attrs.field(default=False, validator=flag)
    continuous_operation: bool = attrs.field(default=False, validator=flag)

    @smelting.validator
    @passes_when("{v} is False")
    def _smelting_industry(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value and self.industry not in SMELTING_INDUSTRIES:
            raise ValidationError(
                "smelting",
                value,
                "applies only to metal_smelting, metallurgy or nonferrous enterprises",
            )

    @property
    def sectors(self) -> frozenset[Industry]:
        """Its industry, plus ``metal_smelting`` for a 冶金/有色 enterprise that smelts.

        Examples:
            >>> steel = Enterprise(uscc="914403001922038216", name="示例钢铁", industry=Industry.METALLURGY,
            ...                    region="130200", employees=3000, smelting=True)
            >>> sorted(s.value for s in steel.sectors)
            ['metal_smelting', 'metallurgy']
        """
        if self.smelting:
            return frozenset({self.industry, Industry.METAL_SMELTING})
        return frozenset({self.industry})

    @property
    def province(self) -> str:
        """The province-level 行政区划代码 of :attr:`region`."""
        return province_of(self.region)
