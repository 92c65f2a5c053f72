"""Robustness: for ANY str or bytes, ``parse`` returns a Report or raises ParseError — never an
InternalError (a bug the parser caught) and never anything else.

Property tests run with a fixed seed and bounded examples so the file stays fast in CI (~25 s); for a
long randomized run (50× the examples, ~20 min) use the ``long`` profile registered below::

    HYPOTHESIS_PROFILE=long python -m pytest -p no:cacheprovider tests/test_robustness.py

Mutations of every fixture report (lines deleted, duplicated, swapped; cuts; junk, NUL bytes, lone
surrogates, invalid UTF-8; HTML tags dropped or duplicated) must never crash, and where the mutation
leaves the tables' region (part 二 heading … part 五 heading) intact every value the report still
gives must be the fixture's expected value.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import zhgov_parse
from zhgov_parse.errors import InternalError

from goldens import expected_cells
from runon_render import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# "robustness-ci" (the default): a fixed seed, no example database, the examples each test names.
# "long" (HYPOTHESIS_PROFILE=long): randomized, 50× the examples, failures kept in .hypothesis/.
settings.register_profile(
    "robustness-ci", derandomize=True, database=None, deadline=None, suppress_health_check=_QUIET
)
settings.register_profile("long", derandomize=False, deadline=None, suppress_health_check=_QUIET)
PROFILE = "long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "robustness-ci"
SCALE = 50 if PROFILE == "long" else 1


def bounded(n: int) -> settings:
    """The profile's settings with ``n`` examples (× 50 under ``long``)."""
    return settings(settings.get_profile(PROFILE), max_examples=n * SCALE)


# -- the contract ---------------------------------------------------------------------------------


def outcome(content: str | bytes) -> zhgov_parse.Report | None:
    """Report, or None for a ParseError; an InternalError (or any other exception) fails the test."""
    try:
        report = zhgov_parse.parse(content)
    except InternalError as exc:  # a bug: show the original exception
        raise AssertionError(f"InternalError: {exc}") from exc.__cause__
    except zhgov_parse.ParseError:
        return None
    assert isinstance(report, zhgov_parse.Report)
    # the lazily built views must not crash either
    report.cells, report.findings, report.sections, report.facts  # noqa: B018
    for table in ("active_disclosure", "application_handling", "review_litigation"):
        report.table(table)
    return report


# -- fixtures and their table regions -------------------------------------------------------------


def fixture_paths() -> list[Path]:
    return sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )


PATHS = fixture_paths()
NAMES = [p.stem for p in PATHS]


@cache
def raw_bytes(name: str) -> bytes:
    return next(p for p in PATHS if p.stem == name).read_bytes()


@cache
def text_of(name: str) -> str:
    """The fixture as str (tianxi_water is GBK bytes)."""
    data = raw_bytes(name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


_TAG_OR_SPACE = re.compile(r"<[^>]*>|&nbsp;|&#160;|\s+")
_PART2 = re.compile(r"二[、.．]主[动動]公[开開]")
_PART5 = re.compile(r"五[、.．](?:政府信息公[开開]工作)?存在的?主要")
_PART6 = re.compile(r"六[、.．]其他需要[报報]告")


def _find(text: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """Offsets in ``text`` of ``pattern`` matched on its visible characters (tags, spaces skipped)."""
    visible, where = [], []
    pos = 0
    for m in _TAG_OR_SPACE.finditer(text):
        for i in range(pos, m.start()):
            visible.append(text[i])
            where.append(i)
        pos = m.end()
    for i in range(pos, len(text)):
        visible.append(text[i])
        where.append(i)
    found = pattern.search("".join(visible))
    return (where[found.start()], where[found.end() - 1] + 1) if found else None


@cache
def region(name: str) -> tuple[int, int]:
    """(start, end) offsets of the tables' region in ``text_of(name)``: from the start of the line
    holding the 二 heading to the end of the line holding the 五 heading (六 where 五 is absent)."""
    text = text_of(name)
    two = _find(text, _PART2)
    five = _find(text, _PART5) or _find(text, _PART6)
    assert five is not None, name
    start = text.rfind("\n", 0, two[0]) + 1 if two else 0  # no 二 heading: the region starts at 0
    end = text.find("\n", five[1])
    return start, len(text) if end < 0 else end + 1


def check_values(name: str, report: zhgov_parse.Report | None) -> None:
    """Every value the report gives is the fixture's expected value (NA and missing cells are allowed)."""
    if report is None:
        return
    want = expected_cells(name)
    wrong = {
        (c.table, c.row, c.column): (want.get((c.table, c.row, c.column), "not in the template"), c.value)
        for c in report._cells
        if c.value is not None and want.get((c.table, c.row, c.column)) != c.value
    }
    assert not wrong, f"{name}: (expected, got) {wrong}"


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_fixture_regions_hold_the_tables() -> None:
    """The region helper is right: unmutated, the whole fixture parses to its expected cells, and
    cutting it at the region's end keeps every value."""
    for name in NAMES:
        start, end = region(name)
        text = text_of(name)
        assert 0 <= start < end <= len(text)
        full = outcome(text)
        assert full is not None
        check_values(name, full)
        assert sum(c.value is not None for c in full._cells) > 30
        cut = outcome(text[:end])
        check_values(name, cut)
        assert cut is not None
        assert sum(c.value is not None for c in cut._cells) == sum(c.value is not None for c in full._cells)


# -- arbitrary input ------------------------------------------------------------------------------


@bounded(300)
@given(st.text())
def test_any_text(content: str) -> None:
    outcome(content)


@bounded(300)
@given(st.binary())
def test_any_bytes(content: bytes) -> None:
    outcome(content)


_VOCABULARY = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
    "2021年度政府信息公开工作年度报告", "第二十条第（一）项", "第二十条第（五）项", "规章", "行政许可",
    "行政事业性收费", "本年制发件数", "本年新制作数量", "本年增/减", "（七）总计", "（三）不予公开",
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理",
    "三、本年度办理结果", "行政复议", "行政诉讼", "结果维持", "结果纠正", "总计", "自然人", "商业企业",
    "收到政府信息公开申请", "共答复", "件", "多", "一是", "（一）", "1.", "规章000", "行政许可12",
    "|", " | ", "|---|", "\n", "\t", "  ", "/", "—", "-", "+3", "1,234", "12.5", "３", "一百零五", "万元",
    "<table>", "</table>", "<tr>", "<td>", "</td>", '<td colspan="3">', '<td rowspan="99">', "<p>", "<br>",
    "<h2>", "<!--", "-->", "&nbsp;", "\x00", "\ufeff", "\u3000", "\r", "9" * 40,
]  # fmt: skip


@pytest.mark.parametrize("name", ["qinghe_data_2022_pipe", "chenghu_finance_2021_html"])
@pytest.mark.parametrize("runon", [False, True])
def test_digits_no_count_has(name: str, runon: bool) -> None:
    """A run of 40 digits where a count stands (an ID number, junk) is NA with a finding, in a cell
    or in page text whose cells run together: no table view overflows on it."""
    from runon_render import render

    path = FIXTURES / (name + (".html" if name.endswith("html") else ".txt"))
    text = render(path) if runon else path.read_text(encoding="utf-8")
    at = text.index("本年新收政府信息公开申请数量") + len("本年新收政府信息公开申请数量")
    if not runon and name.endswith("html"):
        at = text.index(">", text.index("<td", at)) + 1  # into the next cell
    elif not runon:
        at = text.index("|", at) + 1
    report = outcome(text[:at] + "9" * 40 + text[at:])
    assert report is not None
    assert all(c.value is None or abs(c.value) < 10**15 for c in report._cells)
    assert report.table("application_handling").loc["new_received"].isna().any()


@bounded(150)
@given(st.lists(st.sampled_from(_VOCABULARY) | st.text(max_size=3), max_size=80))
def test_report_vocabulary_soup(parts: list[str]) -> None:
    """Template labels, headings, markup and values in any order reach deep into the parser."""
    content = "".join(parts)
    outcome(content)
    outcome(content.encode("utf-8", "surrogatepass"))


# -- mutations of the fixtures --------------------------------------------------------------------

names = st.sampled_from(NAMES)


@bounded(50)
@given(names, st.data())
def test_delete_lines(name: str, data: st.DataObject) -> None:
    lines = lines_of(text_of(name))
    drop = data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=8))
    outcome("".join(x for i, x in enumerate(lines) if i not in drop))


@bounded(40)
@given(names, st.data())
def test_duplicate_lines(name: str, data: st.DataObject) -> None:
    lines = lines_of(text_of(name))
    dup = data.draw(st.sets(st.integers(0, len(lines) - 1), min_size=1, max_size=8))
    outcome("".join(x * (2 if i in dup else 1) for i, x in enumerate(lines)))


@bounded(40)
@given(names, st.data())
def test_swap_lines(name: str, data: st.DataObject) -> None:
    lines = lines_of(text_of(name))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        j = data.draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    outcome("".join(lines))


@bounded(60)
@given(names, st.data())
def test_cut_anywhere(name: str, data: st.DataObject) -> None:
    text = text_of(name)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    outcome(text[:a])  # a prefix
    outcome(text[a:b])  # a piece
    raw = raw_bytes(name)
    outcome(raw[: data.draw(st.integers(0, len(raw)))])  # bytes cut inside a character


JUNK = st.lists(
    st.text(min_size=1, max_size=12)
    | st.sampled_from(["\x00", "|", "<", ">", "&", "\ufeff", "\u200b", "\r", "\t", "0", "１２", "/", "—"]),
    min_size=1,
    max_size=6,
).map("".join)


def insert(text: str, data: st.DataObject, pieces: st.SearchStrategy[str], lo: int = 0, n: int = 4) -> str:
    """``text`` with up to ``n`` pieces inserted at random offsets at or after ``lo``."""
    at = sorted(data.draw(st.lists(st.integers(lo, len(text)), min_size=1, max_size=n)), reverse=True)
    for i in at:
        text = text[:i] + data.draw(pieces) + text[i:]
    return text


@bounded(60)
@given(names, st.data())
def test_insert_junk(name: str, data: st.DataObject) -> None:
    outcome(insert(text_of(name), data, JUNK))


@bounded(30)
@given(names, st.data())
def test_insert_nul_bytes(name: str, data: st.DataObject) -> None:
    nul = st.sampled_from(["\x00", "\x00" * 3, "\x00" * 64])
    outcome(insert(text_of(name), data, nul))
    outcome(insert(text_of(name), data, nul).encode("utf-8"))


@bounded(30)
@given(names, st.data())
def test_insert_lone_surrogates(name: str, data: st.DataObject) -> None:
    lone = st.sampled_from(["\ud800", "\udfff", "\udc80\udcff", "\ud83d"])  # halves, alone or misordered
    outcome(insert(text_of(name), data, lone))


@bounded(40)
@given(names, st.data())
def test_insert_invalid_utf8(name: str, data: st.DataObject) -> None:
    raw = raw_bytes(name)
    bad = st.sampled_from([b"\xff", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80\x80"])
    at = sorted(data.draw(st.lists(st.integers(0, len(raw)), min_size=1, max_size=4)), reverse=True)
    for i in at:
        raw = raw[:i] + data.draw(bad) + raw[i:]
    outcome(raw)


_TAG = re.compile(r"<[^>]*>")
HTML_NAMES = [n for n in NAMES if n.endswith("_html")]


@bounded(60)
@given(st.sampled_from(HTML_NAMES), st.data(), st.booleans())
def test_drop_or_duplicate_tags(name: str, data: st.DataObject, duplicate: bool) -> None:
    text = text_of(name)
    tags = list(_TAG.finditer(text))
    chosen = data.draw(st.sets(st.integers(0, len(tags) - 1), min_size=1, max_size=12))
    for k in sorted(chosen, reverse=True):
        m = tags[k]
        text = text[: m.start()] + (m.group() * 2 if duplicate else "") + text[m.end() :]
    outcome(text)


@bounded(30)
@given(names, st.data())
def test_runon_rendering_mutated(name: str, data: st.DataObject) -> None:
    """The fixtures as run-on page text (the search with budgets), cut and with junk."""
    text = runon_text(name)
    cut = data.draw(st.integers(len(text) // 3, len(text)))
    outcome(insert(text[:cut], data, JUNK, n=2))


@bounded(30)
@given(names, st.data())
def test_runon_digits_mutated(name: str, data: st.DataObject) -> None:
    """The fixtures as run-on page text with digits changed, dropped or added (the tables then
    break their identities: the search under each single fault, and past it)."""
    text = runon_text(name)
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.sampled_from(digits))
        new = data.draw(st.sampled_from(["", "0", "1", "7", "12", "/"]))
        text = text[:at] + new + text[at + 1 :]
        digits = [i for i in digits if i < len(text) and text[i].isdigit()] or digits[:1]
    outcome(text)


@cache
def runon_text(name: str) -> str:
    return render(next(p for p in PATHS if p.stem == name))


# -- mutations that leave the tables' region intact: values must stay right ----------------------


@bounded(60)
@given(names, st.data())
def test_narrative_lines_deleted_keep_values(name: str, data: st.DataObject) -> None:
    text = text_of(name)
    start, end = region(name)
    lines = lines_of(text)
    offsets = [0]
    for x in lines:
        offsets.append(offsets[-1] + len(x))
    outside = [i for i in range(len(lines)) if offsets[i + 1] <= start or offsets[i] >= end]
    assume(outside)
    drop = data.draw(st.sets(st.sampled_from(outside), min_size=1, max_size=10))
    check_values(name, outcome("".join(x for i, x in enumerate(lines) if i not in drop)))


@bounded(40)
@given(names, st.data())
def test_cut_after_part_five_keeps_values(name: str, data: st.DataObject) -> None:
    text = text_of(name)
    _, end = region(name)
    cut = data.draw(st.integers(end, len(text)))
    check_values(name, outcome(text[:cut]))
    check_values(name, outcome(text[:cut].encode("utf-8")))


@bounded(60)
@given(names, st.data())
def test_junk_after_part_five_keeps_values(name: str, data: st.DataObject) -> None:
    _, end = region(name)
    check_values(name, outcome(insert(text_of(name), data, JUNK, lo=end)))


@bounded(40)
@given(st.sampled_from(HTML_NAMES), st.data(), st.booleans())
def test_tags_after_part_five_keep_values(name: str, data: st.DataObject, duplicate: bool) -> None:
    text = text_of(name)
    _, end = region(name)
    tags = [m for m in _TAG.finditer(text) if m.start() >= end]
    assume(tags)
    chosen = data.draw(st.sets(st.integers(0, len(tags) - 1), min_size=1, max_size=8))
    for k in sorted(chosen, reverse=True):
        m = tags[k]
        text = text[: m.start()] + (m.group() * 2 if duplicate else "") + text[m.end() :]
    check_values(name, outcome(text))


# -- edge inputs, pinned -------------------------------------------------------------------------
# Neither the fuzzer (2 × 5 min) nor the property tests found a crash; these are the inputs at the
# edges of load/decode/read_html worth keeping.  A crash found later gets its minimal input here.

REGRESSIONS: list[str | bytes] = [
    b"\xef\xbb\xbf",  # a UTF-8 BOM and nothing else
    b"\xff\xfe",  # a UTF-16 BOM and nothing else
    b"\xff\xfe\x00",  # UTF-16 with an odd byte count
    b"\x00" * 10,
    "\x00\x00一、总体情况\x00",
    "\ud800一、总体情况",  # a lone surrogate
    "一、总体情况\udfff\n二、主动公开政府信息情况\n规章 | \ud83d | 1 | 2",
    b"<html>\xff\xfe\x80<p>\xe4\xb8</p>",  # invalid UTF-8 in a page
    b'<meta charset="no-such-charset"><p>\xb6\xfe\xa1\xa2</p>',  # an unknown declared charset
    '<?xml version="1.0" encoding="gbk"?><p>一、总体情况</p>',
    "<",
    "<table>",
    "<td colspan=999999999999999999999999 rowspan=-5>一、总体情况</td>",
    "<table><tr><td>" * 300 + "一、总体情况",  # nesting that cannot be flattened: a ParseError
    "|" * 1000,
    "|---|\n" * 50,
    "# \n## 一、总体情况\n|a|\n|---|\n|1|",
    "\r\r\r一、总体情况\r\r",
    "一、总体情况\n" + "规章000" * 50,  # run-on
    "2021年度政府信息公开工作年度报告",
    "三、收到和处理政府信息公开申请情况\n（七）总计 | 一百零五",
]


@pytest.mark.parametrize("content", REGRESSIONS)
def test_regressions(content: str | bytes) -> None:
    outcome(content)
    if isinstance(content, str):
        outcome(content.encode("utf-8", "surrogatepass"))
