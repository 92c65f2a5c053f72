"""Script detection and Traditional→Simplified conversion of short strings.

Works with either package that installs the ``opencc`` module: opencc-python-reimplemented
(the default dependency) or the official OpenCC binding (the ``fast`` extra).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _converter(config: str) -> _Converter:
    import opencc  # both packages install this name

    try:
        return opencc.OpenCC(config)  # type: ignore[no-any-return]
    except Exception:  # the official binding before 1.1.7 wants the file name
        return opencc.OpenCC(config + ".json")  # type: ignore[no-any-return]


def converter_name() -> str:
    """Which OpenCC implementation ``import opencc`` gives: ``"official"`` or ``"reimplemented"``.

    Both packages install the module ``opencc``; whichever pip installed last is the one in use, so
    the module is asked, not the package metadata.
    """
    import importlib.util

    module = _converter("t2s").__class__.__module__
    if module.startswith("opencc.opencc") or importlib.util.find_spec("opencc.opencc") is not None:
        return "reimplemented"  # the pure-Python package's converter lives in opencc/opencc.py
    return "official"


def to_simplified(text: str) -> str:
    """Simplified form of a short string (a label, a heading), cached.

    >>> to_simplified("規範性檔案")
    '规范性档案'
    """
    if text.isascii():
        return text
    if len(text) > _PIECE:  # a long text (a paragraph, a page on one line): not kept in the cache
        return _t2s(text)
    return _cached_t2s(text)


@lru_cache(maxsize=1 << 16)
def _cached_t2s(text: str) -> str:
    return _t2s(text)


#: Texts longer than this are converted in pieces (see :func:`_t2s`).
_PIECE = 2000
_PIECE_END = re.compile(r"[\s。，；：！？、,.;:!?|）)】」』]")


def _t2s(text: str) -> str:
    """Traditional → Simplified: opencc-python-reimplemented's result by :mod:`.simplify` (about
    20 times faster than the package's own loop), else the official binding's in pieces of at
    most ``_PIECE`` characters.

    Pieces keep a loop that copies the rest of the string at every match (the package's own, used
    where :mod:`.simplify` cannot be) linear in a long text (a 1 MB line of page text).  A piece
    ends after punctuation or whitespace where there is one in its second half (no phrase of the
    dictionaries spans those), so the result is the same as converting the text whole.
    """
    from . import simplify  # on first use: it loads the dictionaries

    fast = simplify.converter()
    if fast is not None:
        return fast(text)
    convert = _converter("t2s").convert
    if len(text) <= _PIECE:
        return convert(text)
    out = []
    start, n = 0, len(text)
    while start < n:
        end = start + _PIECE
        if end < n:
            for m in _PIECE_END.finditer(text, start + _PIECE // 2, end):
                end = m.end()
        else:
            end = n
        out.append(convert(text[start:end]))
        start = end
    return "".join(out)


#: Words a conversion with Taiwan's phrases (OpenCC's s2twp) replaces, and their replacement in
#: Simplified script: such a report writes 政府資訊公開 for 政府信息公开.
_TAIWAN_WORDS = {"信息": "资讯", "文件": "档案", "项目": "专案"}
_EXTRA_VARIANTS = {"复": "復複覆", "于": "於", "余": "餘", "台": "臺颱", "板": "闆"}


def either_script(pattern: str) -> str:
    """A regular expression written in Simplified script, widened to match Traditional too.

    >>> import re; bool(re.fullmatch(either_script("总体情况"), "總體情況"))
    True
    >>> bool(re.fullmatch(either_script("政府信息公开"), "政府資訊公開"))
    True
    """
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        i += 1
        phrase = pattern[i - 1 : i + 1]
        if not in_class and phrase in _TAIWAN_WORDS:  # 信息 → (?:信息|[資资][訊讯])
            out.append(f"(?:{phrase}|{either_script(_TAIWAN_WORDS[phrase])})")
            i += 1
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if "\u4e00" <= ch <= "\u9fff":
            variants = set(_converter("s2t").convert(ch)) | set(_EXTRA_VARIANTS.get(ch, ""))
            variants.discard(ch)
            if variants:
                chars = ch + "".join(sorted(variants))
                out.append(chars if in_class else f"[{chars}]")
                continue
        out.append(ch)
    return "".join(out)


def simplify_long(text: str) -> str:
    """Simplified form of a long text (narrative), not cached."""
    if text.isascii():
        return text
    return _t2s(text)


# Characters frequent in these reports whose form differs between the scripts.
_TRADITIONAL = set("開關報請總與經處條辦機構範規復議訟務會發這為國時門網據數萬於對結轉應該點項業區縣鎮當並無")
_SIMPLIFIED = set("开关报请总与经处条办机构范规复议讼务会发这为国时门网据数万于对结转应该点项业区县镇当并无")
_TRADITIONAL -= _SIMPLIFIED
_SIMPLIFIED -= set("".join(sorted(_TRADITIONAL)))
_TRADITIONAL_CHAR = re.compile("[" + "".join(sorted(_TRADITIONAL)) + "]")
_SIMPLIFIED_CHAR = re.compile("[" + "".join(sorted(_SIMPLIFIED)) + "]")


_FIRST, _DECISIVE = 1000, 30


def detect_script(text: str, sample: int = 4000) -> str:
    """``"traditional"`` or ``"simplified"``, by counting characters that differ between scripts:
    in the first 1,000 characters when one script leads there by 30, else in the first ``sample``.

    >>> detect_script("政府信息公開工作年度報告")
    'traditional'
    >>> detect_script("政府信息公开工作年度报告")
    'simplified'
    """
    trad = simp = 0
    for part in (text[:_FIRST], text[_FIRST:sample]):  # a regex class of CJK costs ~25 ns a character
        trad += len(_TRADITIONAL_CHAR.findall(part))
        simp += len(_SIMPLIFIED_CHAR.findall(part))
        if abs(trad - simp) >= _DECISIVE:
            break
    return "traditional" if trad > simp else "simplified"
