"""Application entry: QApplication, translations, main window, crash restore, debug hooks.

Debug hooks (used by the Xvfb test and the start-up benchmark):
  --screenshot PATH / XHSCOVER_SCREENSHOT=PATH   grab the window once shown, save it, quit
  --layout ID / XHSCOVER_LAYOUT=ID                open a new cover from this layout at start
  XHSCOVER_SELECT=id[,id]                         select layers (to show handles in a screenshot)
  XHSCOVER_EXIT_WHEN_SHOWN=1                      quit as soon as the window is shown
  XHSCOVER_WINDOW_SIZE=WxH                        window size (screenshots)
  XHSCOVER_HEATMAP=1                              heatmap on the canvas and the feed
  XHSCOVER_FEED=k=v,...                           feed dock settings (theme=dark,page=search,query=...)
  XHSCOVER_WAIT_SCORE=1                           screenshot only once the attention score is complete
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from xhscover import __version__
from xhscover.ui.language import set_ui_language

if TYPE_CHECKING:
    from xhscover.editing.autosave import Restore
    from xhscover.editing.settings import Settings
    from xhscover.ui.crash import CrashHandler
    from xhscover.ui.main_window import MainWindow

I18N_DIR = Path(__file__).resolve().parent / "i18n"
log = logging.getLogger(__name__)


def pick_language(setting: str, system_locale: str) -> str:
    """Chinese by default; English when the setting says so or the system locale is English."""
    if setting in ("zh_CN", "en"):
        return setting
    return "en" if system_locale.lower().startswith("en") else "zh_CN"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Ours, then Qt's own catalogue for its dialogs (Qt asks the last installed first, so ours
    only fills what Qt's misses). The default locale follows, so dates and numbers in Qt's
    dialogs match the UI language."""
    set_ui_language(app, lang)
    out: list[QTranslator] = []
    if lang != "zh_CN":
        return out
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / "xhscover_zh_CN.qm")):
        app.installTranslator(ours)
        out.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        out.append(qt)
    return out


def _take_opt(argv: list[str], name: str) -> str | None:
    if name in argv:
        i = argv.index(name)
        if i + 1 < len(argv):
            value = argv[i + 1]
            del argv[i:i + 2]
            return value
    return None


def offer_restores(win: MainWindow, restores: list[Restore], settings: Settings) -> None:
    """Offer every project a crash left unsaved. The first one ticked opens in the window; the
    other ticked ones are kept as files in the recovered folder and added to the recent files;
    "later" keeps them all for the next start. Nothing is deleted unless the user says so."""
    from xhscover.editing.autosave import recovered_dir
    from xhscover.errors import XhsError
    from xhscover.ui import dialogs

    labels = [f"{r.name or win.tr('Untitled project')}  ·  {r.when}" for r in restores]
    action, chosen = dialogs.choose_restores(win, labels)
    if action == "discard":
        for r in restores:
            r.discard()
        return
    opened = False
    for i in chosen:
        r = restores[i]
        try:
            if not opened:
                win.set_document(r.load())
                opened = True
                r.discard()
            else:
                settings.add_recent_file(str(r.keep(recovered_dir())))
        except (XhsError, OSError) as exc:  # a damaged autosave must not stop the app; it stays for later
            dialogs.notify_error(win, win.tr("Cannot restore"), f"{labels[i]}: {exc}")


def work_state(autosaver: Any) -> str:
    """After a crash: save the open project to its autosave now. "saved" when the unsaved work is
    in the autosave, "clean" when there was nothing unsaved, "failed" when it could not be written."""
    doc = autosaver.doc
    if doc is None or not doc.is_modified():
        return "clean"
    autosaver.autosave_now()
    return "saved" if autosaver.is_current() else "failed"


def install_crash_handler(app: QApplication, win: MainWindow, autosaver: Any) -> CrashHandler:
    """Uncaught exceptions -> a crash log, an autosave and one dialog over `win` (xhscover.ui.crash)."""
    from xhscover.ui import dialogs
    from xhscover.ui.crash import CrashHandler

    handler = CrashHandler(show=lambda path, work: dialogs.notify_crash(win, path, work),
                           save_work=lambda: work_state(autosaver), parent=app)
    handler.install()
    return handler


def run_app(argv: list[str] | None = None, open_path: str | None = None, debug: bool = False) -> int:
    """Run the desktop app until it quits; returns the exit code."""
    argv = list(sys.argv if argv is None else argv) or ["xhscover"]
    screenshot = _take_opt(argv, "--screenshot") or os.environ.get("XHSCOVER_SCREENSHOT")
    layout_id = _take_opt(argv, "--layout") or os.environ.get("XHSCOVER_LAYOUT")
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a Qt application without widgets is already running; the editor needs QApplication")
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("xhscover")
    app.setOrganizationName("xhscover")
    app.setApplicationDisplayName("xhscover")

    from xhscover import logs
    from xhscover.editing import rendering
    from xhscover.editing.autosave import Autosaver, pending_restores
    from xhscover.editing.paths import user_data_dir
    from xhscover.editing.settings import Settings
    from xhscover.model.project import clean_stale_temps
    from xhscover.ui.main_window import MainWindow

    logs.configure(debug=logs.debug_requested(debug), log_file=user_data_dir() / "logs" / "xhscover.log")
    log.info("xhscover %s starting", __version__)
    rendering.ensure_gui()  # registers the bundled fonts
    settings = Settings()
    translators = install_translations(app, pick_language(settings.language(), QLocale.system().name()))
    app.setProperty("xhs_translators", len(translators))
    restores = pending_restores()  # also removes temp files of autosaves killed mid-write
    for recent in settings.recent_files():  # ... and of saves killed mid-write beside recent projects
        clean_stale_temps(Path(recent).parent, Path(recent).name)
    autosaver = Autosaver()
    autosaver.start()
    win = MainWindow(settings, autosaver)
    crashes = install_crash_handler(app, win, autosaver)
    win.show()
    if restores and not screenshot:
        offer_restores(win, restores, settings)
    if open_path:
        win.open_path(str(open_path))
    elif layout_id:
        win.new_from_layout(layout_id, "3:4")
    size = os.environ.get("XHSCOVER_WINDOW_SIZE")
    if size and "x" in size:
        w, h = (int(v) for v in size.split("x", 1))
        win.resize(w, h)
    if os.environ.get("XHSCOVER_HEATMAP") and win.doc is not None:
        win.feed_panel.heatmap.setChecked(True)
        win.action("heat_canvas").setChecked(True)
    feed_env = os.environ.get("XHSCOVER_FEED")  # e.g. "theme=dark,page=search,query=穿搭,squint=1"
    if feed_env and win.doc is not None:
        fields = dict(kv.split("=", 1) for kv in feed_env.split(",") if "=" in kv)
        typed = {k: (v == "1") if k in ("squint", "heatmap", "all_variants") else
                 int(v) if k in ("slot", "seed") else v for k, v in fields.items()}
        win.feed.update(**typed)
    select = os.environ.get("XHSCOVER_SELECT")
    if select and win.doc is not None:
        win.doc.set_selection(select.split(","))
    if screenshot:
        def grab() -> None:
            win.start.render_all_now()
            app.processEvents()
            Path(screenshot).parent.mkdir(parents=True, exist_ok=True)
            win.grab().save(screenshot)
            win.close()
            app.quit()

        def grab_when_scored(tries: list[int] = [0]) -> None:  # noqa: B006 - a deliberate counter
            latest = win.live_score.worker.latest
            tries[0] += 1
            if (latest is None or latest.stage != "full") and tries[0] < 120:
                QTimer.singleShot(500, grab_when_scored)
                return
            QTimer.singleShot(300, grab)

        delay = int(os.environ.get("XHSCOVER_SCREENSHOT_DELAY_MS", "600"))
        QTimer.singleShot(delay, grab_when_scored if os.environ.get("XHSCOVER_WAIT_SCORE") else grab)
    elif os.environ.get("XHSCOVER_EXIT_WHEN_SHOWN"):
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    crashes.uninstall()
    autosaver.finish_clean()  # exec() returned: a clean exit, nothing to restore next time
    log.info("xhscover quit (exit code %s)", code)
    return code


if __name__ == "__main__":
    raise SystemExit(run_app(sys.argv))
