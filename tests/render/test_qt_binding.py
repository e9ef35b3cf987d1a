"""Guard against a Qt binding that leaks references to None (PySide6 6.12 on CPython 3.11 did).

Such a binding aborts the process after a few thousand painter calls ("deallocating None"), so a
long editing session or a 32-placement score would crash. pyproject pins PySide6 below 6.12.
"""

import sys

from PySide6.QtGui import QGuiApplication, QImage, QPainter


def test_void_qt_calls_keep_none_alive():
    QGuiApplication.instance() or QGuiApplication([])
    img = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(img)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"the Qt binding lost {before - after} references to None"
