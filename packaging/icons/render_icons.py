"""Render the app icon SVG to PNGs, a Windows .ico and a macOS .icns.

Generated at build time (nothing generated is committed): Qt's QSvgRenderer draws each size
(offscreen platform, no display needed), Pillow packs the .ico and .icns.

    python packaging/icons/render_icons.py [OUT_DIR]     # default: build/icons
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "xhscover.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: cannot parse {SVG}")
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not img.save(str(target), "PNG"):
        raise SystemExit(f"render_icons: cannot write {target}")


def render_all(out_dir: Path) -> dict[str, Path]:
    """Write xhscover-<size>.png for every size, xhscover.ico and xhscover.icns; return their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for size in sorted(set(PNG_SIZES) | set(ICNS_SIZES)):
        target = out_dir / f"xhscover-{size}.png"
        render_png(size, target)
        paths[str(size)] = target
    images = {int(size): Image.open(path).convert("RGBA") for size, path in paths.items()}
    ico = out_dir / "xhscover.ico"
    images[256].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES if s != 256])
    icns = out_dir / "xhscover.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    paths["ico"], paths["icns"] = ico, icns
    (out_dir / "xhscover-1024.png").unlink()  # only the .icns needs it
    del paths["1024"]
    return paths


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE.parent.parent / "build" / "icons"
    for key, path in render_all(out).items():
        print(f"{key:>5}  {path}  ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
