"""The numbers Word generates before a paragraph of a numbered list (``w:numPr``: 一、 before 总体情况).

They are no text of the paragraph: ``numbering.xml`` says how each list counts (its levels' start,
format and text, ``%1、``), and each numbered paragraph, in document order, takes the next number of
its list's level.  A part title so numbered lost its 一、, and with it its place among the parts.
"""

from __future__ import annotations

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"))
_ROMAN += ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
#: Punctuation a level's text may end in, which no space then follows (一、总体情况, 1.规章).
_CLOSED = frozenset("、．.）)：:")


def _chinese(n: int, digits: str = _CN_DIGITS, ten: str = "十") -> str:
    """``n`` (1 … 99) in Chinese counting (十一, 二十三); larger numbers digit by digit."""
    if not 0 < n < 100:
        return "".join(digits[int(d)] for d in str(n))
    tens, ones = divmod(n, 10)
    return (digits[tens] if tens > 1 else "") + (ten if tens else "") + (digits[ones] if ones else "")


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letter(n: int) -> str:
    """A, B … Z, then AA, BB … (Word's lettering)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(n: int, kind: str) -> str | None:
    """``n`` in a level's number format (``w:numFmt``); None for a format not written here."""
    if kind == "decimal":
        return str(n)
    if kind in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if kind in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if kind == "ideographTraditional":
        return _TRADITIONAL[n - 1] if 0 < n <= len(_TRADITIONAL) else None
    if kind == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾")
    if kind == "decimalEnclosedCircle" or kind == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else None
    if kind == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if kind == "decimalZero":
        return f"{n:02d}"
    if kind in ("upperLetter", "lowerLetter"):
        letters = _letter(n)
        return letters.upper() if kind == "upperLetter" else letters
    if kind in ("upperRoman", "lowerRoman"):
        numeral = _roman(n)
        return numeral.upper() if kind == "upperRoman" else numeral
    return None


class _Level:
    __slots__ = ("hidden", "kind", "restart", "spaced", "start", "text")

    def __init__(self, lvl: etree._Element) -> None:
        self.start = _int(_val(lvl, "start"), 1)
        self.kind = _val(lvl, "numFmt") or "decimal"
        self.text = _val(lvl, "lvlText")
        self.restart = _int(_val(lvl, "lvlRestart"), -1)  # -1: a higher level's number restarts it
        self.spaced = (_val(lvl, "suff") or "tab") != "nothing"
        vanish = lvl.find(f"{_W}rPr/{_W}vanish")
        self.hidden = vanish is not None and (vanish.get(f"{_W}val") or "").lower() not in (
            "0",
            "false",
            "off",
        )


def _val(el: etree._Element, name: str) -> str | None:
    prop = el.find(f"{_W}{name}")
    return None if prop is None else prop.get(f"{_W}val")


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.isdecimal() and len(value) < 6 else default


class Numbering:
    """The lists a document's ``numbering.xml`` defines, counted as its paragraphs come."""

    def __init__(self, numbering: etree._Element, styles: etree._Element | None) -> None:
        abstract = {
            a.get(f"{_W}abstractNumId"): {
                _int(lvl.get(f"{_W}ilvl"), 0): _Level(lvl) for lvl in a.iterchildren(f"{_W}lvl")
            }
            for a in numbering.iterchildren(f"{_W}abstractNum")
        }
        #: numId -> (its abstract list's id, its levels, levels whose start it overrides)
        self.lists: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        for num in numbering.iterchildren(f"{_W}num"):
            of = _val(num, "abstractNumId")
            if of not in abstract:
                continue
            starts = {
                _int(o.get(f"{_W}ilvl"), 0): _int(_val(o, "startOverride"), 1)
                for o in num.iterchildren(f"{_W}lvlOverride")
                if o.find(f"{_W}startOverride") is not None
            }
            self.lists[num.get(f"{_W}numId") or ""] = (of or "", abstract[of], starts)
        #: paragraph style id -> its list and level (a heading style numbered 一、 …)
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        for style in () if styles is None else styles.iter(f"{_W}style"):
            props = style.find(f"{_W}pPr/{_W}numPr")
            if props is not None:
                self.styles[style.get(f"{_W}styleId") or ""] = (_val(props, "numId"), _val(props, "ilvl"))
        self.counts: dict[str, dict[int, int]] = {}  # abstract list -> level -> its last number
        self.started: set[str] = set()  # the lists whose start overrides are spent

    def label(self, p: etree._Element) -> str:
        """The number Word shows before paragraph ``p`` (counting it), with the space after it; ""
        for a paragraph of no list, or of a level whose number is not written here."""
        props = p.find(f"{_W}pPr")
        if props is None:
            return ""
        num = props.find(f"{_W}numPr")
        style = _val(props, "pStyle")
        num_id, ilvl = self.styles.get(style or "", (None, None)) if style else (None, None)
        if num is not None:
            num_id = _val(num, "numId") or num_id
            ilvl = _val(num, "ilvl") or ilvl
        found = self.lists.get(num_id or "")
        if found is None:
            return ""
        of, levels, starts = found
        level = _int(ilvl, 0)
        if level not in levels:
            return ""
        counts = self.counts.setdefault(of, {})
        if num_id not in self.started:
            self.started.add(num_id or "")
            for at, start in starts.items():  # this instance restarts the list at these levels
                counts[at] = start - 1
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [d for d in counts if d > level]:
            restart = levels[deeper].restart if deeper in levels else -1
            if restart != 0 and (restart < 0 or restart > level):
                del counts[deeper]
        return self._text(levels, level, counts)

    @staticmethod
    def _text(levels: dict[int, _Level], level: int, counts: dict[int, int]) -> str:
        own = levels[level]
        if own.hidden or own.text is None or own.kind == "bullet":  # a bullet is no number
            return ""
        text = own.text
        for at in range(level, -1, -1):  # %10 … before %1
            mark = f"%{at + 1}"
            if mark not in text:
                continue
            of = levels.get(at)
            number = None if of is None else formatted(counts.get(at, of.start), of.kind)
            if number is None:
                return ""
            text = text.replace(mark, number)
        if not text.strip():
            return ""
        return text + (" " if own.spaced and text[-1] not in _CLOSED else "")


def numbers_in_place(root: etree._Element, numbering: Numbering) -> None:
    """Write the number of each numbered paragraph outside the tables as its first run's text;
    paragraphs in tables are counted too (a list runs on through them), but keep their text."""
    for p in list(root.iter(f"{_W}p")):
        label = numbering.label(p)
        if not label or next(p.iterancestors(f"{_W}tbl"), None) is not None:
            continue
        run = etree.Element(f"{_W}r")
        etree.SubElement(run, f"{_W}t").text = label
        props = p.find(f"{_W}pPr")
        if props is None:
            p.insert(0, run)
        else:
            props.addnext(run)
