"""Traditional → Simplified with the dictionaries of opencc-python-reimplemented, giving exactly
what its ``OpenCC("t2s").convert`` gives, in string operations that run in C.

That package converts at about 5 µs a character (a Python loop over substrings), which made a
Traditional report's narrative cost half as much again as its Simplified twin's.  Its t2s is two
dictionaries, phrases (2–14 characters, 277 of them) then single characters, applied so:

* the text is cut at separators (whitespace, punctuation) that no dictionary entry holds;
* phrases: for each length from the longest down, the leftmost occurrence of that length in each
  stretch not yet converted is replaced, and the search goes on to its right;
* characters: every character not inside a replaced phrase is looked up alone;
* an entry with several readings gives its first.

No dictionary entry holds a separator, so no phrase can span one and the cuts change nothing:
phrases are looked for with ``str.find`` (only those the text holds at all), characters with
``str.translate``.  :func:`converter` gives None where those dictionaries are not installed
(the official OpenCC binding, fast in itself, is used then).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path


def _entries(path: Path) -> dict[str, str]:
    """A dictionary file's entries (``key<TAB>reading reading…``), each with its first reading."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            key, readings = line.strip().split("\t")
            out[key] = readings.split(" ")[0]
    return out


class _T2S:
    """The conversion, with its dictionaries loaded once."""

    def __init__(self, phrases: dict[str, str], characters: dict[str, str]) -> None:
        self.phrases = phrases
        self.phrase = re.compile(_alternatives(list(phrases)))
        self.by_start: dict[str, list[str]] = {}
        for key in phrases:
            self.by_start.setdefault(key[:2], []).append(key)
        # str.translate looks each character up in the table; in a str (the identity but for the
        # dictionary's characters) a lookup costs half what it does in a dict, where every
        # character not in it is a KeyError
        table = [chr(i) for i in range(max(map(ord, characters)) + 1)]
        for key, reading in characters.items():
            table[ord(key)] = reading
        self.characters = "".join(table)

    def __call__(self, text: str) -> str:
        held = set()
        found = self.phrase.search(text)
        while found is not None:  # every place a phrase starts (they may overlap)
            at = found.start()
            held.update(key for key in self.by_start[text[at : at + 2]] if text.startswith(key, at))
            found = self.phrase.search(text, at + 1)
        if not held:
            return text.translate(self.characters)
        pieces: list[tuple[str, bool]] = [(text, False)]  # (text, converted already)
        for length in sorted({len(k) for k in held}, reverse=True):
            keys = [k for k in held if len(k) == length]
            pieces = [out for piece in pieces for out in self._replaced(piece, keys, length)]
        return "".join(t if done else t.translate(self.characters) for t, done in pieces)

    def _replaced(self, piece: tuple[str, bool], keys: list[str], length: int) -> list[tuple[str, bool]]:
        """A stretch with the phrases of one length replaced, leftmost first, never overlapping."""
        text, done = piece
        if done or len(text) < length:
            return [piece]
        starts = sorted(at for key in keys for at in _occurrences(text, key))
        out: list[tuple[str, bool]] = []
        end = 0
        for at in starts:
            if at >= end:
                if at > end:
                    out.append((text[end:at], False))
                out.append((self.phrases[text[at : at + length]], True))
                end = at + length
        if end < len(text):
            out.append((text[end:], False))
        return out


def _alternatives(keys: list[str]) -> str:
    """A pattern matching any of ``keys``, factored by their first characters (``re`` tries the
    branches of an alternation one by one: 277 of them at every character a phrase can start with)."""
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(key[0], []).append(key[1:])
    out = []
    for first, rests in sorted(groups.items()):
        nonempty = [r for r in rests if r]
        branch = re.escape(first)
        if nonempty:
            inner = _alternatives(nonempty)
            branch += f"(?:{inner})?" if len(nonempty) < len(rests) else f"(?:{inner})"
        out.append(branch)
    return "|".join(out)


def _occurrences(text: str, key: str) -> list[int]:
    """Every start of ``key`` in ``text``, overlapping ones included."""
    out = []
    at = text.find(key)
    while at >= 0:
        out.append(at)
        at = text.find(key, at + 1)
    return out


@cache
def converter() -> Callable[[str], str] | None:
    """The fast t2s conversion, or None when the ``opencc`` module is not
    opencc-python-reimplemented (its dictionaries are text files beside it)."""
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    try:
        phrases, characters = _entries(folder / "TSPhrases.txt"), _entries(folder / "TSCharacters.txt")
        separators = opencc.OpenCC().split_chars_re  # no conversion named: loads no dictionary
    except Exception:  # any other opencc module (or a changed one): its own converter
        return None
    if any(separators.search(key) for key in [*phrases, *characters]):
        return None  # a phrase could span a cut: only the package's own loop gives its result
    return _T2S(phrases, characters)
