"""The ICU data slimming of the Linux bundle: Chinese collation and line breaking still work."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import icu_slim  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PySide6 carries ICU on Linux only")


def qt_lib_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt" / "lib"


def test_keep_item():
    keep = ["coll/zh.res", "coll/zh_Hans_CN.res", "coll/root.res", "en_GB.res", "zh_Hant_TW.res", "ucadata.icu",
            "coll/ucadata.icu", "pool.res", "coll/pool.res", "res_index.res", "supplementalData.res",
            "zoneinfo64.res", "brkitr/line.brk", "brkitr/root.res", "nfkc.nrm", "uts46.nrm", "rfc3491.spp",
            "cnvalias.icu", "unames.icu", "metaZones.res", "icuver.res"]
    drop = ["coll/de.res", "fr_CA.res", "translit/root.res", "ibm-943_P15A-2003.cnv", "brkitr/cjdict.dict",
            "curr/ja.res", "yue.res", "lang/ko.res"]
    assert all(icu_slim.keep_item(i) for i in keep), [i for i in keep if not icu_slim.keep_item(i)]
    assert not any(icu_slim.keep_item(i) for i in drop), [i for i in drop if icu_slim.keep_item(i)]


CHECK = textwrap.dedent("""
    import ctypes, functools, sys
    d, ver = sys.argv[1], sys.argv[2]
    for name in ("icudata", "icuuc", "icui18n"):
        ctypes.CDLL(f"{d}/lib{name}.so.{ver}", mode=ctypes.RTLD_GLOBAL)
    uc, i18n = ctypes.CDLL(f"{d}/libicuuc.so.{ver}"), ctypes.CDLL(f"{d}/libicui18n.so.{ver}")
    fn = lambda lib, name: getattr(lib, f"{name}_{ver}")
    status = ctypes.c_int(0)
    ucol_open = fn(i18n, "ucol_open"); ucol_open.restype = ctypes.c_void_p
    coll = ucol_open(b"zh_CN", ctypes.byref(status))
    assert status.value <= 0, status.value  # 0 or a fallback warning, never an error
    strcoll = fn(i18n, "ucol_strcoll")
    strcoll.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    u16 = lambda s: s.encode("utf-16-le")
    cmp = lambda a, b: strcoll(coll, u16(a), len(a), u16(b), len(b))
    print("".join(sorted("中张爱北阿", key=functools.cmp_to_key(cmp))))
    status = ctypes.c_int(0)
    ubrk_open = fn(uc, "ubrk_open"); ubrk_open.restype = ctypes.c_void_p
    assert ubrk_open(2, b"zh_CN", None, 0, ctypes.byref(status)) and status.value <= 0, status.value
    status = ctypes.c_int(0)
    ucol_open(b"de_DE", ctypes.byref(status))  # a dropped locale falls back to root: a warning, not an error
    assert status.value <= 0, status.value
    """)


@pytest.mark.skipif(not shutil.which("icupkg") or not shutil.which("genccode"), reason="needs icu-devtools")
def test_slimmed_library_sorts_chinese_by_pinyin(tmp_path):
    src = qt_lib_dir()
    libs = sorted(src.glob("libicudata.so.*"))
    if not libs:
        pytest.skip("this PySide6 has no bundled ICU")
    ver = libs[0].name.rsplit(".", 1)[1]
    for name in ("icudata", "icuuc", "icui18n"):
        shutil.copyfile(src / f"lib{name}.so.{ver}", tmp_path / f"lib{name}.so.{ver}")
    before, after = icu_slim.slim(tmp_path / f"libicudata.so.{ver}")
    assert after < before / 4, (before, after)
    out = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path), ver], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "阿爱北张中"
