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
