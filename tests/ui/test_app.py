"""run_app as the CLI calls it: `xhscover open FILE` opens the project and exits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys


def test_run_app_opens_a_project(tmp_path):
    code = (
        "import sys\n"
        "from xhscover.editing.document import EditorDocument\n"
        "from xhscover.model.layouts import bundled_layouts\n"
        "from PySide6.QtGui import QGuiApplication\n"
        f"p = {str(tmp_path / 'p.xhscover')!r}\n"
        "EditorDocument.from_layout(bundled_layouts()[0]).save(p)\n"
        "from xhscover.ui.app import run_app\n"
        "sys.exit(run_app(['xhscover'], p))\n"
    )
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XHSCOVER_SCREENSHOT=str(shot),
               XHSCOVER_SCREENSHOT_DELAY_MS="100", XHSCOVER_DATA_DIR=str(tmp_path / "d"),
               XHSCOVER_CONFIG_DIR=str(tmp_path / "c"))
    res = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr[-2000:]
    assert shot.is_file()
    ini = (tmp_path / "c" / "xhscover.ini").read_text(encoding="utf-8")
    assert "p.xhscover" in ini  # remembered in recent files
