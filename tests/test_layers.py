"""The package layers import only the layers below them; the core never imports Qt widgets."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "xhscover"

# package -> xhscover packages it may import (besides itself and the top-level helpers)
ALLOWED = {
    "model": set(),
    "attention": {"model"},
    "render": {"model"},
    "feed": {"model", "render"},
    "score": {"model", "render", "feed", "attention"},
    "shelfimport": {"model", "feed", "attention"},
    "editing": {"model", "render", "feed", "attention", "score", "shelfimport"},
    "ui": {"model", "render", "feed", "attention", "score", "shelfimport", "editing"},
}
TOP_LEVEL_OK = {"xhscover", "xhscover.errors", "xhscover.paths", "xhscover.notices"}
NO_QT = {"model", "attention", "shelfimport"}
NO_WIDGETS = {"model", "attention", "render", "feed", "score", "shelfimport", "editing"}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_layering(package):
    pkg_dir = ROOT / package
    if not pkg_dir.is_dir():
        pytest.skip(f"{package} not present")
    for path in pkg_dir.rglob("*.py"):
        for name in imports_of(path):
            if name.startswith("xhscover.") and name not in TOP_LEVEL_OK:
                target = name.split(".")[1]
                if target in {"cli", "demo", "shelf"}:
                    raise AssertionError(f"{path.relative_to(ROOT)} imports the top layer {name}")
                assert target == package or target in ALLOWED[package], f"{path.relative_to(ROOT)} imports {name}"
            if package in NO_QT:
                assert not name.startswith(("PySide6", "shiboken6")), f"{path.relative_to(ROOT)} imports Qt ({name})"
            if package in NO_WIDGETS:
                assert "QtWidgets" not in name, f"{path.relative_to(ROOT)} imports QtWidgets"


# Modules of the Qt-free layers that may use Qt, directly or through what they import: they draw
# (the feed simulator's painters) or render feed screens to score them. Every other module of
# model/, attention/, feed/ and score/ must import with PySide6 absent, so a Qt dependency cannot
# creep in through an import of an import (score/fair.py once loaded QtGui via shares -> feed.draw).
# Add a module here only when it draws or renders; see docs/ARCHITECTURE.md.
QT_USERS = {
    "xhscover.feed.canvas", "xhscover.feed.chrome", "xhscover.feed.draw", "xhscover.feed.export",
    "xhscover.feed.fonts", "xhscover.feed.icons", "xhscover.feed.images", "xhscover.feed.titles",
    "xhscover.score.shares", "xhscover.score.run", "xhscover.score.report", "xhscover.score.suggest",
    "xhscover.score.suggest_report",
}
CORE = ("model", "attention", "feed", "score", "shelfimport")

_IMPORT_ALL = r"""
import importlib, pkgutil, sys

BLOCKED = tuple(sys.argv[1].split(","))


class Block:
    def find_spec(self, name, path=None, target=None):
        if name == BLOCKED[0] or name.startswith(BLOCKED):
            raise ImportError(f"blocked for this check: {name}")
        return None


sys.meta_path.insert(0, Block())
skip = set(sys.argv[3].split(",")) if len(sys.argv) > 3 and sys.argv[3] else set()
failed = []
for pkg in sys.argv[2].split(","):
    module = importlib.import_module(f"xhscover.{pkg}")
    for info in pkgutil.walk_packages(module.__path__, module.__name__ + "."):
        if info.name in skip or ".i18n" in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            failed.append(f"{info.name}: {exc}")
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def _import_all(blocked: str, packages: tuple[str, ...], skip: set[str] = frozenset()) -> str:
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-c", _IMPORT_ALL, blocked, ",".join(packages), ",".join(sorted(skip))],
                         capture_output=True, text=True, cwd=ROOT.parent, timeout=300)
    return "" if res.returncode == 0 else (res.stdout + res.stderr)[-4000:]


def test_core_modules_import_without_qt_even_indirectly():
    failed = _import_all("PySide6,shiboken6", CORE, QT_USERS)
    assert not failed, ("these modules need Qt through what they import; keep Qt out of them, or, if the "
                        "module draws or renders, list it in QT_USERS (tests/test_layers.py):\n" + failed)


def test_only_ui_reaches_qt_widgets_even_indirectly():
    failed = _import_all("PySide6.QtWidgets", ("model", "attention", "render", "feed", "score", "shelfimport", "editing"))
    assert not failed, "these modules reach QtWidgets through what they import (only ui/ may):\n" + failed
