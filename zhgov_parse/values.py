"""Turning one cell's text into a number (or NA with a reason)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: Cell texts that mean "no value" (NA), compared after NFKC and stripping spaces (``---`` is
#: how pandoc's Markdown writes a dash, ``—``).
MISSING_MARKERS = frozenset(
    {"", "-", "--", "---", "—", "——", "–", "/", "\\", "无", "無", "不适用", "不適用", "－", "―", "空", "空白"}
    | {"∕", "⁄", "╱"}  # slashes that NFKC keeps: division, fraction, box-drawing diagonal
    | {"_", "__", "___"}  # underscores typed for a blank (NFKC makes the full-width ＿ one)
    # what data tools write for an empty cell (pandas' to_string and to_markdown: NaN, nan; None, null)
    | {"NaN", "nan", "NAN", "None", "none", "null", "NULL", "N/A", "n/a", "#N/A", "<NA>"}
)
#: Zero written as a numeral (a table typed in Chinese numerals writes its zeros so).
ZERO_NUMERALS = frozenset({"零", "〇"})

#: The most digits a value may have before its point: more is no count or amount a report states
#: (an ID number, a run of junk), and beyond 15 a float would not even hold it exactly.
MAX_DIGITS = 15
#: The units an amount may be written in, and what each is worth in 元 (万/亿 alone: shorthand,
#: 12.5万 = 12.5 万元).
AMOUNT_FACTORS = {
    "元": 1,
    "千元": 1000,
    "万元": 10_000,
    "萬元": 10_000,
    "亿元": 100_000_000,
    "億元": 100_000_000,
}
AMOUNT_FACTORS |= {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
#: Units of a count a cell may carry (3件; procurements in 笔).
COUNT_UNITS = ("件", "条", "條", "个", "個", "项", "項", "次", "篇", "人次", "家", "宗", "份", "起", "例")
COUNT_UNITS += ("笔", "筆")
# Longest first, so that 万元 is not read as 万 and a stray 元; a unit may stand in brackets: 3（件）.
_UNIT = "(?:" + "|".join(sorted([*AMOUNT_FACTORS, *COUNT_UNITS], key=len, reverse=True)) + ")"
#: How a cell may write a change's sign (本年增/减): ASCII or typeset minus signs and hyphens (Word
#: writes U+2011, typesetters U+2212; NFKC has made full-width ones ASCII), or the words 增(加)/减(少).
NEGATIVE_SIGNS = frozenset(
    {"-", "\u2212", "\u2010", "\u2011", "\u2012", "\u2013", "减", "减少", "減", "減少"}
)
_SIGNS = "|".join(re.escape(s) for s in sorted([*NEGATIVE_SIGNS, "+", "增加", "增"], key=len, reverse=True))
_NUMBER = re.compile(
    r"(?P<sign>" + _SIGNS + r")?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?\s*"
    r"(?:(?P<unit>" + _UNIT + r")|\((?P<bracketed>" + _UNIT + r")\))?"
)


@dataclass(frozen=True, slots=True)
class Value:
    """A parsed cell: ``number`` is an int, a float or None (NA); ``unit`` as the cell wrote it."""

    number: int | float | None
    raw: str
    unit: str | None = None
    problem: str | None = None  # None, "missing" or "non_numeric"
    mark: str | None = None  # a footnote mark after the number (41①: ①), which makes it none
    signs: str | None = None  # two signs or more before the number (--253: --), which make it none
    inexact: bool = False  # an estimate, a range or a note beside the number (约12, 10-12, 12（含5件）)


#: Characters that show nothing: soft hyphens (Word), zero-width joiners, direction marks and
#: embeddings (text copied from web pages), word joiners, BOMs inside a text. (Loading takes them out
#: of text too, but for the zero-width space, which text readers keep inside a word and HTML reads
#: as a space: a cell drops it as well.)
INVISIBLE = re.compile("[\u00ad\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


#: Characters that NFKC turns into digits but that are no digits of a number: superscripts and
#: subscripts (``41¹``, ``41₁``), circled, parenthesized and dotted numerals (``41①``, ``⑴``, ``⒈``),
#: fractions (``½``), digits with a comma (``🄂``) and CJK squares (``㏠`` 1日). After a number they
#: are a footnote mark; NFKC would glue them onto its digits (``41①`` → 411), so a cell holding one
#: is no number. tests/test_values.py checks that this covers every such character.
DIGIT_MARKS = re.compile(
    "[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u215f\u2189"
    "\u2460-\u249b\u24ea\u3251-\u325f\u32b1-\u32cb\u3358-\u3370\u3378\u3379\u339f-\u33a6"
    "\u33a8\u33af\u33e0-\u33fe\U0001f100-\U0001f10a]"
)


#: A number with a footnote mark after it (``41①``, ``41¹``, ``41*``, ``41※``, ``41[1]``, ``41注1``,
#: ``41（注）``; ``41[¹]``, a bracketed mark set raised, as a page's ``<sup>[1]</sup>`` or Word's footnote
#: reference reads): a value cell, where a row's values end (not a label), but no number: NA.
_FOOTNOTED = re.compile(
    r"[+\-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．]\d+)?(?P<mark>"
    rf"[{DIGIT_MARKS.pattern[1:-1]}*＊※†‡]{{1,2}}|[\[［【〔][\d⁰¹²³⁴-⁹₀-₉]{{1,2}}[\]］】〕]|[(（]?注\d{{0,2}}[)）]?)"
)


#: A number after two signs or more (``--253``, ``+-3``, ``- -8``: a typo for -253, or a dash and
#: a number?): a value cell, where a row's values end (not a label), but no sure number: NA.
_SIGN = r"[+\-\u2010-\u2013\u2212]"
_SIGNS_DOUBLED = re.compile(rf"(?P<signs>{_SIGN}(?:\s*{_SIGN})+)\s*\d+(?:\.\d+)?")


_N = r"\d+(?:[.,]\d+)*"
#: A number that is no exact count: an estimate (约12, 近12, 12余, 12多, 12左右, 12以上), a range
#: (10-12, 10至12, 10~12) or a note in brackets after it (12（含5件）), matched after NFKC with the
#: spaces taken out: a value cell, where a row's values stand (not a label), but no number: NA.
_INEXACT = re.compile(
    rf"(?:约|約|近|逾|超过|超過|大约|大約)?{_N}(?:余|餘|多|左右|以上|以下|上下)?{_UNIT}?"
    rf"|{_N}{_UNIT}?(?:-|~|至|到){_N}{_UNIT}?"
    rf"|{_N}{_UNIT}?\([^()]*[\u4e00-\u9fff][^()]*\)"
)


def digit_mark(raw: str) -> str | None:
    """The first character of ``raw`` that reads as a digit only through NFKC (a footnote mark)."""
    if raw.isascii():
        return None
    m = DIGIT_MARKS.search(raw)
    return None if m is None else m.group()


def folded(text: str) -> str:
    """NFKC of text whose numbers are read out of running text (a run-on table, prose), each
    character of :data:`DIGIT_MARKS` written ``*`` first: a footnote mark then ends the number before
    it, as ``*`` does there, instead of joining its digits (``41①`` → 411)."""
    return unicodedata.normalize("NFKC", text if text.isascii() else DIGIT_MARKS.sub("*", text))


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split())
    return text if text.isascii() else INVISIBLE.sub("", text.replace("\u200b", ""))


def parse_value(raw: str) -> Value:
    """Parse a value cell.

    >>> parse_value("１２").number
    12
    >>> parse_value("1,234").number
    1234
    >>> parse_value("-2").number, parse_value("+3").number, parse_value("减少1").number
    (-2, 3, -1)
    >>> parse_value("12.50").number
    12.5
    >>> parse_value("3件").number, parse_value("3件").unit
    (3, '件')
    >>> parse_value("/").problem, parse_value("").number is None
    ('missing', True)
    >>> parse_value("见附件").problem, parse_value("41①").problem
    ('non_numeric', 'non_numeric')
    >>> parse_value("--253").number is None, parse_value("--253").signs
    (True, '--')
    """
    # Only short cells are cached: cached long texts (a hostile page's 1 MB cell) stay alive.
    return cached_value(raw) if len(raw) <= 200 else cached_value.__wrapped__(raw)


@lru_cache(maxsize=4096)
def cached_value(raw: str) -> Value:
    """:func:`parse_value` through a cache (short texts only: :func:`parse_value` checks)."""
    text = _clean(raw)
    if text in MISSING_MARKERS:
        return Value(None, raw, problem="missing")
    if text in ZERO_NUMERALS:
        return Value(0, raw)
    footnoted = _FOOTNOTED.fullmatch("".join(raw.split()))
    if footnoted is not None:  # 41① is 41 and a footnote mark: not 411, nor 41 (what does it note?)
        return Value(None, raw, problem="non_numeric", mark=footnoted["mark"])
    if digit_mark(raw) is not None:  # ① alone, 4⑴5: NFKC would make digits of it
        return Value(None, raw, problem="non_numeric")
    m = _NUMBER.fullmatch(text)
    if m is None:
        doubled = _SIGNS_DOUBLED.fullmatch(text)
        signs = None if doubled is None else doubled["signs"]
        inexact = signs is None and _INEXACT.fullmatch(text) is not None
        return Value(None, raw, problem="non_numeric", signs=signs, inexact=inexact)
    digits = m["int"].replace(",", "")
    if len(digits) > MAX_DIGITS:  # an ID or a run of junk, not a count or an amount
        return Value(None, raw, problem="non_numeric")
    if m["frac"] is not None:
        number: int | float = float(f"{digits}.{m['frac']}")
    else:
        number = int(digits)
    if m["sign"] in NEGATIVE_SIGNS:
        number = -number
    return Value(number, raw, unit=m["unit"] or m["bracketed"])


#: A cell that holds a unit alone (``万元``, ``（件）``): what PDF text or a table's own unit cells
#: set apart from the number before it.
UNIT_CELLS = frozenset(
    form for unit in [*AMOUNT_FACTORS, *COUNT_UNITS] for form in (unit, f"({unit})", f"（{unit}）")
)


def fold_units(cells: list[str]) -> list[str]:
    """Join each unit standing alone to the number just before it: ``["18", "12.5", "万元"]`` →
    ``["18", "12.5万元"]``. A unit after a cell that is no number, or that has a unit, stays.

    >>> fold_units(["政府集中采购", "18", "1,280.45", "万元"])
    ['政府集中采购', '18', '1,280.45万元']
    >>> fold_units(["万元", "3件", "（件）"])
    ['万元', '3件', '（件）']
    """
    out: list[str] = []
    for cell in cells:
        if out and cell.strip() in UNIT_CELLS:
            before = parse_value(out[-1])
            if before.number is not None and before.unit is None:
                out[-1] = out[-1] + cell.strip()
                continue
        out.append(cell)
    return out


def is_value_text(raw: str) -> bool:
    """True when a cell reads as a number or a missing marker (not as a label), or as a number with
    a footnote mark (``41①``), after two signs (``--253``) or inexact (``约12``, ``10-12``): NA, but a
    value's cell."""
    if raw.isascii() and raw.isdigit():
        return True  # the usual value cell
    # Asked of every label cell, several times a report: the answer cached (short texts only).
    return _reads_as_value(raw) if len(raw) <= 200 else _reads_as_value.__wrapped__(raw)


@lru_cache(maxsize=4096)
def _reads_as_value(raw: str) -> bool:
    value = parse_value(raw)
    return (
        value.problem != "non_numeric" or value.mark is not None or value.signs is not None or value.inexact
    )


def is_number_text(raw: str) -> bool:
    """True when a cell reads as a number (not blank, not a label)."""
    return parse_value(raw).number is not None
