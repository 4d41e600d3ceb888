"""Whole documents: every time phrase found and read, a draft plan, and the command."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from safetyduty import catalog, serde
from safetyduty.cli import main
from safetyduty.errors import SafetyDutyError, ValidationError
from safetyduty.models import (
    Duration,
    DurationUnit,
    EventKind,
    Frequency,
    OneOff,
    Plan,
    PlanLevel,
    RecordKind,
    Recurring,
    Subject,
    Triggered,
)
from safetyduty.rules.documents import FoundPhrase, draft_plan, find_phrases

from .seed_phrases import SEEDS, YEARS, seed_texts

SHANWEI = (SEEDS / "001_a9a99d357dc3f8a0.txt").read_text(encoding="utf-8")
XINJIANG = (SEEDS / "002_1e4ddd5e2cda4123.txt").read_text(encoding="utf-8")


class TestFindPhrases:
    """find_phrases: where each phrase stands, its sentence, who it binds, what it says."""

    def test_spans_are_the_text(self) -> None:
        """Each phrase's span in the document is its text, in order."""
        for seed, text in seed_texts().items():
            found = find_phrases(text, year=YEARS[seed])
            assert all(text[f.start : f.end] == f.text for f in found)
            assert [f.start for f in found] == sorted(f.start for f in found)

    def test_sentence(self) -> None:
        """The sentence is cut at 。 ； and line ends."""
        found = find_phrases("第一句。各地于2020年7月30日前报送方案；第三句。")
        assert "各地于2020年7月30日前报送方案" == found[0].sentence

    @pytest.mark.parametrize(
        ("phrase", "who"),
        [
            ("于2020年7月30日前", "各地"),
            ("每季度底前", "各地"),
            ("12月28日前", "各地"),
            ("2020年12月28日前", "市负有安全监管职责的部门"),
            ("每半年不少于一次", "市级部门"),
            ("每季度不少于一次", "县（市、区）级部门"),
            ("每月不少于一次", "乡镇（街道）部门"),
            ("每月至少带队检查一次", "企业主要负责人"),
            ("每季度至少组织专题研究一次", "企业主要负责人"),
            ("8月中旬", "各县（市、区）"),
        ],
    )
    def test_who_the_sentence_names(self, phrase: str, who: str) -> None:
        """Who each phrase of the 汕尾 plan binds, as its sentence says (typed by hand)."""
        found = {f.text: f for f in find_phrases(SHANWEI, year=2020)}
        assert who == found[phrase].who

    @pytest.mark.parametrize(
        ("text", "who"),
        [
            ("2021年底前，各类企业要建立起完善的安全风险管控体系。", "各类企业"),
            ("开发区管委会每季度至少召开一次会议。", "开发区管委会"),
            ("对生产经营单位作出处罚决定后七个工作日内公开。", ""),
            ("2020年底前，制定出台承诺制度。", ""),
        ],
    )
    def test_who_before_or_after(self, text: str, who: str) -> None:
        """The subject before the phrase, or opening the clause after it; never an object."""
        assert who == find_phrases(text)[0].who

    def test_titles_of_other_documents_are_skipped(self) -> None:
        """《…》 is the title of another document, not a duty."""
        assert () == find_phrases("根据《关于做好2020年安全生产工作的通知》要求，认真落实。")

    def test_joined_expressions_are_one_phrase(self) -> None:
        """Only joiners between them: one phrase; words between them: two."""
        texts = [
            f.text
            for f in find_phrases(
                "班组日查、车间周查，每年12月20日前和2022年12月20日前报送，每月检查一次"
            )
        ]
        assert ["班组日查、车间周查", "每年12月20日前和2022年12月20日前", "每月检查一次"] == texts

    def test_what_cannot_be_read_is_reported(self) -> None:
        """年末 in 忻州's notice: listed, with the reason, and no reading."""
        found = [f for f in find_phrases(seed_texts()["004"], year=2020) if f.error]
        assert ["年末"] == [f.text for f in found]
        assert "前 after 年底" in found[0].error
        assert () == found[0].readings

    def test_a_year_for_phrases_that_name_none(self) -> None:
        """Without year=, "12月28日前" is reported unread, not guessed."""
        without = {f.text: f for f in find_phrases(SHANWEI)}
        assert "year" in without["12月28日前"].error
        assert (
            OneOff(due=date(2020, 12, 28))
            == {f.text: f for f in find_phrases(SHANWEI, year=2020)}["12月28日前"]
            .readings[0]
            .timing
        )

    def test_a_list_of_duties(self) -> None:
        """八个一次: one yearly reading per duty of the list, each with its own words."""
        found = next(f for f in find_phrases(SHANWEI, year=2020) if f.text.startswith("每年至少"))
        assert ["每年至少组织召开一次", "主持召开一次", "组织签订一次"] == [
            r.text for r in found.readings[:3]
        ]
        assert 6 == len(found.readings)

    @pytest.mark.parametrize(
        ("text", "count"),
        [
            ("9" * 100_000, 0),
            ("每" * 100_000, 0),
            ("年内" * 20_000, 20_000),
            ("每月25日前，" * 5_000, 5_000),
            ("（" * 100_000 + "2020年", 1),
            ("一" * 100_000, 0),
            ("《" * 50_000, 0),
        ],
    )
    def test_hostile_texts(self, text: str, count: int) -> None:
        """Long runs are read once (linear cost; timings are in benchmarks/bench_phrases.py)."""
        assert count == len(find_phrases(text, year=2020))

    @pytest.mark.parametrize(
        ("text", "year"), [(None, None), (b"2020", None), ("2020年", "2020"), ("x", 1900)]
    )
    def test_bad_input(self, text: object, year: object) -> None:
        """Not a string, not a year: a ValidationError naming the argument."""
        with pytest.raises(ValidationError):
            find_phrases(text, year=year)  # type: ignore[arg-type]

    def test_serde_round_trip(self) -> None:
        """Found phrases serialise (readings tagged by type) and load back."""
        found = find_phrases(SHANWEI, year=2020)
        assert list(found) == [serde.loads(serde.dumps(f), FoundPhrase) for f in found]


def _duties(plan: Plan, *, skip: str = "\x00") -> set[tuple[Subject, object]]:
    return {
        (duty.subject, duty.schedule) for duty in plan.obligations if not duty.id.startswith(skip)
    }


class TestDraftPlan:
    """draft_plan: a Plan from a document, for a person to review."""

    def test_shanwei(self) -> None:
        """The 汕尾 plan: its period, phases and reporting and inspection duties, as the catalog has them.

        The catalog's ``shanwei.timeline.*`` duties are read by hand from the
        phases' months (三（一）"2020年7月"), which the draft does not attempt.
        """
        draft = draft_plan(SHANWEI, id="shanwei-draft", region="441500", year=2020)
        known = catalog.plan("shanwei-2020")
        assert (known.start, known.end, known.phases) == (draft.start, draft.end, draft.phases)
        expected = _duties(known, skip="shanwei.timeline.") - {
            (Subject.REGULATOR_CITY, OneOff(due=date(2020, 12, 31)))
        }
        assert expected <= _duties(draft)
        assert PlanLevel.CITY == draft.level
        assert draft.title.startswith("汕尾市落实企业安全生产主体责任")

    def test_shanwei_eight_duties(self) -> None:
        """八个一次: the principal's monthly, quarterly and six yearly duties, each with its record."""
        draft = draft_plan(SHANWEI, id="shanwei-draft", region="441500", year=2020)
        principal = [d for d in draft.obligations if d.subject is Subject.PRINCIPAL]
        assert {
            RecordKind.LED_INSPECTION,
            RecordKind.SAFETY_STUDY,
            RecordKind.SUMMARY_MEETING,
            RecordKind.ANALYSIS_MEETING,
            RecordKind.RESPONSIBILITY_LETTERS,
            RecordKind.SAFETY_LECTURE,
            RecordKind.DRILL_PLAN,
            RecordKind.TRAINING,
        } <= {d.evidence for d in principal}
        retraining = Triggered(
            event=EventKind.FATAL_ACCIDENT, within=Duration(amount=3, unit=DurationUnit.MONTHS)
        )
        assert retraining in [d.schedule for d in principal]

    def test_xinjiang_phases(self) -> None:
        """新疆: the period of "从2020年4月至2022年12月" and the first run of four phases."""
        draft = draft_plan(XINJIANG, id="x", region="650000", title="三年行动")
        known = catalog.plan("xinjiang-2020")
        assert (known.start, known.end, known.phases) == (draft.start, draft.end, draft.phases)
        assert PlanLevel.PROVINCE == draft.level

    def test_the_plan_is_valid_and_serialises(self) -> None:
        """Every draft is a valid Plan (ids unique, phases ordered) and round-trips."""
        for seed, text in seed_texts().items():
            draft = draft_plan(text, id=f"seed-{seed}", region="620100", year=YEARS[seed])
            assert draft == serde.loads(serde.dumps(draft), Plan)

    def test_what_the_caller_says_wins(self) -> None:
        """Title, issuer, level, start and end given are kept; dated duties outside are left out."""
        text = "某方案\n2020年底前建立制度；2021年底前完成评估；每月检查一次。"
        draft = draft_plan(
            text,
            id="demo",
            region="441521",
            title="示例",
            issuer="某县安委会",
            level=PlanLevel.PARK,
            start=date(2021, 1, 1),
            end=date(2021, 12, 31),
        )
        assert ("示例", "某县安委会", PlanLevel.PARK) == (draft.title, draft.issuer, draft.level)
        assert [OneOff(due=date(2021, 12, 31)), Recurring(frequency=Frequency.MONTHLY)] == [
            d.schedule for d in draft.obligations
        ]

    def test_a_text_with_no_dates(self) -> None:
        """Without a date, the period must be given."""
        with pytest.raises(ValidationError, match="start"):
            draft_plan("每月检查一次。", id="x", region="441500")
        draft = draft_plan("每月检查一次。", id="x", region="441500", year=2026)
        assert (date(2026, 1, 1), date(2026, 12, 31)) == (draft.start, draft.end)

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"region": "999999"},
            {"level": "city"},
            {"start": "2020-01-01"},
            {"year": 1900},
            {"id": ""},
            {"start": date(2022, 1, 1), "end": date(2021, 1, 1)},
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, object]) -> None:
        """A SafetyDutyError naming the argument."""
        arguments: dict[str, object] = {"id": "x", "region": "441500", "year": 2020} | kwargs
        with pytest.raises(SafetyDutyError):
            draft_plan("2021年底前完成。", **arguments)  # type: ignore[arg-type]


class TestCommandLine:
    """safetyduty phrases FILE."""

    @pytest.fixture
    def shanwei(self, tmp_path: Path) -> Path:
        """The 汕尾 plan as a file."""
        path = tmp_path / "shanwei.txt"
        path.write_text(SHANWEI, encoding="utf-8")
        return path

    def run(self, *argv: str) -> tuple[int, str]:
        """Run the command and capture its output."""
        out = io.StringIO()
        code = main(list(argv), out=out)
        return code, out.getvalue()

    def test_table(self, shanwei: Path) -> None:
        """One row per reading: position, phrase, who, reading."""
        code, text = self.run("phrases", str(shanwei), "--year", "2020")
        assert 0 == code
        assert "52:55   于2020年7月30日前" in text
        assert "各地" in text
        assert "无法解读" not in text

    def test_english(self, shanwei: Path) -> None:
        """--locale en glosses the readings."""
        _, text = self.run("phrases", str(shanwei), "--year", "2020", "--locale", "en")
        assert "once, by 2020-07-30" in text
        assert "quarterly, 1 time(s), by the end of the period" in text

    def test_unread_rows(self, shanwei: Path) -> None:
        """Without --year the yearless phrases are listed with the reason."""
        _, text = self.run("phrases", str(shanwei))
        assert "无法解读" in text

    def test_json(self, shanwei: Path) -> None:
        """--format json: the found phrases as serde writes them."""
        _, text = self.run("phrases", str(shanwei), "--year", "2020", "--format", "json")
        data = {item["text"]: item for item in json.loads(text)}
        assert "各地" == data["于2020年7月30日前"]["who"]
        assert {"type": "one_off", "due": "2020-07-30"} == data["于2020年7月30日前"]["readings"][0][
            "timing"
        ]

    @pytest.mark.parametrize("content", [None, b"\xff\xfe\xfa"])
    def test_unreadable_file(self, tmp_path: Path, content: bytes | None) -> None:
        """A missing or non-UTF-8 file: exit 2 and a message."""
        path = tmp_path / "plan.txt"
        if content is not None:
            path.write_bytes(content)
        assert 2 == self.run("phrases", str(path))[0]
