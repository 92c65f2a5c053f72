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


@functools.cache
def _patterns(row: str, column: str) -> re.Pattern[str]:
    noun, verb = _NOUN[row], _VERB[column]
    return re.compile(rf"{verb}(?:了|的)?{noun}{_COUNT}|{noun}{verb}(?:的)?{_COUNT}")


@functools.lru_cache(maxsize=8)
def _folded(prose: str) -> str:
    """The prose with full-width digits folded (a footnote mark not made a digit: 41①件 states no
    411): once a report, whichever rows ask."""
    return folded(prose)


def stated(prose: str, row: str, columns: list[str]) -> dict[str, tuple[int, str]]:
    """The cells of ``row`` the prose states, each with the phrase that states it; a column stated
    with two different numbers is left out (the prose is then about more than the table).

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
        found = {int(m.group(1) or m.group(2)): m.group(0) for m in _patterns(row, column).finditer(text)}
        if len(found) == 1:
            ((value, phrase),) = found.items()
            out[column] = (value, phrase)
    return out
