from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def sample_text() -> str:
    """A clean 2021-template pipe report written by the project (fixtures/)."""
    return (FIXTURES / "qinghe_data_2022_pipe.txt").read_text(encoding="utf-8")


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path
