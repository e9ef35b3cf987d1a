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
