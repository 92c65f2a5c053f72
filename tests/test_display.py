"""Notebook views: a report as the official template, a batch summary, plots, rendering in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import zhgov_parse

from conftest import FIXTURES


@pytest.fixture(scope="module")
def broken() -> zhgov_parse.Report:
    return zhgov_parse.read(FIXTURES / "weitang_hrss_2024_pipe.txt")  # two identities broken on purpose


def test_report_html_lays_out_the_template(broken: zhgov_parse.Report) -> None:
    html = broken._repr_html_()
    for title in (
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ):
        assert title in html
    assert "（七）总计" in html and "<code>total</code>" in html  # Chinese labels beside the codes
    assert re.search(r"<td class='num'>1,540</td>", html)  # numbers right-aligned, grouped
    assert "Findings (5)" in html


def test_na_is_visibly_distinct_from_zero() -> None:
    html = zhgov_parse.read(FIXTURES / "qinghe_data_2022_pipe.txt")._repr_html_()
    assert "class='info na'" in html or "class='na'" in html  # 规章 written /
    assert "<td class='num'>0</td>" in html


def test_cells_of_broken_identities_are_highlighted(broken: zhgov_parse.Report) -> None:
    html = broken._repr_html_()
    marked = re.findall(r"<td class='error num' title='([^']*)'>([^<]*)</td>", html)
    assert ("287" in [v for _, v in marked]) and all("identity_broken" in t for t, _ in marked)


def test_repr_is_short(broken: zhgov_parse.Report) -> None:
    text = repr(broken)
    assert text.startswith("<Report 苇塘县人力资源和社会保障局 2024 template=2021 script=simplified")
    assert text.endswith("format=pipe cells=197/200 findings=5>")


def test_batch_summary_and_plots() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    batch = zhgov_parse.read_many([*sorted(FIXTURES.glob("*_pipe.txt")), FIXTURES / "README.md"])
    html = batch._repr_html_()
    assert "5 reports, 1 failed" in html and "NoReportContent" in html and "missing_value" in html
    ax = batch.plot.outcomes()
    assert len(ax.patches) == 6 * len(set(batch.reports["year"]))  # one bar segment an outcome a year
    assert ax.get_legend().get_texts()[0].get_text() == "granted"
    ax = batch.plot.findings()
    assert len(ax.patches) == batch.findings["code"].nunique()


def test_renders_in_headless_chromium(tmp_path, broken: zhgov_parse.Report) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (CI installs it)")
    page = tmp_path / "report.html"
    page.write_text(
        f"<html><meta charset='utf-8'><body>{broken._repr_html_()}</body></html>", encoding="utf-8"
    )
    shot = tmp_path / "shot.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ]
    subprocess.run(
        [chromium, *flags, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
         "--window-size=1200,1600", page.as_uri()],
        check=False, capture_output=True, timeout=120,
    )  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 20_000  # a page with the tables drawn, not a blank
    dom = subprocess.run(
        [chromium, *flags, f"--user-data-dir={tmp_path / 'profile2'}", "--dump-dom", page.as_uri()],
        check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "三、收到和处理政府信息公开申请情况" in dom.stdout


def test_conversion_report(tmp_path) -> None:
    from zhgov_parse.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("weitang_hrss_2024_pipe.txt", "qinghe_data_2022_pipe.txt"):
        (inputs / name).write_bytes((FIXTURES / name).read_bytes())
    (inputs / "scan.pdf").write_bytes(b"%PDF-1.5")
    page = tmp_path / "report.html"
    assert main(["convert", str(inputs), "-o", str(tmp_path / "out"), "--report", str(page)]) == 1
    html = page.read_text(encoding="utf-8")
    assert (
        "<td class='num'>3</td><td class='num'>2</td><td class='num'>1</td>" in html
    )  # inputs, parsed, failed
    assert "BinaryInput" in html and "scan.pdf" in html
    assert "Identity breaks: 2" in html and "identity_broken" in html
    if __import__("importlib").util.find_spec("matplotlib"):
        assert html.count("data:image/png;base64,") == 2  # self-contained: plots inline
