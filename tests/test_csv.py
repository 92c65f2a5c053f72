"""Tables as CSV: a scraper's ``pandas.read_html(page)`` saved with ``to_csv``, or a report's tables
exported from a spreadsheet. They are read as the same tables in pipe text are; prose with ASCII
commas stays prose."""

from __future__ import annotations

import csv
import io
import re
import warnings

import pandas as pd
import pytest

import zhgov_parse
from zhgov_parse.csv_rows import csv_as_pipes
from zhgov_parse.load import load

from conftest import FIXTURES


def _cells(report: zhgov_parse.Report) -> dict[tuple[str, str, str], object]:
    return {(c["table"], c["row"], c["column"]): c["value"] for c in report.to_dict()["cells"]}


@pytest.mark.parametrize("index", [False, True])
@pytest.mark.parametrize(
    "fixture",
    ["chenghu_finance_2021_html.html", "liaoting_culture_2023_html.html", "tianxi_water_2022_html.html"],
)
def test_pandas_read_html_saved_as_csv_reads_as_the_page(fixture: str, index: bool) -> None:
    """pandas numbers the columns of a table with no header (``0,1,2,3`` over each table) and, with
    its index, each row (``3,规章,0,0,0``); neither is a cell. Before, no cell was read."""
    page = load((FIXTURES / fixture).read_bytes()).text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = pd.read_html(io.StringIO(page))
    text = "\n".join(table.to_csv(index=index) for table in tables)
    assert _cells(zhgov_parse.parse(text)) == _cells(zhgov_parse.parse(page))


def _as_csv(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        if "|" in line and not re.fullmatch(r"\s*\|?[-:| ]+\|?\s*", line):
            buffer = io.StringIO()
            csv.writer(buffer).writerow([c.strip() for c in line.strip().strip("|").split("|")])
            lines.append(buffer.getvalue().rstrip("\r\n"))
        elif "|" not in line:
            lines.append(line)
    return "\n".join(lines)


@pytest.mark.parametrize(
    "fixture", ["heyu_ecology_2021_pipe.txt", "qinghe_data_2022_pipe.txt", "wuling_transport_2019_md.md"]
)
def test_pipe_tables_written_as_csv_read_the_same(fixture: str) -> None:
    """heyu writes its prose with ASCII commas (``2021年,我局…``): its sentences stay prose."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    written = _as_csv(text)
    assert "|" not in written and written.count(",") > 100
    got, expected = zhgov_parse.parse(written), zhgov_parse.parse(text)
    assert _cells(got) == _cells(expected)
    assert got.sections["text"].tolist() == expected.sections["text"].tolist()


def test_prose_with_commas_and_a_few_numbers_is_no_table() -> None:
    prose = "\n".join(
        [
            "2023年,我局共收到申请12件,办结11件,结转1件",
            "全年发布信息300条,其中政策文件20件,解读10篇",
            "培训2次,参训100人次,自查5次",
            "一是加强审核,二是完善制度,三是强化培训",
        ]
        * 2
    )
    assert csv_as_pipes(prose, prose.split("\n")) is None
