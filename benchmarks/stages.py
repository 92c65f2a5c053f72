"""Where one report's parse spends its time, stage by stage (best of many rounds, milliseconds).

    python benchmarks/stages.py [PAGE]      (default: fixtures/chenghu_finance_2021_html.html)

Each stage is timed alone on the previous stage's output, so the figures add up to about the
whole ``parse`` (which is printed first, next to a bare lxml parse of the same page).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import html as lxml_html  # noqa: E402

import zhgov_parse  # noqa: E402
from zhgov_parse import facts, meta, narrative, script, validate  # noqa: E402
from zhgov_parse.load import load  # noqa: E402
from zhgov_parse.locate import TABLE_PARTS, locate  # noqa: E402
from zhgov_parse.mapping import records_of  # noqa: E402
from zhgov_parse.parser import _HEAD, _MAPPERS, _read_document  # noqa: E402


def best(fn: Callable[[], object], rounds: int = 30, repeat: int = 20) -> float:
    """The fastest of ``rounds`` rounds, in milliseconds a call."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat * 1000)
    return min(times)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else ROOT / "fixtures" / "chenghu_finance_2021_html.html"
    data = path.read_bytes()
    loaded = load(data)
    doc = _read_document(loaded.text, loaded.is_html)
    located = locate(doc.blocks)
    plain = doc.head(_HEAD) if loaded.is_html else loaded.text
    blocks = {
        t: [loc.block for loc in located if loc.table == t and not loc.is_part_heading] for t in TABLE_PARTS
    }
    records = {t: records_of(blocks[t]) for t in TABLE_PARTS}
    template = meta.detect_template((c for t in TABLE_PARTS[:2] for b in blocks[t] for c in b.cells), None)
    mapping = template if template in ("2019", "2021") else "2021"
    cells = [c for t in TABLE_PARTS for c in _MAPPERS[t](records[t], mapping).cells]
    units = narrative.build(located)
    stated = facts.extract(units, traditional=False)
    stages = [
        ("parse (tables; checks on demand)", lambda: zhgov_parse.parse(data)),
        ("parse + narrative and all findings", lambda: zhgov_parse.parse(data).finding_list),
        ("baseline: lxml.html.document_fromstring", lambda: lxml_html.document_fromstring(loaded.text)),
        ("load (decode, sniff)", lambda: load(data)),
        ("read (HTML or text → blocks)", lambda: _read_document(loaded.text, loaded.is_html)),
        ("locate parts", lambda: locate(doc.blocks)),
        ("metadata: script", lambda: script.detect_script(plain)),
        ("metadata: year and agency", lambda: meta.year_and_agency(plain)),
        ("records (label and value cells)", lambda: [records_of(blocks[t]) for t in TABLE_PARTS]),
        ("map rows and columns to codes", lambda: [_MAPPERS[t](records[t], mapping) for t in TABLE_PARTS]),
        ("identities (lazy)", lambda: validate.check(cells, mapping)),
        ("narrative sections (lazy)", lambda: narrative.build(located)),
        ("stated facts (lazy)", lambda: facts.extract(units, traditional=False)),
        ("cross-checks (lazy)", lambda: facts.cross_check(stated, {}, units, None)),
    ]
    print(f"{path.name}: {len(data) / 1024:.1f} KB, {len(doc.blocks)} blocks, {len(cells)} cells")
    for name, fn in stages:
        print(f"  {name:<42} {best(fn):7.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
