"""Build the OpenCV the frozen app ships: the same release as the dev wheel, only the parts xhscover uses.

Why: the opencv-python-headless wheel is 154 MB installed (every module, FFmpeg, its own OpenBLAS),
a third of the whole app. xhscover calls only core and imgproc (resize, blur, colour, Sobel, Canny,
connected components, colour maps); detectors run on onnxruntime and files go through Pillow. The
same source release built with BUILD_LIST=core,imgproc,python3 is one 14 MB extension with no
third-party libraries, and gives the same saliency maps as the wheel (max difference ~1e-6 of the
peak, checked by tests/packaging/test_frozen.py against the dev install).

    python packaging/opencv_slim.py --python build/frozen-venv/bin/python   # build (or reuse) + install

The source is the wheel's own sdist from PyPI (checked against its sha256). Results are cached in
~/.cache/xhscover-build/opencv-<version>-<flags hash>/, so only the first build pays (~7-9 min on
2 cores). Needs cmake and a C++ compiler (ninja if present); Linux and macOS. Windows would need
the same cmake call with MSVC (not done: see docs/install.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import urllib.request
from pathlib import Path

PACKAGE = "opencv-python-headless"
MODULES = "core,imgproc,python3,python_bindings_generator"
OFF = ["IPP", "FFMPEG", "GSTREAMER", "V4L", "GTK", "QT", "OPENCL", "LAPACK", "EIGEN", "OPENEXR", "ITT",
       "PROTOBUF", "TBB", "VA", "VA_INTEL", "1394", "OBSENSOR", "ADE", "JPEG", "PNG", "TIFF", "WEBP",
       "OPENJPEG", "JASPER", "AVIF", "SPNG", "OPENVINO", "KLEIDICV", "FASTCV", "UNIFONT"]
FLAGS = [
    "-DCMAKE_BUILD_TYPE=Release", f"-DBUILD_LIST={MODULES}",
    "-DBUILD_SHARED_LIBS=OFF", "-DBUILD_TESTS=OFF", "-DBUILD_PERF_TESTS=OFF", "-DBUILD_EXAMPLES=OFF",
    "-DBUILD_DOCS=OFF", "-DBUILD_opencv_apps=OFF", "-DBUILD_JAVA=OFF", "-DBUILD_opencv_python3=ON",
    "-DPYTHON3_LIMITED_API=ON", "-DOPENCV_PYTHON3_INSTALL_PATH=python",
    *[f"-DWITH_{name}=OFF" for name in OFF],
]
if platform.machine().lower() in ("x86_64", "amd64"):
    FLAGS.append("-DCPU_DISPATCH=AVX2")  # the SIMD paths that matter; the wheel also builds AVX-512 etc.
CACHE = Path(os.environ.get("XHSCOVER_BUILD_CACHE", Path.home() / ".cache" / "xhscover-build"))


def log(msg: str) -> None:
    print(f"opencv-slim: {msg}", flush=True)


def wheel_version(python: str) -> str:
    """The opencv-python-headless version installed for `python` (the dev install's, by default)."""
    out = subprocess.run([python, "-c", f"import importlib.metadata as m; print(m.version('{PACKAGE}'))"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"opencv-slim: {PACKAGE} is not installed for {python}; its version picks the source")
    return out.stdout.strip()


def sdist_url(version: str) -> tuple[str, str]:
    """(url, sha256) of the release's sdist, from PyPI's JSON simple index."""
    req = urllib.request.Request(f"https://pypi.org/simple/{PACKAGE}/",
                                 headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        files = json.load(resp)["files"]
    name = f"{PACKAGE.replace('-', '_')}-{version}.tar.gz"
    for f in files:
        if f["filename"] == name:
            return f["url"], f["hashes"]["sha256"]
    raise SystemExit(f"opencv-slim: no sdist {name} on PyPI")


def fetch_source(version: str, work: Path) -> Path:
    archive = CACHE / f"{PACKAGE}-{version}.tar.gz"
    if not archive.is_file():
        url, sha = sdist_url(version)
        log(f"downloading {url}")
        CACHE.mkdir(parents=True, exist_ok=True)
        part = archive.with_suffix(".part")
        with urllib.request.urlopen(url, timeout=600) as resp, open(part, "wb") as out:
            shutil.copyfileobj(resp, out)
        digest = hashlib.sha256(part.read_bytes()).hexdigest()
        if digest != sha:
            part.unlink()
            raise SystemExit(f"opencv-slim: sha256 mismatch for {url}")
        part.rename(archive)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers() if "/opencv/" in m.name and "/opencv_contrib/" not in m.name]
        tar.extractall(work, members=members, filter="data")
    return next(work.iterdir()) / "opencv"


def python_flags(python: str) -> list[str]:
    code = ("import sysconfig, numpy; print(sysconfig.get_paths()['include']); "
            "print(sysconfig.get_config_var('LIBDIR') or ''); print(sysconfig.get_config_var('LDLIBRARY') or ''); "
            "print(numpy.get_include())")
    include, libdir, ldlib, np_include = subprocess.run([python, "-c", code], capture_output=True, text=True,
                                                        check=True).stdout.splitlines()
    flags = [f"-DPYTHON3_EXECUTABLE={python}", f"-DPYTHON_DEFAULT_EXECUTABLE={python}",
             f"-DPYTHON3_INCLUDE_DIR={include}", f"-DPYTHON3_NUMPY_INCLUDE_DIRS={np_include}"]
    if libdir and ldlib and (Path(libdir) / ldlib).exists():
        flags.append(f"-DPYTHON3_LIBRARY={Path(libdir) / ldlib}")
    return flags


def cache_dir(version: str) -> Path:
    key = hashlib.sha256(json.dumps([version, FLAGS, sys.platform, platform.machine()]).encode()).hexdigest()[:12]
    return CACHE / f"opencv-{version}-{key}"


def build(version: str, python: str) -> Path:
    """The built `cv2` loader package (cached). One build at a time per cache: two checkouts
    building at once shared CACHE/work and broke each other's build, so the second one waits
    for the first's lock and then reuses its result."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "build.lock", "w") as lock:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                log("waiting for another OpenCV build to finish")
                fcntl.flock(lock, fcntl.LOCK_EX)
        return _build_unlocked(version, python)


def _build_unlocked(version: str, python: str) -> Path:
    done = cache_dir(version)
    if (done / "cv2" / "__init__.py").is_file():
        log(f"reusing {done}")
        return done / "cv2"
    work = CACHE / "work"
    source = fetch_source(version, work / "src")
    build_dir, prefix = work / "build", work / "install"
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    log(f"configuring OpenCV {version} ({MODULES})")
    subprocess.run(["cmake", *generator, str(source), *FLAGS, *python_flags(python),
                    f"-DCMAKE_INSTALL_PREFIX={prefix}", "-B", str(build_dir)], check=True, stdout=subprocess.DEVNULL)
    log("compiling (several minutes)")
    jobs = str(os.cpu_count() or 2)
    subprocess.run(["cmake", "--build", str(build_dir), "--parallel", jobs], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--install", str(build_dir)], check=True, stdout=subprocess.DEVNULL)
    package = prefix / "python" / "cv2"
    for ext in package.rglob("cv2*.so"):
        if shutil.which("strip"):
            subprocess.run(["strip", "--strip-unneeded", str(ext)], check=True)
    license_dir = package / "licenses"
    license_dir.mkdir(exist_ok=True)
    shutil.copyfile(source / "LICENSE", license_dir / "LICENSE")
    tmp = done.with_name(done.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shutil.copytree(package, tmp / "cv2")
    tmp.rename(done)
    shutil.rmtree(work, ignore_errors=True)
    return done / "cv2"


def install(python: str, version: str) -> Path:
    """Build (or reuse) the slim cv2 and put it into `python`'s site-packages; returns its folder."""
    package = build(version, python)
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    target = Path(site) / "cv2"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(package, target)
    check = subprocess.run([python, "-c", "import cv2; print(cv2.__version__)"], capture_output=True, text=True)
    if check.returncode != 0:
        raise SystemExit(f"opencv-slim: the built cv2 does not import: {check.stderr.strip()}")
    log(f"installed cv2 {check.stdout.strip()} into {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--python", required=True, help="interpreter whose site-packages gets the slim cv2")
    p.add_argument("--version", help=f"{PACKAGE} release (default: the one installed for this interpreter)")
    args = p.parse_args(argv)
    install(args.python, args.version or wheel_version(sys.executable))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
