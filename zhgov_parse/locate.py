"""Locating the report's parts: which block belongs to which section, and which to which table."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from .document import Block
from .script import either_script, to_simplified
from .values import is_value_text

_CN = "一二三四五六七"
_PART_MARK = re.compile(
    rf"^(?:[{_CN}]\s*[、.，,．:：]|表\s*[{_CN}]\s*[:：、]?|第\s*[{_CN}]\s*部分\s*[、.，,．:：]?|[{_CN}]\s+)\s*(.*)$"
)

#: Part titles by section code: (words any heading may use, words an unnumbered heading needs).
PART_KEYWORDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("overview", ("总体情况", "概述", "总体", "基本情况", "概况"), ("总体情况",)),
    ("active_disclosure", ("主动公开政府信息", "主动公开情况", "主动公开"), ("主动公开政府信息情况",)),
    (
        "application_handling",
        ("收到和处理政府信息公开申请", "收到和处理", "依申请公开"),
        ("收到和处理政府信息公开申请",),
    ),
    (
        "review_litigation",
        ("行政复议", "行政诉讼", "复议", "诉讼"),
        ("复议、行政诉讼", "复议和行政诉讼", "复议和提起行政诉讼"),
    ),
    (
        "problems_improvements",
        (
            "存在的主要问题",
            "主要问题",
            "问题及改进",
            "问题和改进",
            "问题与改进",
            "改进情况",
            "整改",
            "不足及改进",
            "不足和改进",
            "存在的问题",
            "存在问题",
            "下一步工作",
            "工作打算",
            "存在的不足",
            "下一步打算",
        ),
        ("存在的主要问题", "存在的问题"),
    ),
    (
        "other_matters",
        ("其他需要报告", "其他事项", "其他需报告", "其他需要说明", "其他需说明"),
        ("其他需要报告", "其他需要说明"),
    ),
)
#: A part numbered in Arabic digits (1.总体情况, 2、主动公开政府信息情况, 1 总体情况, a page's 1总体情况),
#: read as an unnumbered heading is: by the words only a part's title has (三's labels are numbered so
#: too: 1.属于国家秘密).
_ARABIC_PART = re.compile(r"^[1-6](?:\s*[、.．]\s*|\s+|(?=[^\d\s.．、]))(\S.*)$")
#: The template's part titles, whole (spaces and punctuation left out): a line that is one of them is
#: that part's heading even with no number before it.
_TITLES = {
    "总体情况": "overview",
    "主动公开政府信息情况": "active_disclosure",
    "收到和处理政府信息公开申请情况": "application_handling",
    "政府信息公开行政复议行政诉讼情况": "review_litigation",
    "政府信息公开行政复议和行政诉讼情况": "review_litigation",
    "存在的主要问题及改进情况": "problems_improvements",
    "其他需要报告的事项": "other_matters",
}
#: A part numbered as a subsection is: （一）总体情况 (or 一）总体情况), （五）…, （六）其他需要报告的事项
#: (not 二 to 四, whose titles 一's own subsections may bear under those numbers: （二）主动公开政府信息情况).
_BRACKETED_PART = re.compile(r"^[（(]?\s*([一五六])\s*[)）]\s*(\S.*)$")
_PART_NUMBERS = dict(zip("一二三四五六", (code for code, _, _ in PART_KEYWORDS), strict=True))


def _bracketed_part(number: str, title: str) -> str | None:
    """The part a bracketed number opens (（二）主动公开政府信息情况), or one with no mark between it and
    its title (一总体情况), where the title is the part's whole title (政府信息公开工作存在的主要问题… too)
    and the number its own: 一's subsections, （一）主动公开情况 …, are none."""
    words = _PUNCTUATION.sub("", title)
    code = _TITLES.get(words) or _TITLES.get(words.removeprefix("政府信息公开工作"))
    return code if code is not None and _PART_NUMBERS[number] == code else None


_PUNCTUATION = re.compile(r"[\s、，,。.:：;；]+")
#: A part's numbered title with its first sentence run on (一、总体情况：2023年，… in text; <p><strong>
#: 一、总体情况</strong>2023年…</p> on a page): the number must be the part's own and the title one of
#: its usual wordings (after NFKC and in Simplified), so that a sentence is never cut at its words.
_RUN_IN = re.compile(
    r"^[\s*#]*(?>一\s*[、.．,]\s*(?P<overview>总体情况|总体概述|基本情况|概述)"
    r"|二\s*[、.．,]\s*(?P<active_disclosure>主动公开政府信息(?:的)?情况|主动公开情况)"
    r"|三\s*[、.．,]\s*(?P<application_handling>收到和处理政府信息公开申请(?:的)?情况)"
    r"|四\s*[、.．,]\s*(?P<review_litigation>(?:政府信息公开)?行政复议[、和]行政诉讼(?:的)?情况)"
    r"|五\s*[、.．,]\s*(?P<problems_improvements>(?:政府信息公开工作|政务公开工作|工作中)?存在的?(?:主要)?"
    r"(?:问题|不足)(?:及|和|与)(?:改进|整改)(?:情况|措施)?)"
    r"|六\s*[、.．,]\s*(?P<other_matters>其[他它]需要?(?:报告|说明)的?事项))"
    r"[\s*]*(?P<sep>[:。.,]?)\s*(?=\S)"
)
_SENTENCE = re.compile(r"[，,。；;\d]")
_RUN_IN_FIRST = frozenset("一二三四五六*# \u3000")
_SUBSECTION_MARK = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]")
TABLE_PARTS = ("active_disclosure", "application_handling", "review_litigation")
_MAX_TITLE = 40


def _norm(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).replace("覆议", "复议").replace("複议", "复议")


def part_of(text: str, *, heading: bool = False) -> str | None:
    """The section code a heading line opens, or None.

    >>> part_of("四、政府信息公开行政復議、行政訴訟情況")
    'review_litigation'
    >>> part_of("二、上年结转政府信息公开申请数量") is None
    True
    """
    if len(text) > _MAX_TITLE + 6:
        return None
    return _part_of(text, heading)


@lru_cache(maxsize=8192)  # short lines only; the template's own lines recur in every report
def _part_of(text: str, heading: bool) -> str | None:
    t = _norm(text).strip().lstrip("#").strip().strip("*_").strip()  # Markdown: ## 一、… or **一、…**
    m = _PART_MARK.match(t)
    if m is None:
        arabic = _ARABIC_PART.match(t)  # 2.主动公开政府信息情况: a part's own title only
        if arabic is not None:
            t = arabic.group(1)
        elif (bracketed := _BRACKETED_PART.match(t)) is not None:
            return _bracketed_part(*bracketed.groups())
        elif t[:1] in _PART_NUMBERS and (glued := _bracketed_part(t[0], t[1:])) is not None:
            return glued  # 一总体情况: a page's 一 总体情况, its space collapsed
        elif not heading and (exact := _TITLES.get(_PUNCTUATION.sub("", t))) is not None:
            return exact  # a line that is a part's whole title, unnumbered (typed bold, numbers dropped)
        elif not heading or _SUBSECTION_MARK.match(t):
            return None
        title = t
    else:
        title = m.group(1)
    if not title or len(title) > _MAX_TITLE:
        return None
    title = "".join(title.split()).replace("其它", "其他")  # 六、其它需要报告的事项
    if m is not None and title == "其他":
        return "other_matters"  # 六、其他
    for code, words, strong in PART_KEYWORDS:
        if any(w in title for w in (words if m is not None else strong)):
            return code
    return None


_PROBLEMS_SUBSECTION = re.compile(r"存在的?主要问题|存在问题|主要问题|改进情况|改进措施|整改措施")


def _opens_problems(block: Block, section: str) -> bool:
    """A （一）存在的主要问题-style line after table 四: the 五 heading was lost in conversion."""
    if section != "review_litigation" or block.kind == "row":
        return False
    t = _norm(block.text)
    return len(t) <= 40 and bool(_SUBSECTION_MARK.match(t)) and bool(_PROBLEMS_SUBSECTION.search(t))


def split_run_in_titles(
    blocks: tuple[Block, ...], images: tuple[tuple[int, str], ...] = ()
) -> tuple[tuple[Block, ...], tuple[tuple[int, str], ...]]:
    """Blocks with each paragraph that opens with its part's title run on split in two, a heading and
    the paragraph's rest; ``images`` (block indices) moved along. The same tuples when none does."""
    out: list[Block] | None = None
    for i, block in enumerate(blocks):
        if block.kind == "row" or block.cells[0][:1] not in _RUN_IN_FIRST:
            if out is not None:
                out.append(block)
            continue
        split = _run_in_title(block.cells[0])
        if split is None:
            if out is not None:
                out.append(block)
            continue
        if out is None:
            out = list(blocks[:i])
        images = tuple((at + (at > i), src) for at, src in images)
        title, rest = split
        out.append(Block("heading", (title,), block.source, level=block.level or 2))
        out.append(Block(block.kind if block.kind != "heading" else "paragraph", (rest,), block.source))
    return (blocks, images) if out is None else (tuple(out), images)


def _run_in_title(text: str) -> tuple[str, str] | None:
    """(title, rest) of a paragraph that opens with a part's numbered title, else None."""
    head = _norm(text[:60])
    m = _RUN_IN.match(head)
    if m is None or _norm(text[: m.end()]) != head[: m.end()]:  # (a character NFKC made two)
        return None
    cut = m.end()
    title, rest = text[:cut].strip().strip("*#").rstrip(":：。.,，").strip(), text[cut:].strip()
    if rest[:1] in "(（":  # 二、主动公开政府信息情况（单位：件）: the heading's own note
        return None
    if not m["sep"] and not _SENTENCE.search(rest) and part_of(text) is not None:
        return None  # a longer wording of the title (…及改进情况和下一步打算), not a sentence after it
    return (title, rest) if rest and part_of(title) is not None else None


class Located(NamedTuple):
    """A block with the section it falls in and the table (if any) it feeds."""

    block: Block
    section: str
    table: str | None
    is_part_heading: bool


_new_tuple = tuple.__new__


def _anchor(block: Block) -> str | None:
    """A table whose start this block marks, even without a part heading."""
    # Value cells say nothing about where a table starts: left out, a row's text is its label,
    # the template's own words, which recur in every report (so the cache holds).
    # Each text once: a header's spans copy it across (行政复议 five times over its five columns).
    text = "".join(dict.fromkeys([c for c in block.cells if not c.isdigit()]))
    return None if len(text) > 80 else _anchor_of(text, block.kind == "row")


_PROSE_MARK = re.compile(r"情况|[，。；]")


@lru_cache(maxsize=8192)
def _anchor_of(text: str, is_row: bool) -> str | None:
    t = _norm(text)
    if t.startswith(("第二十条", "信息内容")):
        return "active_disclosure"
    if "勾稽关系" in t or t.startswith("申请人情况"):
        return "application_handling"
    if t.startswith("结果维持") and "尚未审结" in t and len(t) <= 40 and not _PROSE_MARK.search(t):
        return "review_litigation"  # the outcomes' header of 四 laid out as three rows
    if is_row and t.startswith(("一、本年新收", "本年新收")):  # never prose: 本年新收申请20件，…
        return "application_handling"  # a table's first row, where its header was lost
    rest = t.replace("行政复议", "").replace("行政诉讼", "")  # spans copy the two names (5 and 10 times)
    if len(rest) <= 32 and "行政复议" in t and "行政诉讼" in t and not _PROSE_MARK.search(t):
        return "review_litigation"  # a header line, not prose (…行政复议和行政诉讼情况、存在的…)
    return None


def _opens_review(block: Block) -> bool:
    """A line ``行政复议`` (or ``行政诉讼``) alone after table 三's rows: the first cell of 四's header,
    a cell a line (PDF text), where 四's part heading was lost."""
    text = block.cells[0] if len(block.cells) == 1 else ""
    return 0 < len(text) <= 8 and "".join(_norm(text).split()) in ("行政复议", "行政诉讼")


def locate(blocks: tuple[Block, ...]) -> list[Located]:
    """Assign every block a section (preamble … closing) and, in table parts, a table."""
    out: list[Located] = []
    section = "preamble"
    table: str | None = None
    for block in blocks:
        code = None
        if block.kind != "row":
            code = part_of(block.text, heading=block.kind == "heading")
        else:
            # a row of one text (a cell alone, or spread over the row): a part heading typed into
            # the table's first row, or between two tables run into one
            texts = set(block.cells)
            texts.discard("")
            if len(texts) == 1:
                code = part_of(texts.pop())
        if code is not None:
            section = code
            table = code if code in TABLE_PARTS else None
            out.append(_new_tuple(Located, (block, section, table, True)))
            continue
        if section == "review_litigation" and _opens_problems(block, section):
            section, table = "problems_improvements", None
        anchor = _anchor(block)
        if anchor is None and table == "application_handling" and _opens_review(block):
            anchor = "review_litigation"
        if anchor is not None:
            table = anchor
        out.append(_new_tuple(Located, (block, section, table, False)))  # Located(...), at half the cost
    _give_back_spilled(out)
    _give_back_last_row(out)
    _mark_closing(out)
    return out


def _give_back_last_row(located: list[Located]) -> None:
    """Values that PDF text put after 四's part heading, before 四's header (plain pdftotext: ``40`` /
    ``7`` / ``4`` / ``0`` / ``1 52``, 三's last row set apart) go back to 三: no more than a row's
    seven values, on lines of values alone, right after the heading, followed by 四's header words."""
    for i, loc in enumerate(located):
        if not (loc.is_part_heading and loc.section == "review_litigation"):
            continue
        if not any(x.table == "application_handling" for x in located[:i]):
            return
        j, values = i + 1, 0
        while j < len(located) and located[j].table == "review_litigation" and not located[j].is_part_heading:
            cells = [c for c in located[j].block.cells if c]
            if not all(is_value_text(c) for c in cells):
                break
            values += sum(len(c.split()) for c in cells)
            j += 1
        if not 0 < values <= 7 or j >= len(located) or located[j].table != "review_litigation":
            return
        header = "".join("".join(_norm(x.block.text).split()) for x in located[j : j + 3])  # a word a line
        if any(w in header for w in ("复议", "诉讼", "结果")) and len(header) <= 80:
            _retable(located, i + 1, j, "application_handling")
        return


#: 二's column headers, as PDF text that set 二's last column apart repeats them with its values.
_ACTIVE_COLUMN_WORDS = (
    "处理决定数量",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "收费金额",
    "采购项目数量",
    "采购总金额",
    "上一年项目数量",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
)


def _give_back_spilled(located: list[Located]) -> None:
    """Lines of table 二 that PDF text put after 三's part heading, before 三's own header: 二's last
    column set apart (``4`` / ``38`` / ``处理决定数量`` / ``640`` …, plain pdftotext) goes back to 二,
    where only values and 二's column headers stand there and one of those headers is among them."""
    for i, loc in enumerate(located):
        if not (loc.is_part_heading and loc.section == "application_handling"):
            continue
        if not any(x.table == "active_disclosure" for x in located[:i]):
            return
        j, named = i + 1, False
        while j < len(located) and located[j].table == "application_handling":
            block = located[j].block
            if _anchor(block) == "application_handling":
                break
            text = "".join(_norm(block.text).split())
            if any(w in text for w in _ACTIVE_COLUMN_WORDS) and len(text) <= 20:
                named = True
            elif not all(is_value_text(c) for c in block.cells if c):
                return
            j += 1
        if named and j < len(located) and located[j].table == "application_handling":
            _retable(located, i + 1, j, "active_disclosure")
        return


#: The most value cells a page's footer splits into (``3``, ``3 / 7``).
_FOOTER_VALUES = 3


def values_before_header(blocks: list[Block], table: str) -> list[Block]:
    """Rows of values alone in table 二's or 三's part before the table's header (a page's number
    or footer, ``3`` or ``3 / 7``, at a page break between the part heading and its table): no row
    of either table stands before its header.  [] where no header follows them, a row with a label
    stands before it, or they hold more values than a footer does."""
    if table == "review_litigation":
        return []  # (四's values before its header are 三's last row's: see _give_back_last_row)
    found: list[Block] = []
    for block in blocks:
        if _anchor(block) == table:
            values = sum(1 for b in found for c in b.cells if c)
            return found if values <= _FOOTER_VALUES else []
        if block.kind != "row":
            continue
        cells = [c for c in block.cells if c]
        if not all(map(is_value_text, cells)):
            return []
        found.append(block)
    return []


#: A caption's words for another year's figures (上年度, 上一年, 去年, 同期, 对比), after _norm.
_OTHER_YEAR_WORDS = re.compile(r"上一?年度|上一年|去年|同期|对比")
_CAPTION_YEAR = re.compile(r"(?<!\d)(20\d\d)\s*年")
_CAPTION_LINES = 3  # the lines before a table's header a caption may stand on
_MAX_CAPTION = 60


def other_year_copies(blocks: list[Block], table: str, year: int | None) -> list[tuple[int, int, str]]:
    """Copies of a table, in its part, under a caption for another year's figures (``附：2020年度收到和
    处理政府信息公开申请情况（对比）``, ``上年度情况``), where the report's own copy stands there too,
    as (start, end, caption) of the blocks to leave out.  A copy starts where the header line that
    opens the table recurs, its caption the lines before it; it is left out only where another
    copy has no such caption and the two share most row labels (a header repeated after a page
    break, the page's date above it, goes on with other rows)."""
    if not any(b.kind != "row" and _names_another(b.text, year) for b in blocks):
        return []  # (no caption for another year or an attachment: the usual table)
    opens = [_opens_table(b, table) for b in blocks]
    heads = [i for i, o in enumerate(opens) if o and (i == 0 or not opens[i - 1])]
    if len(heads) < 2:
        return []
    first = _header_key(blocks[heads[0]])
    starts = [i for i in heads if _header_key(blocks[i]) == first]
    if len(starts) < 2:
        return []
    copies = []
    for k, at in enumerate(starts):
        begin = at
        while begin > 0 and at - begin < _CAPTION_LINES and blocks[begin - 1].kind != "row":
            begin -= 1
        caption = next((b.text for b in blocks[begin:at] if _names_another(b.text, year)), None)
        end = starts[k + 1] if k + 1 < len(starts) else len(blocks)
        if (
            copies
            and caption is None
            and not _labelled_rows(blocks[at:end]) & _labelled_rows(blocks[copies[-1][1] : at])
        ):  # its header repeated after a page break, the copy goes on with other rows
            copies[-1] = (*copies[-1][:2], end, copies[-1][3])
            continue
        copies.append((begin, at, end, caption))
    own = [c for c in copies if c[3] is None]  # (more than one: the report's own, split at a page break)
    if not own:
        return []
    own_labels = set().union(*(_row_labels(blocks[at:end]) for _, at, end, _ in own))
    out = []
    for begin, at, end, caption in copies:
        if caption is None or (begin < own[0][0] and not _names_another_year(caption, year)):
            continue  # (an attachment's table stands after the report's own)
        # a copy before the report's own ends at its caption
        end = next((o[0] for o in own if o[0] > begin), end)
        labels = _row_labels(blocks[at:end])
        if len(labels) >= 2 and len(labels & own_labels) * 2 >= len(labels):
            out.append((begin, end, caption))
    return out


def _opens_table(block: Block, table: str) -> bool:
    """Whether a block is a line of the table's header (四's a cell a line: ``行政复议`` or, its groups
    as rows, ``结果维持`` alone)."""
    if _anchor(block) == table:
        return True
    return table == "review_litigation" and (_opens_review(block) or _norm(block.text) == "结果维持")


def _header_key(block: Block) -> str:
    return "".join(_norm(block.text).split())


def _names_another(text: str, year: int | None) -> bool:
    """Whether a short line is the caption of another year's table or of an attachment's."""
    return _names_another_year(text, year) or names_an_attachment(text)


#: An attachment's caption: 附表：区数据中心政府信息公开申请情况, 附件2：…, 附：下属单位….
_ATTACHMENT = re.compile(r"^\s*附\s*(?:表|件)?\s*[\d一二三四五六七八九十]*\s*[:：]")


def names_an_attachment(text: str) -> bool:
    """Whether a short line is an attachment's caption (附表：…, 附件2：…)."""
    return len(text) <= _MAX_CAPTION and _ATTACHMENT.match(_norm(text)) is not None


def attachment_caption(text: str, year: int | None) -> bool:
    """Whether a copy's caption (see :func:`other_year_copies`) is an attachment's, naming no other year."""
    return names_an_attachment(text) and not _names_another_year(text, year)


def _names_another_year(text: str, year: int | None) -> bool:
    """Whether a short line names an earlier year than the report's, or last year's figures."""
    if len(text) > _MAX_CAPTION:
        return False
    t = _norm(text)
    if _OTHER_YEAR_WORDS.search(t):
        return True
    return year is not None and any(int(y) < year for y in _CAPTION_YEAR.findall(t))


def _labelled_rows(blocks: list[Block]) -> set[str]:
    """The labels of a table's rows with values (the cells before a row's first value, without spaces)."""
    labels = set()
    for b in blocks:
        if b.kind != "row":
            continue
        first = next((i for i, c in enumerate(b.cells) if c and is_value_text(c)), 0)
        if first:
            labels.add("".join(_norm("".join(b.cells[:first])).split()))
    return labels


def _row_labels(blocks: list[Block]) -> set[str]:
    """The texts of a table's lines and cells that are no value (labels, header words), without spaces."""
    return {"".join(_norm(c).split()) for b in blocks for c in b.cells if c and not is_value_text(c)}


def _retable(located: list[Located], start: int, end: int, table: str) -> None:
    """Blocks ``start`` to ``end`` (not included) given to ``table``: the table they were set apart from."""
    for k in range(start, end):
        x = located[k]
        located[k] = _new_tuple(Located, (x.block, x.section, table, False))


@cache  # built on first use: widening to Traditional loads OpenCC, which import must not pay for
def site_chrome() -> re.Pattern[str]:
    """A site's clutter around the report (a page's reader drops a line shorter than 80 characters holding
    one), in either script: 發佈時間：…瀏覽次數：0字號：大中小 as well as 发布时间：…字号：大中小."""
    return re.compile(
        either_script(
            r"版权所有|ICP[备证]|网站标识码|公网安备|当前位置|您现在的位置|分享到|(?:打印|列印)本页"
            r"|关闭(?:窗口|视窗)|【字体|字号：|扫一扫|收藏本页|返回顶部|上一篇|下一篇|浏览次数："
        )
    )


_SIGNOFF_DATE = re.compile(
    r"^\s*(?:\d{4}|[〇零一二三四五六七八九十]{4}|(?:中华)?民国\s*\d{2,3})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*$"
)
_SIGNOFF_ORG = re.compile(
    r"(?:局|委|办|办公室|办公厅|政府|厅|院|会|中心|部|处|所|站|队|馆|署|街道办事处|委员会)$"
)


#: A note after the signing body's name where its seal goes: 澜石区住房和城乡建设局（盖章）.
_SEAL = re.compile(r"[（(]\s*(?:盖|加盖|签)?(?:公|印)?章\s*[)）]$")


def _is_signoff(text: str) -> bool:
    if len(text.strip("（）() ")) > 120:  # cheap first: _norm of a page-long paragraph is slow
        return False
    t = _norm(text)
    if "章" in t:
        t = _SEAL.sub("", t)
    t = t.strip("（）() ")
    return len(t) <= 30 and bool(_SIGNOFF_DATE.match(t) or (_SIGNOFF_ORG.search(t) and "，" not in t))


def _mark_closing(located: list[Located]) -> None:
    """The sign-off after the last part (agency name, date) becomes ``closing``, at the end or followed
    by a page's clutter (the text of a whole page: 分享到, 版权所有 …), which becomes ``closing`` too."""
    if not any(loc.is_part_heading for loc in located):
        return
    end = _clutter_after_signoff(located)
    i = end
    while i > 0 and end - i < 4:
        loc = located[i - 1]
        if loc.is_part_heading or loc.table is not None or not _is_signoff(loc.block.text):
            break
        i -= 1
    for j in range(i, len(located)):
        loc = located[j]
        located[j] = Located(loc.block, "closing", None, False)


#: How long a line holding a site's clutter may be (a converter joins a share bar's links onto one line).
_CLUTTER_LINE = 200


def _clutter_after_signoff(located: list[Located]) -> int:
    """Where a page's clutter after the report starts: right after a sign-off line that is followed
    by a line holding site clutter (分享到, 【打印本页】, 版权所有 …) or by nothing but lines without
    Chinese (a converter's markup, an elinks link list); else the end."""
    start = len(located)
    while start > 0 and not located[start - 1].is_part_heading and located[start - 1].table is None:
        start -= 1
    last = None  # the last block with Chinese text, while the text after it has none
    for j in range(start, len(located)):
        text = located[j].block.text
        if text.isascii():
            continue
        if (
            last is not None
            and len(text) <= _CLUTTER_LINE
            and site_chrome().search(text)
            and _is_signoff(located[last].block.text)
        ):
            return last + 1
        last = j
    if last is not None and last + 1 < len(located) and _is_signoff(located[last].block.text):
        return last + 1
    return len(located)
