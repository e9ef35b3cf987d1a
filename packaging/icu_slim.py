"""Shrink the ICU data library that PySide6's Qt carries on Linux (32 MB) to what the app can use.

Why: Qt Core links ICU, and libicudata.so.<N> holds all of ICU's data: 880 locales, 190 legacy
charset converters, break dictionaries for Thai, Lao, Khmer, Burmese and CJK word segmentation,
transliterators. Qt keeps its own locale data (QLocale) and its own text boundary rules; it calls
ICU for collation (QCollator: the file dialog sorts names with it), case mapping and the odd
codec. xhscover's UI is Chinese or English. So the data library is repacked with the Chinese,
English and root locales, collation included, and without converters (.cnv), break dictionaries
(.dict) and transliterators: 32 MB -> about 4 MB. ICU falls back to root data for anything else,
never fails hard. Chromium and Electron ship filtered ICU data the same way.

Tools: `icupkg` and `genccode` from Debian's icu-devtools (the .dat container format is stable
across ICU versions), a C compiler. Missing tools -> the library is left as it is, with a note.

    python packaging/icu_slim.py FROZEN_DIR       # rewrites <FROZEN_DIR>/_internal/PySide6/Qt/lib/libicudata.so.*
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP_LOCALES = ("root", "en", "zh")
"""Locales whose data stays (with every regional variant: en_US, zh_Hans_CN, zh_Hant_TW...)."""
KEEP_ALWAYS = ("res_index", "pool")
"""Per-tree indexes and shared string pools (res_index would otherwise look like a locale id)."""
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
DROP_DIRS = ("translit",)
DROP_SUFFIXES = (".cnv", ".dict")


def log(msg: str) -> None:
    print(f"icu-slim: {msg}", flush=True)


def keep_item(name: str) -> bool:
    """Whether an item of the ICU package (e.g. `coll/zh.res`, `ibm-943_P15A-2003.cnv`) stays."""
    parts = name.split("/")
    if parts[0] in DROP_DIRS or name.endswith(DROP_SUFFIXES):
        return False
    stem, _, ext = parts[-1].rpartition(".")
    if ext != "res" or stem in KEEP_ALWAYS or not LOCALE_ID.match(stem):
        return True  # properties, normalisation, stringprep, pools, indexes, supplemental data
    return stem.split("_")[0] in KEEP_LOCALES


def data_symbol(lib: Path) -> tuple[str, int, int]:
    """(symbol, file offset, size) of the one data blob `icudtNN_dat` the library exports."""
    syms = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], capture_output=True, text=True, check=True).stdout
    found = [line.split() for line in syms.splitlines() if re.search(r"\bicudt\d+_dat\b", line)]
    if len(found) != 1:
        raise ValueError(f"expected one icudtNN_dat symbol in {lib.name}")
    value, size, name = int(found[0][1], 16), int(found[0][2], 0), found[0][7]
    sections = subprocess.run(["readelf", "-W", "-S", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            addr, off, length = (int(m.group(i), 16) for i in (2, 3, 4))
            if addr <= value < addr + length:
                return name, off + value - addr, size
    raise ValueError(f"no section holds {name} in {lib.name}")


def slim(lib: Path) -> tuple[int, int]:
    """Rewrite `lib` in place; returns (bytes before, bytes after)."""
    before = lib.stat().st_size
    symbol, offset, size = data_symbol(lib)
    entry = symbol.removesuffix("_dat") + "l"  # icudt73l: the package name, little-endian
    with tempfile.TemporaryDirectory(prefix="icu-slim-") as tmp:
        work = Path(tmp)
        with open(lib, "rb") as fh:
            fh.seek(offset)
            (work / f"{entry}.dat").write_bytes(fh.read(size))
        items = subprocess.run(["icupkg", "-l", f"{entry}.dat"], cwd=work, capture_output=True, text=True,
                               check=True).stdout.split()
        drop = [i for i in items if not keep_item(i)]
        (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        subprocess.run(["icupkg", "--ignore-deps", "-r", "drop.txt", f"{entry}.dat"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        # genccode writes an assembler file defining <symbol> with the data, aligned as ICU expects.
        subprocess.run(["genccode", "-a", "gcc", "-e", symbol.removesuffix("_dat"), "-d", str(work),
                        f"{entry}.dat"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        asm = next(work.glob("*.S"))
        out = work / lib.name
        subprocess.run(["cc", "-shared", "-nostdlib", f"-Wl,-soname,{lib.name}", "-o", str(out), str(asm)],
                       check=True)
        check_symbol, _o, new_size = data_symbol(out)
        if check_symbol != symbol:
            raise ValueError(f"rebuilt library exports {check_symbol}, not {symbol}")
        log(f"{lib.name}: kept {len(items) - len(drop)} of {len(items)} items, data {size / 1e6:.1f} -> "
            f"{new_size / 1e6:.1f} MB")
        shutil.copyfile(out, lib)
    return before, lib.stat().st_size


def slim_bundle(folder: Path) -> int:
    """Slim every libicudata.so.* in a frozen app folder; returns bytes saved (0 when skipped)."""
    libs = sorted(p for p in folder.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink())
    if not libs:
        return 0
    missing = [t for t in ("icupkg", "genccode", "cc", "readelf") if not shutil.which(t)]
    if missing:
        log(f"not slimming ICU data: {', '.join(missing)} not found (Debian: icu-devtools, gcc, binutils)")
        return 0
    saved = 0
    for lib in libs:
        before, after = slim(lib)
        saved += before - after
    return saved


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", type=Path)
    args = p.parse_args(argv)
    log(f"saved {slim_bundle(args.folder) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
