"""Streaming conversion to files: chunks committed as they finish, resumable, merged atomically.

While it runs, a conversion writes each chunk of reports as JSON-lines part files under
``OUT/.zhgov-parts/`` and then appends one line to ``manifest.jsonl`` naming the chunk's parts and
the content hashes of its inputs — the commit point.  ``--resume`` skips inputs whose hashes are in
the manifest and drops part files no manifest line names (a chunk killed half-written).  At the
end the parts are merged, frame by frame and part by part (memory bounded by one part), into the
output format under temporary names, which are then renamed into place.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from .batch import (
    COLUMNS,
    FRAMES,
    LINK_CELLS,
    Settlement,
    Source,
    content_hash,
    convert_many,
    convert_one,
    doubtful,
    settlement,
    year_links,
)
from .errors import ParseError
from .plots import OUTCOMES

FORMATS = ("csv", "jsonl", "sqlite", "parquet")
PARTS = ".zhgov-parts"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with ``'`` (OWASP); numbers stay.

    >>> neutralize("=HYPERLINK(1)"), neutralize("-2"), neutralize(-2), neutralize("规章")
    ("'=HYPERLINK(1)", "'-2", -2, '规章')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class Summary:
    """What a conversion report shows, gathered while the parts are merged (bounded memory)."""

    def __init__(self) -> None:
        self.counts = {frame: 0 for frame in FRAMES}
        self.failures: dict[str, list[tuple[str, str]]] = {}
        self.findings: dict[str, list[tuple[str, str]]] = {}
        self.finding_counts: dict[str, int] = {}
        self.years: dict[str, Any] = {}
        self.outcomes: dict[tuple[Any, str], float] = {}

    def observe(self, frame: str, rows: list[dict[str, Any]]) -> None:
        self.counts[frame] += len(rows)
        for r in rows:
            if frame == "errors":
                self.failures.setdefault(r["error_type"], []).append((r["source"], r["message"]))
            elif frame == "findings":
                code = r["code"]
                self.finding_counts[code] = self.finding_counts.get(code, 0) + 1
                examples = self.findings.setdefault(code, [])
                if len(examples) < 3:
                    examples.append((r["report_id"], r["message"]))
            elif frame == "reports":
                self.years[r["report_id"]] = r.get("year")
            elif frame == "cells" and r["table"] == "application_handling" and r["column"] == "total":
                outcome = r["row"].split(".")[0]
                if r.get("value") is not None and outcome in OUTCOMES:
                    key = (self.years.get(r["report_id"]), outcome)
                    self.outcomes[key] = self.outcomes.get(key, 0.0) + r["value"]


class Conversion:
    """One output folder: its parts, manifest and final files."""

    def __init__(self, out: Path, fmt: str, resume: bool) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        if fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError as exc:
                raise ValueError(
                    "--format parquet needs pyarrow: pip install 'zhgov_parse[parquet]'"
                ) from exc
        self.out = out
        self.fmt = fmt
        self.parts = out / PARTS
        self.manifest = self.parts / "manifest.jsonl"
        if self.parts.exists() and not resume:
            shutil.rmtree(self.parts)
        self.parts.mkdir(parents=True, exist_ok=True)
        self.chunks: list[dict[str, Any]] = []
        self.done: set[str] = set()
        if self.manifest.exists():
            for line in self.manifest.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    break  # a torn last line: that chunk did not commit
                self.chunks.append(entry)
                self.done.update(entry["hashes"])
        named = {p for c in self.chunks for p in c["parts"].values()}
        for part in self.parts.glob("chunk-*"):
            if part.name not in named:
                part.unlink()  # written by a chunk that never committed

    def commit(self, rows: list[dict[str, Any]], hashes: list[str]) -> None:
        """Write one chunk's parts (serialized by the workers), then record the chunk in the
        manifest: the commit point."""
        number = len(self.chunks) + 1
        names = {}
        for frame in (*FRAMES, "_links"):
            text = "".join(report[frame] for report in rows)
            if not text:
                continue
            name = f"chunk-{number:06d}-{frame}.part"
            _write_atomic(self.parts / name, lambda f, text=text: f.write(text))
            names[frame] = name
        counts = {frame: sum(report["_counts"][frame] for report in rows) for frame in FRAMES}
        entry = {"chunk": number, "parts": names, "counts": counts, "hashes": hashes}
        with self.manifest.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.chunks.append(entry)
        self.done.update(hashes)

    def part_rows(self, frame: str, patch: _Patch | None = None) -> Iterator[list[dict[str, Any]]]:
        """A frame's rows, part by part, as dicts (parts in CSV are read back as text), with the
        changes of ``patch`` made in the parts it touches."""
        for i, chunk in enumerate(self.chunks):
            name = chunk["parts"].get(frame)
            if name:
                rows = _read_part(self.parts / name, frame, self.fmt)
                yield patch.rows(frame, rows) if patch and patch.touches(frame, i) else rows

    def finish(self, summary: Summary | None = None) -> dict[str, int]:
        """Settle run-on rows by the year before, add the across-year findings (on the settled
        values, as :func:`~zhgov_parse.batch.read_many` does), merge the parts into the output and
        remove the parts."""
        reports, doubts, home = self._link_reports()
        done = settlement(reports, self._link_cells(), doubts) if doubts else Settlement()
        patch = _Patch(done, home)
        links = [*done.added, *year_links(reports, self._link_cells(done.fills))]
        counts = {}
        for frame in FRAMES:
            extra = links if frame == "findings" else []
            counts[frame] = self._merge(frame, extra, patch)
            if summary is not None:
                for rows in itertools.chain(self.part_rows(frame, patch), [extra]):
                    summary.observe(frame, _typed(frame, rows))
        shutil.rmtree(self.parts)
        return counts

    def _link_entries(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """The ``_links`` entries (one a report), with the position of their chunk."""
        for i, chunk in enumerate(self.chunks):
            name = chunk["parts"].get("_links")
            if name:
                with (self.parts / name).open(encoding="utf-8") as f:
                    yield from ((i, json.loads(line)) for line in f)

    def _link_reports(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, int]]:
        """Every report's id, agency and year; the doubtful findings; the chunk of their reports."""
        reports: list[dict[str, Any]] = []
        doubts: list[dict[str, Any]] = []
        home: dict[str, int] = {}
        for i, entry in self._link_entries():
            reports.extend(entry["reports"])
            for finding in entry.get("doubtful", ()):
                doubts.append(finding)
                home[finding["report_id"]] = i
        return reports, doubts, home

    def _link_cells(
        self, fills: Mapping[tuple[str, str, str], Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """The cells of the ``_links`` parts, streamed, with the values ``fills`` settles."""
        for _, entry in self._link_entries():
            for report_id, table, row, column, value in entry["cells"]:
                if fills and table == "active_disclosure":
                    value = fills.get((report_id, row, column), value)
                yield {"report_id": report_id, "table": table, "row": row, "column": column, "value": value}

    def _merge(self, frame: str, extra: list[dict[str, Any]], patch: _Patch) -> int:
        if _fast(self.fmt, frame):
            return self._copy(frame, extra, patch)
        columns = _columns(frame, self.part_rows(frame))
        chunks = itertools.chain(self.part_rows(frame, patch), [extra] if extra else [])
        if self.fmt == "sqlite":
            return _merge_sqlite(self.out / "zhgov.sqlite", frame, columns, chunks)
        target = self.out / f"{frame}.{self.fmt}"
        written = [0]

        def write(f: Any) -> None:
            written[0] = _WRITERS[self.fmt](f, columns, chunks)

        _write_atomic(target, write, binary=self.fmt == "parquet")
        return written[0]

    def _copy(self, frame: str, extra: list[dict[str, Any]], patch: _Patch) -> int:
        """Parts already in the output format: a header, then the parts copied as they are (those
        the settlement changes are rewritten)."""
        written = [len(extra)]

        def write(f: Any) -> None:
            if self.fmt == "csv":
                f.write(",".join(COLUMNS[frame]) + "\n")
            for i, chunk in enumerate(self.chunks):
                name = chunk["parts"].get(frame)
                if not name:
                    continue
                if patch.touches(frame, i):
                    written[0] += _rewrite_part(self.parts / name, frame, self.fmt, patch, f)
                    continue
                with (self.parts / name).open(encoding="utf-8", newline="") as part:
                    shutil.copyfileobj(part, f)
                written[0] += chunk.get("counts", {}).get(frame, 0)
            if extra:
                f.write(serialize(frame, extra, self.fmt))

        _write_atomic(self.out / f"{frame}.{self.fmt}", write)
        return written[0]


class _Patch:
    """A :class:`~zhgov_parse.batch.Settlement` made on rows as the parts stream by: cells filled,
    findings dropped (by their place among their report's findings), report counts adjusted."""

    def __init__(self, done: Settlement, home: Mapping[str, int]) -> None:
        self.fills = done.fills
        self.deltas = done.deltas
        self.drops = {(f["report_id"], f["position"]) for f in done.dropped}
        self.chunks = {
            "cells": {home[report_id] for report_id, _, _ in done.fills},
            "findings": {home[report_id] for report_id, _ in self.drops},
            "reports": {home[report_id] for report_id in done.deltas},
        }

    def touches(self, frame: str, chunk: int) -> bool:
        """Whether the part of ``frame`` of the ``chunk``-th chunk changes."""
        return chunk in self.chunks.get(frame, ())

    def rows(self, frame: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """One part's rows (all the rows of its reports), changed."""
        if frame == "cells":
            return [self._cell(r) for r in rows]
        if frame == "findings":
            seen: dict[str, int] = {}
            kept = []
            for r in rows:
                position = seen[r["report_id"]] = seen.get(r["report_id"], -1) + 1
                if (r["report_id"], position) not in self.drops:
                    kept.append(r)
            return kept
        if frame == "reports":
            return [self._report(r) for r in rows]
        return rows

    def _cell(self, row: dict[str, Any]) -> dict[str, Any]:
        key = (row["report_id"], row["row"], row["column"])
        if row["table"] != "active_disclosure" or key not in self.fills:
            return row
        return {**row, "value": self.fills[key]}

    def _report(self, row: dict[str, Any]) -> dict[str, Any]:
        deltas = self.deltas.get(row["report_id"])
        if not deltas:
            return row
        return {**row, **{k: int(row.get(k) or 0) + d for k, d in deltas.items()}}


def _read_part(path: Path, frame: str, fmt: str) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as f:
        if fmt == "csv" and _fast(fmt, frame):
            return [dict(zip(COLUMNS[frame], r, strict=False)) for r in csv.reader(f)]
        return [json.loads(line) for line in f]


def _rewrite_part(path: Path, frame: str, fmt: str, patch: _Patch, f: Any) -> int:
    """Write a fast part with the settlement's changes made (its other rows come out as they were);
    returns the rows written."""
    rows = patch.rows(frame, _read_part(path, frame, fmt))
    if fmt == "csv":  # the text was neutralized when the part was written: written back as it is
        csv.writer(f, lineterminator="\n").writerows([r.get(c) for c in COLUMNS[frame]] for r in rows)
    else:
        f.write(_jsonl_text(rows))
    return len(rows)


def _typed(frame: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows read back from CSV parts hold text: the summary needs numbers where numbers were."""
    if frame != "cells":
        return rows
    out = []
    for r in rows:
        value = r.get("value")
        if isinstance(value, str):
            r = {**r, "value": float(value) if value not in ("", "'") else None}
        out.append(r)
    return out


def _columns(frame: str, chunks: Iterable[list[dict[str, Any]]]) -> list[str]:
    columns = list(COLUMNS[frame])
    for rows in chunks:
        for r in rows:
            for k in r:
                if k not in columns:
                    columns.append(k)  # fields carried from scraper records
    return columns


def _write_atomic(path: Path, write: Callable[[Any], None], binary: bool = False) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open(
        "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else ""
    ) as f:
        write(f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _dump_jsonl(f: Any, records: Iterable[dict[str, Any]]) -> None:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def _write_jsonl(f: Any, columns: list[str], chunks: Iterable[list[dict[str, Any]]]) -> int:
    n = 0
    for rows in chunks:
        _dump_jsonl(f, ({c: r.get(c) for c in columns} for r in rows))
        n += len(rows)
    return n


def _write_csv(f: Any, columns: list[str], chunks: Iterable[list[dict[str, Any]]]) -> int:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for rows in chunks:
        writer.writerows([neutralize(_scalar(r.get(c))) for c in columns] for r in rows)
        n += len(rows)
    return n


def _scalar(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write_parquet(f: Any, columns: list[str], chunks: Iterable[list[dict[str, Any]]]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.float64() if c == "value" else pa.string()) for c in columns])
    n = 0
    with pq.ParquetWriter(f, schema) as writer:
        for rows in chunks:
            data = {
                c: [
                    r.get(c) if c == "value" else (None if r.get(c) is None else str(_scalar(r.get(c))))
                    for r in rows
                ]
                for c in columns
            }
            writer.write_table(pa.table(data, schema=schema))
            n += len(rows)
    return n


_WRITERS: dict[str, Callable[[Any, list[str], Iterable[list[dict[str, Any]]]], int]] = {
    "csv": _write_csv,
    "jsonl": _write_jsonl,
    "parquet": _write_parquet,
}


def _merge_sqlite(path: Path, frame: str, columns: list[str], chunks: Iterable[list[dict[str, Any]]]) -> int:
    tmp = path.with_name(f".{path.name}.tmp")
    if frame == FRAMES[0] and tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    try:
        quoted = ", ".join(f'"{c}" {"REAL" if c == "value" else ""}'.strip() for c in columns)
        db.execute(f'CREATE TABLE "{frame}" ({quoted})')
        n = 0
        marks = ", ".join("?" for _ in columns)
        for rows in chunks:
            db.executemany(
                f'INSERT INTO "{frame}" VALUES ({marks})', ([_sql(r.get(c)) for c in columns] for r in rows)
            )
            n += len(rows)
        db.execute(f'CREATE INDEX "{frame}_report_id" ON "{frame}" (report_id)')
        db.commit()
    finally:
        db.close()
    if frame == FRAMES[-1]:
        os.replace(tmp, path)
    return n


def _sql(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return value


def _fast(fmt: str, frame: str) -> bool:
    """Whether a frame's parts are already in the output format (the merge only copies them)."""
    return fmt in ("csv", "jsonl") and frame in FRAMES and frame != "reports"  # reports: columns vary


def _csv_text(frame: str, rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([neutralize(_scalar(r.get(c))) for c in COLUMNS[frame]] for r in rows)
    return buffer.getvalue()


def _jsonl_text(rows: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


def serialize(frame: str, rows: list[dict[str, Any]], fmt: str) -> str:
    """Rows of a frame as part text: in the output format itself where the merge only copies."""
    if not _fast(fmt, frame):
        return _jsonl_text(rows)
    if fmt == "csv":
        return _csv_text(frame, rows)
    return _jsonl_text({c: r.get(c) for c in COLUMNS[frame]} for r in rows)


def serialized(source: Source, fmt: str = "jsonl") -> dict[str, Any]:
    """One input's rows serialized per frame — made in the worker, so the writer only writes — with
    their counts and the few values the across-year checks need."""
    rows = convert_one(source)
    out: dict[str, Any] = {frame: serialize(frame, rows[frame], fmt) for frame in FRAMES}
    out["_counts"] = {frame: len(rows[frame]) for frame in FRAMES}
    out["_links"] = _links(rows)
    return out


def _links(rows: dict[str, list[dict[str, Any]]]) -> str:
    """The ``_links`` line of one report: its id, agency and year, the values the across-year
    checks compare, and what settling its run-on rows by the year before needs (its doubtful
    findings with their place among its findings, and every cell of their rows, NA ones too)."""
    reports = [
        {"report_id": r["report_id"], "agency": r.get("agency"), "year": r.get("year")}
        for r in rows["reports"]
    ]
    if not reports:
        return ""
    doubts = [
        {"position": i, **{k: f.get(k) for k in ("report_id", "code", "table", "row", "expected", "found")}}
        for i, f in enumerate(rows["findings"])
        if doubtful(f)
    ]
    in_doubt = {(f["report_id"], f["row"]) for f in doubts}
    cells = [
        [c["report_id"], c["table"], c["row"], c["column"], c["value"]]
        for c in rows["cells"]
        if ((c["table"], c["row"], c["column"]) in LINK_CELLS and c["value"] is not None)
        or (c["table"] == "active_disclosure" and (c["report_id"], c["row"]) in in_doubt)
    ]
    entry: dict[str, Any] = {"reports": reports, "cells": cells}
    if doubts:
        entry["doubtful"] = doubts
    return json.dumps(entry, ensure_ascii=False) + "\n"


def convert(
    sources: list[Source],
    out: Path,
    *,
    fmt: str = "csv",
    workers: int = 1,
    resume: bool = False,
    chunk: int = 200,
    progress: Callable[[int, int, int, int], None] | None = None,
    report: Path | None = None,
) -> dict[str, int]:
    """Convert inputs into ``out`` (a folder); returns the row count of each frame written.
    ``report``: also write a self-contained HTML page summarizing the run there."""
    out.mkdir(parents=True, exist_ok=True)
    run = Conversion(out, fmt, resume)
    todo = []
    skipped = 0
    for source in sources:
        try:
            digest = content_hash(source.load())
        except (OSError, ParseError):
            digest = f"unreadable:{source.name}"
        if digest in run.done:
            skipped += 1
            continue
        todo.append((source, digest))
    ok = failed = 0
    buffer: list[dict[str, Any]] = []
    hashes: list[str] = []
    for (_, digest), rows in zip(
        todo, convert_many((s for s, _ in todo), workers, fn=partial(serialized, fmt=fmt)), strict=True
    ):
        buffer.append(rows)
        hashes.append(digest)
        if rows["errors"]:
            failed += 1
        else:
            ok += 1
        if progress:
            progress(skipped + ok + failed, skipped + len(todo), ok, failed)
        if len(buffer) >= chunk:
            run.commit(buffer, hashes)
            buffer, hashes = [], []
    if buffer:
        run.commit(buffer, hashes)
    summary = Summary() if report is not None else None
    counts = run.finish(summary)
    if report is not None and summary is not None:
        from .display import conversion_report

        _write_atomic(report, lambda f: f.write(conversion_report(summary, len(sources))))
    return counts
