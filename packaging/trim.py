"""Trims a PyInstaller analysis: unused data files out, debug info out of large Linux libraries."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (name in bundle, source file, type)

#: Smaller files are not worth a strip run.
STRIP_MIN_BYTES = 16 * 1024
#: Never touched: numpy's OpenBLAS stops working when stripped (seen with --strip).
NO_STRIP = ("numpy.libs/", "openblas")
#: Babel is here only for courlan's URL language filter; English and the root locale do.
BABEL_KEEP = {"root.dat", "en.dat"}
#: Qt's translations of its own dialogs for the languages ClaimDesk is translated into.
QT_TRANSLATIONS_KEPT = {"qtbase_es.qm"}


def _unused(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    parts = path.parts
    # Qt's own strings (standard buttons, file dialogs) only in the window's languages.
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return path.name not in QT_TRANSLATIONS_KEPT
    return parts[:2] == ("babel", "locale-data") and path.name not in BABEL_KEEP


#: A locale's resource bundle (de.res, pt_BR.res); CLDR supplemental data is camelCase.
_LOCALE_BUNDLE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
_ICU_TOOLS = ("icupkg", "genccode", "ld")


def _icu_item_kept(item: str) -> bool:
    """Whether an item of ICU's data package stays: core data, root and English locales."""
    parts = item.split("/")
    name = parts[-1]
    # Legacy codepage converters (Qt decodes UTF-8/16/32 and Latin-1 itself) and the
    # Thai/CJK word dictionaries (Qt breaks lines with its own tables).
    if name.endswith((".cnv", ".dict")):
        return False
    if not name.endswith(".res") or name in {"root.res", "pool.res", "res_index.res"}:
        return True
    if name == "en.res" or name.startswith("en_"):
        return True
    return len(parts) == 1 and not _LOCALE_BUNDLE.match(name)


def trimmed_icu_data(library: Path, workdir: Path) -> Path | None:
    """A copy of libicudataNN.so holding only root and English locale data (~5 MB, not 31).

    Qt reads ICU only for collation, locale-specific case mapping, IDNA and time-zone
    names; missing locales fall back to root. Needs icupkg/genccode (icu-devtools) and
    ld (binutils); returns None, keeping the full library, when they are missing.
    """
    if not sys.platform.startswith("linux") or not all(shutil.which(t) for t in _ICU_TOOLS):
        print("claimdesk: icu-devtools or binutils missing; ICU data is not trimmed")
        return None
    match = re.match(r"libicudata\.so\.(\d+)", library.name)
    if match is None:
        return None
    version = match.group(1)
    out = workdir / "icu"
    target = out / library.name
    if target.exists() and target.stat().st_mtime >= library.stat().st_mtime:
        return target
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    symbol = f"icudt{version}_dat"
    raw = library.read_bytes()
    start, size = _elf_symbol(library, symbol)
    package = out / f"icudt{version}l.dat"
    package.write_bytes(raw[start : start + size])
    listing = subprocess.run(
        ["icupkg", "-l", str(package)], check=True, capture_output=True, text=True
    ).stdout.split()
    removed = out / "remove.txt"
    removed.write_text("\n".join(i for i in listing if not _icu_item_kept(i)) + "\n")
    small = out / "small" / package.name
    small.parent.mkdir()
    subprocess.run(
        ["icupkg", "--ignore-deps", "-r", str(removed), str(package), str(small)],
        check=True,
        capture_output=True,
    )
    uc = library.with_name(f"libicuuc.so.{version}")
    subprocess.run(
        [
            "genccode",
            "-q",
            "-o",
            "-m",
            str(uc),
            "-e",
            f"icudt{version}",
            "-d",
            str(out),
            str(small),
        ],
        check=True,
    )
    subprocess.run(
        [
            "ld",
            "-shared",
            "-soname",
            library.name,
            "-o",
            str(target),
            str(out / f"icudt{version}l_dat.o"),
        ],
        check=True,
    )
    return target


def _elf_symbol(library: Path, symbol: str) -> tuple[int, int]:
    """(file offset, size) of a data symbol in a shared library, via binutils."""
    symbols = subprocess.run(
        ["nm", "-D", "-S", str(library)], check=True, capture_output=True, text=True
    ).stdout
    address = size = None
    for line in symbols.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[3] == symbol:
            address, size = int(fields[0], 16), int(fields[1], 16)
    if address is None or size is None:
        raise SystemExit(f"{library} has no symbol {symbol}")
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], check=True, capture_output=True, text=True
    ).stdout
    for line in sections.splitlines():
        fields = line.replace("[ ", "[").split()
        if len(fields) > 5 and fields[1].startswith(".") and fields[2] == "PROGBITS":
            sec_addr, sec_off, sec_size = (int(f, 16) for f in fields[3:6])
            if sec_addr <= address < sec_addr + sec_size:
                return sec_off + address - sec_addr, size
    raise SystemExit(f"cannot find {symbol} of {library} in its sections")


def use_trimmed_icu(binaries: list[Entry], workdir: Path) -> list[Entry]:
    result = []
    for name, source, kind in binaries:
        used = source
        if PurePosixPath(name.replace("\\", "/")).name.startswith("libicudata.so."):
            trimmed = trimmed_icu_data(Path(source), workdir)
            if trimmed is not None:
                print(f"claimdesk: ICU data trimmed to {trimmed.stat().st_size / 1e6:.1f} MB")
                used = str(trimmed)
        result.append((name, used, kind))
    return result


#: Libraries every Linux desktop has and the .deb depends on. The C++ runtime must be the
#: system's: Mesa's GL drivers need one at least as new as themselves. D-Bus drags in
#: libsystemd and its compression and crypto libraries.
SYSTEM_LIBRARIES = {
    "libstdc++.so.6",
    "libgcc_s.so.1",
    "libdbus-1.so.3",
    "libsystemd.so.0",
    "libgcrypt.so.20",
    "libgpg-error.so.0",
    "liblz4.so.1",
    "libcap.so.2",
}


def drop_system_libraries(binaries: list[Entry]) -> list[Entry]:
    if not sys.platform.startswith("linux"):
        return binaries
    return [entry for entry in binaries if entry[0] not in SYSTEM_LIBRARIES]


def drop_unused_data(datas: list[Entry]) -> list[Entry]:
    return [entry for entry in datas if not _unused(entry[0])]


def strip_debug_info(binaries: list[Entry], workdir: Path) -> list[Entry]:
    """Copies of large libraries stripped as Debian strips shared libraries (Linux only).

    `--strip-unneeded` keeps every symbol that dynamic linking needs; only numpy's
    bundled libraries are left as they are.
    """
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return binaries
    result: list[Entry] = []
    saved = 0
    for name, source, kind in binaries:
        src = Path(source)
        posix = name.replace("\\", "/")
        if src.stat().st_size < STRIP_MIN_BYTES or any(s in posix for s in NO_STRIP):
            result.append((name, source, kind))
            continue
        target = workdir / posix
        if not target.exists() or target.stat().st_mtime < src.stat().st_mtime:
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([strip, "--strip-unneeded", "-o", str(target), str(src)], check=True)
        if target.stat().st_size < src.stat().st_size:
            saved += src.stat().st_size - target.stat().st_size
            result.append((name, str(target), kind))
        else:
            result.append((name, source, kind))
    print(f"claimdesk: stripping saved {saved / 1e6:.0f} MB")
    return result
