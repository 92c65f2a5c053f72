"""Report metadata read from the text: reported year, agency, template version."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from .labels import key
from .locate import part_of
from .script import to_simplified

#: A second name an agency gives in brackets after its first (…发展和改革局（县粮食和物资储备局）).
_ALIAS = r"(?:\((?P<alias>[^\s\d()]{2,30})\))"
_TITLE = re.compile(
    r"^\s*[#=]*\s*(?:标题|標題|title)?\s*[:：]?\s*(?:(?:关于|關於)(?:印发|印發|公布|发布|發布)?)?"
    rf"(?P<agency>[^\s\d，。,：:、（）()]{{2,40}}?)?{_ALIAS}?\s*(?:关于|關於)?\s*\(?(?P<year>(?:19|20)\d{{2}})\s*年\s*度?\)?\s*"
    r"(?P<after>(?!政府信息|政府資訊|政府资讯|政务|政務)[^\s\d，。,：:、（）()]{2,40}?)?(?:政府)?(?:信息|資訊|资讯|政务|政務)公[开開]"
)
#: Words a title's agency never starts with: they are the title's own (政府信息公开工作2023年度报告).
_NOT_AGENCY = r"(?!政府信息|政府資訊|政府资讯|政务|政務)"
#: A title that names its year after 信息公开 (青河市数据局政府信息公开工作2023年度报告), or after
#: 报告 in brackets (青河市数据局政府信息公开工作年度报告（2023年度）).
_TITLE_YEAR_LAST = re.compile(
    rf"^\s*(?P<agency>{_NOT_AGENCY}[^\s\d，。,：:、（）()]{{2,40}}?)?{_ALIAS}?(?:政府)?(?:信息|資訊|资讯|政务|政務)公[开開]"
    r"(?:工作)?\s*(?:(?P<year>(?:19|20)\d{2})\s*年\s*度?\s*(?:工作)?[报報]"
    r"|(?:年度)?[报報]告\s*\(\s*(?P<year_after>(?:19|20)\d{2})\s*年?\s*度?\s*\))"
)
#: A title's year on a line of its own under it: （2023年度）.
_YEAR_BRACKETED = re.compile(r"\s*\(\s*(?:19|20)\d{2}\s*年?\s*度?\s*\)\s*$")
_AGENCY_END = re.compile(
    r"(?:局|委|办|办公室|办公厅|政府|厅|院|会|中心|部|处|所|站|队|馆|署|区|县|市|省|州|盟|旗|镇|乡|街道|"
    r"办事处|委员会|管委会|集团|公司|学校|大学|医院)$"
)
_YEAR_IN_TITLE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*度?\s*(?:政府)?(?:信息|資訊|资讯|政务|政務)公[开開](?:工作)?(?:年度)?[报報]告"
    r"|(?:信息|資訊|资讯)公[开開](?:工作)?\s*((?:19|20)\d{2})\s*年\s*度?\s*[报報]告"
    r"|(?:信息|資訊|资讯|政务|政務)公[开開](?:工作)?(?:年度)?[报報]告\s*\(\s*((?:19|20)\d{2})\s*年?\s*度?\s*\)"
)
_YEAR = re.compile(r"(?<![\d〔\[［【(（])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
#: The statistics period the template's preamble states: 统计期限为2023年1月1日至2023年12月31日.
_PERIOD = re.compile(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日"
)
#: The statistics period with its numbers on the line under its words (PDF text whose digits are set in
#: another font, as pdfplumber's reading order gives it: 期限为 年 月 日至 年 月 日。… / 2022 1 1 2022 12 31).
_PERIOD_APART = re.compile(
    r"期限[为為]\s*年\s*月\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*年\s*月\s*日[^\n]*\n"
    r"\s*((?:19|20)\d{2})\s+1\s+1\s+\1\s+12\s+31(?:\s|$)"
)
#: A year in Chinese numerals (二〇二三年, 二零二三年, its zero typed as a letter or a digit: 二O二三年,
#: 二0二三年), read as digits.
_CN_YEAR = re.compile(r"(?:二[〇零○ＯOo0]|一九)[〇零○ＯOo0一二三四五六七八九]{2}(?=\s*年)")
#: A year of the Republic of China's calendar, as Taiwan writes dates (民國112年 is 2023; 中華民國…).
_ROC_YEAR = re.compile(r"民[國国]\s*([1-9]\d{0,2})\s*(?=年)")


def digit_years(text: str) -> str:
    """The text with its years in Chinese numerals in digits (二〇二三年 → 2023年)."""
    return _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), text)


def western_years(text: str) -> str:
    """The text with its 民國 years as the years of the common era (民國112年 → 2023年): mainland reports
    never count so, and 民國 with a number of years is that calendar's alone."""
    return _ROC_YEAR.sub(lambda m: str(int(m.group(1)) + 1911), text)


_CN_DIGITS = str.maketrans("〇零○ＯOo一二三四五六七八九", "000000123456789")

_SIGNALS = {
    "2021": ("本年制发", "本年废止", "现行有效", "本年收费金额", "逾期不补正", "收费通知", "缴纳费用"),
    "2019": (
        "本年新制作",
        "本年新公开",
        "对外公开总数",
        "上一年项目数量",
        "本年增减",
        "采购项目数量",
        "采购总金额",
        "其他对外管理服务",
    ),
}


_FULL_WIDTH = tuple(zip("０１２３４５６７８９　：（）", "0123456789 :()", strict=True))


def _fold(text: str) -> str:
    """Full-width digits, colon, brackets and spaces folded (a ``str.replace`` a character runs in
    C: ``str.translate`` with a table, or a regex with a callback, costs per character or match,
    and a report's head is full of （）)."""
    for wide, narrow in _FULL_WIDTH:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


#: Markdown's emphasis marks (**青河市数据局2023年…报告**: no title or name holds a *), not a list's
#: bullet (* 2022年…报告, a link to another report, is no title).
_EMPHASIS = re.compile(r"\*+(?=\S)|(?<=\S)\*+")


def _head(text: str, n: int = 3000) -> str:
    """The text's head with full-width digits folded (the patterns hold both scripts) and Markdown's
    emphasis marks left out."""
    head = _fold(text[:n])
    return _EMPHASIS.sub("", head) if "*" in head else head


def year_and_agency(text: str, end: str | None = None) -> tuple[int | None, str | None]:
    """The reported year (from the title, else the most cited year) and the agency in the title
    (else, for a text whose title was kept apart, the one its preamble gives for questions, else
    the one it is signed by at its ``end``: the text's own unless given)."""
    if "民國" in text or "民国" in text:
        text, end = western_years(text), None if end is None else western_years(end)
    head = _head(text)
    year, agency, settled = _year_and_agency(head, text, text[-300:] if end is None else end)
    if not settled:  # no agency, or one the order of titles that disagree chose, or another title's
        agency = _contact(head) or _signed_by(text[-300:] if end is None else end, year) or agency
        agency = agency if agency is None or _speaks_for(agency, head.split("\n")) else None
    elif agency is not None and not _same_body(agency, _contact(head)):
        agency = None  # a title beside the report's (a page's list of other reports), as PDF text mixes them
    return year, agency


def _may_be_the_reports(name: str, body: list[str]) -> bool:
    """Whether a name on a line above an agency-less title may be the report's agency: the body speaks
    in its voice (or in none) and the preamble's contact names it (or no other agency)."""
    return _speaks_for(name, body) and _same_body(name, _contact("\n".join(body)))


#: The office of a government that answers for it (青河市人民政府办公室, 青河市政府办).
_GOVERNMENT_OFFICE = re.compile(r"(?<=政府)(?:办公室|办公厅|办|辦公室|辦公廳|辦)$")


def _same_body(agency: str, contact: str | None) -> bool:
    """Whether the agency a title names and the one the preamble gives for questions may be one body: the
    same, one the other's part (平潭综合实验区 / 平潭综合实验区管委会), no contact named, or an area's
    government or its office, which may answer for its departments (榆泾县人民政府办公室政务公开科 for
    榆泾县统计局)."""
    if contact is None or governs_area(_GOVERNMENT_OFFICE.sub("", contact)):
        return True
    agency, contact = to_simplified(agency), to_simplified(contact)
    return agency.startswith(contact) or contact.startswith(agency)


def _contact(head: str) -> str | None:
    """The agency the preamble gives for questions, where it is named with its place (not 县政府
    alone, which may answer for a department)."""
    if "请与" not in head and "請與" not in head:
        return None
    contact = _CONTACT.search(head)
    named = _agency(contact.group(1)) if contact else None
    return named if named and region_of(to_simplified(named)) not in (None, named) else None


#: The date a report is signed with, on a line of its own: 2024年1月20日, 二〇二四年一月二十日.
_SIGNED_ON = re.compile(
    r"((?:19|20)\d{2}|[一二][〇零○ＯOo0一二三四五六七八九]{3})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
)


def _last_lines(end: str) -> list[str]:
    """The last four lines of a report's end that are not blank, as its sign-off is read: full-width
    digits folded, emphasis left out, radicals PDF text writes (2025年2⽉27⽇) as their characters."""
    text = _EMPHASIS.sub("", _fold(as_characters(end)))
    return [line.strip() for line in text.split("\n") if line.strip()][-4:]


def _signed_by(end: str, year: int | None) -> str | None:
    """The agency a report is signed by (落款): a name on a line of its own with the date under it, in
    its last lines, dated in the reported year or the two after it (never a date in its text)."""
    lines = _last_lines(end)
    for name, date in zip(lines[-2::-1], lines[::-1], strict=False):
        signed = _SIGNED_ON.fullmatch(date)
        if signed is None:
            continue
        on = int(signed.group(1).translate(_CN_DIGITS))
        if year is not None and not year <= on <= year + 2:
            return None
        plain = len(name) <= 30 and not any(c.isdigit() or c.isspace() for c in name)
        return _agency(name) if plain else None
    return None


#: The preamble's contact for questions: 如对本报告有疑问，请与澄湖市财政局办公室联系 (联 / 系 apart
#: where PDF text wraps the line), or a division of its office (泰州市人民政府办公室政府信息公开处).
_CONTACT = re.compile(
    r"[请請][与與]([^\s，。、；：:（）()“”\"]{2,40}?)"
    r"(?:[办辦]公(?:室|[厅廳])(?:[^\s，。、；：:（）()“”\"]{1,12}?[处處科股])?|[综綜]合科|秘[书書]科|政[务務]公[开開]科"
    r"|信息公[开開]科)?[联聯]\s*[系繫]"
)


def _year_and_agency(head: str, text: str, signoff: str) -> tuple[int | None, str | None, bool]:
    """The year, the agency and whether the agency is settled (the titles of its year agree on it)."""
    if "二" in head or "一九" in head:
        head = digit_years(head)
    lines = head.split("\n")
    normal = head
    if (period := _PERIOD.search(head)) is None and _RADICAL.search(head):
        normal = unicodedata.normalize("NFKC", head)  # PDF text's ⽉ and ⽇ (Kangxi radicals); lines kept
        period = _PERIOD.search(normal)
    stated = int(period.group(1)) if period else None
    if stated is None:
        whole = _PERIOD.search(_fold(text[:20000]))
        stated = int(whole.group(1)) if whole else None
    if stated is None and "期限" in head:
        apart = _PERIOD_APART.search(unicodedata.normalize("NFKC", head))
        stated = int(apart.group(1)) if apart else None
    body = _body_start(lines, normal.count("\n", 0, period.start()) if period else None)
    end = len(lines) if body is None else body
    titles = _titles(lines, end)
    if titles:
        # the body follows the last title read, with no other title (one unread) between them
        follows = body is not None and not any(map(_YEAR_IN_TITLE.search, lines[titles[-1][0] + 1 : end]))
        if follows and stated is None and len({t[1] for t in titles}) > 1:
            own = _body_year(lines[end:], signoff)
            if own is not None and own != titles[-1][1]:
                return own, None, False  # the titles were links to other years' reports
        year, agency, settled = _own_title(titles, stated, follows)
        if stated is not None and year not in (None, stated) and _against(year, stated, lines, signoff):
            return None, agency, settled  # a title (or a link above a body with none) against the two
        if year is not None and _both_against(year, lines, signoff):
            return None, agency, settled  # a title copied from last year's report (its period with it)
        return year, agency, settled
    in_titles = [int("".join(years)) for years in _YEAR_IN_TITLE.findall(head)]  # one group holds it
    if in_titles:
        return _mentioned_year(in_titles, stated, lines, signoff), None, False
    if stated is not None:  # none where the overview or the sign-off tells another (one was copied)
        return (None if _against(stated, None, lines, signoff) else stated), None, False
    return _unstated_year(lines, text, signoff), None, False


def _mentioned_year(mentioned: list[int], stated: int | None, lines: list[str], signoff: str) -> int | None:
    """The year of a report whose title stands on no line of its own but is named in its head (a
    breadcrumb 首页 > 年报 > 2022年政府信息公开工作年度报告, a link): the statistics period's year where a
    mention names it; else the first mention's, where neither the period nor the overview's opening year
    (or an early sign-off's date) tells another; else the period's where the overview agrees with it;
    else none (a breadcrumb may name last year's report, a period may be copied from it)."""
    if stated in mentioned:
        return stated
    opened, year = _opened_or_signed(lines, signoff)
    if stated is not None:
        return stated if opened and year == stated else None
    return mentioned[0] if not opened or year == mentioned[0] else None


#: The year a part's first paragraph opens with: 2023年，我局….
_OPENING_YEAR = re.compile(
    r"^\s*((?:19|20)\d{2})\s*年\s*度?\s*[，,](?![^，,。]{0,8}将)"
)  # not 2024年，我局将…


#: A year a paragraph opens with, telling what was done in it (2023年，我局…; not 2024年，我局将…).
_PARAGRAPH_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*度?\s*[，,](?![^，,。\n]{0,8}将)", re.MULTILINE)


def _unstated_year(lines: list[str], text: str, signoff: str) -> int | None:
    """The year of a text that states it in no title and no statistics period: the year its overview
    opens with (一、总体情况 / 2023年，我局…), else the year before the one it is signed in early
    (落款 …2024年1月20日: a report is due by the end of January); none where the two disagree. Else the
    year its paragraphs open with, where they open with one (2020 年,我单位…); else the year it is
    signed in late, where its text cites it (…2023年完成… / 2023年12月28日). Not the year it cites
    most: its plans for the next year (确保2024年政务公开工作要点…) outnumber the year's own as often."""
    opened, year = _opened_or_signed(lines, signoff)
    if opened:
        return None if year is not None and _copied_opening(year, text, signoff) else year
    head = _fold(text[:20000])
    openings = {int(y) for y in _PARAGRAPH_YEAR.findall(head)}
    if openings:
        return openings.pop() if len(openings) == 1 else None
    signed = _signed_year(signoff)
    return signed if signed is not None and signed in {int(y) for y in _YEAR.findall(head)} else None


#: The year's work looked back on (2023年我局政府信息公开工作虽取得…; not 2024年我局政府信息公开工作将…).
_YEARS_WORK = re.compile(
    r"((?:19|20)\d{2})\s*年\s*度?\s*[，,]?\s*[我本][^\s，,。]{0,4}政府信息公[开開]工作(?![^，,。\n]{0,8}[将將])"
)
#: A plan for the next year: a paragraph opening with it (2024年，我局将…), or, after 五's heading, the
#: next year's points to carry out (确保2024年政务公开工作要点…).
_PLANNED = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*度?\s*[，,][^，,。\n]{0,8}[将將]", re.MULTILINE)
#: The template the preamble says it follows, by the year it was issued in, before the first report made
#: in it: 国办公开办函〔2019〕60号 (reports for 2019 on), 〔2021〕30号 (2021 on).
_FORMAT_CITED = re.compile(r"[国國][办辦]公[开開][办辦]函\s*[〔\[［(]\s*(20\d{2})\s*[〕\]］)]\s*\d+\s*[号號]")
_NEXT_POINTS = re.compile(r"[确確]保\s*((?:19|20)\d{2})\s*年\s*度?\s*政[务務]公[开開]工作要[点點]")


def _copied_opening(opening: int, text: str, signoff: str) -> bool:
    """Whether the overview's opening year, where it alone tells the year (no sign-off's date), is told
    otherwise by the rest of the text, as where last year's overview was copied: a format cited that was
    issued after that year, another paragraph opening with another year (2023年，我局认真落实…), the year's
    work looked back on (2023年我局政府信息公开工作虽取得…), a plan for a year but the next (2025年，我局将…;
    确保2025年政务公开工作要点… after 五's heading)."""
    if _signed_on(signoff) is not None:
        return False
    head = _fold(text[:20000])
    if (cited := _FORMAT_CITED.search(head)) is not None and opening < int(cited.group(1)):
        return True  # a report for 2020 in the format of 2021 (国办公开办函〔2021〕30号)
    told = {int(y) for y in _PARAGRAPH_YEAR.findall(head)} | {int(y) for y in _YEARS_WORK.findall(head)}
    told |= {int(y) - 1 for y in _PLANNED.findall(head)}
    lines = head.split("\n")
    problems = next(
        (i for i, line in enumerate(lines) if part_of(line.strip()) == "problems_improvements"), None
    )
    if problems is not None:
        told |= {int(y) - 1 for y in _NEXT_POINTS.findall("\n".join(lines[problems:]))}
    return bool(told - {opening})


def _body_year(body: list[str], signoff: str) -> int | None:
    """The year a report's body tells with no title: its first lines naming its report (现公布我局2022年
    政府信息公开工作年度报告), else its early sign-off's date."""
    for line in body[:12]:
        if (named := _YEAR_IN_TITLE.search(line)) is not None:
            return int("".join(named.groups(default="")))
    signed = _signed_on(signoff)
    return signed - 1 if signed is not None else None


def _opened_or_signed(lines: list[str], signoff: str) -> tuple[bool, int | None]:
    """Whether the overview's first words or an early sign-off date tell the year, and the year they
    tell (none where they disagree)."""
    opening = _opening_year(lines)
    signed = _signed_on(signoff)
    if signed is not None:  # where they disagree, one was copied from another year's report
        return True, signed - 1 if opening in (None, signed - 1) else None
    return opening is not None, opening


def _opening_year(lines: list[str]) -> int | None:
    """The year the overview's first paragraph opens with (一、总体情况 / 2023年，我局…)."""
    for i, line in enumerate(lines):
        if len(line) <= 20 and part_of(line.strip()) == "overview":
            following = next((later for later in lines[i + 1 : i + 4] if later.strip()), "")
            opened = _OPENING_YEAR.match(following)
            return int(opened.group(1)) if opened else None
    return None


def _against(year: int, other: int | None, lines: list[str], signoff: str) -> bool:
    """Whether the overview's opening year (2023年，我局…) or an early sign-off's date tells a year
    against ``year`` (``other``, where given, else any other) and the sign-off does not tell ``year``:
    a year a report copied from last year's (its overview, its statistics period) is kept where the
    sign-off agrees with it."""
    opening, signed = _opening_year(lines), _signed_on(signoff)
    if signed is not None and signed - 1 == year:
        return False
    told = {y for y in (opening, None if signed is None else signed - 1) if y is not None}
    return other in told if other is not None else bool(told - {year})


def _both_against(year: int, lines: list[str], signoff: str) -> bool:
    """Whether the overview's opening year and an early sign-off's date agree on a year other than
    ``year`` (2023年，我局… signed 2024年1月20日 under a title 2022年…报告)."""
    opening = _opening_year(lines)
    if opening is None or opening == year:
        return False
    signed = _signed_on(signoff)
    return signed is not None and signed - 1 == opening


def _signed_year(end: str) -> int | None:
    """The year of the date a report is signed with in its last lines, in any month."""
    for line in reversed(_last_lines(end)):
        if (signed := _SIGNED_ON.fullmatch(line)) is not None:
            return int(signed.group(1).translate(_CN_DIGITS))
    return None


def _signed_on(end: str) -> int | None:
    """The year of the date a report is signed with in its last lines, where it is in the first half
    of that year (a date later in the year may be the reported year's own)."""
    lines = _last_lines(end)
    for line in reversed(lines):
        signed = _SIGNED_ON.fullmatch(line)
        if signed is not None:
            early = signed.group(2).lstrip("0") in (
                "1",
                "2",
                "3",
                "4",
                "5",
                "6",
                "一",
                "二",
                "三",
                "四",
                "五",
                "六",
            )
            return int(signed.group(1).translate(_CN_DIGITS)) if early else None
    return None


#: Words of a report's preamble (本报告根据《条例》编制, 本年报由…组成).
_PREAMBLE = ("本报告", "本報告", "本年报", "本年報")


def _body_start(lines: list[str], statement: int | None) -> int | None:
    """The line the report's body starts at: its preamble, its statistics period's statement or its
    first part heading (一、总体情况); None where the head holds none of them."""
    for i, line in enumerate(lines[: statement + 1] if statement is not None else lines):
        text = line.strip()
        if any(w in text for w in _PREAMBLE) or part_of(text) is not None:
            return i
    return statement


def body_offset(text: str) -> int:
    """Where the report's body starts in the text's first 20,000 characters (its preamble or first
    part heading), else 0: what stands above it may be a page's chrome (a site's menu)."""
    lines = text[:20000].split("\n")
    start = _body_start(lines, None)
    return sum(len(line) + 1 for line in lines[:start]) if start else 0


def _titles(lines: list[str], end: int) -> list[tuple[int, int, str | None]]:
    """The titles (line, year, agency) of the lines before ``end``, else the first after it."""
    titles: list[tuple[int, int, str | None]] = []
    for i, line in enumerate(lines):
        if i >= end and titles:
            break  # a title in the body is only wanted when none stands before it
        if "年" not in line:
            continue  # what every title holds, tested before the pattern (lines run to dozens)
        if "公开" not in line and "公開" not in line:
            line = _wrapped_title(line, lines[i + 1 : i + 2])
            if line is None:
                continue
        m = _TITLE.match(line.strip()) or _TITLE_YEAR_LAST.match(line.strip())
        if m is None and _YEAR_BRACKETED.match("".join(lines[i + 1 : i + 2])):
            m = _TITLE_YEAR_LAST.match(line.strip() + lines[i + 1].strip())  # …年度报告 / （2023年度）
        if m is None or (
            titles and "报告" not in to_simplified(line) and not _ends_on(line, lines[i + 1 : i + 2])
        ):
            continue  # after a title, a sentence is none (2024年我局将继续做好政府信息公开工作)
        title = line + "".join(lines[i + 1 : i + 2])  # a title may wrap once
        # not 2023年我局政府信息公开工作…; the agency as written (in the report's script)
        after = m.groupdict().get("after") if "报告" in to_simplified(title) else None
        first = _issued(m["agency"]) or m["alias"]  # （青河市数据局）2023年…: the name bracketed alone
        named = _agency(first) or _agency(after) or _agency_after(title)
        if named is None and first is None:
            named = _agency_above(lines[:i])
            if named is not None and not _may_be_the_reports(named, lines[i + 1 :]):
                named = None  # a site's name: the preamble's contact or the sign-off may name the agency
        elif named is not None and named == _agency(first) and region_of(to_simplified(named)) is None:
            named = _placed_above(lines[:i], named)
        titles.append((i, int(m["year"] or m.groupdict()["year_after"]), named))
    return titles


#: The office that issues a report by a notice, before the notice's words: 青河市人民政府办公室关于印发….
_ISSUER = re.compile(r"^[^\s\d]{2,30}?(?:关于|關於)(?:印发|印發|公布|发布|發布|转发|轉發)?")


def _issued(agency: str | None) -> str | None:
    """A title's agency without the office that issued the report by a notice (青河市人民政府办公室关于
    印发澜石区住房和城乡建设局2023年…的通知: the report is the 住房和城乡建设局's)."""
    if agency and ("关于" in agency or "關於" in agency):
        return _ISSUER.sub("", agency) or None
    return agency


def _own_title(
    titles: list[tuple[int, int, str | None]], stated: int | None, body_follows: bool
) -> tuple[int | None, str | None, bool]:
    """The year and agency of the report's own title among those a page's text may list (links to
    other reports, 2022年…年度报告, above it), and whether its agency is settled (the titles of its
    year agree on it): the last of the year its statistics period states, else the last, where
    the body follows it; else what the titles agree on (where they disagree, the stated year, else
    none, and no agency: the first listed was often another report's)."""
    if stated is not None and (same := [t for t in titles if t[1] == stated]):
        if len({t[2] for t in same}) == 1 or (body_follows and same[-1] is titles[-1]):
            return _named(same[-1], same)
        return stated, None, False
    years = {year for _, year, _ in titles}
    if body_follows and (len(years) == 1 or stated is None):
        return _named(titles[-1], titles)  # its year kept where the period was copied from last year's
    agencies = {agency for _, _, agency in titles}
    agency = agencies.pop() if len(agencies) == 1 else None
    return years.pop() if len(years) == 1 else stated, agency, agency is not None


def _named(
    own: tuple[int, int, str | None], titles: list[tuple[int, int, str | None]]
) -> tuple[int, str | None, bool]:
    """The title's year and agency, and whether every title of its year names that agency; where it
    names none (2023年政府信息公开工作年度报告 under the page's title 青河市数据局2023年…), the one
    every other title of its year names."""
    _, year, agency = own
    agencies = {t[2] for t in titles if t[1] == year}
    if agency is None:
        named = agencies - {None}
        return year, named.pop() if len(named) == 1 else None, False
    return year, agency, agencies == {agency}


def _ends_on(line: str, following: list[str]) -> bool:
    """Whether a title's line is ended by the next, a few words of it (2025 年上海市人民政府办公厅政府信息公开
    / 工作年度报告, …公开工作 / 年度报告, as PDF text wraps it), not by a sentence or a preamble (本报告…)."""
    rest = following[0].strip() if following else ""
    ends = line.rstrip().endswith(("公开", "公開", "公开工作", "公開工作"))
    return ends and _TITLE_END.fullmatch(rest) is not None


#: A title's last words, on a line of their own: 工作年度报告.
_TITLE_END = re.compile(r"(?:工作)?(?:年度)?[报報]告")


def _wrapped_title(line: str, following: list[str]) -> str | None:
    """A short line with the start of a title (青河市数据局2023年政府) joined with the next line that
    ends it (信息公开工作年度报告), where that line is no title of its own."""
    if len(line.strip()) > 40 or not following:
        return None
    rest = following[0].strip()
    if ("公开" not in rest and "公開" not in rest) or _TITLE.match(rest):
        return None
    return line.strip() + rest


#: A crawler's label before a page's title: 标题: 平潭综合实验区.
_LABEL = re.compile(r"^(?:标题|標題|title)\s*[:：]\s*")


#: What a site's line says of the office that runs it (青河市人民政府办公室主办).
_RUNS_SITE = ("主办", "承办", "协办", "主辦", "承辦", "協辦")


def _agency_above(lines: list[str]) -> str | None:
    """The agency a title names on a line of its own just above it (青河市数据局 / 2023年政府信息公开
    工作年度报告; Markdown's ``# 青河市数据局``, a crawler's ``标题: 青河市数据局``): the last line before
    the title that is not blank, when it is a name and nothing else."""
    for line in reversed(lines):
        if line.strip():
            name = _LABEL.sub("", line.strip().lstrip("#").strip())
            if len(name) > 30 or any(c.isdigit() for c in name) or "网" in name or "網" in name:
                return None
            if name.endswith(_RUNS_SITE):
                return None  # a site's sponsor: 青河市人民政府办公室主办
            named = _agency(name)  # not with a site's words around it: Copyright 青河市…, 首页 > 数据局
            odd = named and any(c.isspace() or (c.isascii() and c not in "()") for c in named)
            return None if odd else named
    return None


#: The report's own voice (我局坚持…) and the ends of the names of the agencies that speak so.
_VOICES = {
    "局": ("局",),
    "委": ("委", "委员会"),
    "办": ("办", "办公室", "办公厅"),
    "厅": ("厅",),
    "镇": ("镇", "镇人民政府", "镇政府"),
    "乡": ("乡", "乡人民政府", "乡政府"),
}
_VOICE = re.compile("我([局委办辦厅廳镇鎮乡鄉])")
_VOICE_SIMPLIFIED = str.maketrans("辦廳鎮鄉", "办厅镇乡")


def _speaks_for(name: str, body: list[str]) -> bool:
    """Whether a name above a title may be the agency whose voice the report's body speaks in: a 局's
    where it says 我局 and no other 我委, 我办 … (a site's name above a department's report, 青河市人民政府,
    is not); any where it speaks in none, or in several."""
    voices = {v.translate(_VOICE_SIMPLIFIED) for v in _VOICE.findall("\n".join(body))}
    return len(voices) != 1 or to_simplified(name).endswith(_VOICES[voices.pop()])


#: The last characters of an area's name (澜石区), or of a name cut in a word after it (澜石区住房和城乡).
_AREA_ENDS = "省市县区州盟旗镇乡縣區鄉鎮"


def _placed_above(lines: list[str], named: str) -> str:
    """A title's agency with the start of its name a wrapped title put on the line above (澜石区 /
    住房和城乡建设局2023年…报告): that line, when it is a few characters and nothing else and ends as an
    area's name does, and the name joined starts with an area; else the agency as the title line gives it."""
    above = next((line.strip().lstrip("#").strip() for line in reversed(lines) if line.strip()), "")
    if (
        not 2 <= len(above) <= 20
        or above[-1] not in _AREA_ENDS
        or not all("\u4e00" <= c <= "\u9fff" for c in above)
    ):
        return named
    joined = _agency(above + named)
    return joined if joined and region_of(to_simplified(joined)) is not None else named


_AGENCY_AFTER = re.compile(r"[报報]告\s*[（(]([^（）()]{2,40})[）)]")


def _agency_after(title: str) -> str | None:
    """The agency a title names in brackets after 报告 (……年度报告（青河市数据局）)."""
    m = _AGENCY_AFTER.search(title)
    return _agency(m.group(1)) if m else None


#: An agency's second name after its first: 沭阳县发展和改革局（县粮食和物资储备局）.
_SECOND_NAME = re.compile(rf"(?<=.){_ALIAS}$")
#: A character's reading in pinyin, which some sites print after it: 濟(jì)南市章丘區(qū).
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-z\u00e0-\u01dc]{1,6}[)）]")


#: Radicals PDF text writes for characters (柘塘镇⼈⺠政府, ⻘禾市): the Kangxi radicals NFKC maps, and
#: these of the supplement, which it does not.
_RADICALS = str.maketrans(
    "⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻢⻥⻦⻨⻩⻬⻮⻰", "民西见角贝车长门青韦页风飞马鱼鸟麦黄齐齿龙"
)
_RADICAL = re.compile("[\u2e80-\u2fdf]")
#: Each radical as the character it stands for, and nothing else changed (NFKC of a whole text would
#: also fold its full-width punctuation).
_AS_CHARACTERS = {
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    **_RADICALS,
}


def as_characters(text: str) -> str:
    """The text with each radical PDF text wrote for a character (六⼗三件) as that character."""
    return text.translate(_AS_CHARACTERS) if _RADICAL.search(text) else text


def _unradical(name: str) -> str:
    """The name with the characters for which PDF text wrote radicals."""
    return unicodedata.normalize("NFKC", name).translate(_RADICALS) if _RADICAL.search(name) else name


def _agency(name: str | None) -> str | None:
    """A title's agency, if the words there name one (end as 局, 委员会, 县 … do); not the report's
    own voice (我局, 本机关), nor a name a converter garbled (control characters where it could not
    decode one: a GB2312 reader meets 湉; a radical PDF text wrote for a character, where it is not
    known which)."""
    name = name.strip().strip('【】[]〔〕《》“”「」"_').strip() if name else None  # 【…】, __emphasis__
    if name and not name.isascii():
        name = _unradical(name)
    if name and "(" in name:
        name = _PINYIN.sub("", name)
        name = _SECOND_NAME.sub("", name)
    if not name or name.startswith(("我", "本", "该", "該", "全", "各")):
        return None
    if any(c in name for c in ":：，,。；;"):
        return None  # a label's words before it (主办单位：…办公室, a page's footer; 附件：…) or a sentence
    if not name.isprintable() or _RADICAL.search(name):
        return None
    return name if _AGENCY_END.search(to_simplified(name)) else None


def titles_listed(text: str) -> int:
    """How many distinct report titles (…2023年政府信息公开工作年度报告) the text's lines hold, one a
    line: a listing of reports holds several, a report its own (and perhaps its file's name). A title
    is its words up to its year and its own: a crawler's header that names the page's title again
    (``标题: X``, ``本地目录: …/80590_X``) above a body that opens with it holds one title, not three."""
    titles = {_title_in(line) for line in _fold(text[:20000]).split("\n") if "年" in line}
    return len(titles - {None})


#: The words a title's year follows: its agency (平潭综合实验区公安局), back to a space, a path's / or _.
_TITLE_WORDS = re.compile(r"[^\W_]*$")


def _title_in(line: str) -> str | None:
    """The report title a line holds (the agency's words before its year, then the year's words with
    no spaces), or None."""
    found = _YEAR_IN_TITLE.search(line)
    if found is None:
        return None
    words = _TITLE_WORDS.search(line[: found.start()].rstrip())
    return words.group() + re.sub(r"\s+", "", found.group())


def has_title(text: str) -> bool:
    """Whether the text's head holds an annual report's title (……年度政府信息公开工作年度报告)."""
    return _YEAR_IN_TITLE.search(_head(text)) is not None


def _one_other_row(keys: str) -> bool:
    """Whether table 三's （六）其他处理 is one row, 2019's, the table going on to （七）总计 with none of
    2021's three rows under it (1.申请人无正当理由逾期不补正…): a 2019 table 三, told with no table 二."""
    other = keys.find("其他处理")
    return other >= 0 and keys.find("总计", other) > 0


def detect_template(table_texts: Iterable[str], year: int | None) -> str:
    """``"2019"`` or ``"2021"`` from the labels of tables 二 and 三 (三's （六）其他处理 one row or three),
    else from the year."""
    texts = dict.fromkeys(table_texts)  # labels recur: spans copy them down and across
    keys = "\n".join(key(text) for text in texts if text and len(text) <= 200 and not text.isdigit())
    hits = {version: sum(keys.count(w) for w in words) for version, words in _SIGNALS.items()}
    if not hits["2021"] and _one_other_row(keys):
        hits["2019"] += 1
    if hits["2021"] > hits["2019"]:
        return "2021"
    if hits["2019"] > hits["2021"]:
        return "2019"
    if year is not None:
        if year >= 2021:
            return "2021"
        if year >= 2019:
            return "2019"
    return "unknown"


#: A character of an area's name: a 州 that a 市, 省 or 区 follows is the name's (广州市, 贵州省: not 广州); a
#: name holding 局, 委 or 银行 is an office's (国家税务总局澄湖市税务局, 中国人民银行澄湖市中心支行), no area.
_NAME_CHARACTER = r"(?!银行|銀行)(?:州(?=[市省区區])|[^省市县区州盟旗镇乡縣區鄉鎮和与及與局委])"
#: An area's kind; a 乡 or 镇 that another kind follows is the name's (新乡市, 东乡区, 三乡镇: not 新乡).
_KIND = (
    r"(?:省|自治区|自治區|市|自治州|州(?![市省区區])|盟|地区|地區|自治县|自治縣|县|縣|旗|新区|新區|区|區|"
    r"[镇鎮乡鄉](?![市县区縣區镇鎮])|街道)"
)
_INNER_CHARACTER = rf"(?:{_NAME_CHARACTER}|[乡鄉镇鎮](?=[市县区縣區镇鎮]))"
#: A name's part: a name and its kind, not starting with 城乡 or 城市 (an office's words: 苏州市城市管理局)
#: nor with 人民政府 or 政府 (澄湖县人民政府城关街道办事处: no area 澄湖县人民政府城关街道);
#: a name may start with 和 (和平区, 和县, 和田地区: not 住房和城乡, whose 和 is inside a word), or
#: with 镇, 乡 or 市 before a character of its own (镇江市, 乡宁县, 济南市市中区: not 乡镇, 市场).
_PART = (
    rf"(?!城乡|城鄉|城市|人民政府|政府)(?:和{_INNER_CHARACTER}{{0,9}}?|[镇鎮乡鄉市]{_INNER_CHARACTER}{{1,9}}?"
    rf"|{_NAME_CHARACTER}{_INNER_CHARACTER}{{0,9}}?){_KIND}"
)
#: An area's name and its kind, each such part of a name, after a prefix that is not the area's.
_REGION = re.compile(rf"^(?:原|中共|中国共产党|中國共產黨|共青团|共青團)?(?P<area>(?:{_PART})+)")


def region_of(agency: str | None) -> str | None:
    """The administrative area an agency's name starts with (沭阳县发展和改革局 → 沭阳县).

    >>> region_of("湖北省武汉市生态环境局"), region_of("平潭综合实验区"), region_of("国家统计局")
    ('湖北省武汉市', '平潭综合实验区', None)
    >>> region_of("澜石区住房和城乡建设局")
    '澜石区'
    """
    if not agency:
        return None
    m = _REGION.match(agency)
    if m and _names_first_char(agency, m):
        m = _area().match(agency)
    return m["area"] if m else None


@functools.cache
def _area() -> re.Pattern[str]:
    """An area's name alone, no prefix of a party's or a former office's (compiled when first asked
    for, as few names start with 原: a pattern as long as :data:`_REGION` takes 5 ms to compile)."""
    return re.compile("^" + _REGION.pattern[_REGION.pattern.index("(?P<area>") :])


#: A name of one character and its kind: what 原阳县, 原平市, 原州区 or 原村乡 would leave with no 原.
_ONE_CHARACTER_NAME = re.compile(r".(?:省|市|县|縣|区|區|州(?![市省区區])|盟|旗|镇|鎮|乡|鄉)")


def _names_first_char(agency: str, m: re.Match[str]) -> bool:
    """Whether a leading 原 read as "former" is its area's name's first character: the area left is
    then a name of one character (原阳县 → 阳县, 原平市, 原州区, 原村乡), where a former office's 原
    precedes its whole area's name (原澄湖市财政局 → 澄湖市)."""
    former = agency.startswith("原") and m.start("area") == 1
    return former and _ONE_CHARACTER_NAME.match(m["area"]) is not None


#: The ends of an area's government's name (a 街道's office governs its 街道), in both scripts.
_GOVERNMENTS = ("政府", "管委会", "管委會", "管理委员会", "管理委員會", "办事处", "辦事處", "行政公署")


def governs_area(agency: str | None) -> bool:
    """Whether an agency is its area's government, whose report's 全市/全区 counts are its own
    (云栖镇人民政府, 平潭综合实验区), not a department's or a government's office's (澄湖市财政局,
    青禾市人民政府办公室), which quote the area's. An agency not found is taken as one.

    >>> governs_area("沭阳县人民政府"), governs_area("平潭综合实验区"), governs_area("上海市人民政府办公厅")
    (True, True, False)
    """
    if not agency:
        return True
    return agency.endswith(_GOVERNMENTS) or region_of(agency) == agency
