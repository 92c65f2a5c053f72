"""Script detection, and the OpenCC adapter working with either package behind `import opencc`."""

from __future__ import annotations

import sys
import types

import pytest

import zhgov_parse
from zhgov_parse import script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府信息公开工作年度报告", "simplified"),
        ("政府信息公開工作年度報告", "traditional"),
        ("行政復議 結果維持 規範性檔案", "traditional"),  # Taiwan vocabulary
        ("", "simplified"),
    ],
)
def test_detect_script(text: str, expected: str) -> None:
    assert script.detect_script(text) == expected


def test_adapter_accepts_the_official_binding_config_names(monkeypatch: pytest.MonkeyPatch) -> None:
    class Official:  # the official binding before 1.1.7 wants "t2s.json"
        def __init__(self, config: str) -> None:
            if not config.endswith(".json"):
                raise ValueError(config)
            self.config = config

        def convert(self, text: str) -> str:
            return text.replace("開", "开")

    monkeypatch.setitem(sys.modules, "opencc", types.SimpleNamespace(OpenCC=Official))
    script._converter.cache_clear()
    try:
        assert script._converter("t2s").convert("公開") == "公开"
    finally:
        script._converter.cache_clear()


def test_converter_name() -> None:
    assert script.converter_name() in {"official", "reimplemented"}


def test_traditional_prose_is_converted_only_where_a_fact_may_be_stated(monkeypatch) -> None:
    """Converting script costs time (~0.1 µs a character): facts convert only the sentences that
    hold a number or a "none" statement, and find the same facts."""
    from zhgov_parse import facts
    from zhgov_parse.narrative import Section

    no_number = "本機關持續完善資訊發布審核機制，嚴格落實保密審查要求。"
    prose = no_number + "全年收到政府資訊公開申請12件。未發生行政復議。"
    section = Section(0, "overview", None, None, "paragraph", None, prose, "p1")
    converted: list[str] = []
    real = facts.to_simplified
    monkeypatch.setattr(facts, "to_simplified", lambda t: converted.append(t) or real(t))
    found = facts.extract([section], traditional=True)
    assert [(f.subject, f.value) for f in found] == [("applications_received", 12), ("reviews", 0)]
    assert len(converted) == 2 and not any("審核機制" in t for t in converted)


@pytest.fixture(scope="module")
def fast_t2s():
    from zhgov_parse import simplify

    fast = simplify.converter()
    if fast is None:
        pytest.skip("the opencc module is not opencc-python-reimplemented")
    import opencc

    return fast, opencc.OpenCC("t2s").convert


def test_fast_conversion_gives_the_package_s_own_result_on_reports(fast_t2s) -> None:
    """Every fixture, in Traditional script (its own or OpenCC's s2t of it), as paragraphs."""
    import opencc

    from goldens import FIXTURES

    fast, package = fast_t2s
    to_traditional = opencc.OpenCC("s2t").convert
    checked = 0
    for path in sorted(FIXTURES.glob("*_*.*")):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")[:6000]
        for form in (text, to_traditional(text)):
            assert fast(form) == package(form), path.name
            checked += 1
    assert checked >= 40


def test_fast_conversion_gives_the_package_s_own_result_on_overlapping_phrases(fast_t2s) -> None:
    """Strings made of the dictionary's phrases (whole, cut, run into each other), characters it
    converts and separators: where phrases overlap, the longest is taken first, then the leftmost."""
    import random

    fast, package = fast_t2s
    phrases = list(fast.phrases)
    characters = [c for c in "開關報請總與經處條辦機構範規復議訟務會發這為國時門網據數萬於"]
    rng = random.Random(7)
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 10)):
            pick = rng.random()
            if pick < 0.5:
                phrase = rng.choice(phrases)
                parts.append(phrase if rng.random() < 0.6 else phrase[rng.randint(0, len(phrase) - 1) :])
            elif pick < 0.8:
                parts.append(rng.choice(characters))
            else:
                parts.append(rng.choice([" ", "，", "。", "-", "、", "\n", "a1", "乾", "麼"]))
        text = "".join(parts)
        assert fast(text) == package(text), text


def test_another_opencc_module_converts_with_its_own_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    """The official binding has no dictionary text files: its own converter is used."""
    from zhgov_parse import simplify

    class Official:
        def __init__(self, config: str = "t2s") -> None:
            self.config = config

        def convert(self, text: str) -> str:
            return text.replace("開", "开")

    official = types.SimpleNamespace(OpenCC=Official, __file__="/nonexistent/opencc/__init__.py")
    monkeypatch.setitem(sys.modules, "opencc", official)
    simplify.converter.cache_clear()
    script._converter.cache_clear()
    try:
        assert simplify.converter() is None
        assert script.simplify_long("公開") == "公开"
    finally:
        simplify.converter.cache_clear()
        script._converter.cache_clear()


def test_a_head_whose_first_thousand_characters_are_decisive_tells_the_script() -> None:
    """The first 1,000 characters decide when one script leads there by 30 or more (a regex class
    of CJK characters costs ~25 ns a character, and most heads tell at once); else 4,000 do."""
    simplified_head = ("政府信息公开工作年度报告。" * 80)[:1000]
    traditional_rest = "政府信息公開工作年度報告，開關報請總與經處條辦機構範規。" * 100
    assert script.detect_script(simplified_head + traditional_rest) == "simplified"
    undecided = "政府信息公开" * 3 + "x" * 982  # 3 characters of either script: not decisive
    assert script.detect_script(undecided + traditional_rest) == "traditional"


@pytest.mark.parametrize(("page", "report"), [("simplified", "traditional"), ("traditional", "simplified")])
def test_a_report_s_script_is_its_own_not_its_page_menu_s(page: str, report: str) -> None:
    """A site's menu above the report (a Simplified portal that publishes a report in Traditional
    script) had outweighed the report: the script is counted from its body (its preamble) on."""
    menu = "首页 政务公开 政府信息公开指南 政府信息公开制度 法定主动公开内容 政策文件 规划计划 依申请公开"
    body = "本报告根据《条例》编制。\n一、总体情况\n全年主动公开政府信息，办结申请，无行政复议、行政诉讼。"
    if page == "traditional":
        menu = script._converter("s2t").convert(menu)
    if report == "traditional":
        body = script._converter("s2t").convert(body)
    html = "".join(f"<p>{item}</p>" for item in menu.split() * 10) + "".join(
        f"<p>{p}</p>" for p in body.split("\n")
    )
    assert zhgov_parse.parse("<html><body>" + html + "</body></html>").meta["script"] == report
