"""Test defaults: Qt runs offscreen (no display on CI), set before Qt starts.

One QApplication (the widgets kind) is created for the whole session before any test module runs,
so render, feed and UI tests share it: a bare QGuiApplication created first would make every
widget test impossible in the same process.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XHSCOVER_DATA_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "xhscover-test-data"))
os.environ.setdefault("XHSCOVER_CONFIG_DIR", os.path.join(os.environ.get("TMPDIR", "/tmp"), "xhscover-test-config"))

from PySide6.QtWidgets import QApplication

_APP = QApplication.instance() or QApplication([])
