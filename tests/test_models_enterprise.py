"""Enterprise, Basis and Standardization: validation with clear messages."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetyduty.errors import ValidationError
from safetyduty.models import (
    Basis,
    Enterprise,
    HazardFlag,
    Industry,
    Record,
    RecordKind,
    Standardization,
    StandardizationLevel,
    province_of,
    uscc_check_char,
)
from safetyduty.testing.strategies import uscc_codes

# Real, published codes (company registers): 华为技术有限公司, 深圳市腾讯计算机系统
# 有限公司, 阿里巴巴(中国)有限公司, and a Beijing-registered enterprise.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
GB32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
"""The weights of the first 17 characters, as the standard's table gives them."""
REAL_USCC = ["914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000802100433B"]

VALID: dict[str, Any] = {
    "uscc": REAL_USCC[0],
    "name": "示例机械有限公司",
    "industry": Industry.MACHINERY,
    "region": "440300",
    "employees": 100,
}


def make(**changes: Any) -> Enterprise:
    """An enterprise with some fields changed."""
    return Enterprise(**{**VALID, **changes})


class TestUscc:
    """统一社会信用代码 per GB 32100-2015."""

    @pytest.mark.parametrize("code", REAL_USCC)
    def test_real_codes_pass(self, code: str) -> None:
        """Published codes carry the check character the algorithm computes."""
        assert code[17] == uscc_check_char(code[:17])
        assert code == make(uscc=code).uscc

    @pytest.mark.parametrize("code", REAL_USCC)
    def test_any_single_change_of_the_check_character_fails(self, code: str) -> None:
        """Every other check character is rejected, naming the expected one."""
        for wrong in "0123456789ABCDEFGHJKLMNPQRTUWXY".replace(code[17], ""):
            with pytest.raises(ValidationError, match=f"expected '{code[17]}'"):
                make(uscc=code[:17] + wrong)

    @given(
        st.text(alphabet=USCC_CHARSET, min_size=17, max_size=17),
        st.text(alphabet=USCC_CHARSET + "IOSVZiosvz _+-0１Ａ", max_size=1),
        st.integers(min_value=0, max_value=17),
    )
    def test_the_check_agrees_with_the_standard_s_weights(
        self, first17: str, odd: str, where: int
    ) -> None:
        """A code passes exactly when it has the check character GB 32100-2015's weight
        table gives (the validator reads the sum another way, in one C call)."""
        total = sum(
            USCC_CHARSET.index(c) * w for c, w in zip(first17, GB32100_WEIGHTS, strict=True)
        )
        check = USCC_CHARSET[(31 - total % 31) % 31]
        assert check == uscc_check_char(first17)
        assert first17 + check == make(uscc=first17 + check).uscc
        code = (first17 + check)[:where] + odd + (first17 + check)[where + 1 :]
        if code != first17 + check:
            with pytest.raises(ValidationError):
                make(uscc=code)

    @pytest.mark.parametrize(
        ("code", "problem"),
        [
            ("91440300192203821", "18-character"),
            ("9144030019220382166", "18-character"),
            ("91440300192203821I", "found 'I'"),
            ("91440300192203821o", "found 'o'"),
            (914403001922038216, "18-character"),
        ],
    )
    def test_shape_errors(self, code: object, problem: str) -> None:
        """Length and charset errors say what is wrong and show the value."""
        with pytest.raises(ValidationError, match=problem) as info:
            make(uscc=code)
        assert ("uscc", code) == (info.value.field, info.value.value)


class TestRememberedCodes:
    """A fact's enterprise code is checked as an enterprise's is; the codes passed are
    remembered for the fast reader, boundedly, and never let a wrong code through."""

    def test_a_wrong_code_fails_after_the_right_one_passed(self) -> None:
        from safetyduty import serde  # noqa: PLC0415

        record = {
            "id": "r",
            "kind": "training",
            "on": "2026-01-05",
            "enterprise": "914403001922038216",
        }
        assert serde.from_dict(record, Record).enterprise == "914403001922038216"
        with pytest.raises(ValidationError, match="check character"):
            serde.from_dict(record | {"enterprise": "914403001922038217"}, Record)
        with pytest.raises(ValidationError, match="check character"):
            Record(
                id="r",
                kind=RecordKind.TRAINING,
                on=date(2026, 1, 5),
                enterprise="914403001922038217",
            )

    @given(st.lists(uscc_codes(), min_size=1, max_size=5))
    def test_the_memory_holds_only_codes_that_passed(self, codes: list[str]) -> None:
        from safetyduty.models import _enterprise  # noqa: PLC0415

        field = attrs.fields(Record).enterprise
        for code in codes:
            _enterprise.enterprise_code(None, field, code)
            assert code in _enterprise._PASSED
        wrong = codes[0][:17] + next(c for c in "0123456789" if c != codes[0][17])
        with pytest.raises(ValidationError):
            _enterprise.enterprise_code(None, field, wrong)
        assert wrong not in _enterprise._PASSED

    def test_a_subclass_of_str_with_the_right_check_character_passes(self) -> None:
        """Found in review: the slow branch used to raise even when the character was right."""

        class Code(str):
            __slots__ = ()

        assert make(uscc=Code(REAL_USCC[0])).uscc == REAL_USCC[0]
        with pytest.raises(ValidationError, match="expected '6'"):
            make(uscc=Code(REAL_USCC[0][:17] + "7"))

    def test_the_memory_is_bounded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from safetyduty.models import _enterprise  # noqa: PLC0415

        monkeypatch.setattr(_enterprise, "_REMEMBERED", 3)
        field = attrs.fields(Record).enterprise
        for code in REAL_USCC:
            _enterprise.enterprise_code(None, field, code)
            assert len(_enterprise._PASSED) <= 3
        assert REAL_USCC[-1] in _enterprise._PASSED


class TestEnterpriseFields:
    """Each validator's message names field and value."""

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("name", "  ", "non-empty string"),
            ("industry", "machinery", "must be a Industry"),
            ("region", "44030", "6-digit"),
            ("region", "990000", "province-level"),
            ("employees", -1, "int >= 0"),
            ("employees", True, "int >= 0"),
            ("annual_revenue", 1.5, "Decimal"),
            ("annual_revenue", Decimal("NaN"), "finite"),
            ("annual_revenue", Decimal(-1), ">= 0"),
            ("above_designated_size", 1, "True or False"),
            ("hazard_flags", ["dust_explosion"], "HazardFlag"),
            ("standardization", "level_1", "Standardization"),
            ("production_started_on", datetime(2020, 1, 1), "datetime.date"),
        ],
    )
    def test_bad_field(self, field: str, value: object, message: str) -> None:
        """ValidationError names the field and carries the bad value."""
        with pytest.raises(ValidationError, match=message) as info:
            make(**{field: value})
        assert field == info.value.field

    def test_province_is_derived(self) -> None:
        """兰州新区 (620100 → 620000)."""
        assert "620000" == province_of("620100")
        assert "440000" == make().province

    def test_frozen(self) -> None:
        """Changes go through attrs.evolve, re-validated."""
        enterprise = make(hazard_flags=[HazardFlag.DUST_EXPLOSION])
        assert frozenset({HazardFlag.DUST_EXPLOSION}) == enterprise.hazard_flags
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            enterprise.employees = 5  # type: ignore[misc]
        with pytest.raises(ValidationError):
            attrs.evolve(enterprise, employees=-5)

    def test_standardization(self) -> None:
        """A grade needs a level and a date."""
        grade = Standardization(level=StandardizationLevel.LEVEL_3, granted_on=date(2021, 12, 31))
        assert grade == make(standardization=grade).standardization
        with pytest.raises(ValidationError, match="granted_on"):
            Standardization(level=StandardizationLevel.LEVEL_3, granted_on="2021-12-31")  # type: ignore[arg-type]


class TestBasis:
    """Citations."""

    def test_str(self) -> None:
        """Document and article read as one citation."""
        assert "《安全生产法》(2021) 第二十一条" == str(
            Basis(document="《安全生产法》(2021)", article="第二十一条")
        )
        assert "《安全生产法》(2021)" == str(Basis(document="《安全生产法》(2021)"))

    @pytest.mark.parametrize(
        ("field", "value"),
        [("document", ""), ("article", None), ("url", ""), ("effective_from", "2021-09-01")],
    )
    def test_bad_fields(self, field: str, value: object) -> None:
        """Each field is checked."""
        with pytest.raises(ValidationError) as info:
            Basis(**{"document": "x", field: value})
        assert field == info.value.field
