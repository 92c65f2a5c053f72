"""Adversarial input: the cost of parsing stays bounded, measured as ratios (never absolute times).

Each case builds a 1× and a 10× input; ``parse`` must return a Report or raise ParseError (never an
InternalError) for both, and the 10× input must take less than 30× the time of the 1× input (best
of three for the small one).  By default the big pages (0.5 → 5 MB) and the line of one character
(0.1 → 1 MB) run at CI sizes; ``ZHGOV_ADVERSARIAL_FULL=1`` runs them at full size (5 → 50 MB pages,
1 → 10 MB line; a few minutes)::

    ZHGOV_ADVERSARIAL_FULL=1 python -m pytest -p no:cacheprovider tests/test_adversarial.py

The last tests check what the parser must never do with a hostile page: fetch a DTD or an external
entity, expand entities, or read past ``max_bytes``.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import zhgov_parse
from zhgov_parse.load import DEFAULT_MAX_BYTES
from zhgov_parse.parser import InternalError

from runon_render import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FULL = os.environ.get("ZHGOV_ADVERSARIAL_FULL") == "1"
MB = 1_000_000
RATIO = 30


def outcome(content: str | bytes, **kw: int) -> zhgov_parse.Report | None:
    """Report, or None for a ParseError; an InternalError fails the test."""
    try:
        report = zhgov_parse.parse(content, **kw)
        report.finding_list  # noqa: B018  (the narrative is analysed on first access: time it too)
        return report
    except InternalError as exc:
        raise AssertionError(f"InternalError: {exc}") from exc.__cause__
    except zhgov_parse.ParseError:
        return None


def timed(content: str | bytes, **kw: int) -> tuple[float, zhgov_parse.Report | None]:
    gc.collect()
    start = time.perf_counter()
    result = outcome(content, **kw)
    return time.perf_counter() - start, result


def bounded(
    make: Callable[[int], str | bytes], n: int, **kw: int
) -> tuple[zhgov_parse.Report | None, zhgov_parse.Report | None]:
    """Parse ``make(n)`` (best of three when it is quick) and ``make(10 * n)``; assert the cost ratio;
    both results."""
    small = make(n)
    t1, r1 = timed(small, **kw)
    for _ in range(2):
        if t1 > 0.3:  # long enough that noise is small
            break
        t1 = min(t1, timed(small, **kw)[0])
    del small
    big = make(10 * n)
    t10, r10 = timed(big, **kw)
    for _ in range(3):  # again, both: another job may have run during either (a quadratic cost stays)
        if t10 < RATIO * t1:
            break
        t1 = min(t1, timed(make(n), **kw)[0])
        t10 = min(t10, timed(big, **kw)[0])
    assert t10 < RATIO * t1, f"10× input took {t10 / t1:.1f}× the time ({t1:.3f}s → {t10:.3f}s)"
    return r1, r10


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def codes(report: zhgov_parse.Report | None) -> set[str]:
    return {f.code for f in report.finding_list} if report is not None else set()


def repeat_to(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


# -- size ------------------------------------------------------------------------------------------


def test_big_html_page() -> None:
    """A page whose body is the report over and over (5 → 50 MB; 0.5 → 5 MB in CI)."""
    page = fixture("chenghu_finance_2021_html.html")
    head, rest = page.split("<body>", 1)
    body = rest.rsplit("</body>", 1)[0]

    def page_of(n: int) -> str:
        return f"{head}<body>{repeat_to(body, n)}</body></html>"

    r1, r10 = bounded(page_of, 5 * MB if FULL else MB // 2)
    assert r1 is not None and r10 is not None


def test_big_pipe_text() -> None:
    """Pipe text of the report over and over (5 → 50 MB; 0.5 → 5 MB in CI)."""
    text = fixture("qinghe_data_2022_pipe.txt")
    r1, r10 = bounded(lambda n: repeat_to(text, n), 5 * MB if FULL else MB // 2)
    assert r1 is not None and r10 is not None


def test_one_long_line_without_newline() -> None:
    """Run-on page text of a report, repeated on ONE line (1 → 10 MB)."""
    line = render(FIXTURES / "qinghe_data_2022_pipe.txt").replace("\n", " ")
    bounded(lambda n: repeat_to(line, n), MB)


def test_one_long_line_of_one_character() -> None:
    """A line of one Traditional character, converted to Simplified in pieces with no punctuation to
    cut at (1 → 10 MB; 0.1 → 1 MB in CI: opencc-python-reimplemented takes ~10 µs a character)."""
    bounded(lambda n: "一、总体情况 " + repeat_to("規", n), MB if FULL else MB // 10)


# -- structure -------------------------------------------------------------------------------------


def test_deeply_nested_divs() -> None:
    """1,000 and 10,000 levels of <div> around a report: beyond lxml's 256 levels the page is read
    again with the divs as line breaks, and the report is found."""
    page = fixture("chenghu_finance_2021_html.html")
    _, r10 = bounded(lambda n: "<div>" * n + page + "</div>" * n, 1000)
    assert r10 is not None and "html_fallback" in codes(r10)
    assert sum(c.value is not None for c in r10._cells) == 200


def test_deeply_nested_inline_tags() -> None:
    """Unclosed <font> tags, as real pages have them, 1,000 and 10,000 deep after the body starts."""
    page = fixture("chenghu_finance_2021_html.html")
    _, r10 = bounded(lambda n: page.replace("<body>", "<body>" + "<font color=red>" * n), 1000)
    assert r10 is not None and sum(c.value is not None for c in r10._cells) == 200


def test_deeply_nested_tables() -> None:
    """Tables nested 1,000 and 10,000 deep cannot be flattened: a ParseError that says why."""
    bounded(lambda n: "<table><tr><td>" * n + "一、总体情况", 1000)
    with pytest.raises(zhgov_parse.ParseError, match="nested at most 256"):
        zhgov_parse.parse("<table><tr><td>" * 10_000 + "一、总体情况")


def test_page_of_markup_alone() -> None:
    """0.2 and 2 MB of empty tags: a ParseError, without BeautifulSoup's slow repair (no text to find)."""
    for unit in ("<br>", "<table><tr><td></td></tr></table>"):
        r1, r10 = bounded(lambda n, unit=unit: "<html>" + repeat_to(unit, n), MB // 5)
        assert r1 is None and r10 is None


def test_table_of_100000_rows() -> None:
    """Tables of 10,000 and 100,000 rows under the heading of table 二."""
    row = "<tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr>"
    _, r10 = bounded(lambda n: f"<p>二、主动公开政府信息情况</p><table>{row * n}</table>", 10_000)
    assert r10 is not None and "duplicate_row" in codes(r10)


def test_table_of_styled_cells() -> None:
    """3,000 and 30,000 cells each holding a styled element, on a page that styles a display: the
    elements in cells are found in one pass (libxml2 merges ``(//td | //th)//*`` cell by cell)."""
    row = "<tr>" + '<td><span style="color:red">1</span></td>' * 8 + "</tr>"
    page = '<div style="display:block"><p>二、主动公开政府信息情况</p><table>{}</table></div>'
    bounded(lambda n: page.format(row * n), 300)


def test_style_sheet_of_many_rules_on_many_elements() -> None:
    """500 and 5,000 rules hiding a descendant, over as many elements: each rule's subject is looked
    for among the elements of its name, not among all the page's."""

    def page(n: int) -> str:
        rules = "".join(f"#a{i} .b{i}{{display:none}}" for i in range(n))
        body = "".join(f'<div id="a{i}"><p class="b{i}">x</p></div>' for i in range(n))
        return f"<html><head><style>{rules}</style></head><body><p>一、总体情况</p>{body}</body></html>"

    bounded(page, 500)


def test_style_sheet_selector_failing_deep_in_a_page() -> None:
    """A rule of six descendant steps whose first matches nothing, over elements 4 and 40 deep: each
    element is matched against each step once, not by every choice of its ancestors."""

    def page(depth: int) -> str:
        nested = "<div>" * depth + '<p class="x">y</p>' * 20 + "</div>" * depth
        rule = "section div div div div div .x{display:none}"
        return f"<html><head><style>{rule}</style></head><body><p>一、总体情况</p>{nested}</body></html>"

    bounded(page, 4)


def test_pipe_table_of_100000_rows() -> None:
    """Pipe text: 5,000 and 50,000 rows."""
    row = "规章 | 1 | 0 | 5\n"
    bounded(lambda n: "二、主动公开政府信息情况\n" + row * n, 5_000)


def test_huge_spans_are_clamped() -> None:
    """colspan/rowspan=1000000 in every row (100 → 1,000 rows): clamped, with ``span_clamped``."""
    row = '<tr><td colspan="1000000" rowspan="1000000">1</td><td rowspan=1000000>2</td></tr>'
    r1, r10 = bounded(lambda n: f"<p>二、主动公开政府信息情况</p><table>{row * n}</table>", 100)
    assert "span_clamped" in codes(r1) and "span_clamped" in codes(r10)


@pytest.mark.parametrize("span", ["a" + "9" * 5000, "9" * 5000 + "px", "0" * 5000 + "2"])
def test_spans_of_thousands_of_digits_are_clamped(span: str) -> None:
    """A span written with thousands of digits (past the 4,300 ``int`` converts) is clamped or read
    by its first digits, not an internal error."""
    page = f'<p>二、主动公开政府信息情况</p><table><tr><td colspan="{span}">规章</td><td>1</td></tr></table>'
    zhgov_parse.parse(page)


def test_spans_of_a_long_cell_are_bounded() -> None:
    """One cell of 1,000 / 10,000 characters spanning 64 × 512 over 600 rows: copies are capped."""
    rows = "<tr><td>x</td></tr>" * 600
    _, r10 = bounded(
        lambda n: (
            f"<p>一、总体情况</p><table><tr><td colspan=64 rowspan=512>{'规' * n}</td></tr>{rows}</table>"
        ),
        1000,
    )
    assert "span_clamped" in codes(r10)


def test_huge_inline_image() -> None:
    """A data: URI of 1.1 and 11 MB (lxml stops at 10 MB): cut, and the report still read."""
    page = fixture("chenghu_finance_2021_html.html")
    _, r10 = bounded(
        lambda n: page.replace("<body>", f'<body><img src="data:image/png;base64,{"A" * n}">'), 1_100_000
    )
    assert r10 is not None and "html_fallback" in codes(r10)
    assert sum(c.value is not None for c in r10._cells) == 200


# -- limits and what a page may not make the parser do ---------------------------------------------


def test_input_above_max_bytes() -> None:
    """Refused before any work, with a message naming max_bytes (bytes and str, any size)."""
    limit = 100_000
    bounded(lambda n: b"x" * n, 2 * limit, max_bytes=limit)
    for content in (b"x" * (limit + 1), "x" * (limit + 1)):
        with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
            zhgov_parse.parse(content, max_bytes=limit)
    with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
        zhgov_parse.parse(b" " * (DEFAULT_MAX_BYTES + 1))


def test_read_above_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(zhgov_parse.ParseError, match="max_bytes"):
        zhgov_parse.read(path, max_bytes=1000)


def test_no_external_entities_or_dtds(tmp_path: Path) -> None:
    """DOCTYPEs and entities in a page are not fetched or expanded (lxml with no_network, and the
    HTML parser does not resolve entities a page declares)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT-42", encoding="utf-8")
    report = fixture("chenghu_finance_2021_html.html")
    body = report.split("<body>", 1)[1]
    for doctype in (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        f'<!DOCTYPE html SYSTEM "file://{secret}">',
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/x.dtd">',
    ):
        page = f"{doctype}<html><body><p>&xxe;</p>{body}"
        for content in (page, page.encode("utf-8"), f'<?xml version="1.0"?>{page}'):
            r = outcome(content)
            assert r is not None
            assert "SECRET" not in r.to_json()


def test_billion_laughs() -> None:
    """Entity definitions are not expanded: bounded cost and no blow-up of the text."""
    lol = (
        '<!ENTITY a "'
        + "x" * 100
        + '">'
        + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
    )
    page = f"<!DOCTYPE html [{lol}]><html><body><p>一、总体情况</p><p>&j;&j;&j;</p></body></html>"
    r = outcome(page)
    assert r is None or len(r.to_json()) < 100_000


def test_long_texts_are_not_kept_in_caches() -> None:
    """The caches keyed on text take short texts only, so a long-running process that parses hostile
    pages does not keep their megabyte paragraphs and cells alive (up to 65,536 of them)."""
    from zhgov_parse import labels, locate, read_html, script, values

    long_text = "規則 " * 2000
    calls = [
        (labels.key, labels._key),
        (labels.full_key, labels._full_key),
        (read_html.clean_text, read_html._clean_text),
        (values.parse_value, values.cached_value),
        (values.is_value_text, values.cached_value),
        (values.is_value_text, values._reads_as_value),
        (locate.part_of, locate._part_of),
        (script.to_simplified, script._cached_t2s),
    ]
    for public, cached in calls:
        before = cached.cache_info()
        public(long_text)
        after = cached.cache_info()
        assert (after.hits, after.misses) == (before.hits, before.misses), public.__name__
    assert script.to_simplified(long_text) == script.simplify_long(long_text) == "规则 " * 2000


def test_label_matchers_remember_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    """A matcher keeps what it looked up (labels recur), but never long texts and never without end."""
    from zhgov_parse import labels

    monkeypatch.setattr(labels, "_CACHE_SIZE", 50)
    m = labels.Matcher("application_handling", "row")
    m("重复申请" * 100)
    m.scan("重复申请" * 100)
    assert not m._cache and not m._scans
    for i in range(120):
        m(f"第{i}行")
        m.scan(f"第{i}行")
    assert 0 < len(m._cache) <= 50 and 0 < len(m._scans) <= 50
    assert m("2.重复申请").code == "not_processed.duplicate"  # still right after the clear
