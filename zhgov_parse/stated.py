"""Table 二 numbers a report's prose states: 动态更新发布本年度制发行政规范性文件62件.

Overviews often repeat the 规章 and 规范性文件 counts of table 二 in words.  Where a run-on row
of table 二 reads several ways, such a statement picks the readings that agree with it (see
:func:`zhgov_parse.runon.active_disclosure`).  Only tight phrasings count: the column's verb
right before the row's noun (制发的规范性文件88件), or right after it (规范性文件现行有效41件),
the number closing the phrase with 件.  Both scripts are matched as written.
"""

from __future__ import annotations

import functools
import re

from .values import folded

_NOUN = {
    "rules": r"[规規]章",
    "normative_documents": r"(?:行政)?[规規][范範]性文件",
}
_VERB = {  # the column as prose names it (2021 template, then 2019)
    "issued": r"制[发發]",
    "repealed": r"[废廢]止",
    "in_force": r"[现現]行有效",
    "new_made": r"(?:新)?[制製]作",
    "new_published": r"新公[开開]",
    "total_published": r"[对對]外公[开開]",
}
_COUNT = r"(?:共|合[计計]|[总總][计計]|累[计計])?\s*(\d{1,6})\s*件"


#: Words before a statement, in its sentence, that make it another year's (上年制发…, 去年, 2022年 in
#: another year's report) or, for a year's own counts (制发, 废止, 新制作, 新公开), several years' (自2019年
#: 以来累计制发…, 近三年来).
_OTHER_YEAR = re.compile(r"上一?年|去年|前年|(?<![\d〔\[［【(（])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
_SEVERAL_YEARS = re.compile(r"以来|累[计計]|[历歷]年|近[一二两兩三四五六七八九十几幾数數\d]+年")
_STOCK = ("in_force", "total_published")  # a count at the year's end, whatever the years before
_REACH = 200  # how far back a statement's sentence is read for its time words
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def _of_the_year(text: str, m: re.Match[str], column: str, year: int | None) -> bool:
    """Whether a statement speaks of the report's year: no other year's words before it in its
    sentence (the last year named, where ``year`` is given, the report's), and, for a year's own
    counts, no several years' (累计 within it too)."""
    reach = max(0, m.start() - _REACH)  # bounded: a page with thousands of statements stays linear
    start = max((e.end() for e in _SENTENCE_END.finditer(text, reach, m.start())), default=reach)
    before = text[start : m.start()]
    if column not in _STOCK and (_SEVERAL_YEARS.search(before) or _SEVERAL_YEARS.search(m.group(0))):
        return False
    named = [*_OTHER_YEAR.finditer(before)]
    if not named:
        return True
    last = named[-1]
    return last.group(1) is not None and (year is None or int(last.group(1)) == year)


@functools.cache
def _patterns(row: str, column: str) -> re.Pattern[str]:
    noun, verb = _NOUN[row], _VERB[column]
    return re.compile(rf"{verb}(?:了|的)?{noun}{_COUNT}|{noun}{verb}(?:的)?{_COUNT}")


@functools.lru_cache(maxsize=8)
def _folded(prose: str) -> str:
    """The prose with full-width digits folded (a footnote mark not made a digit: 41①件 states no
    411): once a report, whichever rows ask."""
    return folded(prose)


def stated(prose: str, row: str, columns: list[str], year: int | None = None) -> dict[str, tuple[int, str]]:
    """The cells of ``row`` the prose states, each with the phrase that states it; a column stated
    with two different numbers is left out (the prose is then about more than the table), and so is
    a statement of another year or of several (上年制发…, 自2019年以来累计制发…; a year other than
    ``year``, the report's, where given).

    >>> stated("本年度制发的规范性文件88件，集中公开现行有效行政规范性文件698件", "normative_documents",
    ...        ["issued", "repealed", "in_force"])
    {'issued': (88, '制发的规范性文件88件'), 'in_force': (698, '现行有效行政规范性文件698件')}
    """
    if row not in _NOUN or not prose:
        return {}
    text = _folded(prose)
    out: dict[str, tuple[int, str]] = {}
    for column in columns:
        if column not in _VERB:
            continue
        found = {
            int(m.group(1) or m.group(2)): m.group(0)
            for m in _patterns(row, column).finditer(text)
            if _of_the_year(text, m, column, year)
        }
        if len(found) == 1:
            ((value, phrase),) = found.items()
            out[column] = (value, phrase)
    return out
