"""Build xhscover's frozen app and installers: one recipe, three platforms (run each on its own OS).

    python packaging/build.py linux      # dist/xhscover-<v>-linux-<arch>.tar.xz + dist/xhscover_<v>_<debarch>.deb
    python packaging/build.py windows    # dist/xhscover-<v>-windows-x64-setup.exe (NSIS) + portable .zip
    python packaging/build.py macos      # dist/xhscover-<v>-macos-<arch>.dmg ("XHS Cover.app")

Steps (all targets): icons and templates rendered from packaging/icons/xhscover.svg and
xhscover/appmeta.py -> PyInstaller (packaging/xhscover.spec, onedir) -> smoke test of the frozen
app (packaging/smoke.py; a failure stops the build) -> installer -> sizes and start-up time
(packaging/measure.py, also written to dist/measurements-<target>.json).

Options: --skip-freeze (reuse build/pyinstaller/dist), --no-smoke, --no-measure, --fast-smoke.
The freeze runs in build/frozen-venv: the app's runtime dependencies + PyInstaller, and OpenCV built
from the same source release as the dev install with only the modules the app uses
(packaging/opencv_slim.py; --opencv wheel takes the PyPI wheel instead).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
FROZEN_PARENT = BUILD / "pyinstaller" / "dist"
FROZEN_VENV = BUILD / "frozen-venv"
PYINSTALLER_REQ = "pyinstaller>=6.10"
OPENCV = "opencv-python-headless"

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import icu_slim  # noqa: E402
import opencv_slim  # noqa: E402
import render_templates  # noqa: E402

from xhscover import appmeta  # noqa: E402


def log(msg: str) -> None:
    print(f"build: {msg}", flush=True)


def sh(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    log(" ".join(str(a) for a in args))
    return subprocess.run([str(a) for a in args], check=True, **kw)


# ---------------------------------------------------------------- shared steps

def runtime_requirements() -> list[str]:
    """The app's own dependencies from pyproject.toml, OpenCV aside (it is added separately)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [d for d in deps if not d.lower().replace("_", "-").startswith(OPENCV)]


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def frozen_env(opencv: str) -> Path:
    """A venv with exactly what the app runs on, plus PyInstaller; returns its interpreter.

    Freezing from the dev venv would drag in whatever else is installed there (test tools, wheels
    kept for benchmarks). OpenCV is the dev install's release, either built with only the modules
    the app uses (`slim`, packaging/opencv_slim.py) or the PyPI wheel as is (`wheel`).
    """
    version = opencv_slim.wheel_version(sys.executable)
    wanted = [*runtime_requirements(), PYINSTALLER_REQ]
    stamp_text = json.dumps({"requirements": wanted, "opencv": opencv, "version": version,
                             "slim": opencv_slim.cache_dir(version).name}, sort_keys=True)
    python = venv_python(FROZEN_VENV)
    stamp = FROZEN_VENV / "xhscover-build.json"
    if python.exists() and stamp.is_file() and stamp.read_text(encoding="utf-8") == stamp_text:
        log(f"reusing {FROZEN_VENV}")
        return python
    shutil.rmtree(FROZEN_VENV, ignore_errors=True)
    sh(sys.executable, "-m", "venv", FROZEN_VENV)
    sh(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", *wanted)
    if opencv == "wheel":
        sh(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{OPENCV}=={version}")
    else:
        opencv_slim.install(str(python), version)
    stamp.write_text(stamp_text, encoding="utf-8")
    return python


def prepare() -> None:
    """Render icons and templates (inputs of the spec) into build/."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sh(sys.executable, HERE / "icons" / "render_icons.py", BUILD / "icons", stdout=subprocess.DEVNULL)
    render_templates.render_common(BUILD / "packaging")


def freeze(opencv: str = "slim") -> Path:
    python = frozen_env(opencv)
    prepare()
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # xhscover itself comes from the checkout
    sh(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
       "--distpath", FROZEN_PARENT, "--workpath", BUILD / "pyinstaller" / "work", HERE / "xhscover.spec", env=env)
    return frozen_dir()


def frozen_dir() -> Path:
    if sys.platform == "darwin":
        return FROZEN_PARENT / f"{appmeta.DISPLAY_NAME}.app"
    return FROZEN_PARENT / appmeta.NAME


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def strip_debug_info(folder: Path) -> int:
    """`strip --strip-debug` the ELF files that still carry DWARF (libpython). Returns bytes saved.

    A blanket strip (PyInstaller's strip=True) breaks auditwheel-patched wheel libraries, so only
    files with a .debug_info section are touched, and only their debug sections are removed.
    """
    if not shutil.which("strip") or not shutil.which("readelf"):
        log("strip/readelf missing (binutils): not stripping debug info")
        return 0
    saved = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True).stdout
            if ".debug_info" in sections:
                before = path.stat().st_size
                subprocess.run(["strip", "--strip-debug", str(path)], check=True)
                saved += before - path.stat().st_size
                log(f"stripped debug info: {path.relative_to(folder)} ({before // 1024} KiB -> {path.stat().st_size // 1024} KiB)")
    return saved


def smoke(exe: Path, gui_exe: Path | None = None, fast: bool = False) -> None:
    import smoke as smoke_mod

    rep = smoke_mod.smoke(exe, gui_exe=gui_exe, fast=fast, expected_version=appmeta.VERSION)
    for note in rep.notes:
        log(f"smoke: {note}")
    if rep.problems:
        for problem in rep.problems:
            print(f"build: smoke FAILED: {problem}", file=sys.stderr)
        raise SystemExit("build: the frozen app failed its smoke test; no installer was made")
    log("smoke: OK")


def measure(target: str, folder: Path, exe: Path, artefacts: list[Path], gui_exe: Path | None = None) -> None:
    import measure as measure_mod

    result = measure_mod.measure(folder, exe, artefacts, gui_exe=gui_exe)
    measure_mod.print_table(result)
    DIST.mkdir(exist_ok=True)
    (DIST / f"measurements-{target}.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


# ---------------------------------------------------------------- Linux

DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def make_tarball(folder: Path, target: Path) -> Path:
    """Portable archive: xhscover-<v>/ with the frozen app, an icon and a .desktop file beside it."""
    top = f"{appmeta.NAME}-{appmeta.VERSION}"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mode = 0o755 if info.isdir() or info.mode & 0o111 else 0o644
        return info

    def add_all(tar: tarfile.TarFile) -> None:
        tar.add(folder, arcname=top, filter=normalise)
        tar.add(BUILD / "icons" / "xhscover-256.png", arcname=f"{top}/{appmeta.APP_ID}.png", filter=normalise)
        tar.add(BUILD / "packaging" / f"{appmeta.APP_ID}.desktop", arcname=f"{top}/{appmeta.APP_ID}.desktop",
                filter=normalise)

    # xz, not gzip: 94 MB instead of 119 MB for the same folder; every tar and archive manager reads it.
    # The xz tool compresses on all cores (Python's lzma on one: 2.5 min here).
    xz = shutil.which("xz")
    if not xz:
        with tarfile.open(target, "w:xz", preset=6) as tar:
            add_all(tar)
        return target
    with open(target, "wb") as out:
        proc = subprocess.Popen([xz, "-6", "-T0", "-c"], stdin=subprocess.PIPE, stdout=out)
        with tarfile.open(fileobj=proc.stdin, mode="w|") as tar:
            add_all(tar)
        proc.stdin.close()
        if proc.wait() != 0:
            raise SystemExit(f"build: xz failed ({proc.returncode})")
    return target


def scan_system_libraries(folder: Path) -> tuple[set[str], set[str]]:
    """Debian packages providing the shared libraries the bundle links to but does not carry.

    Returns (packages, unresolved sonames). Reads DT_NEEDED of every ELF file (like dpkg-shlibdeps),
    drops the sonames bundled in the folder, finds the rest with ldconfig and maps them with dpkg -S.
    """
    bundled = {p.name for p in folder.rglob("*") if p.is_file()}
    needed: set[str] = set()
    for path in folder.rglob("*"):
        if path.is_file() and is_elf(path):
            dyn = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True).stdout
            needed.update(line.split("[", 1)[1].split("]", 1)[0] for line in dyn.splitlines() if "(NEEDED)" in line)
    missing = sorted(needed - bundled)
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    where: dict[str, str] = {}
    for line in cache.splitlines():
        if "=>" in line and ("x86-64" in line or "AArch64" in line):
            name = line.strip().split(" ", 1)[0]
            where.setdefault(name, line.rsplit("=>", 1)[1].strip())
    packages: set[str] = set()
    unresolved: set[str] = set()
    for soname in missing:
        path = where.get(soname)
        if not path:
            unresolved.add(soname)
            continue
        real = os.path.realpath(path)
        for candidate in (path, real, real.replace("/usr/lib/", "/lib/", 1), real.replace("/lib/", "/usr/lib/", 1)):
            q = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
            if q.returncode == 0:
                packages.add(q.stdout.split(":", 1)[0].strip())
                break
        else:
            unresolved.add(soname)
    return packages, unresolved


def deb_depends(scanned: set[str]) -> str:
    static = list(appmeta.DEB_DEPENDS)
    names = {d.split(" ", 1)[0] for d in static}
    extra = sorted(p for p in scanned if p not in names)
    if extra:
        log(f"deb: adding Depends found by the library scan: {', '.join(extra)}")
    return ", ".join(static + extra)


def copy_tree_normalised(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, symlinks=True)
    for path in [dst, *dst.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(0o755 if path.is_dir() or mode & stat.S_IXUSR else 0o644)


def make_deb(folder: Path, target: Path) -> Path:
    root = BUILD / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    install_dir = root / appmeta.INSTALL_DIR_LINUX.lstrip("/")
    copy_tree_normalised(folder, install_dir)
    share = root / "usr" / "share"
    render_templates.render("launcher.sh.in", root / "usr" / "bin" / appmeta.NAME).chmod(0o755)
    for src, dst in [
        (BUILD / "packaging" / f"{appmeta.APP_ID}.desktop", share / "applications" / f"{appmeta.APP_ID}.desktop"),
        (BUILD / "packaging" / f"{appmeta.APP_ID}.metainfo.xml", share / "metainfo" / f"{appmeta.APP_ID}.metainfo.xml"),
        (BUILD / "packaging" / f"{appmeta.NAME}.xml", share / "mime" / "packages" / f"{appmeta.NAME}.xml"),
        (HERE / "icons" / "xhscover.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{appmeta.ICON}.svg"),
        *[(BUILD / "icons" / f"xhscover-{s}.png", share / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{appmeta.ICON}.png")
          for s in ICON_SIZES],
    ]:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        dst.chmod(0o644)
    doc = share / "doc" / appmeta.NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {appmeta.NAME}\nSource: {appmeta.HOMEPAGE}\n\n"
        f"Files: *\nCopyright: {appmeta.COPYRIGHT.removeprefix('Copyright (c) ')}\nLicense: {appmeta.LICENSE}\n\n"
        f"Comment: {appmeta.INSTALL_DIR_LINUX}/_internal bundles Python, Qt (LGPL-3.0), OpenCV, NumPy, Pillow,\n"
        f" ONNX Runtime under their own licenses (texts in {appmeta.INSTALL_DIR_LINUX}/_internal/licenses and\n"
        f" {appmeta.INSTALL_DIR_LINUX}/_internal/cv2/licenses); the fonts, photos, stickers and detector models\n"
        f" carry their licenses beside them in {appmeta.INSTALL_DIR_LINUX}/_internal/assets (see LICENSES.md there).\n",
        encoding="utf-8")
    for d in [root, *root.rglob("*")]:
        if d.is_dir():
            d.chmod(0o755)
    packages, unresolved = scan_system_libraries(install_dir)
    if unresolved:
        log(f"deb: WARNING: libraries neither bundled nor found on this system: {', '.join(sorted(unresolved))}")
    size_kb = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink()) // 1024 + 1
    control = root / "DEBIAN" / "control"
    render_templates.render("deb-control.in", control, DEB_ARCH=DEB_ARCH.get(platform.machine(), platform.machine()),
                            INSTALLED_SIZE_KB=str(size_kb), DEB_DEPENDS=deb_depends(packages))
    (root / "DEBIAN").chmod(0o755)
    control.chmod(0o644)
    sh("dpkg-deb", "--root-owner-group", "-Zxz", "-z6", f"--threads-max={os.cpu_count() or 1}", "--build", root, target,
       stdout=subprocess.DEVNULL)
    return target


def build_linux(args: argparse.Namespace) -> list[Path]:
    folder = frozen_dir() if args.skip_freeze else freeze(args.opencv)
    if not args.skip_freeze:
        saved = strip_debug_info(folder)
        log(f"debug info stripped: {saved / 1e6:.1f} MB")
        log(f"ICU data slimmed: {icu_slim.slim_bundle(folder) / 1e6:.1f} MB saved")
    exe = folder / appmeta.NAME
    if not args.no_smoke:
        smoke(exe, fast=args.fast_smoke)
    DIST.mkdir(exist_ok=True)
    arch = platform.machine()
    tarball = make_tarball(folder, DIST / f"{appmeta.NAME}-{appmeta.VERSION}-linux-{arch}.tar.xz")
    log(f"wrote {tarball}")
    deb = make_deb(folder, DIST / f"{appmeta.NAME}_{appmeta.VERSION}_{DEB_ARCH.get(arch, arch)}.deb")
    log(f"wrote {deb}")
    if not args.no_measure:
        measure("linux", folder, exe, [tarball, deb])
    return [tarball, deb]


# ---------------------------------------------------------------- Windows

def build_windows(args: argparse.Namespace) -> list[Path]:
    folder = frozen_dir() if args.skip_freeze else freeze(args.opencv)
    gui = folder / f"{appmeta.NAME}.exe"
    cli = folder / f"{appmeta.CLI_NAME_WINDOWS}.exe"
    if not args.no_smoke:
        smoke(cli, gui_exe=gui, fast=args.fast_smoke)
    DIST.mkdir(exist_ok=True)
    portable = Path(shutil.make_archive(str(DIST / f"{appmeta.NAME}-{appmeta.VERSION}-windows-x64-portable"), "zip",
                                        root_dir=folder.parent, base_dir=folder.name))
    setup = DIST / f"{appmeta.NAME}-{appmeta.VERSION}-windows-x64-setup.exe"
    makensis = shutil.which("makensis") or r"C:\Program Files (x86)\NSIS\makensis.exe"
    sh(makensis, "/V2", f"/DSRC_DIR={folder}", f"/DOUT_FILE={setup}", f"/DICON={BUILD / 'icons' / 'xhscover.ico'}",
       BUILD / "packaging" / "installer.nsi")
    if not args.no_measure:
        measure("windows", folder, cli, [setup, portable], gui_exe=gui)
    return [setup, portable]


# ---------------------------------------------------------------- macOS

def build_macos(args: argparse.Namespace) -> list[Path]:
    app = frozen_dir() if args.skip_freeze else freeze(args.opencv)
    exe = app / "Contents" / "MacOS" / appmeta.NAME
    if not args.no_smoke:
        smoke(exe, fast=args.fast_smoke)
    DIST.mkdir(exist_ok=True)
    stage = BUILD / "dmg"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    sh("ditto", app, stage / app.name)  # keeps the symlinks and the ad-hoc signature PyInstaller made
    (stage / "Applications").symlink_to("/Applications")
    dmg = DIST / f"{appmeta.NAME}-{appmeta.VERSION}-macos-{platform.machine()}.dmg"
    dmg.unlink(missing_ok=True)
    sh("hdiutil", "create", "-volname", f"{appmeta.DISPLAY_NAME} {appmeta.VERSION}", "-srcfolder", stage,
       "-fs", "HFS+", "-format", "UDZO", "-ov", dmg)
    if not args.no_measure:
        measure("macos", app, exe, [dmg])
    return [dmg]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("target", choices=["linux", "windows", "macos", "freeze"])
    p.add_argument("--skip-freeze", action="store_true", help="reuse build/pyinstaller/dist")
    p.add_argument("--no-smoke", action="store_true")
    p.add_argument("--fast-smoke", action="store_true", help="smoke test with `demo --fast`")
    p.add_argument("--no-measure", action="store_true")
    p.add_argument("--opencv", choices=["slim", "wheel"], default="slim",
                   help="slim: OpenCV built with only the modules the app uses (default); wheel: the PyPI wheel")
    args = p.parse_args(argv)
    if args.target == "freeze":
        log(f"frozen app: {freeze(args.opencv)}")
        return 0
    artefacts = {"linux": build_linux, "windows": build_windows, "macos": build_macos}[args.target](args)
    for path in artefacts:
        log(f"artefact: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
