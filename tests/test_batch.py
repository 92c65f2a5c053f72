"""Many reports: read_many, scraper records, convert to files, resume after a kill, across years."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import zhgov_parse
from zhgov_parse.batch import COLUMNS, Source
from zhgov_parse.cli import main

from conftest import FIXTURES, ROOT

GOOD = ["qinghe_data_2022_pipe.txt", "heyu_ecology_2021_pipe.txt", "chenghu_finance_2021_html.html"]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good reports, a PDF, an empty file and a nested folder."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in GOOD[:2]:
        (folder / name).write_bytes((FIXTURES / name).read_bytes())
    (folder / "sub" / GOOD[2]).write_bytes((FIXTURES / GOOD[2]).read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not text")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_read_many_folder_keeps_every_input(mixed: Path) -> None:
    batch = zhgov_parse.read_many(mixed)
    assert len(batch.reports) == 3
    assert sorted(batch.errors["error_type"]) == ["BinaryInput", "EmptyInput"]
    assert batch.reports["report_id"].str.fullmatch(r".+#[0-9a-f]{12}").all()
    assert set(batch.cells["report_id"]) == set(batch.reports["report_id"])
    assert batch.cells["value"].dtype == "Float64"
    assert "sub/chenghu_finance_2021_html.html" in set(batch.reports["source"])
    assert "reports=3 failed=2" in repr(batch)


def test_read_many_on_error_raise(mixed: Path) -> None:
    with pytest.raises(zhgov_parse.ParseError):
        zhgov_parse.read_many(mixed, on_error="raise")


def test_scraper_records_jsonl(tmp_path: Path) -> None:
    page = (FIXTURES / GOOD[2]).read_text(encoding="utf-8")
    lines = [
        json.dumps({"url": "https://example.gov.cn/a.html", "html": page, "crawled": "2026-01-02"}),
        "{not json",
        json.dumps({"url": "https://example.gov.cn/b.html", "title": "no content"}),
        json.dumps({"text": (FIXTURES / GOOD[0]).read_text(encoding="utf-8"), "site": "x"}),
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = zhgov_parse.read_many(path)
    assert list(batch.reports["source"]) == ["https://example.gov.cn/a.html", f"{path}:4"]
    assert batch.reports["crawled"].iloc[0] == "2026-01-02"  # other fields are carried along
    assert batch.reports["site"].iloc[1] == "x"
    assert sorted(batch.errors["source"]) == [f"{path}:2", "https://example.gov.cn/b.html"]
    assert set(batch.errors["error_type"]) == {"InvalidRecord"}


def test_records_in_memory_and_parallel_give_the_same(mixed: Path) -> None:
    one = zhgov_parse.read_many(mixed)
    two = zhgov_parse.read_many(mixed, workers=2)
    pd.testing.assert_frame_equal(one.cells, two.cells)
    records = [{"url": "u1", "html": (FIXTURES / GOOD[2]).read_text(encoding="utf-8")}]
    assert len(zhgov_parse.read_many(records).reports) == 1


def _next_year(text: str) -> str:
    """The 2022 fixture as its 2023 report, keeping numbers that disagree with 2022."""
    return text.replace("2022年", "2023年").replace("2023年1月", "2024年1月")


def test_across_years(tmp_path: Path) -> None:
    base = (FIXTURES / GOOD[0]).read_text(encoding="utf-8")
    (tmp_path / "2022.txt").write_text(base, encoding="utf-8")
    (tmp_path / "2023.txt").write_text(_next_year(base), encoding="utf-8")
    batch = zhgov_parse.read_many(tmp_path)
    assert sorted(batch.reports["year"]) == [2022, 2023]
    links = batch.findings[batch.findings["code"].isin(["carryover_mismatch", "in_force_mismatch"])]
    later = batch.reports.set_index("year").loc[2023, "report_id"]
    assert set(links["report_id"]) == {later}
    assert set(links["code"]) == {"carryover_mismatch", "in_force_mismatch"}
    carry = links[links["code"] == "carryover_mismatch"].iloc[0]
    assert (carry["expected"], carry["found"]) == ("16", "15")


def _runon_year(year: int, normative: str) -> dict[str, str]:
    """The 2023 fixture as run-on page text of ``year``, its 行政规范性文件 row's digits replaced."""
    from runon_render import render

    text = render(FIXTURES / "lanshi_housing_2023_pipe.txt")
    assert text.count("行政规范性文件5238") == 1  # 5 | 2 | 38, which reads 5 | 23 | 8 as well
    text = text.replace("行政规范性文件5238", "行政规范性文件" + normative)
    text = text.replace("2024", "20x4").replace("2023", str(year)).replace("20x4", str(year + 1))
    return {"url": f"lanshi/{year}", "text": text}


@pytest.mark.parametrize(
    ("last", "settled"),
    [
        ("0035", True),  # 35 + 5 − 2 = 38; 35 + 5 − 23 ≠ 8
        ("0030", False),  # 30 + 5 − 2 ≠ 38 and 30 + 5 − 23 ≠ 8: neither balances, nothing changes
        ("1234", False),  # the year before reads 1 | 2 | 34 or 1 | 23 | 4: its 现行有效 is not known
    ],
)
def test_runon_rows_settled_by_the_year_before(last: str, settled: bool) -> None:
    batch = zhgov_parse.read_many([_runon_year(2022, last), _runon_year(2023, "5238")])
    later = batch.reports.set_index("year").loc[2023, "report_id"]
    cells = batch.cells[(batch.cells["report_id"] == later) & (batch.cells["row"] == "normative_documents")]
    values = dict(zip(cells["column"], cells["value"].astype(object), strict=True))
    codes = set(batch.findings.loc[batch.findings["report_id"] == later, "code"])
    if settled:
        assert values == {"issued": 5, "repealed": 2, "in_force": 38}
        assert "runon_year_resolved" in codes and "runon_ambiguous" not in codes
        finding = batch.findings[batch.findings["code"] == "runon_year_resolved"].iloc[0]
        assert finding["expected"] == "issued|repealed|in_force: 5|2|38"
        assert batch.reports.set_index("year").loc[2023, "stated"] == len(
            batch.cells[(batch.cells["report_id"] == later) & batch.cells["value"].notna()]
        )
    else:  # 5 | 2 | 38, 5 | 23 | 8, or 52 | blank | 38 …: none of the three is known
        assert all(pd.isna(v) for v in values.values())
        assert "runon_ambiguous" in codes and "runon_year_resolved" not in codes
    # a single report is never settled: the year before is not there
    alone = zhgov_parse.parse(_runon_year(2023, "5238")["text"])
    assert "runon_ambiguous" in {f.code for f in alone.finding_list}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite", "parquet"])
def test_convert_formats(mixed: Path, tmp_path: Path, fmt: str, capsys) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    assert main(["convert", str(mixed), "-o", str(out), "--format", fmt]) == 1  # two inputs failed
    assert "5 inputs: 3 reports written, 2 failed" in capsys.readouterr().out
    assert not list(out.glob(".*"))  # no temporary or part files left
    if fmt == "sqlite":
        db = sqlite3.connect(out / "zhgov.sqlite")
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
        assert tables == {"reports", "cells", "sections", "facts", "findings", "errors"}
        indexes = {r[0] for r in db.execute("select name from sqlite_master where type='index'")}
        assert "cells_report_id" in indexes
        assert db.execute("select count(*) from errors").fetchone()[0] == 2
        return
    read = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True), "parquet": pd.read_parquet}[
        fmt
    ]
    reports = read(out / f"reports.{fmt}")
    errors = read(out / f"errors.{fmt}")
    cells = read(out / f"cells.{fmt}")
    assert len(reports) == 3 and len(errors) == 2
    assert set(cells["report_id"]) == set(reports["report_id"])


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite", "parquet"])
def test_convert_writes_names_that_are_not_utf8(tmp_path: Path, fmt: str, capsys) -> None:
    """A file name with a byte that is not UTF-8 (Python reads it as a lone surrogate) and a record's
    url or field holding a lone surrogate (valid JSON) are written escaped: they made every output
    format refuse the whole run."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    folder = tmp_path / "in"
    folder.mkdir()
    page = (FIXTURES / GOOD[0]).read_bytes()
    try:
        (folder / os.fsdecode(b"bad\xffname.txt")).write_bytes(page)
        odd_file = ["bad\\udcffname.txt"]
    except (OSError, UnicodeError):  # a file system that takes UTF-8 names only
        odd_file = []
    record = {"url": "page\ud800.html", "tags": ["a\udcff"], "text": page.decode("utf-8")}
    (folder / "crawl.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(folder), "-o", str(out), "--format", fmt]) == 0
    assert f"{1 + len(odd_file)} reports written, 0 failed" in capsys.readouterr().out
    if fmt == "sqlite":
        sources = [r[0] for r in sqlite3.connect(out / "zhgov.sqlite").execute("select source from reports")]
    else:
        jsonl = lambda p: pd.read_json(p, lines=True)  # noqa: E731
        read = {"csv": pd.read_csv, "jsonl": jsonl, "parquet": pd.read_parquet}[fmt]
        sources = list(read(out / f"reports.{fmt}")["source"])
    assert sorted(sources) == sorted([*odd_file, "page\\ud800.html"])


_PARENT = os.getpid()


@dataclass(frozen=True)
class _Deadly(Source):
    """An input whose reading kills the process reading it, as the OOM killer or a crash in
    compiled code would (only in a worker: the test's own process must live)."""

    def load(self) -> bytes | str:
        if os.getpid() != _PARENT:
            os._exit(9)
        return super().load()


def test_a_worker_that_dies_costs_only_its_input() -> None:
    page = (FIXTURES / GOOD[0]).read_bytes()
    sources = [Source(f"r{i}.txt", content=page) for i in range(40)]
    sources[25] = _Deadly("deadly.txt", content=page)
    batch = zhgov_parse.read_many(sources, workers=2)
    assert len(batch.reports) == 39
    assert list(batch.errors["source"]) == ["deadly.txt"]
    assert list(batch.errors["error_type"]) == ["WorkerCrashed"]
    assert "died" in batch.errors["message"].iloc[0]
    # every other input, in input order
    assert list(batch.reports["source"]) == [s.name for s in sources if s.name != "deadly.txt"]


def test_convert_survives_a_worker_that_dies(tmp_path: Path) -> None:
    from zhgov_parse.output import convert

    page = (FIXTURES / GOOD[0]).read_bytes()
    sources = [Source(f"r{i}.txt", content=page) for i in range(10)] + [_Deadly("deadly.txt", content=page)]
    counts = convert(sources, tmp_path / "out", workers=2, chunk=4)
    assert (counts["reports"], counts["errors"]) == (10, 1)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert list(errors["error_type"]) == ["WorkerCrashed"]


def test_a_file_beyond_max_bytes_is_refused_unread(tmp_path: Path, monkeypatch) -> None:
    """A disk image or video in an archive's folder is refused by its size: it was read whole
    (gigabytes of memory, twice for convert's content hash) before being refused."""
    from zhgov_parse.load import DEFAULT_MAX_BYTES

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / GOOD[0]).write_bytes((FIXTURES / GOOD[0]).read_bytes())
    with open(folder / "disk.img", "wb") as f:
        f.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: takes no room
    read_bytes = Path.read_bytes

    def reading(path: Path) -> bytes:
        assert path.name != "disk.img", "the big file was read"
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    batch = zhgov_parse.read_many(folder)
    assert len(batch.reports) == 1
    assert batch.errors["message"].iloc[0].startswith(f"expected at most {DEFAULT_MAX_BYTES} bytes")
    assert main(["convert", str(folder), "-o", str(tmp_path / "out")]) == 1
    assert list(pd.read_csv(tmp_path / "out" / "errors.csv")["source"]) == ["disk.img"]


def test_csv_neutralizes_formulas_but_keeps_numbers(tmp_path: Path) -> None:
    text = (FIXTURES / GOOD[0]).read_text(encoding="utf-8").replace("行政处罚 | 37 |", "行政处罚 | =1+2 |")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(text, encoding="utf-8")
    main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    cells = pd.read_csv(tmp_path / "out" / "cells.csv")
    assert "'=1+2" in set(cells["raw"])
    assert pd.api.types.is_float_dtype(cells["value"])


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["convert", str(tmp_path)])  # no -o
    assert info.value.code == 2
    assert main(["convert", str(tmp_path / "nope"), "-o", str(tmp_path / "o")]) == 2


def _copies(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    texts = [(FIXTURES / name).read_bytes() for name in GOOD[:2]]
    for i in range(n):
        (folder / f"r{i:04d}.txt").write_bytes(texts[i % 2] + f"\n附：{i}\n".encode())


def test_killed_then_resumed_equals_uninterrupted(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _copies(inputs, 160)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "zhgov_parse", "convert", str(inputs), "--chunk-size", "10"]
    subprocess.run([*cmd, "-o", str(tmp_path / "whole")], env=env, check=False, capture_output=True)
    killed = tmp_path / "killed"
    proc = subprocess.Popen(
        [*cmd, "-o", str(killed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    manifest = killed / ".zhgov-parts" / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not manifest.exists() or manifest.read_text().count("\n") < 3):
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert manifest.exists() and not (killed / "cells.csv").exists()  # killed mid-way
    done = manifest.read_text().count("\n")
    assert 3 <= done < 16
    resumed = subprocess.run([*cmd, "-o", str(killed), "--resume"], env=env, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    for frame in ("reports", "cells", "sections", "facts", "findings", "errors"):
        assert (killed / f"{frame}.csv").read_bytes() == (tmp_path / "whole" / f"{frame}.csv").read_bytes(), (
            frame
        )


def test_batch_rows_hold_the_same_as_the_report() -> None:
    path = FIXTURES / "weitang_hrss_2024_pipe.txt"
    report = zhgov_parse.read(path)
    batch = zhgov_parse.read_many(path)
    findings = batch.findings.drop(columns="report_id")
    assert findings.to_dict("records") == report.findings.to_dict("records")
    sections = batch.sections.drop(columns="report_id")
    assert sections["text"].tolist() == report.sections["text"].tolist()
    assert batch.facts["subject"].tolist() == report.facts["subject"].tolist()


def test_batch_sections_carry_text_simplified_as_a_report_does() -> None:
    paths = [FIXTURES / "heyu_ecology_2021_pipe.txt", FIXTURES / "qinghe_data_2022_pipe.txt"]
    batch = zhgov_parse.read_many(paths)
    for path in paths:
        report = zhgov_parse.read(path)
        rows = batch.sections[batch.sections["report_id"].str.startswith(str(path))]
        assert rows["text_simplified"].tolist() == report.sections["text_simplified"].tolist()
    traditional = batch.sections[batch.sections["report_id"].str.startswith(str(paths[0]))]
    assert (traditional["text_simplified"] != traditional["text"]).any()  # converted, not copied


def _runon_records(tmp_path: Path, *rows: str) -> Path:
    """Run-on reports of 2022, 2023, … (their 行政规范性文件 digits ``rows``) as a ``.jsonl`` of records."""
    path = tmp_path / "runon.jsonl"
    records = [_runon_year(2022 + i, digits) for i, digits in enumerate(rows)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


_COMPARED = {frame: COLUMNS[frame] for frame in ("cells", "findings")} | {
    "reports": [*COLUMNS["reports"], "url"]
}


def _norm(value: object) -> str:
    """A value as text, the same whether it was read from CSV, JSON lines, SQLite or a DataFrame."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value) or value == "":
        return ""
    try:
        return f"{float(str(value)):g}"
    except ValueError:
        return str(value)


def _converted(out: Path, fmt: str, frame: str) -> list[tuple[str, ...]]:
    columns = _COMPARED[frame]
    if fmt == "sqlite":
        db = sqlite3.connect(out / "zhgov.sqlite")
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = db.execute(f'select {quoted} from "{frame}"').fetchall()
        db.close()
        return [tuple(_norm(v) for v in r) for r in rows]
    path = out / f"{frame}.{fmt}"
    if fmt == "csv":
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        return [tuple(_norm(r[c]) for c in columns) for r in df.to_dict("records")]
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [tuple(_norm(r.get(c)) for c in columns) for r in records]


def _in_memory(batch: zhgov_parse.Batch, frame: str) -> list[tuple[str, ...]]:
    df = getattr(batch, frame)
    return [tuple(_norm(r[c]) for c in _COMPARED[frame]) for r in df.astype(object).to_dict("records")]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite"])
def test_convert_settles_runon_rows_as_read_many_does(tmp_path: Path, fmt: str) -> None:
    # 2023 settled (35 + 5 − 2 = 38); 2024's 0 | 0 | 0 then breaks the balance with the settled 38
    path = _runon_records(tmp_path, "0035", "5238", "000")
    batch = zhgov_parse.read_many(path)
    codes = batch.findings.set_index("code")
    assert "runon_year_resolved" in codes.index and "runon_ambiguous" not in codes.index
    assert (codes.loc["in_force_mismatch", "expected"], codes.loc["in_force_mismatch", "found"]) == (
        "38",
        "0",
    )
    out = tmp_path / "out"
    assert main(["convert", str(path), "-o", str(out), "--format", fmt]) == 0
    for frame in _COMPARED:
        assert _converted(out, fmt, frame) == _in_memory(batch, frame), frame


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_convert_rewrites_only_the_parts_settlement_changes(tmp_path: Path, fmt: str, monkeypatch) -> None:
    from zhgov_parse import output

    path = _runon_records(tmp_path, "0035", "5238")
    rewritten: list[str] = []
    rewrite = output._rewrite_part
    monkeypatch.setattr(
        output, "_rewrite_part", lambda p, frame, *a: rewritten.append(frame) or rewrite(p, frame, *a)
    )
    main(["convert", str(path), "-o", str(tmp_path / "settled"), "--format", fmt, "--chunk-size", "1"])
    assert rewritten == ["cells", "findings"]  # of the 2023 chunk only; the others are copied
    rewritten.clear()
    monkeypatch.setattr(output, "settlement", lambda *a: output.Settlement())  # as before settling
    main(["convert", str(path), "-o", str(tmp_path / "as_is"), "--format", fmt, "--chunk-size", "1"])
    assert rewritten == []  # nothing to settle: every part copied as it is
    settled = (tmp_path / "settled" / f"cells.{fmt}").read_text(encoding="utf-8").splitlines()
    as_is = (tmp_path / "as_is" / f"cells.{fmt}").read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(as_is, settled, strict=True) if a != b]
    assert len(changed) == 3  # the row's cells filled; every other line of the rewritten part as it was
    assert all("normative_documents" in a and "lanshi/2023" in a for a, _ in changed)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_convert_without_settlement_copies_parts(tmp_path: Path, fmt: str, monkeypatch) -> None:
    from zhgov_parse import output

    path = _runon_records(tmp_path, "0030", "5238")  # neither reading balances: nothing settled
    batch = zhgov_parse.read_many(path)
    assert "runon_year_resolved" not in set(batch.findings["code"])
    rewritten: list[str] = []
    monkeypatch.setattr(output, "_rewrite_part", lambda *a: rewritten.append(a[1]) or 0)
    out = tmp_path / "out"
    assert main(["convert", str(path), "-o", str(out), "--format", fmt]) == 0
    assert rewritten == []  # every cells and findings part copied as it is
    for frame in _COMPARED:
        assert _converted(out, fmt, frame) == _in_memory(batch, frame), frame


def _runon_2019_template(year: int, penalty: str) -> dict[str, str]:
    """The 2019-template fixture (a 2020 report) as run-on page text of ``year``, its 行政处罚 row's
    digits (上一年项目数量, 本年增/减, 处理决定数量) replaced."""
    from runon_render import render

    text = render(FIXTURES / "qinghe_justice_2020_pipe.txt")
    assert text.count("行政处罚915") == 1  # 9 | 1 | 5, or with a blank cell lost 9 | | 15, 91 | | 5 …
    text = text.replace("行政处罚915", "行政处罚" + penalty)
    text = text.replace("2021", "20y1").replace("2019", "20y9").replace("2020", str(year))
    text = text.replace("20y1", str(year + 1)).replace("20y9", str(year - 1))
    return {"url": f"qinghe/{year}", "text": text}


@pytest.mark.parametrize(
    ("earlier", "later", "settled"),
    [
        ("915", "10 5 30", {2019: [9, 1, 5]}),  # 2020's 上一年项目数量 10 = 9 + 1 settles 2019 whole
        ("8 1 20", "915", {2020: [9, None, None]}),  # 2019's 8 + 1 settles 2020's 上一年项目数量 alone
        ("915", "915", {}),  # each year has readings the other cannot tell: nothing changes
    ],
)
def test_2019_template_items_settled_by_the_neighbouring_year(
    earlier: str, later: str, settled: dict
) -> None:
    batch = zhgov_parse.read_many([_runon_2019_template(2019, earlier), _runon_2019_template(2020, later)])
    years = batch.reports.set_index("report_id")["year"].to_dict()
    for year in (2019, 2020):
        rid = next(r for r, y in years.items() if y == year)
        cells = batch.cells[(batch.cells["report_id"] == rid) & (batch.cells["row"] == "penalty")]
        values = [None if pd.isna(v) else v for v in cells.set_index("column")["value"].astype(object)]
        codes = set(
            batch.findings.loc[
                (batch.findings["report_id"] == rid) & (batch.findings["row"] == "penalty"), "code"
            ]
        )
        if year in settled:
            assert values == settled[year]
            assert "runon_year_resolved" in codes
        else:
            assert "runon_year_resolved" not in codes


def test_convert_settles_2019_template_items_as_read_many_does(tmp_path: Path) -> None:
    path = tmp_path / "runon2019.jsonl"
    records = [_runon_2019_template(2019, "915"), _runon_2019_template(2020, "10 5 30")]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    batch = zhgov_parse.read_many(path)
    assert "runon_year_resolved" in set(batch.findings["code"])
    out = tmp_path / "out"
    assert main(["convert", str(path), "-o", str(out), "--format", "csv"]) == 0
    for frame in _COMPARED:
        assert _converted(out, "csv", frame) == _in_memory(batch, frame), frame


def test_2019_template_items_that_do_not_carry_over_are_found() -> None:
    # 2019: 行政处罚 8 | +1 | 20 (9 items at the year's end); 2020 says the year before had 10
    batch = zhgov_parse.read_many(
        [_runon_2019_template(2019, "8 1 20"), _runon_2019_template(2020, "10 5 30")]
    )
    found = batch.findings[batch.findings["code"] == "items_mismatch"]
    # (not 行政许可, the one fixture's 12-2340 in both years: 12 | -2 | 340 or 12 | - | 2340, its
    # 本年增/减 NA, so whether 12 carries over is not told)
    assert found[["row", "column", "expected", "found"]].values.tolist() == [
        ["penalty", "previous_count", "9", "10"],
    ]
    assert (found["report_id"] == batch.reports.set_index("year").loc[2020, "report_id"]).all()
