from __future__ import annotations

import json

from zhgov_parse.cli import main

from conftest import FIXTURES


def test_show_prints_tables_in_chinese_and_findings(capsys) -> None:
    assert main(["show", str(FIXTURES / "weitang_hrss_2024_pipe.txt")]) == 0
    out = capsys.readouterr().out
    assert "三、收到和处理政府信息公开申请情况" in out
    assert "（七）总计" in out
    assert "identity_broken" in out
    assert "template: 2021" in out


def test_show_json(capsys) -> None:
    assert main(["show", "--json", str(FIXTURES / "qinghe_data_2022_pipe.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["meta"]["agency"] == "青禾市数据资源局"
    cell = next(
        c
        for c in data["cells"]
        if (c["table"], c["row"], c["column"]) == ("application_handling", "new_received", "total")
    )
    assert cell["value"] == 140


def test_show_bad_file_exits_1(tmp_path, capsys) -> None:
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.5 ...")
    assert main(["show", str(bad)]) == 1
    assert "PDF" in capsys.readouterr().err


def test_bad_numbers_are_usage_errors(tmp_path) -> None:
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["convert", str(FIXTURES), "-o", str(tmp_path / "o"), "--chunk-size", "0"])
    assert info.value.code == 2


def test_show_json_into_a_closed_pipe() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    cmd = [sys.executable, "-m", "zhgov_parse", "show", "--json", str(FIXTURES / "qinghe_data_2022_pipe.txt")]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and "Traceback" not in err


def test_show_names_a_file_whose_name_is_not_utf8(tmp_path) -> None:
    """A file name with a byte that is not UTF-8 prints escaped (``\\udcff``): on a terminal that
    takes UTF-8 only, printing it as Python holds it raised an internal error."""
    import os
    import subprocess
    import sys

    import pytest

    from conftest import ROOT

    try:
        odd = tmp_path / os.fsdecode(b"bad\xffname.txt")
        odd.write_bytes((FIXTURES / "qinghe_data_2022_pipe.txt").read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("the file system takes UTF-8 names only")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    for flags in (["--json"], []):
        cmd = [sys.executable, "-m", "zhgov_parse", "show", *flags, str(odd), str(odd) + "-missing"]
        proc = subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env)
        out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
        assert proc.returncode == 1 and "Traceback" not in err
        assert "bad\\udcffname.txt-missing: FileNotFoundError" in err
        assert ('"file": "' if flags else "==> ") + str(tmp_path) in out
        assert "bad\\\\udcffname.txt" in out if flags else "bad\\udcffname.txt <==" in out
