"""Many reports at once: inputs from paths, folders, globs or scraper records; one row a report.

Every input ends as rows in the frames or as one ``errors`` record — nothing is lost.  Frames are
keyed by ``report_id``: the input's name (relative path, ``file.jsonl:line`` or the record's url)
plus ``#`` and the first 12 hex digits of the SHA-1 of its content.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .errors import ParseError
from .findings import FINDING_COLUMNS, Finding
from .load import CONTENT_KEYS, DEFAULT_MAX_BYTES, has_surrogates
from .parser import parse
from .report import CELL_COLUMNS, FACT_COLUMNS, SECTION_COLUMNS

FRAMES = ("reports", "cells", "sections", "facts", "findings", "errors")
REPORT_COLUMNS = [
    "report_id",
    "source",
    "template",
    "script",
    "year",
    "source_format",
    "encoding",
    "agency",
    "region",
    "cells",
    "stated",
    "findings",
]
ERROR_COLUMNS = ["report_id", "source", "error_type", "message"]
COLUMNS: dict[str, list[str]] = {
    "reports": REPORT_COLUMNS,
    "cells": ["report_id", *CELL_COLUMNS],
    "sections": ["report_id", *SECTION_COLUMNS],
    "facts": ["report_id", *FACT_COLUMNS],
    "findings": ["report_id", *FINDING_COLUMNS],
    "errors": ERROR_COLUMNS,
}


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its name, its content (or the path to read it from), and carried fields."""

    name: str
    content: bytes | str | None = None
    path: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    offset: int | None = None  # of the record's line, for a record read from a .jsonl file

    def load(self) -> bytes | str:
        if self.content is not None:
            return self.content
        assert self.path is not None
        if self.offset is None:
            path = Path(self.path)
            size = path.stat().st_size
            if size > DEFAULT_MAX_BYTES:  # refused unread: a disk image in the folder costs no memory
                raise ParseError(f"expected at most {DEFAULT_MAX_BYTES} bytes (max_bytes), found {size}")
            return path.read_bytes()
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            record = json.loads(f.readline().decode("utf-8", "replace"))
        return next((record[k] for k in CONTENT_KEYS if isinstance(record.get(k), str)), "")


def content_hash(content: bytes | str) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha1(data).hexdigest()[:12]


def iter_sources(sources: str | os.PathLike[str] | Iterable[Any]) -> Iterator[Source]:
    """Inputs in a stable order: paths (files, folders recursively, globs, ``.jsonl`` of records)
    or an iterable of those, of records (dicts) or of :class:`Source`."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for i, item in enumerate(sources):
        if isinstance(item, Source):
            yield item
        elif isinstance(item, Mapping):
            yield _record_source(dict(item), f"record {i + 1}")
        elif isinstance(item, (str, os.PathLike)):
            yield from _path_sources(str(item))
        else:
            yield Source(f"input {i + 1}", content=b"", extra={"_bad_type": type(item).__name__})


def _path_sources(spec: str) -> Iterator[Source]:
    path = Path(spec)
    if path.is_dir():
        for p in sorted(x for x in path.rglob("*") if x.is_file() and not x.name.startswith(".")):
            yield from _file_sources(p, p.relative_to(path).as_posix())
    elif any(ch in spec for ch in "*?["):
        for p in sorted(glob.glob(spec, recursive=True)):
            if Path(p).is_file():
                yield from _file_sources(Path(p), p)
    else:
        yield from _file_sources(path, spec)


def _file_sources(path: Path, name: str) -> Iterator[Source]:
    if path.suffix.lower() != ".jsonl":
        yield Source(name, path=str(path))
        return
    try:
        handle = path.open("rb")
    except OSError:
        yield Source(name, path=str(path))  # the read error becomes its error record
        return
    with handle:
        offset = 0
        for number, raw in enumerate(handle, 1):
            at, offset = offset, offset + len(raw)
            line = raw.decode("utf-8", "replace")
            if not line.strip():
                continue
            where = f"{name}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Source(where, content=line, extra={"_invalid_json": f"not valid JSON: {exc}"})
                continue
            if not isinstance(record, dict):
                yield Source(where, content=line, extra={"_invalid_json": "the line is not a JSON object"})
                continue
            source = _record_source(record, where)
            # Keep only the record's small fields in memory: the page is read again when parsed.
            yield (
                source
                if source.content == ""
                else Source(source.name, path=str(path), extra=source.extra, offset=at)
            )


def _record_source(record: dict[str, Any], where: str) -> Source:
    content = next((record.pop(k) for k in CONTENT_KEYS if isinstance(record.get(k), str)), None)
    name = str(record.get("url") or record.get("source") or where)
    if content is None:
        return Source(name, content="", extra={**record, "_no_content": where})
    return Source(name, content=content, extra=record)


# ---------------------------------------------------------------------------------------------
# One input → rows


def convert_one(source: Source) -> dict[str, list[dict[str, Any]]]:
    """Parse one input into rows of every frame (an ``errors`` row when it cannot be parsed)."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAMES}
    source = _writable(source)
    extra = dict(source.extra)
    try:
        content = source.load()
    except (OSError, ParseError) as exc:
        rows["errors"].append(_error(source.name, f"{source.name}#unreadable", type(exc).__name__, str(exc)))
        return rows
    report_id = f"{source.name}#{content_hash(content)}"
    if "_invalid_json" in extra:
        rows["errors"].append(_error(source.name, report_id, "InvalidRecord", extra["_invalid_json"]))
        return rows
    if "_no_content" in extra:
        message = f"a record without an html or text field ({extra['_no_content']})"
        rows["errors"].append(_error(source.name, report_id, "InvalidRecord", message))
        return rows
    if "_crashed" in extra:
        message = "the process parsing this input died (out of memory, or a crash in compiled code)"
        rows["errors"].append(_error(source.name, report_id, "WorkerCrashed", message))
        return rows
    if "_bad_type" in extra:
        message = f"expected a path, a record or a Source, found {extra['_bad_type']}"
        rows["errors"].append(_error(source.name, report_id, "InvalidInput", message))
        return rows
    try:
        report = parse(content)
    except ParseError as exc:
        rows["errors"].append(_error(source.name, report_id, type(exc).__name__, str(exc)))
        return rows
    meta = report.meta
    cells = report.cell_records()
    findings = report.finding_list
    rows["reports"].append(
        {
            "report_id": report_id,
            "source": source.name,
            **{k: meta.get(k) for k in REPORT_COLUMNS[2:9]},
            "cells": len(cells),
            "stated": sum(1 for c in cells if c["value"] is not None),
            "findings": len(findings),
            **{k: v for k, v in extra.items() if k not in REPORT_COLUMNS},
        }
    )
    rows["cells"] = [{"report_id": report_id, **r} for r in cells]
    rows["sections"] = [{"report_id": report_id, **r} for r in report.section_records()]
    rows["facts"] = [{"report_id": report_id, **_fields(f)} for f in report._facts]
    rows["findings"] = [
        {"report_id": report_id, **{k: getattr(f, k) for k in FINDING_COLUMNS}} for f in findings
    ]
    return rows


def _writable(source: Source) -> Source:
    """The source with its name and carried fields fit to write: lone surrogates (a file name's
    undecodable bytes, ``bad\\udcffname.txt``, or ``"\\ud800"`` in a JSON record) as ``\\udcff``
    escapes, which UTF-8 files, SQLite and Parquet refuse as they are."""
    if not has_surrogates(source.name) and not has_surrogates(repr(source.extra)):
        return source
    return replace(source, name=escape_surrogates(source.name), extra=escape_surrogates(dict(source.extra)))


def escape_surrogates(value: Any) -> Any:
    """Text (and the texts inside dicts and lists) with lone surrogates as ``\\udcff`` escapes."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, Mapping):
        return {escape_surrogates(k): escape_surrogates(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape_surrogates(v) for v in value]
    return value


def _fields(obj: Any) -> dict[str, Any]:
    """A slotted dataclass as a dict, without dataclasses.asdict's deep copies."""
    return {name: getattr(obj, name) for name in obj.__slots__}


def _error(source: str, report_id: str, kind: str, message: str) -> dict[str, Any]:
    return {"report_id": report_id, "source": source, "error_type": kind, "message": message}


def convert_many(
    sources: Iterable[Source],
    workers: int | None = None,
    chunksize: int = 16,
    fn: Callable[[Source], Any] | None = None,
) -> Iterator[Any]:
    """``fn`` (default :func:`convert_one`) of each input, in input order; ``workers`` > 1 runs it
    in that many processes."""
    fn = fn or convert_one
    if not workers or workers <= 1:
        yield from map(fn, sources)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    todo = list(sources)
    done = 0
    while done < len(todo):
        pool = ProcessPoolExecutor(max_workers=workers)
        try:
            for result in pool.map(fn, todo[done:], chunksize=chunksize):
                yield result
                done += 1
        except BrokenProcessPool:
            # A worker died (killed for memory, or a crash in compiled code) on an input among the
            # ones it had been given: those run one at a time, each in a process of its own.
            for source in todo[done : done + (workers + 1) * chunksize]:
                yield _alone(fn, source)
                done += 1
        finally:
            pool.shutdown(cancel_futures=True)


def _alone(fn: Callable[[Source], Any], source: Source) -> Any:
    """``fn`` of one input in a process of its own; an error record if that process dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(fn, source).result()
        except BrokenProcessPool:
            pass
    return fn(replace(source, extra={**source.extra, "_crashed": True}))


# ---------------------------------------------------------------------------------------------
# Across reports: the same agency in consecutive years


_BALANCED = ("rules", "normative_documents")  # 现行有效 (Y) = 现行有效 (Y−1) + 本年制发 − 本年废止
#: 2019-template rows of 二 whose 上一年项目数量 (Y) is 上一年项目数量 (Y−1) + 本年增/减 (Y−1).
PROJECT_ROWS = ("licensing", "other_services", "penalty", "coercion", "fees")

#: The cells the across-year checks compare: carried-over applications, documents in force,
#: items carried into the next year.
LINK_CELLS = {
    ("application_handling", "carried_in", "total"),
    ("application_handling", "carried_forward", "total"),
    *{("active_disclosure", r, c) for r in _BALANCED for c in ("issued", "repealed", "in_force")},
    *{("active_disclosure", r, c) for r in PROJECT_ROWS for c in ("previous_count", "change")},
}


def _by_agency(reports: Iterable[Mapping[str, Any]]) -> dict[tuple[str, int], str]:
    """Each (agency, year) of the batch's reports and its report (the first one, if several)."""
    out: dict[tuple[str, int], str] = {}
    for r in reports:
        if r.get("agency") and isinstance(r.get("year"), int):
            out.setdefault((r["agency"], r["year"]), r["report_id"])
    return out


def year_links(
    reports: Iterable[Mapping[str, Any]], cells: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Findings on later reports whose carried-over numbers disagree with the year before.

    二、上年结转 (Y) should equal 四、结转下年度继续办理 (Y−1); 现行有效件数 (Y) should equal
    现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y), for 规章 and 行政规范性文件; and in the
    2019 template, 上一年项目数量 (Y) should equal 上一年项目数量 (Y−1) + 本年增/减 (Y−1).
    """
    values: dict[str, dict[tuple[str, str, str], Any]] = {}
    for c in cells:
        key = (c["table"], c["row"], c["column"])
        if key in LINK_CELLS and c.get("value") is not None:
            values.setdefault(c["report_id"], {})[key] = c["value"]
    by_agency = _by_agency(reports)
    out: list[dict[str, Any]] = []
    for (agency, year), later in sorted(by_agency.items()):
        earlier = by_agency.get((agency, year - 1))
        if earlier is None:
            continue
        now, before = values.get(later, {}), values.get(earlier, {})
        carried_in = now.get(("application_handling", "carried_in", "total"))
        carried_out = before.get(("application_handling", "carried_forward", "total"))
        if carried_in is not None and carried_out is not None and carried_in != carried_out:
            out.append(
                _link_finding(
                    later,
                    "carryover_mismatch",
                    f"二、上年结转 总计 is {carried_in:g} but the {year - 1} report ({earlier}) carried "
                    f"{carried_out:g} forward (四、结转下年度继续办理)",
                    "application_handling",
                    "carried_in",
                    carried_out,
                    carried_in,
                )
            )
        for row in _BALANCED:
            t = "active_disclosure"
            prev = before.get((t, row, "in_force"))
            issued, repealed, in_force = (now.get((t, row, c)) for c in ("issued", "repealed", "in_force"))
            if None in (prev, issued, repealed, in_force):
                continue
            expected = prev + issued - repealed
            if expected != in_force:
                out.append(
                    _link_finding(
                        later,
                        "in_force_mismatch",
                        f"现行有效件数 is {in_force:g}, but the {year - 1} report's {prev:g} + 本年制发 "
                        f"{issued:g} − 本年废止 {repealed:g} = {expected:g}",
                        t,
                        row,
                        expected,
                        in_force,
                        column="in_force",
                    )
                )
        out.extend(_items_mismatches(later, earlier, year, now, before))
    return out


def _items_mismatches(
    later: str, earlier: str, year: int, now: Mapping[tuple[str, str, str], Any], before: Mapping[Any, Any]
) -> list[dict[str, Any]]:
    """2019-template rows of items whose 上一年项目数量 (Y) is not the year before's 上一年项目数量 +
    本年增/减."""
    out = []
    for row in PROJECT_ROWS:
        t = "active_disclosure"
        stated = now.get((t, row, "previous_count"))
        prev, change = before.get((t, row, "previous_count")), before.get((t, row, "change"))
        if None in (stated, prev, change) or prev + change == stated:
            continue
        out.append(
            _link_finding(
                later,
                "items_mismatch",
                f"上一年项目数量 is {stated:g}, but the {year - 1} report ({earlier}) had {prev:g} with "
                f"本年增/减 {change:+g}: {prev + change:g}",
                t,
                row,
                prev + change,
                stated,
                column="previous_count",
            )
        )
    return out


_SETTLED = (*_BALANCED, *PROJECT_ROWS)  # the rows of 二 a neighbouring year may settle


def doubtful(finding: Mapping[str, Any]) -> bool:
    """Whether a finding is a run-on row of 二 that the year before (or after) may settle: 规章 and
    行政规范性文件, and the 2019 template's rows of items (行政许可 …)."""
    return bool(
        finding["code"] == "runon_ambiguous"
        and finding["table"] == "active_disclosure"
        and finding["row"] in _SETTLED
        and finding.get("expected")
    )


@dataclass(slots=True)
class Settlement:
    """What settling by the year before changes; nothing is changed by finding it out."""

    fills: dict[tuple[str, str, str], Any] = field(default_factory=dict)  # (report_id, row, column) of 二
    added: list[dict[str, Any]] = field(default_factory=list)  # runon_year_resolved findings rows
    dropped: list[Mapping[str, Any]] = field(default_factory=list)  # of the findings given
    deltas: dict[str, dict[str, int]] = field(default_factory=dict)  # report_id -> {"stated": n, …}


def settlement(
    reports: Iterable[Mapping[str, Any]],
    cells: Iterable[Mapping[str, Any]],
    findings: Iterable[Mapping[str, Any]],
) -> Settlement:
    """How run-on 二 rows that read several ways are settled by the year before (see
    :func:`settle_by_year`).  Needs of ``reports`` their ``report_id``, ``agency`` and ``year``; of
    ``cells`` (streamed once, only those of the rows of 二 it settles of the reports concerned
    kept) ``report_id``, ``table``, ``row``, ``column`` and ``value``; of ``findings`` the doubtful
    ones (others are skipped)."""
    done = Settlement()
    pending = [f for f in findings if doubtful(f)]
    if not pending:
        return done
    by_agency = _by_agency(reports)
    where = {report_id: key for key, report_id in by_agency.items()}
    wanted = {f["report_id"] for f in pending if f["report_id"] in where}
    near = [by_agency.get((where[r][0], where[r][1] + step)) for r in wanted for step in (-1, 1)]
    wanted.update(b for b in near if b)
    index = {
        (c["report_id"], c["row"], c["column"]): c["value"]
        for c in cells
        if c["table"] == "active_disclosure" and c["row"] in _SETTLED and c["report_id"] in wanted
    }
    readings = {(f["report_id"], f["row"]): f["expected"] for f in pending}
    for finding in sorted(pending, key=lambda f: where.get(f["report_id"], ("", 0))[1]):
        if finding["report_id"] not in where:
            continue
        if finding["row"] in _BALANCED:
            _settle(finding, where, by_agency, index, done)
        else:
            _settle_items(finding, where, by_agency, index, readings, done)
    return done


def _settle(
    finding: Mapping[str, Any],
    where: dict[str, tuple[str, int]],
    by_agency: dict[tuple[str, int], str],
    index: dict[tuple[str, str, str], Any],
    done: Settlement,
) -> None:
    """Settle one doubtful 规章/规范性文件 row by the year before, adding to ``done`` what that changes."""
    from .runon import parse_readings
    from .runon_split import BLANK

    report_id, row = finding["report_id"], finding["row"]
    agency, year = where[report_id]
    before = by_agency.get((agency, year - 1))
    last = index.get((before, row, "in_force")) if before else None
    if last is None or (before, row, "in_force") in done.fills:  # filled here: not the year's evidence
        return
    columns, options = parse_readings(finding["expected"], blank=BLANK)
    if columns != ["issued", "repealed", "in_force"]:
        return
    kept = [o for o in options if _balances([0 if v is BLANK else v for v in o], last)]  # a blank counts 0
    why = (
        f"现行有效 = {last:g} (the {year - 1} report's) + 本年制发 − 本年废止 "
        "(assumes the documents in force balance across the years)"
    )
    _record(finding, columns, options, kept, index, done, why)


def _record(
    finding: Mapping[str, Any],
    columns: list[str],
    options: list[list[Any]],
    kept: list[list[Any]],
    index: dict[tuple[str, str, str], Any],
    done: Settlement,
    why: str,
) -> None:
    """Add to ``done`` the cells the ``kept`` readings agree on (those still NA), and the finding."""
    from .runon import format_readings
    from .runon_split import BLANK

    if not kept or len(kept) == len(options):
        return
    report_id, row = finding["report_id"], finding["row"]
    agreed = [kept[0][i] if all(k[i] == kept[0][i] for k in kept) else None for i in range(len(columns))]
    filled = []
    for column, value in zip(columns, agreed, strict=True):
        key = (report_id, row, column)
        if value not in (None, BLANK) and key in index and index[key] is None and key not in done.fills:
            done.fills[key] = value
            filled.append(f"{column} {value:g}")
    if not filled:
        return
    delta = done.deltas.setdefault(report_id, {"stated": 0, "findings": 0})
    delta["stated"] += len(filled)
    label = schema.row_label("active_disclosure", row)
    new = Finding(
        "runon_year_resolved",
        f"row {label}: of the {len(options)} readings of the digits '{finding['found']}', {len(kept)} "
        f"satisfy {why}: " + ", ".join(filled),
        "active_disclosure",
        row,
        expected=format_readings(columns, kept),
        found=finding["found"],
    )
    done.added.append({"report_id": report_id, **{k: getattr(new, k) for k in FINDING_COLUMNS}})
    delta["findings"] += 1
    if None not in agreed:  # no cell left in doubt
        done.dropped.append(finding)
        delta["findings"] -= 1


def _settle_items(
    finding: Mapping[str, Any],
    where: dict[str, tuple[str, int]],
    by_agency: dict[tuple[str, int], str],
    index: dict[tuple[str, str, str], Any],
    readings: dict[tuple[str, str], str],
    done: Settlement,
) -> None:
    """Settle one doubtful 2019-template row of items by its neighbours: 上一年项目数量 (Y) =
    上一年项目数量 (Y−1) + 本年增/减 (Y−1), on either side, with every reading the neighbour has
    (its own doubtful readings, or its cells read directly)."""
    from .runon import parse_readings
    from .runon_split import BLANK

    report_id, row = finding["report_id"], finding["row"]
    agency, year = where[report_id]
    columns, options = parse_readings(finding["expected"], blank=BLANK)
    if "previous_count" not in columns or "change" not in columns:
        return
    p, c = columns.index("previous_count"), columns.index("change")

    def pairs(other: str) -> list[tuple[Any, Any]]:  # (上一年项目数量, 本年增/减) each reading
        if (other, row) in readings:
            cols, theirs = parse_readings(readings[other, row], blank=0)
            return [(o[cols.index("previous_count")], o[cols.index("change")]) for o in theirs]
        return [(index.get((other, row, "previous_count")), index.get((other, row, "change")))]

    def n(v: Any) -> Any:
        return 0 if v is BLANK else v

    kept, sides = options, []
    before = by_agency.get((agency, year - 1))
    theirs = pairs(before) if before else None
    if theirs and all(None not in t for t in theirs):
        kept = [o for o in kept if o[p] is None or any(n(o[p]) == a + b for a, b in theirs)]
        sides.append(f"the {year - 1} report's 上一年项目数量 + 本年增/减")
    after = by_agency.get((agency, year + 1))
    theirs = pairs(after) if after else None
    if theirs and all(t[0] is not None for t in theirs):
        kept = [o for o in kept if None in (o[p], o[c]) or any(n(o[p]) + n(o[c]) == a for a, _ in theirs)]
        sides.append(f"the {year + 1} report's 上一年项目数量")
    why = "上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1) with " + " and ".join(sides)
    _record(finding, columns, options, kept, index, done, why)


def settle_by_year(
    reports: list[dict[str, Any]], cells: list[dict[str, Any]], findings: list[dict[str, Any]]
) -> None:
    """Settle run-on 二 rows that read several ways by the year before (in place).

    A 规章 or 行政规范性文件 row of run-on text (``runon_ambiguous``, its readings in ``expected``)
    keeps only the readings under which 现行有效 (Y) = 现行有效 (Y−1) + 本年制发 (Y) − 本年废止 (Y),
    when the batch holds the same agency's report of the year before with 现行有效 read directly;
    a 2019-template row of items (行政许可 …) keeps those under which 上一年项目数量 (Y) =
    上一年项目数量 (Y−1) + 本年增/减 (Y−1) with some reading of the neighbouring year, either side.
    The cells all those readings agree on are filled, with a ``runon_year_resolved`` finding; the
    ``runon_ambiguous`` finding goes when no cell is left in doubt.  The balance is assumed, not
    known: where it holds for no reading (reports often do not balance) nothing changes.
    """
    done = settlement(reports, cells, findings)
    if not done.added:
        return
    for c in cells:
        key = (c["report_id"], c["row"], c["column"])
        if c["table"] == "active_disclosure" and key in done.fills:
            c["value"] = done.fills[key]
    for r in reports:
        for name, delta in done.deltas.get(r["report_id"], {}).items():
            r[name] = r.get(name, 0) + delta
    gone = {id(f) for f in done.dropped}
    findings[:] = [f for f in findings if id(f) not in gone] + done.added


def _balances(reading: list[Any], last: float) -> bool:
    """Whether 现行有效 = ``last`` + 本年制发 − 本年废止 can hold for a reading (issued, repealed,
    in_force); a cell it leaves NA may take whatever value the balance needs, if not negative."""
    issued, repealed, in_force = reading
    unknown = [v is None for v in reading]
    if sum(unknown) > 1:
        return True
    if issued is None:
        return in_force - last + repealed >= 0
    if repealed is None:
        return last + issued - in_force >= 0
    if in_force is None:
        return last + issued - repealed >= 0
    return bool(last + issued - repealed == in_force)


def _link_finding(
    report_id: str,
    code: str,
    message: str,
    table: str,
    row: str,
    expected: Any,
    found: Any,
    column: str = "total",
) -> dict[str, Any]:
    finding = Finding(code, message, table, row, column, expected=f"{expected:g}", found=f"{found:g}")
    return {"report_id": report_id, **{k: getattr(finding, k) for k in FINDING_COLUMNS}}


# ---------------------------------------------------------------------------------------------
# In memory


class Batch:
    """The frames of many reports: ``reports``, ``cells``, ``sections``, ``facts``, ``findings``,
    ``errors`` — long DataFrames keyed by ``report_id``."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        self.reports = frames["reports"]
        self.cells = frames["cells"]
        self.sections = frames["sections"]
        self.facts = frames["facts"]
        self.findings = frames["findings"]
        self.errors = frames["errors"]

    @property
    def plot(self) -> Any:
        """Plots: ``batch.plot.outcomes()``, ``batch.plot.findings()`` (needs matplotlib)."""
        from .plots import BatchPlots

        return BatchPlots(self)

    def _repr_html_(self) -> str:
        from .display import batch_html

        return batch_html(self)

    def __repr__(self) -> str:
        failed = self.errors["error_type"].value_counts().to_dict() if len(self.errors) else {}
        top = self.findings["code"].value_counts().head(5).to_dict() if len(self.findings) else {}
        return (
            f"<Batch reports={len(self.reports)} failed={len(self.errors)} {failed or ''} "
            f"cells={len(self.cells)} findings={len(self.findings)} {top or ''}>"
        ).replace("  ", " ")


def frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A frame of the given name from row dicts, with the documented columns first."""
    columns = COLUMNS[name]
    df = pd.DataFrame.from_records(rows) if rows else pd.DataFrame(columns=columns)
    extra = [c for c in df.columns if c not in columns]
    df = df.reindex(columns=[*columns, *extra])
    if name == "cells":
        df["value"] = pd.array([None if v is None or v != v else v for v in df["value"]], dtype="Float64")
    return df


def read_many(
    sources: str | os.PathLike[str] | Iterable[Any], *, workers: int | None = None, on_error: str = "record"
) -> Batch:
    """Parse many reports into one :class:`Batch`.

    ``sources``: a path (file, folder — read recursively — glob, or ``.jsonl`` of scraper records
    ``{"url": …, "html": …}`` or ``"text"``, other fields carried into ``reports``), or an iterable
    of those, of records (dicts) or of :class:`Source`.  ``workers`` > 1 parses in that many
    processes.  ``on_error="record"`` (default) turns every input that fails into an ``errors`` row;
    ``"raise"`` raises the first :class:`ParseError` instead.
    """
    if on_error not in ("record", "raise"):
        raise ValueError(f"on_error must be 'record' or 'raise', not {on_error!r}")
    collected: dict[str, list[dict[str, Any]]] = {name: [] for name in FRAMES}
    for rows in convert_many(iter_sources(sources), workers):
        if rows["errors"] and on_error == "raise":
            err = rows["errors"][0]
            raise ParseError(f"{err['source']}: {err['error_type']}: {err['message']}")
        for name in FRAMES:
            collected[name].extend(rows[name])
    settle_by_year(collected["reports"], collected["cells"], collected["findings"])
    collected["findings"].extend(year_links(collected["reports"], collected["cells"]))
    return Batch({name: frame(name, rows) for name, rows in collected.items()})
