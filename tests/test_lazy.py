"""What a report builds only when asked: the identity checks, the narrative analysis, the DataFrames."""

from __future__ import annotations

from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse import facts, narrative
from zhgov_parse.errors import InternalError, StrictModeError
from zhgov_parse.findings import Finding
from zhgov_parse.report import CELL_COLUMNS

PAGE_PATH = Path(__file__).resolve().parent.parent / "fixtures" / "chenghu_finance_2021_html.html"
PAGE = PAGE_PATH.read_bytes()


def test_narrative_is_analysed_on_first_access_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    build = narrative.build
    monkeypatch.setattr(narrative, "build", lambda located: calls.append(1) or build(located))
    report = zhgov_parse.parse(PAGE)
    assert report.table("application_handling").notna().any().any()
    assert calls == []  # tables alone: no narrative work
    findings = report.finding_list
    assert calls == [1]
    report.sections, report.facts, report.findings  # noqa: B018
    assert calls == [1]  # once, then cached
    assert findings == report.finding_list


def test_identities_are_checked_on_first_access_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from zhgov_parse import parser

    calls = []
    check = parser.check
    monkeypatch.setattr(parser, "check", lambda cells, template: calls.append(1) or check(cells, template))
    report = zhgov_parse.parse(PAGE.replace(b"<td>9</td>", b"<td>8</td>", 1))  # a cell off by one
    assert report.cells["value"].notna().sum() > 100 and calls == []
    assert "identity_broken" in {f.code for f in report.finding_list}
    assert calls == [1]
    with pytest.raises(StrictModeError, match="identity"):
        zhgov_parse.parse(PAGE.replace(b"<td>9</td>", b"<td>8</td>", 1), strict=True)


def test_findings_hold_the_narrative_cross_checks_whenever_they_are_read() -> None:
    eager = zhgov_parse.parse(PAGE)
    eager.sections  # noqa: B018
    lazy = zhgov_parse.parse(PAGE)
    assert lazy.finding_list == eager.finding_list
    assert lazy.to_dict() == eager.to_dict()


def test_a_bug_in_the_lazy_narrative_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(located: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(narrative, "build", broken)
    report = zhgov_parse.parse(PAGE)
    with pytest.raises(InternalError, match=r"checking the report.*KeyError"):
        report.sections  # noqa: B018
    assert isinstance(InternalError("x"), zhgov_parse.ParseError)


def test_strict_mode_sees_the_narrative_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    zhgov_parse.parse(PAGE, strict=True)  # a clean page: no warning at all
    alarm = Finding("fact_mismatch", "the prose says otherwise")
    monkeypatch.setattr(facts, "cross_check", lambda *args: [alarm])
    with pytest.raises(StrictModeError, match="prose says otherwise"):
        zhgov_parse.parse(PAGE, strict=True)


def test_a_report_pickles_before_and_after_its_narrative_is_read() -> None:
    import pickle

    report = zhgov_parse.parse(PAGE)
    copy = pickle.loads(pickle.dumps(report))  # narrative still pending
    assert copy.finding_list == report.finding_list
    assert pickle.loads(pickle.dumps(report)).to_dict() == report.to_dict()  # and once read


def test_cells_frame_holds_the_cell_records_with_their_types() -> None:
    empty = zhgov_parse.parse("一、总体情况\n本机关2023年政府信息公开工作年度报告")
    for report in (zhgov_parse.parse(PAGE), empty):
        frame = report.cells
        assert list(frame.columns) == CELL_COLUMNS and str(frame["value"].dtype) == "Float64"
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        assert rows == report.cell_records()
    assert len(empty.cells) == 0


def test_the_narrative_modules_load_when_a_narrative_is_first_read() -> None:
    """Their patterns are about half of what ``import zhgov_parse`` compiles: a caller that wants only
    the tables never loads them."""
    import subprocess
    import sys

    probe = (
        "import sys, zhgov_parse\n"
        f"report = zhgov_parse.parse(open({str(PAGE_PATH)!r}, 'rb').read())\n"
        "report.cells, report.table('application_handling')\n"
        "print(sorted(m for m in ('zhgov_parse.facts', 'zhgov_parse.narrative') if m in sys.modules))\n"
        "report.facts\n"
        "print(sorted(m for m in ('zhgov_parse.facts', 'zhgov_parse.narrative') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["[]", "['zhgov_parse.facts', 'zhgov_parse.narrative']"]
