"""The narrative as tagged text: units in order, subsections, and 五's problems and improvements."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache

from .locate import Located
from .script import either_script, to_simplified

#: The numerals of markers (一是, （二）, 三、), and the Kangxi radicals PDF text writes for four of them
#: (pdfplumber's ⼀是, （⼀）: U+2F00 ⼀, U+2F06 ⼆, U+2F0B ⼋, U+2F17 ⼗, which NFKC maps to 一二八十).
_CN = "一二三四五六七八九十\u2f00\u2f06\u2f0b\u2f17"
_SUBSECTION = re.compile(rf"^\s*[（(]\s*[{_CN}]{{1,3}}\s*[)）]\s*")
_NUMBERED = re.compile(rf"^\s*(?:[{_CN}]{{1,3}}\s*[、.．，,]|\d{{1,2}}\s*[.、．])\s*")
_TERMINAL = "。；！？：:;!?」”)）"

#: Subsections the template names under 一、总体情况, and the two 五 is often split into.
SUBSECTION_CODES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("active_disclosure", ("主动公开",)),
    ("applications", ("依申请", "申请公开")),
    ("information_management", ("信息管理", "政府信息管理")),
    ("platforms", ("平台建设", "平台")),
    ("oversight", ("监督保障", "监督", "保障")),
    ("problems", ("存在的主要问题", "存在问题", "主要问题", "问题", "不足")),
    ("improvements", ("改进", "整改", "下一步", "工作打算", "措施", "工作计划", "工作思路")),
)


#: What the items under a subsection of 五 are, where its title names it only by its code's words
#: (（二）2023年度工作计划: no lead-in word, as in prose 工作计划 need not lead into anything).
_CODE_MODES = {"problems": "problem", "improvements": "improvement"}

# 存在问题的改进情况, 上年度问题整改情况: the improvements of the problems (the noun after is what it is).
_IMPROVEMENT_OF_PROBLEMS = re.compile(r"(?:问题|不足)(?:的(?:改进|整改)|(?:改进|整改)情况)")


@dataclass(frozen=True, slots=True)
class Section:
    """One narrative text unit in document order."""

    position: int
    section: str
    subsection: str | None
    subsection_code: str | None
    kind: str  # heading | paragraph | item
    tag: str | None  # part | subsection | unknown (headings); problem | improvement (items)
    text: str
    source: str


def _norm(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text[:60]))


def subsection_code(title: str) -> str | None:
    """The stable code of a （一）-style subsection title, or None.

    >>> subsection_code("（三）政府信息管理情况")
    'information_management'
    >>> subsection_code("(二)依申請公開政府信息情況")
    'applications'
    """
    t = _SUBSECTION.sub("", _norm(title))
    if _IMPROVEMENT_OF_PROBLEMS.search(t):
        return "improvements"
    for code, words in SUBSECTION_CODES:
        if any(w in t for w in words):
            return code
    return None


def _subsection_title(text: str) -> str | None:
    """The title when the text opens with a （一）-style subsection heading, else None."""
    if not _SUBSECTION.match(text):
        return None
    head = re.split(r"[。：:]", text, maxsplit=1)[0]
    return head if len(head) <= 30 else None


def _ends_a_sentence(text: str) -> bool:
    """Whether a line ends its sentence: in a stop, or a closing quote or bracket after one (…”。, 。”);
    a PDF line broken after a quoted term (…持续深化政策公开“政社合作”) does not."""
    t = text.rstrip()
    if t.endswith(("”", "」", "’")):
        return t[:-1].endswith(tuple(_TERMINAL))
    return t.endswith(tuple(_TERMINAL))


def _merge_wrapped(located: list[Located]) -> list[tuple[Located, str]]:
    """Join lines a PDF converter broke mid-sentence back into paragraphs."""
    out: list[tuple[Located, str]] = []
    for loc in located:
        text = loc.block.text
        if out and not loc.is_part_heading and loc.block.kind == "paragraph":
            prev, prev_text = out[-1]
            if (
                prev.block.kind == "paragraph"
                and not prev.is_part_heading
                and prev.section == loc.section
                and len(prev_text) >= 20
                and not _ends_a_sentence(prev_text)
                and not (_SUBSECTION.match(prev_text) and len(prev_text) <= 30)
                and not _SUBSECTION.match(text)
                and not _NUMBERED.match(text)
                and not re.match(rf"^[{_CN}]是", text)
            ):
                out[-1] = (prev, prev_text + text)
                continue
        out.append((loc, text))
    return out


def build(located: list[Located]) -> list[Section]:
    """Narrative units from the located blocks that are not table content."""
    rows: list[Section] = []
    subsection: str | None = None
    code: str | None = None
    section = None
    mode: str | None = None  # in 五: "problem" or "improvement", from the last lead-in
    in_table = False  # after a statistics table's title: its rows' text
    for loc, text in _merge_wrapped([loc for loc in located if _is_narrative(loc)]):
        if loc.section != section:
            section, subsection, code, mode, in_table = loc.section, None, None, None, False
        if loc.is_part_heading:
            rows.append(_row(rows, loc, None, None, "heading", "part", text))
            in_table = False
            continue
        if in_table:
            rows.append(_row(rows, loc, subsection, code, "paragraph", None, text))
            continue
        pieces = _at_subsections(text) if section == "problems_improvements" else (text,)
        for piece in pieces:
            subsection, code, mode = _unit(rows, loc, piece, subsection, code, mode)
        in_table = _is_table_title(rows[-1]) if rows else False
    return rows


def _is_table_title(row: Section) -> bool:
    """A heading that names a statistics table (六、政府信息公开情况统计表, the sixth part of reports from
    before 2019, which no template part names): what follows it is the table's text, not 五's items."""
    return row.kind == "heading" and row.tag != "part" and len(row.text) <= 40 and "统计表" in _norm(row.text)


def _unit(
    rows: list[Section], loc: Located, text: str, subsection: str | None, code: str | None, mode: str | None
) -> tuple[str | None, str | None, str | None]:
    """The rows of one text unit; returns the subsection, its code and 五's mode after it."""
    five = loc.section == "problems_improvements"
    title = _subsection_title(text)
    if title is not None:
        subsection, code = title, subsection_code(title)
        if five:
            mode = _mode_of(title) or _CODE_MODES.get(code) or mode
        rest = text[len(title) :].lstrip("。：: ")
        if not rest:
            rows.append(_row(rows, loc, subsection, code, "heading", "subsection", text))
            return subsection, code, mode
        if five:  # （一）存在的主要问题：1.……2.……
            rows.append(_row(rows, loc, subsection, code, "heading", "subsection", title))
            if text[len(title) :].lstrip()[:1] in "：:" and not _ITEM_MARK.search(rest):
                for part in _item_parts(rest, *_SEPARATORS):  # （一）存在问题：A。B。
                    rows.append(_row(rows, loc, subsection, code, "item", _tag_by_content(part, mode), part))
                return subsection, code, mode
            return subsection, code, _items(rows, loc, subsection, code, rest, mode)
    elif loc.section == "overview" and _is_numbered_subsection(text, subsection):
        subsection, code = text, subsection_code(text)
        rows.append(_row(rows, loc, subsection, code, "heading", "subsection", text))
        return subsection, code, mode
    elif loc.block.kind == "heading" or _is_unknown_heading(text):
        rows.append(_row(rows, loc, subsection, code, "heading", "unknown", text))
        return subsection, code, mode
    if five:
        return subsection, code, _items(rows, loc, subsection, code, text, mode)
    rows.append(_row(rows, loc, subsection, code, "paragraph", None, text))
    return subsection, code, mode


# A subsection of 五 begun inside a paragraph: …有待进一步加强。（二）改进措施：一是…; a title of 五's own
# words may end in a stop (…有待提高。（二）改进措施。第一，…)
@cache  # built on first use: widening to Traditional loads OpenCC, which import must not pay for
def _inner_subsection() -> re.Pattern[str]:
    own_titles = either_script(
        r"存在的?(?:主要)?问题|问题和不足|不足|改进(?:措施|情况)|整改措施|下一步(?:工作)?(?:打算|计划|措施)?"
    )
    return re.compile(
        rf"(?<=[。；;])\s*(?=[（(][{_CN}]{{1,2}}[)）](?:[^。：:；;，,]{{2,16}}[：:]|(?:{own_titles})。))"
    )


def _at_subsections(text: str) -> list[str]:
    """五's text cut before each subsection title that names problems or improvements in it."""
    cuts = [
        m.start()
        for m in _inner_subsection().finditer(text)
        if subsection_code(text[m.end() : m.end() + 20]) in ("problems", "improvements")
        and _mode_of(re.split(r"[：:]", text[m.end() :], maxsplit=1)[0])
    ]
    return [
        text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if text[a:b].strip()
    ]


# Words only a table's own text holds: page text whose cells ran together is table, not prose.
@cache  # built on first use: widening to Traditional loads OpenCC, which import must not pay for
def _table_words() -> re.Pattern[str]:
    return re.compile(
        either_script(
            "信息内容|勾稽关系|结果维持|尚未审结|申请人情况|本年度办理结果|本年新收政府信息公开申请数量|第二十条第"
        )
    )


_SPACES = re.compile(r"\s+")


def _is_narrative(loc: Located) -> bool:
    block = loc.block
    if loc.table is None or loc.is_part_heading:
        return True
    text = block.text
    if block.kind == "row" or _table_words().search(_SPACES.sub("", text)):  # 结果 维持: a header's cells
        return False
    return len(text) > 60 or text.endswith("。")


_ARABIC_TITLE = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*\S")
_OVERVIEW_CODES = frozenset(
    ("active_disclosure", "applications", "information_management", "platforms", "oversight")
)


def _is_numbered_subsection(text: str, subsection: str | None) -> bool:
    """A title of 一 numbered 1. 2. (1.主动公开, 2、依申请公开情况) naming a subsection the template does,
    where no （一）-style subsection holds it (under one, a 1. line is that subsection's own)."""
    if subsection is not None and not _ARABIC_TITLE.match(subsection):
        return False
    return (
        _is_unknown_heading(text)
        and bool(_ARABIC_TITLE.match(text))
        and subsection_code(text) in _OVERVIEW_CODES
    )


def _is_unknown_heading(text: str) -> bool:
    """A short numbered line that opens a part no template names (七、附件)."""
    return bool(_NUMBERED.match(text)) and len(text) <= 25 and not text.endswith(("。", "；"))


def _row(
    rows: list[Section],
    loc: Located,
    sub: str | None,
    code: str | None,
    kind: str,
    tag: str | None,
    text: str,
) -> Section:
    return Section(len(rows), loc.section, sub, code, kind, tag, text, loc.block.source)


# ---------------------------------------------------------------------------------------------
# 五: problems and improvements

_PROBLEM_LEAD = re.compile(
    r"存在的?(?:主要)?(?:问题|不足)|(?:问题|不足|短板|差距)(?:和|与|及)?(?:不足)?[:：]|仍存在|还存在|主要问题|存在问题"
)
_IMPROVE_LEAD = re.compile(
    r"改进(?:情况|措施|方向)|整改|下一步|工作打算|(?:采取|从)(?:以下|如下)|加以改进|做好改进"
    r"|针对(?:上述|以上|存在的)|努力方向"
)
_PROBLEM_WORDS = re.compile(
    r"有待|不够|不足|欠缺|较少|偏少|不高|滞后|单一|薄弱|不到位|不平衡|不充分|仍需|差距|短板|问题"
)
_IMPROVE_WORDS = re.compile(
    r"^(?:加强|强化|持续|进一步|继续|推进|提升|完善|丰富|拓展|加大|深化|落实|健全|规范|优化|建立|做好|坚持)|将"
)
_ITEM_MARK = re.compile(
    rf"(?:^|(?<=[。；;：:，,\s]))(?:[{_CN}]是|第[{_CN}]{{1,2}}[，,、]|[（(](?:[{_CN}]{{1,2}}|\d{{1,2}})[)）]|\d{{1,2}}[.、．](?!\d))"
)


def _mode_of(text: str) -> str | None:
    """What a lead-in introduces: its last sentence that says (…仍存在一些不足，如：…。下一步整改措施：
    introduces improvements)."""
    mode = None
    for sentence in _LEAD_SENTENCE.findall(text):
        t = to_simplified(unicodedata.normalize("NFKC", sentence))
        if _IMPROVE_LEAD.search(t):
            mode = "improvement"
        elif _PROBLEM_LEAD.search(t):
            mode = "problem"
    return mode


_LEAD_SENTENCE = re.compile(r"[^。；;！？!?]+[。；;！？!?]*")


def _tag_by_content(item: str, mode: str | None) -> str:
    if mode is not None:
        return mode
    t = to_simplified(unicodedata.normalize("NFKC", item[:80]))  # (PDF text's radicals: 不⾜)
    if _IMPROVE_WORDS.search(t) and not re.search(r"有待|不够|不足|欠缺", t):
        return "improvement"
    return "problem" if _PROBLEM_WORDS.search(t) else "improvement"


def _items(
    rows: list[Section], loc: Located, sub: str | None, code: str | None, text: str, mode: str | None
) -> str | None:
    """Split a 五 paragraph into its lead-in (a paragraph) and its items; returns the mode after it."""
    start = len(rows)
    mode = _items_in(rows, loc, sub, code, text, mode)
    _split_pairs(rows, start)
    return "improvement" if _turned_to_next_steps(rows, start) else mode


#: A sentence of 五 that turns to what will be done (下一步，…; 今后，…; 针对上述问题，…), unmarked.
_NEXT_STEP = re.compile(
    r"(?:^|(?<=[。；;！!]))\s*(?=(?:下一步|下步|今后|针对(?:上述|以上|这些)(?:问题|不足))[，,、\s])"
)
#: A sentence that answers the one problem just stated (一是A不够全面。针对这一问题，我局将…; 对此，…).
_ANSWER = re.compile(r"(?<=[。；;！!])\s*(?=(?:针对(?:这一|此|该|这个)(?:问题|不足|情况)|对此|为此)[，,])")


def _split_pairs(rows: list[Section], start: int) -> None:
    """Each problem item of 五 from ``start`` that goes on to answer itself (一是A不够全面。针对这一问题，
    我局将…: 五 written one problem and its improvement a paragraph), split in two: the problem and
    the improvement, an item of its own (before: one item tagged problem). What follows is not
    turned: the next pair opens with its problem."""
    out: list[Section] = []
    for row in rows[start:]:
        m = _ANSWER.search(to_simplified(row.text)) if row.kind == "item" and row.tag == "problem" else None
        before = _item_text(row.text[: m.start()]) if m else ""
        if m is None or not before:
            out.append(row)
            continue
        out.append(replace(row, text=before))
        out.append(replace(row, tag="improvement", text=_item_text(row.text[m.start() :])))
    if len(out) > len(rows) - start:
        del rows[start:]
        rows.extend(replace(row, position=start + i) for i, row in enumerate(out))


def _turned_to_next_steps(rows: list[Section], start: int) -> bool:
    """The items of 五 from ``start`` with a sentence that turns from the problems to what will be
    done (…等问题。下一步，我局将加强…, with no marker or lead-in colon: before, one item tagged
    problem): that sentence is an item of its own, and it and the items after it are improvements.
    Whether any item so turned."""
    out: list[Section] = []
    turned = False
    for row in rows[start:]:
        if row.kind == "item" and not turned:
            m = _NEXT_STEP.search(to_simplified(row.text))
            if m is not None:
                turned = True
                before = _item_text(row.text[: m.start()])
                if before:  # what the item says before it turns: a problem
                    out.append(replace(row, tag="problem", text=before))
                row = replace(row, text=row.text[m.start() :].strip())
        if row.kind == "item" and turned:
            row = replace(row, tag="improvement")
        out.append(row)
    if turned:
        del rows[start:]
        rows.extend(replace(row, position=start + i) for i, row in enumerate(out))
    return turned


def _items_in(
    rows: list[Section], loc: Located, sub: str | None, code: str | None, text: str, mode: str | None
) -> str | None:
    marks = list(_ITEM_MARK.finditer(text))
    if not marks:
        segments = _after_leads(text)
        leads = sum(is_lead for is_lead, _ in segments)
        if leads > 1 or (
            leads and any(len(_item_parts(x, *_SEPARATORS)) > 1 for is_lead, x in segments if not is_lead)
        ):
            for is_lead, segment in segments:  # 存在问题：A。B。下一步，我局将：C。D。
                if is_lead:
                    rows.append(_row(rows, loc, sub, code, "paragraph", None, segment))
                    mode = _mode_of(segment) or mode
                    continue
                for part in _item_parts(segment, *_SEPARATORS):
                    rows.append(_row(rows, loc, sub, code, "item", _tag_by_content(part, mode), part))
            return mode
        lead_mode = _mode_of(text)
        is_lead = lead_mode is not None and (text.rstrip().endswith(("：", ":")) or _short_lead(text))
        if is_lead or (lead_mode and len(text) > 60 and not _looks_like_item(text)):
            rows.append(_row(rows, loc, sub, code, "paragraph", None, text))
            return lead_mode
        for part in _item_parts(text, r"[；;]"):
            rows.append(_row(rows, loc, sub, code, "item", _tag_by_content(part, mode), part))
        return mode
    lead = text[: marks[0].start()].strip()
    if lead and _ends_in_a_lead_after_items(lead):  # …不足，如：A；B。下一步整改措施：一是…
        mode = _items(rows, loc, sub, code, lead, mode)
    elif lead:
        mode = _mode_of(lead) or mode
        rows.append(_row(rows, loc, sub, code, "paragraph", None, lead))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        item = _item_text(text[m.end() : end])
        if not item:
            continue
        # A lead-in for the next group can trail the last item (…。下一步，我局将：, …。2023年，我区将
        # 采取以下措施加以改进)
        tail_split = re.search(r"[。]\s*([^。]*)$", item)
        if tail_split and i + 1 < len(marks) and _is_trailing_lead(tail_split.group(1)):
            tail = tail_split.group(1).strip()
            item = _item_text(item[: tail_split.start() + 1])
            rows.append(_row(rows, loc, sub, code, "item", _tag_by_content(item, mode), item))
            raw = text[m.end() : end]
            rows.append(_row(rows, loc, sub, code, "paragraph", None, raw[raw.rfind(tail) :].strip()))
            mode = _mode_of(tail) or mode
            continue
        rows.append(_row(rows, loc, sub, code, "item", _tag_by_content(item, mode), item))
    return mode


_LEAD_COLON = re.compile(r"[^。；;！？!?：:]*[：:]")


def _after_leads(text: str) -> list[tuple[bool, str]]:
    """An unmarked 五 paragraph cut at its lead-ins (a clause ending in a colon that says what follows:
    存在问题：, 下一步，我局将：), as (is_lead, text); one segment where it has none."""
    out: list[tuple[bool, str]] = []
    at = 0
    for m in _LEAD_COLON.finditer(text):
        if _mode_of(m.group()) is None:
            continue
        if text[at : m.start()].strip():
            out.append((False, text[at : m.start()].strip()))
        out.append((True, m.group().strip()))
        at = m.end()
    if text[at:].strip():
        out.append((False, text[at:].strip()))
    return out if any(is_lead for is_lead, _ in out) else [(False, text)]


#: What separates the items of a paragraph with no enumeration after a lead-in: ；, else 。.
_SEPARATORS = (r"[；;]", r"[。]")


def _item_parts(text: str, *seps: str) -> list[str]:
    """Items with no enumeration: separated by the first of ``seps`` that cuts the text into two or more
    items of 8 characters or more; else the text is one item."""
    for sep in seps:
        parts = [_item_text(p) for p in re.split(sep, text) if _item_text(p)]
        if len(parts) >= 2 and all(len(p) >= 8 for p in parts):
            return parts
    return [_item_text(text)]


def _ends_in_a_lead_after_items(lead: str) -> bool:
    """The text before 五's first enumerated item, when it lists items and then leads into the
    enumerated ones (…仍存在一些不足，如：A；B；C。下一步整改措施：); not a lead-in alone."""
    segments = _after_leads(lead)
    return len(segments) > 1 and segments[-1][0] and not segments[-2][0]


def _is_trailing_lead(sentence: str) -> bool:
    """An item's last sentence that opens the improvements after it: a lead-in (下一步, 采取以下措施)
    ending in a colon or saying what will be done (将, 拟, 针对); not 部分问题整改不到位."""
    t = to_simplified(sentence)
    return _mode_of(t) == "improvement" and (
        t.rstrip().endswith(("：", ":")) or bool(re.search(r"将|拟|下一步|针对", t))
    )


def _item_text(text: str) -> str:
    """An item without the punctuation that separated it from the next (；。，)."""
    return text.strip().rstrip("。；;，,. ").strip()


#: Words of a lead-in that points to what follows (…存在以下问题。, 主要表现在, 还存在一些不足。).
_POINTS_AHEAD = re.compile(r"以下|如下|几个方面|几方面|一些|表现(?:在|为)|主要(?:有|是|为)|具体(?:是|为)")


def _short_lead(text: str) -> bool:
    """A short 五 text with a lead-in word that leads into what follows: a title-like line (存在的主要问题,
    下一步工作打算。), a sentence not ended (…；), or one that points ahead (还存在一些不足。). A short
    statement complete in itself (针对上年度报告中的问题，我局已制作解读15期，问题已整改到位。, …等问题。
    下一步，我局将加强…) is an item, not a lead-in."""
    t = text.rstrip()
    if len(t) > 60:
        return False
    if len(t) <= 12 or not t.endswith(tuple("。！!？?")):  # …再上新台阶；: the items go on
        return True
    return bool(_POINTS_AHEAD.search(to_simplified(unicodedata.normalize("NFKC", t))))


def _looks_like_item(text: str) -> bool:
    if len(text) <= 60:
        return False
    t = to_simplified(unicodedata.normalize("NFKC", text))  # the words as 將加強, 問題, 不⾜ write them too
    return bool(_PROBLEM_WORDS.search(t) or _IMPROVE_WORDS.search(t))
