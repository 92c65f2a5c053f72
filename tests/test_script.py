"""Script detection, and the OpenCC adapter working with either package behind `import opencc`."""

from __future__ import annotations

import sys
import types

import pytest

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
    """Converting script costs ~5 µs a character with the pure-Python OpenCC: facts convert only the
    sentences that hold a number or a "none" statement, and find the same facts."""
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
