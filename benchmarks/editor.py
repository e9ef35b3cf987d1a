"""Editor benchmarks: cold start to the window shown, and property change -> repainted canvas.

Run: .venv/bin/python benchmarks/editor.py   (targets: start <= 2 s, change -> repaint <= 16 ms)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cold_start(runs: int = 5) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XHSCOVER_EXIT_WHEN_SHOWN="1", XHSCOVER_DATA_DIR=tmp + "/data",
                   XHSCOVER_CONFIG_DIR=tmp + "/conf")
        code = "import sys; from xhscover.ui.app import run_app; sys.exit(run_app(['xhscover']))"
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def change_to_repaint(changes: int = 60) -> tuple[float, float, tuple[int, int]]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XHSCOVER_DATA_DIR"] = tmp + "/data"
        os.environ["XHSCOVER_CONFIG_DIR"] = tmp + "/conf"
        from xhscover.editing import commands as C
        from xhscover.editing import rendering
        from xhscover.editing.document import EditorDocument
        from xhscover.model.layouts import bundled_layouts, get_layout
        from xhscover.ui.canvas import CoverCanvas

        rendering.ensure_gui()
        ids = [lay.id for lay in bundled_layouts()]
        layout = get_layout("big-title-red" if "big-title-red" in ids else ids[0])
        doc = EditorDocument.from_layout(layout)
        cv = CoverCanvas()
        cv.resize(900, 1000)  # fit-to-window on a typical laptop editor area
        cv.show()
        app.processEvents()
        cv.set_document(doc)
        cv.fit()
        cv.render_now()
        app.processEvents()
        title = next(t for t in doc.cover.text_layers() if t.role == "title")
        colours = ["#FFFFFF", "#FFE45C", "#1A1A1A", "#FF2442"]
        full, render_only = [], []
        for i in range(changes):
            t0 = time.perf_counter()
            doc.push(C.SetProps(doc, {title.id: {"style.fill.color": colours[i % 4], "x": title.x + (i % 2)}}))
            cv.render_now()  # what the coalescing timer runs on the next event-loop turn
            cv.viewport().repaint()
            full.append((time.perf_counter() - t0) * 1000)
            render_only.append(cv.last_render_ms)
        size = (cv.last_image.width(), cv.last_image.height())
        return statistics.median(full), statistics.median(render_only), size


def main() -> None:
    start = cold_start()
    print(f"cold start to window shown (median of 5): {start:.2f} s  (target <= 2 s)")
    full, render, size = change_to_repaint()
    print(f"property change -> repainted canvas at fit zoom (median of 60): {full:.1f} ms "
          f"(render {render:.1f} ms at {size[0]}x{size[1]})  (target <= 16 ms)")


if __name__ == "__main__":
    main()
