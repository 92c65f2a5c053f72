"""Numbers the prose states (主动公开政府信息200多条, 收到申请1件, 未发生行政复议), and their
cross-checks against the tables."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from . import schema
from .findings import Finding
from .meta import as_characters, digit_years, western_years
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

# Digits may count ten-thousands (8232万条, 1.2万件; not 1200万元, whose unit is 万元).
_NUMBER = r"(?P<num>\d+(?:[,，]\d{3})*(?:\.\d+)?(?:万(?!元))?|[零〇一二两三四五六七八九十百千万]{1,8})"
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
_REST = re.compile(r"[^，,。；;、：:（(]*")
# 5至8个工作日, 3-5件, 五至八件: the number just before a range's end (统一到 is no range).
_RANGE_FROM = re.compile(r"(?:\d\s*(?:至|到|[-~～—－–])|[零〇一二两三四五六七八九十百千]至)\s*$")
_SPACE = re.compile(r"\s+")  # 受理政府信息公开申请 1295 件: subjects are matched without spaces
_WIDE_BREAK = re.compile(r"[，,：:；;（(]")  # a clause with its lists (行政复议、行政诉讼各1件)

# Subjects that are quantities the tables hold, by the phrase that names them.  Each pattern must
# end where the number starts (收到政府信息公开申请256件), so that a phrase only mentioned in the clause
# does not lend its subject to another count: 行政复议应诉业务培训2次, 收到申请后5个工作日内.
# What may stand between a phrase and its number: 收到申请的数量为256件, 信息处理费共计人民币300元.
_LINK = r"(?:的)?(?:数量|总数|数)?(?:共计|合计|总计|共)?(?:为|是|达到|达|有)?(?:人民币)?"
# What applications are called: 政府信息公开申请 (政府資訊公開申請 in Taiwan's words), 依申请公开申请,
# 申请, 市民提出的申请; not a kind of them (重复申请, 房屋征收类申请).
_DISCLOSURE = r"(?:(?:政府)?(?:信息|资讯)公开|依申请(?:信息|资讯)?公开)"
_APPLICANTS = r"(?:(?:市民|群众|社会公众|公众|申请人)提出的)?"  # not 公民's or 企业's: one kind of applicant
_APPLICATIONS = (  # 各类 only of disclosure applications: 各类申请 counts others too (其中政府信息公开申请…)
    rf"{_APPLICANTS}(?:(?:各类)?(?:{_DISCLOSURE}(?:的)?申请|依申请(?:信息|资讯)?公开(?:的)?(?:事项|件)?)|申请)"
)
# Who or when may open a clause that names the applications with no verb (全年政府信息公开申请共256件,
# 本年度依申请公开申请数量为256件): nothing else, so that 办结政府信息公开申请共256件 is not read so.
_WHO_WHEN = (
    r"(?:全年|本年度?|今年|年内|(?:19|20)\d{2}年度?|全(?:市|区|县|镇|乡)"
    r"|我(?:局|委|办|厅|单位|机关|部门|院|署|中心|镇|乡|街道)|本(?:机关|单位|部门|局|委|办))*"
)
_RECEIVE = r"(?:收到|新收|受理|接收|接到|共收)(?:了)?"
_NEXT_YEAR = r"(?:下一?年度?|(?P<to>(?:19|20)\d{2})年度?)"  # 结转至2024年: checked against the report's
_FORWARD = rf"(?:结转(?:至|到)?|转入){_NEXT_YEAR}"
_BACK = r"上一?年度?结转"
_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern + _LINK + "$"))
    for code, pattern in (
        ("applications_carried_forward", _FORWARD + rf"(?:继续办理|继续办|办理)?(?:的)?(?:{_APPLICATIONS})?"),
        ("applications_carried_in", _BACK + rf"(?:的)?(?:{_APPLICATIONS})?"),
        ("processing_fee", r"信息处理费(?:收入|收取)?(?:金额|总额)?"),
        ("fee_amount", r"行政事业性收费(?:收入|金额|总额)?"),
        ("reviews", r"行政复议(?:的)?(?:案件|案|申请)?"),
        ("lawsuits", r"行政诉讼(?:的)?(?:案件|案)?"),
        # only totals (共答复, 合计办结): 同意公开答复9件 is one outcome among several
        (
            "applications_answered",
            r"(?:共|合计|总计|累计|全部)(?:依申请)?(?:答复|办结|办理完(?:成|毕)|处理完毕)(?:了)?"
            rf"(?:{_APPLICATIONS})?",
        ),
        (
            "applications_received",
            rf"(?:{_RECEIVE}{_APPLICATIONS}|{_DISCLOSURE}申请(?:共|共计)?{_RECEIVE}"
            rf"|^{_WHO_WHEN}{_DISCLOSURE}(?:的)?申请)",
        ),
    )
)
# The same subjects named after the number, where the clause ends in a verb that counts them (共收到
# 70件申请, 收取300元信息处理费) or, for cases, in nothing (发生2起行政复议，1起行政诉讼); a case noun
# must end there (5件行政复议案件均已办结, not 4次行政复议培训).  1件结转下年度继续办理 needs no verb.
_CASE_END = r"(?:案件|案)?(?=$|[均已都全正尚中])"
_CASES_VERB = r"(?:^|发生|引发|引起|涉及|收到|接到|办理|受理|申请|提起|有|共|共计)$"
_CHARGE_VERB = r"(?:收取|收|产生)(?:了)?(?:共|共计)?(?:人民币)?$"
_AFTER: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (code, re.compile(clause), re.compile("^" + after))
    for code, clause, after in (
        ("applications_carried_forward", "", r"(?:申请)?" + _FORWARD),
        ("applications_carried_in", "", r"(?:申请)?(?:为|系|属于?)?" + _BACK),
        ("processing_fee", _CHARGE_VERB, r"(?:的)?信息处理费"),
        ("fee_amount", _CHARGE_VERB, r"(?:的)?行政事业性收费"),
        ("reviews", _CASES_VERB, r"行政复议" + _CASE_END),
        ("lawsuits", _CASES_VERB, r"行政诉讼" + _CASE_END),
        ("applications_received", _RECEIVE + r"(?:共|共计)?$", _APPLICATIONS + r"(?!人)"),
    )
)
_MONEY = {"processing_fee", "fee_amount"}
_CASES = {"reviews", "lawsuits"}
#: A case carried over (上年度结转的行政复议案件, 结转至下年度的行政诉讼): not one of the year's.
_CARRIED_CASE = re.compile(r"结转|转入")
_COUNT_UNITS = ("件", "起", "次", "个", "条", "项")  # of cases and applications; not 人次, 期, 场, 篇

# What makes a clause's number something other than this year's total of its subject.
# A change or a comparison: 比上年收到的申请增加35件, 同比增长12件, 较2022年的221件.
_CHANGE = re.compile(
    r"同比|环比|相比|(?:比|较)(?:上一?年|去年|前年|(?:19|20)\d{2}\s*年)"
    r"|增加|减少|增长|下降|上升|增多|提高|降低|回落|下滑|多收|少收"
)
# A rate, not the year's total: 月均收到申请22件, 平均每月办结20件.
_PER = re.compile(r"(?:月|日|周|季|年|人|户)均|平均|每(?:月|日|天|周|季度?|人|个工作日)")
# Money not charged: 减免行政事业性收费1200万元, 减免信息处理费300元.
_WAIVED = re.compile(r"减免|免收|免除|减收|豁免|免予|免于|退还|退回")
# A part of a total the sentence has stated before (共收到申请256件，其中…收到申请201件); 其中本年新收
# is the count of new applications itself.
_AMONG = re.compile(r"其中(?!本年度?新收|新收)")
# Applications (or answers) by one channel (通过网络平台收到申请201件); by kind (收到重复申请) they
# are not _APPLICATIONS.
_CHANNEL = re.compile(
    r"网络|网上|在线|信函|邮寄|当面|现场|窗口|传真|电子邮件|平台|线上|线下|网站|政务服务网|电话|热线|短信|微信|渠道|转办|转交"
)
_BY_CHANNEL = {"applications_received", "applications_answered"}
# 行政复议和行政诉讼共8件: a count of both is neither (but 行政复议、行政诉讼各1件 is each).
_BOTH = re.compile(
    r"(?:行政复议|行政诉讼)(?:案件)?(?:和|及|与|、|以及|或)(?:被)?(?:申请|提起)?(?:行政复议|行政诉讼)"
    r"(?:的)?(?:案件)?" + _LINK + "$"
)
# The time a number is of: the last of these before it in its sentence.  全年 says nothing
# (2022年全年), nor does a year compared with (比上年增加35件，结转下年度4件: 4 is this year's); a year
# counts are carried to is this year's if it is the next (结转至2024年 in a 2023 report); 今年以来 is
# this year, 自《条例》施行以来 and 近三年来 are not.
_TIME = re.compile(
    r"(?P<since>(?:(?P<from>今年|本年度?|年初)|(?P<from_year>(?:19|20)\d{2})\s*年初?)?(?:以来|迄今|至今))"
    r"|(?P<years>(?:近|多|[一二两三四五六七八九十几数]|\d)年来|历年)"
    r"|(?:结转(?:至|到)?|转入)(?P<to>(?:19|20)\d{2})\s*年"
    r"|(?<![比较与同])(?P<year>(?:19|20)\d{2})\s*年"
    r"|(?P<now>本年|今年|报告期)"
    r"|(?<![比较与同])(?P<before>(?:上一?年度?|去年|(?<![当目提])前年)(?!度?结转))"
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
    if text.startswith("万"):
        return None  # 上万条, 数万条: no number of ten-thousands is said
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
    """A stated number's value; None for one longer than any count (16 characters: ``int`` refuses 4,300)."""
    if num[0].isdigit():
        num = num.replace(",", "").replace("，", "")
        if len(num) > 16:
            return None
        if num.endswith("万"):  # 8232万, 1.2万
            value = float(num[:-1]) * 10000
            return int(value) if value.is_integer() else value
        return float(num) if "." in num else int(num)
    return chinese_number(num)


#: A closed bracket's aside after a count (256件（上年236件）, （2022年为236件）): the time it names is its
#: own (not a bracket that opens a sentence: （2022年）收到申请236件).
_ASIDE = re.compile(r"(?<=[\d件条起次个项篇元])\s*[（(][^（）()]*[）)]")


#: A part of the year (上半年收到申请100件, 第一季度, 截至11月底, 1至11月): its count is not the year's.
_PART_OF_YEAR = re.compile(
    r"[上下]半年|季度|(?:(?:截至|截止)(?:目前|(?:19|20)\d{2}\s*年)?|[1一]\s*月?\s*(?:至|到|[-—~～]))"
    r"\s*(?:1[01]|[1-9]|十一|[一二三四五六七八九十])\s*月"
)


def _own(prefix: str, year: int | None, area: bool) -> bool:
    """Whether the sentence up to a number speaks of the report's own year and body: not another
    year's (:func:`_this_year`), nor, in a department's report (``area`` False), the whole area's
    (2023年，全市各级行政机关共收到…; 全县未发生行政复议) where the number's clause does not name the
    department itself (其中我局收到…)."""
    if not _this_year(prefix, year):
        return False
    if area or _AREA_WIDE.match(prefix) is None:
        return True
    return _OWN_CLAUSE.match(_CLAUSE_BREAK.split(prefix)[-1].strip()) is not None


_AREA_WIDE = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年度?|全年|本年度?|今年|年内)?\s*[，,]?\s*全(?:市|区|县|镇|乡|省|州|盟|旗|国)(?!面)"
)
_OWN_CLAUSE = re.compile(r"(?:其中)?(?:我|本)(?:局|委|办|厅|院|署|中心|单位|机关|部门)")


def _this_year(prefix: str, year: int | None) -> bool:
    """Whether the sentence up to a number speaks of the report's year: 2022年收到申请221件 in a
    2023 report, 上年…, 自《条例》施行以来累计… do not.  Without the report's year, a year named
    is taken as another."""
    untitled = re.sub(r"《[^》]*》", "", prefix)  # 根据《…2022年政务公开工作要点》: a title's year
    if ("半年" in untitled or "季度" in untitled or "月" in untitled) and _PART_OF_YEAR.search(untitled):
        return False
    if "）" in untitled or ")" in untitled:
        untitled = _ASIDE.sub("", untitled)  # 收到申请256件（上年236件），上年结转9件: the aside's year
    if "民" in untitled:
        untitled = western_years(untitled)  # 民國111年收到申請221件: 2022's
    if "二" in untitled or "一九" in untitled:
        untitled = digit_years(untitled)  # 二〇二二年收到申请221件: 2022's
    last = next(reversed([*_TIME.finditer(untitled)]), None)
    if last is None or last["now"] or last["from"]:
        return True
    if last["to"]:
        return year is not None and int(last["to"]) == year + 1
    named = last["year"] or last["from_year"]
    if last["since"] and not named:
        return False
    return named is not None and int(named) == year


def _carried_to(m: re.Match[str], year: int | None) -> bool:
    """结转下年度, or 结转至 the year after the report's."""
    to = m.groupdict().get("to")
    return to is None or (year is not None and int(to) == year + 1)


def _subject(
    clause: str, wide: str, after: str, unit: str, year: int | None, stated: Collection[str] = ()
) -> str | None:
    """The table quantity a number states: named by the words just before it (or just after it),
    in a clause that speaks of this year's total of it and in the quantity's unit.  ``stated``: the
    subjects the sentence has given a number before."""
    if _CHANGE.search(clause) or _PER.search(clause) or _BOTH.search(wide):
        return None
    code = _named(clause, after, year)
    if code is None or unit not in (("元", "万元") if code in _MONEY else _COUNT_UNITS):
        return None
    if code in _MONEY and _WAIVED.search(clause):
        return None
    if code in _BY_CHANNEL and _CHANNEL.search(clause):
        return None
    if code in stated and _AMONG.search(clause):
        return None
    if code in _CASES and _CARRIED_CASE.search(clause):
        return None  # 上年度结转的行政复议案件1件已审结: last year's case
    return code


def _named(clause: str, after: str, year: int | None) -> str | None:
    for code, pattern in _BEFORE:
        m = pattern.search(clause)
        if m and _carried_to(m, year):
            return code
    for code, ends, starts in _AFTER:
        m = starts.search(after)
        if m and ends.search(clause) and _carried_to(m, year):
            return code
    return None


# 行政复议、行政诉讼均为0件: the number is each listed name's, as with 各.
_ALL = re.compile(r"(?:均|都)(?:为|是)?$")
# 行政复议、行政诉讼案件数量均为零: a statement of none with no unit.
_ALL_NONE = re.compile(
    r"(?:(?:均|都)(?:为|是)?|(?:案件)?(?:数量?)?为)\s*(?:零|0|〇)(?!\s*(?:[\d.％%]|万元|元|人次|[条件篇次期场起个项]))"
    r"|(?:均|都)(?:未|没有)(?:发生|出现|产生)"
)

# What separates the names of a list (行政复议、行政诉讼; 行政复议和行政诉讼); not 涉及's 及.
_LIST_BREAK = re.compile(r"、|以及|(?<!涉)及|和|与")


def _each(wide: str, unit: str, year: int | None) -> list[str]:
    """行政复议、行政诉讼各1件: the subjects a number is stated for each of, where every name
    listed before 各 is one."""
    names = _LIST_BREAK.split(wide.removesuffix("各"))
    codes = [_subject(name, name, "", unit, year) for name in names]
    if len(codes) < 2 or None in codes or len(set(codes)) < len(codes):
        return []
    return [c for c in codes if c]


#: What a sentence needs, in either script, to state a fact: a number (digits, or a Chinese numeral
#: before a unit) or a "none" statement.  Only such sentences of a Traditional report are converted:
#: conversion costs ~0.1 µs a character (:mod:`.simplify`), and most sentences state no number.
_MAY_STATE = re.compile(
    r"\d|未|[没沒]有|[无無]|不收取|[均都为為]\s*[为為是]?\s*[零〇]|[零〇一二两兩三四五六七八九十百千万萬]\s*[多余餘]?\s*"
    r"(?:[万萬]元|元|人次|[条條]|件|篇|次|期|[场場]|起|[个個]|[项項])"
)


def extract(
    sections: Sequence[Section], traditional: bool = True, year: int | None = None, area: bool = True
) -> list[Fact]:
    """Facts from the narrative's paragraphs and items (headings and tables excluded).
    ``traditional=False`` skips the script conversion a Simplified report does not need; ``year``,
    the report's, tells this year's counts from other years' (2022年收到申请221件); ``area=False``
    (a department's report, not an area's government's) tells the area's counts it quotes
    (全市各级行政机关共收到申请2560件) from its own (我局收到申请12件)."""
    out: list[Fact] = []
    for s in sections:
        if s.kind == "heading":
            continue
        convert = traditional and not s.text.isascii()
        for sentence in _SENTENCE.findall(as_characters(s.text)):
            if convert:
                if not _MAY_STATE.search(sentence):
                    continue
                sentence = to_simplified(sentence).replace("资讯处理费", "信息处理费")  # Taiwan's 資訊處理費
            out.extend(_facts_in(s, sentence.strip(), year, area))
    return out


def _codes(
    before: str, after: str, unit: str, year: int | None, stated: Collection[str], area: bool
) -> list[str]:
    """The subjects of the number that follows ``before`` in its sentence (none, one, or each of
    those listed before 各); ``stated``: those the sentence gave a number before."""
    if not _own(before, year, area):
        return []
    wide = _SPACE.sub("", _WIDE_BREAK.split(before)[-1])
    if wide.endswith("各"):
        return _each(wide, unit, year)
    listed = _ALL.search(wide)
    if listed and (each := _each(wide[: listed.start()], unit, year)):
        return each  # 行政复议、行政诉讼均为0件
    clause = _SPACE.sub("", _CLAUSE_BREAK.split(before)[-1])
    code = _subject(clause, wide, _SPACE.sub("", after), unit, year, stated)
    return [code] if code else []


#: Full-width digits, read as digits: ２０２２年 is a year the time words know (before, 2022's count was
#: this year's: ２０２２年收到申请２２１件).
_WIDE_DIGIT = re.compile("[０-９]")
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _facts_in(s: Section, sentence: str, year: int | None, area: bool) -> list[Fact]:
    facts: list[Fact] = []
    if _WIDE_DIGIT.search(sentence):
        sentence = sentence.translate(_ASCII_DIGITS)
    for m in _FACT.finditer(sentence):
        start = m.start("num") if not m["pre"] or m["pre"] in ("共", "共计") else m.start()
        before = sentence[:start]
        if before.endswith(("第", "前", "每")) or before[-1:].isdigit():
            continue  # 第3件; a numeral after digits (2千条) is not read alone
        if _RANGE_FROM.search(before):
            continue  # 5至8个工作日, 收到申请5到8件: a range's end is no number the prose states
        if not m["num"][0].isdigit() and m["unit"] in ("个", "项"):
            continue  # 一个平台, 三项制度: not counts
        value = _value(m["num"])
        if value is None:
            continue
        clause = _CLAUSE_BREAK.split(before)[-1].strip()
        after = _REST.match(sentence, m.end())[0]  # the clause after the number
        words = (clause + after[:8]).strip()[-40:]
        rounded = m["num"].endswith("万")  # 1.2万件: a count rounded, never a table's
        codes = [] if rounded else _codes(before, after, m["unit"], year, {f.subject for f in facts}, area)
        qualifier = m["post"] or m["around"] or (m["pre"] if m["pre"] not in (None, "共", "共计") else None)
        for subject in codes or [words]:
            facts.append(
                Fact(
                    s.position,
                    s.section,
                    subject,
                    words,
                    value,
                    m["unit"],
                    bool(qualifier) or rounded,
                    sentence,
                    qualifier,
                )
            )
    for m in _NONE.finditer(sentence):
        if not _own(sentence[: m.start()], year, area):
            continue  # 2022年未发生行政复议 in a 2023 report
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
        said = m.group(0)
        received = "未收到" in said or "没有收到" in said or said in ("无" + what, "没有" + what)
        if what in ("政府信息公开申请", "依申请公开申请", "依申请") and received:
            codes.append("applications_received")
        for code in dict.fromkeys(codes):
            if not any(f.subject == code and f.sentence == sentence for f in facts):
                facts.append(Fact(s.position, s.section, code, m.group(0), 0, None, False, sentence))
    if "均" in sentence or "都" in sentence or "为" in sentence:
        facts.extend(_none_for_each(s, sentence, year, facts, area))
    if _NO_FEES_AT_ALL.search(sentence):
        facts.append(Fact(s.position, s.section, "fees_charged", "未收取任何费用", 0, None, False, sentence))
    return facts


def _none_for_each(
    s: Section, sentence: str, year: int | None, facts: Sequence[Fact], area: bool
) -> list[Fact]:
    """行政复议、行政诉讼案件数量均为零: a fact of 0 for each listed name, where every one is a
    table quantity."""
    out = []
    for m in _ALL_NONE.finditer(sentence):
        before = sentence[: m.start()]
        if not _own(before, year, area):
            continue
        wide = _SPACE.sub("", _WIDE_BREAK.split(before)[-1])
        for code in _each(wide, "件", year):
            if not any(f.subject == code and f.sentence == sentence for f in [*facts, *out]):
                out.append(Fact(s.position, s.section, code, wide + m.group(0), 0, None, False, sentence))
    return out


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
    out.extend(_documents_check(sections, grid, year))
    out.extend(_year_check(sections, year))
    out.extend(_problems_check(sections))
    return out


def _documents_check(sections: Sequence[Section], grid: Grid, year: int | None = None) -> list[Finding]:
    """The 规章 and 规范性文件 counts the overview states (制发行政规范性文件62件) against table 二."""
    prose = " ".join(s.text for s in sections if s.section == "overview")
    if not prose:
        return []
    out = []
    for row in ("rules", "normative_documents"):
        columns = [c for t, r, c in grid if t == _D and r == row]
        for column, (value, phrase) in stated(prose, row, columns, year).items():
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
