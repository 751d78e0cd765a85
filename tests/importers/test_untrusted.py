"""Untrusted single files: links, pipes, sockets and devices give one plain refusal."""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from pathlib import Path

import pytest

from claimdesk.errors import ImportRefused
from claimdesk.importers import read_article
from tests.importers.doc_builders import write

needs_links = pytest.mark.skipif(os.name == "nt", reason="POSIX links")


def refused_within(path: Path, seconds: float = 20.0) -> ImportRefused:
    """The refusal for `path`, failing (not hanging) if reading blocks."""
    outcome: list[BaseException | object] = []

    def run() -> None:
        try:
            outcome.append(read_article(path))
        except BaseException as exc:  # handed to the test thread below
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"reading {path.name} blocked for {seconds} s"
    refusal = outcome[0]
    assert isinstance(refusal, ImportRefused), refusal
    assert "\n" not in str(refusal)
    return refusal


@needs_links
def test_a_link_to_an_article_the_user_chose_is_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = write(tmp_path / "real" / "story.txt", "Unemployment fell to 4% in May.")
    link = tmp_path / "link.txt"
    link.symlink_to(target)

    document = read_article(link)

    assert document.text == "Unemployment fell to 4% in May."
    assert document.file_name == "link.txt"


@needs_links
def test_a_link_named_like_an_article_to_another_kind_of_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "home" / ".ssh").mkdir(parents=True)
    secret = write(tmp_path / "home" / ".ssh" / "id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----")
    link = tmp_path / "download" / "article.txt"
    link.parent.mkdir()
    link.symlink_to(secret)

    reason = refused_within(link).reason

    assert reason == (
        "it is a link to id_ed25519, which is not an article file; "
        "ClaimDesk follows links only to article files"
    )


@needs_links
def test_a_link_to_etc_shadow_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "leak.txt"
    link.symlink_to("/etc/shadow")

    assert "link to shadow, which is not an article file" in refused_within(link).reason


@needs_links
def test_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")

    assert refused_within(link).reason == "it is a link to a file that does not exist"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_link_to_a_named_pipe_neither_hangs_nor_imports(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    link = tmp_path / "article.txt"
    link.symlink_to(tmp_path / "pipe.txt")

    assert "not a regular file" in refused_within(link).reason
    assert "not a regular file" in refused_within(tmp_path / "pipe.txt").reason


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "endless.txt"
    link.symlink_to("/dev/zero")

    assert "not a regular file" in refused_within(link).reason


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_is_refused() -> None:
    # A socket address is limited to about 100 bytes: pytest's tmp_path is often longer.
    with tempfile.TemporaryDirectory(dir="/tmp" if Path("/tmp").is_dir() else None) as folder:
        path = Path(folder) / "s.txt"
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
            assert "not a regular file" in refused_within(path).reason
        finally:
            server.close()
