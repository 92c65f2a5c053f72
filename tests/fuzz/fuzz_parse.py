"""Coverage-guided fuzzing of ``zhgov_parse.parse`` with atheris (libFuzzer).

Each input is parsed twice: as bytes, and as ``str`` (the bytes decoded as UTF-8 with
``surrogateescape``, so invalid bytes become lone surrogates).  ``parse`` must return a Report or
raise ParseError; an :class:`InternalError` (a bug the parser caught) or any other exception is a
crash.  An empty corpus directory given on the command line is first filled with the fixture
reports (and their run-on renderings), so the corpus is never stored in git.  See README.md here.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
# zhgov_parse and InternalError are imported by main(), under atheris' instrumentation; atheris is
# not a test dependency, so importing this module (pytest's doctest collection does) needs none.
zhgov_parse: Any = None
InternalError: Any = None


def seed_files() -> list[Path]:
    """The fixture reports: every *.txt, *.md, *.html in fixtures/ but README.md."""
    return sorted(
        p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )


def fill_corpus(directory: Path) -> None:
    """Copy the fixture reports (and each as run-on page text) into an empty corpus directory."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return
    from runon_render import render

    for p in seed_files():
        (directory / p.name).write_bytes(p.read_bytes())
        (directory / (p.stem + ".runon.txt")).write_text(render(p), encoding="utf-8")


def check(content: str | bytes) -> None:
    try:
        zhgov_parse.parse(content).finding_list  # noqa: B018  (the narrative is analysed lazily)
    except InternalError:
        raise  # a bug: the parser hit an unexpected exception (its cause is chained)
    except zhgov_parse.ParseError:
        pass


#: With ZHGOV_FUZZ_CRASH_DIR set, a crash is written there (input + traceback, one file per distinct
#: place it was raised) and fuzzing goes on; without it the first crash stops the run (libFuzzer's way).
CRASH_DIR = os.environ.get("ZHGOV_FUZZ_CRASH_DIR")
_seen: set[str] = set()


def _record(data: bytes, as_str: bool, exc: BaseException) -> None:
    assert CRASH_DIR is not None
    root = exc.__cause__ or exc
    frames = traceback.extract_tb(root.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    signature = f"{type(root).__name__} at {where}"
    if signature in _seen:
        return
    _seen.add(signature)
    name = hashlib.sha1(signature.encode()).hexdigest()[:12]
    out = Path(CRASH_DIR)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"crash-{name}.bin").write_bytes(data)
    text = "".join(traceback.format_exception(exc))
    (out / f"crash-{name}.txt").write_text(f"{signature}\nas str: {as_str}\n\n{text}", encoding="utf-8")
    print(f"CRASH {signature} -> {out / f'crash-{name}.bin'}", file=sys.stderr, flush=True)


def TestOneInput(data: bytes) -> None:  # the name atheris documents
    """``data`` as bytes, then as str (invalid UTF-8 becomes lone surrogates)."""
    for as_str, content in ((False, data), (True, data.decode("utf-8", "surrogateescape"))):
        try:
            check(content)
        except Exception as exc:
            if CRASH_DIR is None:
                raise
            _record(data, as_str, exc)


def main() -> None:
    global zhgov_parse, InternalError
    import atheris

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    with atheris.instrument_imports(include=["zhgov_parse"]):
        import zhgov_parse as package
        from zhgov_parse.parser import InternalError as internal
    zhgov_parse, InternalError = package, internal
    for arg in sys.argv[1:]:
        if not arg.startswith("-") and not Path(arg).is_file():  # a file argument: replay it
            fill_corpus(Path(arg))
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
