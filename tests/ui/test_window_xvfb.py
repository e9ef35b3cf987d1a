"""The real window on a real X server (Xvfb): start page and editor screenshots via the debug hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb
OUT = Path(os.environ["XHSCOVER_UI_SHOTS"])  # set per run in conftest.py


@pytest.fixture(scope="module")
def display():
    """A private X server; Xvfb picks a free display number itself (-displayfd), so test runs in
    parallel (two worktrees, CI beside a developer) never share or race for one."""
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write,))
    os.close(write)
    with os.fdopen(read) as pipe:
        num = pipe.readline().strip()
    if not num:
        proc.kill()
        pytest.fail("Xvfb did not start (no display number on -displayfd)")
    yield f":{num}"
    proc.terminate()
    proc.wait(5)


def _shot(display: str, tmp_path: Path, name: str, *extra: str, **more_env: str) -> Path:
    env = dict(os.environ, **more_env, QT_QPA_PLATFORM="xcb", DISPLAY=display, XHSCOVER_DATA_DIR=str(tmp_path / "data"),
               XHSCOVER_CONFIG_DIR=str(tmp_path / "conf"), XHSCOVER_SCREENSHOT_DELAY_MS="1200")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    path.unlink(missing_ok=True)
    code = "import sys; from xhscover.ui.app import run_app; sys.exit(run_app(sys.argv))"
    res = subprocess.run([sys.executable, "-c", code, "--screenshot", str(path), *extra], env=env,
                         capture_output=True, text=True, timeout=180)  # the score wait alone may take 60 s
    assert res.returncode == 0, res.stderr[-2000:]
    assert path.is_file() and path.stat().st_size > 10_000
    return path


def test_start_page_and_editor_screenshots(display, tmp_path):
    from PySide6.QtGui import QImage

    start = _shot(display, tmp_path, "start")
    editor = _shot(display, tmp_path, "editor", "--layout", "big-title-red", XHSCOVER_SELECT="title")
    for p in (start, editor):
        img = QImage(str(p))
        assert img.width() >= 1000 and img.height() >= 700
    # the autosave marker of a clean exit is gone
    assert not list((tmp_path / "data" / "autosave").glob("session-*.json"))


def test_feed_dock_and_score_panel_screenshot(display, tmp_path):
    """The real window with the feed dock, the score panel and both heatmaps, once scored."""
    from PySide6.QtGui import QImage

    shot = _shot(display, tmp_path, "feed-score", "--layout", "big-title-red", XHSCOVER_WAIT_SCORE="1",
                 XHSCOVER_HEATMAP="1", XHSCOVER_WINDOW_SIZE="1500x900")
    img = QImage(str(shot))
    assert img.width() >= 1400
    # the feed dock (right quarter) shows a phone screen: many distinct colours, not an empty panel
    colours = {img.pixel(x, y) for x in range(img.width() * 3 // 4, img.width(), 7)
               for y in range(200, img.height() - 40, 7)}
    assert len(colours) > 500


def _scenario(display: str, tmp_path: Path, name: str) -> dict:
    """Run one of tests/ui/xvfb_scenarios.py in the real window; its JSON result."""
    import json

    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display, XHSCOVER_DATA_DIR=str(tmp_path / "data"),
               XHSCOVER_CONFIG_DIR=str(tmp_path / "conf"))
    root = Path(__file__).resolve().parents[2]
    res = subprocess.run([sys.executable, "-m", "tests.ui.xvfb_scenarios", name], env=env, cwd=root,
                         capture_output=True, text=True, timeout=90)
    assert res.returncode == 0, res.stderr[-2000:]
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def test_undo_and_redo_keys_in_the_real_window(display, tmp_path):
    """Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y both redo (Qt used to drop Ctrl+Shift+Z as ambiguous)."""
    r = _scenario(display, tmp_path, "redo_keys")
    assert r["start"] == 2 and r["after_ctrl_z"] == 1
    assert r["after_ctrl_shift_z"] == 2
    assert r["after_two_undos"] == 0 and r["after_ctrl_y"] == 1 and r["after_ctrl_y_in_panel"] == 2
    assert not [w for w in r["warnings"] if "Ambiguous" in w]


def test_snapping_guides_and_smart_spacing_are_drawn_while_dragging(display, tmp_path):
    """Real mouse drags in the real window: the centre-line guide and the equal-spacing gaps appear
    in magenta while the button is down (grabs saved as guide-drag.png and spacing-drag.png)."""
    r = _scenario(display, tmp_path, "guides")
    assert ["v", 540.0] in r["guides"] and r["centred"]
    assert r["magenta_on_guide"] > 0.8 * r["guide_px_tall"]  # a line down the whole cover
    assert r["magenta_elsewhere"] == 0
    assert r["gaps"] == [["h", 240.0, 400.0], ["h", 600.0, 760.0]] and r["spaced_x"] == r["expected_x"]
    assert r["magenta_in_gap"] > 50


def test_shelf_import_dialog_in_the_real_window(display, tmp_path):
    """Screenshots dropped on the feed dock: the preview (grabbed as shelf-import.png) lists every
    card, the chat gets its one line, 导入 puts the ticked cards on the shelf."""
    r = _scenario(display, tmp_path, "shelf_import")
    assert r["rows"] >= 6 and 0 < r["ticked"] < r["rows"]
    assert "聊天.png" in r["status"]
    assert r["competitors"] == r["shelf"] == r["ticked"]
    assert "发现页.png" in r["source"]


def test_a_bug_in_a_command_leaves_a_crash_log_and_a_working_window(display, tmp_path):
    """The real window, a command that raises, pressed by its key twice: one crash log each, the
    edit autosaved, one dialog (not two), and the next key still works."""
    r = _scenario(display, tmp_path, "crash")
    assert len(r["crashes"]) == 2 and len(r["shown"]) == 1 and r["shown"][0][1] == "saved"
    assert "ZeroDivisionError" in r["log"] and "edit: " in r["log"] and "xhscover 0." in r["log"]
    assert r["autosaved"] and r["undone"] and r["visible"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_editor_fits_1280x800_in_both_languages(display, tmp_path, lang):
    """At 1280x800 the window keeps its size, the properties dock never scrolls sideways and no
    spin box, combo or button in it is cut off, for text, shape, sticker and background; the feed
    dock shows the whole first screen (grab: editor-1280-<lang>.png)."""
    r = _scenario(display, tmp_path, f"layout_1280_{lang}")
    assert r["size"] == [1280, 800] and r["min_width"] <= 1280
    assert not any(v for k, v in r.items() if k.startswith("hbar_"))
    assert r["cut"] == []
    assert r["feed_fit"] and r["feed_screen_shown"]
    assert r["canvas_width"] >= 350
    assert r["start_size"] == [1280, 800]
