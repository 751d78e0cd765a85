"""The command line as a newsroom script drives it, wrongly: an output named after the
desk itself, standard streams closed, bytes that are not UTF-8 on stdin. One line on
stderr, a non-zero exit, the desk byte-for-byte as it was; never a traceback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reports.casework import build_case
from tests.test_cli_errors import digest, one_line_error, run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    case = build_case(tmp_path_factory.mktemp("hostile"))
    path = case.workbench.db.path
    case.close()
    yield path


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "desk" / built.name
    copy.parent.mkdir()
    shutil.copy2(built, copy)
    return copy


@pytest.mark.parametrize("suffix", ["", "-wal"])
@pytest.mark.parametrize(
    "command",
    [("export", "--format", "md"), ("export", "--format", "csv"), ("bundle", "export")],
)
def test_an_output_named_after_the_desk_is_refused_and_the_desk_stays(
    db: Path, tmp_path: Path, command: tuple[str, ...], suffix: str
) -> None:
    """`-o` naming the database (a slip of tab completion) wrote the report over the
    desk: every article, claim and verdict gone, with exit 0 and a cheerful summary."""
    before = digest(db)
    output = Path(f"{db}{suffix}")
    for shown in (str(output), str(tmp_path / "desk" / ".." / "desk" / output.name)):
        err = one_line_error(
            run(*command, "--db", str(db), "--data-dir", str(tmp_path / "data"), "-o", shown),
            "desk",
        )
        assert "-o" in err
        assert digest(db) == before
        assert sorted(p.name for p in db.parent.iterdir()) == [db.name]
