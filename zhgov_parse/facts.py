"""Numbers the prose states (主动公开政府信息200多条, 收到申请1件, 未发生行政复议), and their
cross-checks against the tables."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import schema
from .findings import Finding
from .narrative import Section
from .script import to_simplified
from .stated import stated

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

_NUMBER = r"(?P<num>\d+(?:[,，]\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]{1,8})"
_FACT = re.compile(
    r"(?P<pre>近|约|逾|超过|大约|共计|共)?\s*" + _NUMBER + r"\s*(?P<post>多|余)?\s*"
    r"(?P<unit>万元|元|人次|条|件|篇|次|期|场|起|个|项)(?P<around>左右)?"
)
_NONE = re.compile(
    r"(?:未|没有|无)(?:发生|收到|产生|收取|出现|接到|受理)?[^。；;，,]{0,24}?"
    r"(?P<what>行政复议|行政诉讼|信息处理费|上年结转|政府信息公开申请|依申请公开申请|依申请)"
)
_NO_FEES_AT_ALL = re.compile(r"未(?:收取|产生)任何(?:费用|收费)|不收取任何费用|未收取(?:任何)?费用")
_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_CLAUSE_BREAK = re.compile(r"[，,：:；;、（(]")

# Subjects that are quantities the tables hold, by the words of the clause that states them.
_SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("applications_carried_forward", re.compile(r"结转(?:至|到)?下(?:一)?年度?|转入下(?:一)?年")),
    ("applications_carried_in", re.compile(r"上(?:一)?年(?:度)?结转")),
    ("processing_fee", re.compile(r"信息处理费")),
    ("fee_amount", re.compile(r"行政事业性收费")),
    ("reviews", re.compile(r"行政复议")),
    ("lawsuits", re.compile(r"行政诉讼")),
    # only totals (共答复, 合计办结): 同意公开答复9件 is one outcome among several
    (
        "applications_answered",
        re.compile(r"(?:共|合计|总计|累计|全部)(?:依申请)?(?:答复|办结|办理完(?:成|毕)|处理完毕)"),
    ),
    (
        "applications_received",
        re.compile(r"(?:收到|新收|受理|接收|共收|接到).{0,12}申请|申请.{0,6}(?:收到|受理)"),
    ),
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A number stated in the narrative."""

    position: int  # of the section row it is in
    section: str
    subject: str  # a stable code where a table holds the quantity, else the words
    words: str
    value: int | float
    unit: str | None
    approximate: bool
    sentence: str
    qualifier: str | None = None  # 多, 余, 逾, 超过, 近, 约, 左右 as written


def chinese_number(text: str) -> int | None:
    """Read a Chinese numeral of the kind reports write counts in.

    >>> chinese_number("十二"), chinese_number("一百零五"), chinese_number("两"), chinese_number("三十")
    (12, 105, 2, 30)
    >>> chinese_number("一千二百三十四"), chinese_number("二万"), chinese_number("是") is None
    (1234, 20000, True)
    """
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in "零〇" and digit is None and (section or total):
            continue  # 一百零五, 一千零五十: 零 only holds the place of a missing unit
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # 一二 is not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (digit if digit is not None else 1) * unit
            digit = None
        else:
            return None
    return total + section + (digit or 0)


def _value(num: str) -> int | float | None:
    if num[0].isdigit():
        num = num.replace(",", "").replace("，", "")
        return float(num) if "." in num else int(num)
    return chinese_number(num)


def _subject(clause: str) -> str | None:
    for code, pattern in _SUBJECTS:
        if pattern.search(clause):
            return code
    return None


#: What a sentence needs, in either script, to state a fact: a number (digits, or a Chinese numeral
#: before a unit) or a "none" statement.  Only such sentences of a Traditional report are converted:
#: conversion costs ~0.1 µs a character (:mod:`.simplify`), and most sentences state no number.
_MAY_STATE = re.compile(
    r"\d|未|[没沒]有|[无無]|不收取|[零〇一二两兩三四五六七八九十百千万萬]\s*[多余餘]?\s*"
    r"(?:[万萬]元|元|人次|[条條]|件|篇|次|期|[场場]|起|[个個]|[项項])"
)


def extract(sections: Sequence[Section], traditional: bool = True) -> list[Fact]:
    """Facts from the narrative's paragraphs and items (headings and tables excluded).
    ``traditional=False`` skips the script conversion a Simplified report does not need."""
    out: list[Fact] = []
    for s in sections:
        if s.kind == "heading":
            continue
        convert = traditional and not s.text.isascii()
        for sentence in _SENTENCE.findall(s.text):
            if convert:
                if not _MAY_STATE.search(sentence):
                    continue
                sentence = to_simplified(sentence)
            out.extend(_facts_in(s, sentence.strip()))
    return out


def _facts_in(s: Section, sentence: str) -> list[Fact]:
    facts: list[Fact] = []
    for m in _FACT.finditer(sentence):
        start = m.start("num") if not m["pre"] or m["pre"] in ("共", "共计") else m.start()
        before = sentence[:start]
        if before.endswith(("第", "前", "每")) or (m["num"][0].isdigit() and before[-1:].isdigit()):
            continue
        if not m["num"][0].isdigit() and m["unit"] in ("个", "项"):
            continue  # 一个平台, 三项制度: not counts
        value = _value(m["num"])
        if value is None:
            continue
        clause = _CLAUSE_BREAK.split(before)[-1].strip()
        after = re.match(r"[^，,。；;、：:（(]{0,8}", sentence[m.end() :])
        words = (clause + (after.group(0) if after else "")).strip()[-40:]
        subject = _subject(clause) or _subject(words)
        if subject in ("processing_fee", "fee_amount") and m["unit"] not in ("元", "万元"):
            subject = None
        qualifier = m["post"] or m["around"] or (m["pre"] if m["pre"] not in (None, "共", "共计") else None)
        facts.append(
            Fact(
                s.position,
                s.section,
                subject or words,
                words,
                value,
                m["unit"],
                bool(qualifier),
                sentence,
                qualifier,
            )
        )
    for m in _NONE.finditer(sentence):
        what = m["what"]
        codes = []
        if what == "行政复议" or "行政复议" in m.group(0):
            codes.append("reviews")
        if what == "行政诉讼" or "行政诉讼" in sentence[m.start() : m.end() + 8]:
            codes.append("lawsuits")
        if what == "信息处理费":
            codes.append("processing_fee")
        if what == "上年结转":
            codes.append("applications_carried_in")
        if what in ("政府信息公开申请", "依申请公开申请", "依申请") and "未收到" in m.group(0):
            codes.append("applications_received")
        for code in dict.fromkeys(codes):
            if not any(f.subject == code and f.sentence == sentence for f in facts):
                facts.append(Fact(s.position, s.section, code, m.group(0), 0, None, False, sentence))
    if _NO_FEES_AT_ALL.search(sentence):
        facts.append(Fact(s.position, s.section, "fees_charged", "未收取任何费用", 0, None, False, sentence))
    return facts


# ---------------------------------------------------------------------------------------------
# Cross-checks

Grid = Mapping[tuple[str, str, str], "int | float | None"]
_A = "application_handling"
_R = "review_litigation"
_D = "active_disclosure"


def _table_value(subject: str, grid: Grid) -> tuple[float | None, str]:
    g = grid.get
    if subject == "applications_received":
        return g((_A, "new_received", "total")), "三、一、本年新收 总计"
    if subject == "applications_carried_in":
        return g((_A, "carried_in", "total")), "三、二、上年结转 总计"
    if subject == "applications_answered":
        return g((_A, "total", "total")), "三、（七）总计 总计"
    if subject == "applications_carried_forward":
        return g((_A, "carried_forward", "total")), "三、四、结转下年度继续办理 总计"
    if subject == "reviews":
        return g((_R, "review", "total")), "四、行政复议 总计"
    if subject == "lawsuits":
        a, b = g((_R, "litigation_direct", "total")), g((_R, "litigation_after_review", "total"))
        return (None if a is None or b is None else a + b), "四、行政诉讼 总计 (两列之和)"
    if subject == "fee_amount":
        return g(("active_disclosure", "fees", "fee_amount")), "二、行政事业性收费 本年收费金额"
    return None, ""


def _agrees(fact: Fact, table: float, grid: Grid) -> bool:
    value = float(fact.value)
    if fact.unit == "元" and fact.subject == "fee_amount":
        value /= 10000
    if fact.subject == "applications_received":
        carried = grid.get((_A, "carried_in", "total"))
        if carried is not None and abs(value - (table + carried)) < 1e-6:
            return True  # 共收到 often counts the applications carried in
    if fact.qualifier is None:
        return abs(value - table) < 1e-6
    if fact.qualifier in ("多", "余", "逾", "超过"):
        return table >= value
    if fact.qualifier == "近":
        return table <= value
    return abs(table - value) <= max(2.0, 0.2 * value)  # 约, 大约, 左右


def cross_check(
    facts: Sequence[Fact], grid: Grid, sections: Sequence[Section], year: int | None
) -> list[Finding]:
    """Findings where the prose and the tables disagree, the stated year is off, 五 is missing."""
    out: list[Finding] = []
    for fact in facts:
        table, where = _table_value(fact.subject, grid)
        if table is None or _agrees(fact, table, grid):
            continue
        out.append(
            Finding(
                "fact_mismatch",
                f"the text says '{fact.words}' = {fact.value}{fact.unit or ''}, the table ({where}) says "
                f"{table:g}",
                expected=f"{table:g}",
                found=f"{fact.value}",
                source=fact.sentence[:120],
            )
        )
    fee = grid.get(("active_disclosure", "fees", "fee_amount"))
    for fact in facts:
        if fact.subject == "fees_charged" and fee is not None and fee > 0:
            out.append(
                Finding(
                    "fact_mismatch",
                    f"the text says no fees at all were charged, the table (二、行政事业性收费) "
                    f"reports {fee:g} 万元",
                    "active_disclosure",
                    "fees",
                    "fee_amount",
                    expected="0",
                    found=f"{fee:g}",
                    source=fact.sentence[:120],
                )
            )
    out.extend(_documents_check(sections, grid))
    out.extend(_year_check(sections, year))
    out.extend(_problems_check(sections))
    return out


def _documents_check(sections: Sequence[Section], grid: Grid) -> list[Finding]:
    """The 规章 and 规范性文件 counts the overview states (制发行政规范性文件62件) against table 二."""
    prose = " ".join(s.text for s in sections if s.section == "overview")
    if not prose:
        return []
    out = []
    for row in ("rules", "normative_documents"):
        columns = [c for t, r, c in grid if t == _D and r == row]
        for column, (value, phrase) in stated(prose, row, columns).items():
            table = grid.get((_D, row, column))
            if table is None or table == value:
                continue
            labels = schema.row_label(_D, row), schema.column_label(_D, column)
            where = "二、" + " ".join(labels)
            out.append(
                Finding(
                    "fact_mismatch",
                    f"the text says '{phrase}', the table ({where}) says {table:g}",
                    _D,
                    row,
                    column,
                    expected=f"{table:g}",
                    found=str(value),
                    source=phrase,
                )
            )
    return out


_LEADING_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(?:度)?\s*[，,]")


def _year_check(sections: Sequence[Section], year: int | None) -> list[Finding]:
    if year is None:
        return []
    for s in sections:
        if s.section == "overview" and s.kind == "paragraph":
            m = _LEADING_YEAR.match(s.text)
            if m and int(m.group(1)) != year:
                return [
                    Finding(
                        "year_mismatch",
                        f"the overview opens with {m.group(1)}年 but the report is for {year}",
                        expected=str(year),
                        found=m.group(1),
                        source=s.text[:80],
                    )
                ]
            return []
    return []


def _problems_check(sections: Sequence[Section]) -> list[Finding]:
    present = {s.section for s in sections}
    if "overview" not in present or "other_matters" not in present:
        return []  # a fragment: not enough of the report to say 五 is missing
    body = [s for s in sections if s.section == "problems_improvements" and s.kind != "heading"]
    if body:
        return []
    said = "has no text" if "problems_improvements" in present else "is missing"
    return [
        Finding(
            "problems_missing",
            f"part 五、存在的主要问题及改进情况 {said}",
            expected="problems and improvements",
            found=said,
        )
    ]
