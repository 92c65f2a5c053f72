"""The docs cover what the package has."""

from __future__ import annotations

from zhgov_parse import schema
from zhgov_parse.findings import CATALOGUE

from conftest import ROOT


def test_every_finding_code_is_documented() -> None:
    text = (ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    for code, (severity, _) in CATALOGUE.items():
        assert f"| `{code}` | {severity} |" in text, code


def test_schema_page_lists_every_code() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for cell in schema.CELLS:
        for code in (cell.row, cell.column):
            if code != "*":
                assert f"`{code}`" in text, code


def test_embedded_schema_matches_shared_contract() -> None:
    from conftest import shared_path

    shared = shared_path("schema", "cells.csv").read_text(encoding="utf-8")
    embedded = (ROOT / "zhgov_parse" / "data" / "cells.csv").read_text(encoding="utf-8")
    assert embedded == shared


def test_every_public_name_is_documented() -> None:
    import zhgov_parse

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in zhgov_parse.__all__:
        assert f"`{name}" in text, name
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        if page.name != "index.md":
            assert page.name in index, page.name


def test_the_architecture_page_names_every_module() -> None:
    """docs/architecture.md says what each module does: a module it does not name is one a reader of
    the code would not find there."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "zhgov_parse"
    for path in sorted(package.rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        name = path.relative_to(package).as_posix()
        assert f"`{name}`" in text, name
