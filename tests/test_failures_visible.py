"""Failures are visible in the app side (editing/, ui/ and the command-line modules): every handler
that catches everything (`except:`, `except Exception`, `except BaseException`) either cleans up
and raises again, or says why on its `except` line and does something a person can see: logs or
reports (notice, a signal, a dialog). No `except ...: pass`."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "xhscover"
CHECKED = [ROOT / "editing", ROOT / "ui", ROOT / "cli.py", ROOT / "shelf.py", ROOT / "demo.py"]
BROAD = {"Exception", "BaseException"}
REPORTS = {"error", "warning", "exception", "info", "debug", "critical", "notice", "emit", "notify_error",
           "handleError", "print_exception", "append"}


def _broad(handler: ast.ExceptHandler) -> bool:
    t = handler.type
    if t is None:
        return True
    names = t.elts if isinstance(t, ast.Tuple) else [t]
    return any(isinstance(n, ast.Name) and n.id in BROAD for n in names)


def _reraises(handler: ast.ExceptHandler) -> bool:
    return any(isinstance(node, ast.Raise) for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])))


def _reports(handler: ast.ExceptHandler) -> bool:
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in REPORTS:
                return True
    return False


def test_broad_excepts_say_why_and_report():
    bad = []
    files = [p for c in CHECKED for p in (sorted(c.rglob("*.py")) if c.is_dir() else [c])]
    assert len(files) > 30
    for path in files:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ExceptHandler) and _broad(node) and not _reraises(node):
                where = f"{path.relative_to(ROOT.parent)}:{node.lineno}"
                if "#" not in lines[node.lineno - 1]:
                    bad.append(f"{where}: no comment saying why everything is caught")
                if not _reports(node):
                    bad.append(f"{where}: nothing logged, reported or raised")
    assert not bad, "\n".join(bad)
