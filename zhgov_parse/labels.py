"""Label normalization and lookup of table labels in the alias table.

``key()`` reduces a label to the form the alias table is written in: Simplified script, NFKC
(full-width → half-width), without spaces, punctuation, quotes, enumeration markers
(``一、``, ``（三）``, ``1.``) and footnote marks (``总计①``, ``总计[1]``).  ``Matcher`` finds the
schema code(s) a key stands for.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .schema import ALIASES
from .script import to_simplified
from .values import DIGIT_MARKS

_CN = "一二三四五六七八九十"
_MARKERS = re.compile(
    rf"[{_CN}]{{1,3}}\s*[、.,，．]"  # 一、 二.
    rf"|\(\s*[{_CN}\d]{{1,3}}\s*\)"  # (一) (1)
    r"|(?<![\d.])\d{1,2}\s*[.、．](?!\d)"  # 1. 2、
)
_PARENS = re.compile(r"\([^()]*\)|\([^()]*$")  # bracketed notes, or an unclosed one cut off
_NON_WORD = re.compile(r"[\W_]+")
_VARIANTS = (
    ("覆议", "复议"),
    ("複议", "复议"),
    ("申请人情況", "申请人情况"),
    ("其它", "其他"),  # one word, two ways to write it: （六）其它处理, 3.其它, 法人或其它组织
    # Taiwan's words, as a conversion with phrases (OpenCC's s2twp) writes them: 政府資訊 for 政府信息,
    # 規範性檔案 for 规范性文件, 專案數量 for 项目数量; t2s keeps the words.
    ("资讯", "信息"),
    ("档案", "文件"),
    ("专案", "项目"),
)


_MARK_DIGITS = "0-9０-９" + DIGIT_MARKS.pattern[1:-1]  # the digits and, inside its [], DIGIT_MARKS'
#: A footnote mark written in words after a label, or before its bracketed note: ``总计[1]``, ``总计注1``,
#: ``总计注①``, ``部分公开［2］（区分处理的…）``. (A mark in brackets is dropped as a note, ``*`` and ``※``
#: as punctuation, ``①`` and ``¹`` with :data:`~zhgov_parse.values.DIGIT_MARKS`.)
_NOTE_MARK = re.compile(
    rf"(?:(?:[\[［【〔]\s*注?\s*[{_MARK_DIGITS}]{{1,2}}\s*[\]］】〕]|注\s*[{_MARK_DIGITS}]{{1,2}})\s*)+(?=$|[（(])"
)


def _unmarked(label: str) -> str:
    """The label without its footnote marks (``（七）总计①`` → ``（七）总计``): NFKC would make their
    digits the label's (总计1), which then names no row. Circled, superscript and such numerals are
    no word of a label wherever they stand (``①予以公开``: a list mark)."""
    return DIGIT_MARKS.sub("", _NOTE_MARK.sub("", label))


def _base(label: str) -> str:
    text = unicodedata.normalize("NFKC", _unmarked(label))
    text = to_simplified(text)
    for old, new in _VARIANTS:
        text = text.replace(old, new)
    return _MARKERS.sub("", text)


# Only labels up to this length are cached: cached long texts (a hostile page's 1 MB cell) would
# stay alive across parses, up to 65,536 of them.
_CACHED_LEN = 1000


def key(label: str) -> str:
    """The label's lookup key, with bracketed notes dropped.

    >>> key("(二)部分公開(區分處理的,只計這一情形,不計其他情形)")
    '部分公开'
    >>> key("3.危及“三安全一稳定”")
    '危及三安全一稳定'
    >>> key("商業 企業")
    '商业企业'
    """
    return _key(label) if len(label) <= _CACHED_LEN else _key.__wrapped__(label)


@lru_cache(maxsize=1 << 16)
def _key(label: str) -> str:
    return _NON_WORD.sub("", _PARENS.sub("", _base(label)))


@cache
def row_label_keys(table: str, template: str) -> dict[str, str]:
    """Each row code of a table's template version and its label's :func:`full_key` (notes kept)."""
    from . import schema

    return {code: full_key(label) for code, label in schema.rows(table, template)}


def full_key(label: str) -> str:
    """The label's key with the text inside brackets kept (``行政诉讼（复议后起诉）``)."""
    return _full_key(label) if len(label) <= _CACHED_LEN else _full_key.__wrapped__(label)


@lru_cache(maxsize=1 << 16)
def _full_key(label: str) -> str:
    return _NON_WORD.sub("", _base(label))


@dataclass(frozen=True, slots=True)
class Match:
    """The codes a label may stand for, and how they were found."""

    codes: tuple[str, ...]
    how: str  # "exact" | "contains" | "truncated" | "piece" | "fuzzy" | "misnumbered" | "none"
    code: str | None = field(init=False, compare=False)  # the code when the match is unique, else None

    def __post_init__(self) -> None:
        # Kept, not computed on each access: rows ask for it hundreds of times a report.
        object.__setattr__(self, "code", self.codes[0] if len(self.codes) == 1 else None)


NO_MATCH = Match((), "none")


class Matcher:
    """Looks up keys among one table's aliases for one axis (row, column or group)."""

    def __init__(self, table: str, axis: str) -> None:
        rows = [(key(a.alias), a.code, a.match) for a in ALIASES if a.table == table and a.axis == axis]
        self.exact: dict[str, str] = {}
        for alias, code, _ in rows:
            self.exact.setdefault(alias, code)
        self.contains = sorted(
            ((alias, code) for alias, code, how in rows if how == "contains"), key=lambda p: -len(p[0])
        )
        self.all = [(alias, code) for alias, code, _ in rows]
        self._numbered = item_numbers(table) if axis == "row" else {}
        self._cache: dict[str, Match] = {}
        self._scans: dict[str, tuple[str, list[tuple[int, int, str]]]] = {}

    def __call__(self, label: str) -> Match:
        hit = self._cache.get(label)
        if hit is None:
            hit = self._lookup(key(label))
            if hit.how == "none" and len(key(label)) <= 4 and "(" in unicodedata.normalize("NFKC", label):
                # a bare group word whose bracket says which row: 行政诉讼（复议后起诉）
                hit = self._lookup(full_key(label))
            if hit.how == "none":
                hit = self._last_item(label) or hit
            if hit.how != "exact" and (":" in label or "：" in label):
                hit = self._defined(label, hit)
            if hit.codes and self._numbered:
                hit = self._by_number(label, hit)
            _remember(self._cache, label, hit)
        return hit

    def _by_number(self, label: str, hit: Match) -> Match:
        """``hit`` without the rows whose item the label numbers otherwise than the template does
        (``2.其他``, the first line of 2.其他法律行政法规禁止公开, is not 3.其他); with none left, a
        match of no row, ``misnumbered``: a label that names some row, whose place may tell which."""
        found = _ITEM_NUMBER.findall(unicodedata.normalize("NFKC", _unmarked(label)))
        if not found:
            return hit
        codes = tuple(c for c in hit.codes if found[-1] in self._numbered.get(c, (found[-1],)))
        return hit if codes == hit.codes else Match(codes, hit.how if codes else "misnumbered")

    def _defined(self, label: str, hit: Match) -> Match:
        """A label and its definition after a colon (``规章：地方行政规章指…。``, as some reports
        print the template's guidance in the label's cell): the words before the colon, where
        they name a row exactly (and the whole names it or none). A colon before a number
        (``规章：0``) is no definition."""
        head, _, rest = re.split("([:：])", label, maxsplit=1)
        rest = rest.strip()
        if len(rest) < 4 or rest[-1].isdigit():
            return hit
        defined = self._lookup(key(head))
        return defined if defined.how == "exact" and (hit.how == "none" or defined.code in hit.codes) else hit

    def piece(self, label: str) -> Match:
        """The one row whose alias holds the label's key, three characters at least, else no match
        (``息需要`` of ``没有现成信息需要另行制作``: a label's middle line, cut by a narrow column)."""
        k = key(label)
        codes = _unique(code for alias, code in self.all if k in alias) if len(k) >= 3 else ()
        return Match(codes, "piece") if len(codes) == 1 else NO_MATCH

    def scan(self, label: str) -> list[str]:
        """Codes whose aliases occur in the label, in the order they occur (longest alias wins)."""
        codes = [code for _, _, code in self._scanned(label)[1]]
        return [c for i, c in enumerate(codes) if i == 0 or codes[i - 1] != c]  # a header cell repeated

    def unscanned(self, label: str) -> list[str]:
        """The label's key outside the aliases :meth:`scan` finds in it, piece by piece
        (``本年制发件数现行效件数`` → ``["现行效件数"]``: a column name a typo hid)."""
        k, spans = self._scanned(label)
        pieces, at = [], 0
        for start, end, _ in spans:
            if start > at:
                pieces.append(k[at:start])
            at = max(at, end)
        if at < len(k):
            pieces.append(k[at:])
        return pieces

    def _scanned(self, label: str) -> tuple[str, list[tuple[int, int, str]]]:
        """The label's key and where each alias found in it stands, remembered per label."""
        hit = self._scans.get(label)
        if hit is None:
            k = key(label)
            hit = (k, self._spans(k))
            _remember(self._scans, label, hit)
        return hit

    def _spans(self, k: str) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        for alias, code in self.contains:
            start = k.find(alias)
            while start >= 0:
                end = start + len(alias)
                if not any(s < end and start < e for s, e, _ in spans):
                    spans.append((start, end, code))
                start = k.find(alias, end)
        for alias, code in self.exact.items():
            if k == alias and not spans:
                spans.append((0, len(k), code))
        return sorted(spans)

    def _last_item(self, label: str) -> Match | None:
        """The label's last enumerated item, where it alone names a row exactly: a row's labels
        joined on one line (``三、本年度办理结果 （六）其他处理 3.其他``, ``… （七）总计``), whose short
        last item no longer stands out among the words before it."""
        text = unicodedata.normalize("NFKC", _unmarked(label))
        starts = [m.start() for m in _MARKERS.finditer(text) if m.start() > 0]
        if not starts:
            return None
        hit = self._lookup(key(text[starts[-1] :]))
        return hit if hit.how == "exact" else None

    def _lookup(self, k: str) -> Match:
        if not k:
            return NO_MATCH
        code = self.exact.get(k)
        if code is not None:
            return Match((code,), "exact")
        found: dict[str, int] = {}
        covered: list[tuple[int, int]] = []
        for alias, code in self.contains:
            start = k.find(alias)
            if start < 0:
                continue
            end = start + len(alias)
            if any(s <= start and end <= e for s, e in covered):
                continue  # a shorter alias inside a longer one already found
            covered.append((start, end))
            found.setdefault(code, start)
        if found:
            return Match(tuple(sorted(found, key=found.__getitem__)), "contains")
        if len(k) >= 4:
            codes = _unique(code for alias, code in self.all if k in alias)
            if codes:
                return Match(codes, "truncated")
            # A ratio of 0.85 needs lengths within a factor of 2 / 0.85 - 1 of each other: the others
            # are skipped before difflib's quadratic matching (a long line would cost milliseconds).
            low, high = len(k) * 0.85 / (2 - 0.85), len(k) * (2 - 0.85) / 0.85
            best = _unique(
                code
                for alias, code in self.all
                if len(alias) >= 4
                and low <= len(alias) <= high
                and difflib.SequenceMatcher(None, k, alias).ratio() >= 0.85
            )
            if best:
                return Match(best, "fuzzy")
        return NO_MATCH


_CACHE_SIZE = 1 << 15  # labels a matcher remembers; the template's own recur in every report
_CACHED_LENGTH = 200  # longer texts are not kept (a hostile page's long lines stay collectable)


def _remember(cache: dict[str, Any], label: str, value: Any) -> None:
    """Keep a lookup result, within bounds: a long-running process must not grow without end."""
    if len(label) > _CACHED_LENGTH:
        return
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[label] = value


def _unique(codes: object) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for c in codes:  # type: ignore[attr-defined]
        seen[c] = None
    return tuple(seen)


#: An item's number in a row label: ``3.`` of ``（六）其他处理 3.其他`` (not a value's ``3.5``, nor a
#: number at the label's end, the next item's head: ``已获取信息4.``).
_ITEM_NUMBER = re.compile(r"(?<![\d.])(\d{1,2})\s*[.、．](?=\s*[^\s\d])")


@cache
def item_numbers(table: str) -> dict[str, tuple[str, ...]]:
    """Each row of a table that the templates number as an item, and the numbers they give it."""
    from . import schema

    numbers: dict[str, set[str]] = {}
    for template in schema.TEMPLATES:
        for code, label in schema.rows(table, template):
            found = _ITEM_NUMBER.findall(label)
            if found:
                numbers.setdefault(code, set()).add(found[-1])
    return {code: tuple(sorted(n)) for code, n in numbers.items()}


@cache
def matcher(table: str, axis: str) -> Matcher:
    """The shared matcher for one table and axis."""
    return Matcher(table, axis)


def spaced_pattern(pattern: str) -> str:
    """``pattern`` with a space allowed after each CJK character it matches (a page's spans leave
    one inside words: ``二、主动公开 政府信息情况``): after the character, or the class of characters,
    and its quantifier if it has one."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern[i] == "[":
            end = pattern.index("]", i + 2)  # a class holds one character at least
            atom, cjk = pattern[i : end + 1], any("\u4e00" <= c <= "\u9fff" for c in pattern[i:end])
            i = end + 1
        else:
            atom, cjk = pattern[i], "\u4e00" <= pattern[i] <= "\u9fff"
            i += 1
        quantified = re.match(r"(?:[?*+]|\{\d*,?\d*\})\??", pattern[i:])
        if quantified:
            atom += quantified.group()
            i += quantified.end()
        out.append(atom + " ?" if cjk and not atom.startswith("[^") else atom)
    return "".join(out)
