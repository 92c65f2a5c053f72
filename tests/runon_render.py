"""Render a fixture report as page text whose cells run together, as scrapers leave it
(``element.text_content()``): every line joined, table cells glued to their labels."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html

_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
_NUMBER_TOKEN = re.compile(r"^[\d０-９,./—－+\-]+[件元]?$")


def _line(line: str) -> str:
    if _SEPARATOR.match(line.strip()):
        return ""
    if "|" in line:
        return "".join(c.strip() for c in line.split("|"))
    tokens = line.split()
    if tokens and _NUMBER_TOKEN.match(tokens[-1]):  # a table row of PDF-style text
        return "".join(tokens)
    return line.strip().lstrip("#").strip()


def render(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".html":
        from zhgov_parse.load import load

        root = html.document_fromstring(load(data).text)
        for bad in root.xpath("//script|//style"):
            bad.drop_tree()
        return " ".join(root.text_content().split())
    return "".join(_line(line) for line in data.decode("utf-8").splitlines())
