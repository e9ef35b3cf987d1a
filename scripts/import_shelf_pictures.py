"""The README's before/after picture of `xhscover import-shelf`: a (generated) feed screenshot with
every card the reader found outlined and numbered, beside the simulated feed built from them.

Run: .venv/bin/python scripts/import_shelf_pictures.py [--out docs/screenshots/import-shelf.jpg]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from xhscover.cli import main as cli  # noqa: E402
from xhscover.render.qt import ensure_gui_app  # noqa: E402

KEPT, LEFT_OUT = (30, 111, 255), (150, 150, 150)


def outlined(shot: Path, cards: list[dict], found: list[dict]) -> Image.Image:
    img = Image.open(shot).convert("RGB")
    d = ImageDraw.Draw(img)
    font_path = ROOT / "assets" / "fonts" / "noto-sans-sc"
    fonts = sorted(font_path.glob("*.[ot]tf"))
    font = ImageFont.truetype(str(fonts[-1]), 54) if fonts else ImageFont.load_default()
    kept = {tuple(c["rect"]) for c in cards}
    for n, c in enumerate(found, start=1):
        x, y, w, h = c["rect"]
        colour = KEPT if tuple(c["rect"]) in kept else LEFT_OUT
        d.rectangle([x, y, x + w - 1, y + h - 1], outline=colour, width=9)
        d.rectangle([x, y, x + 84, y + 74], fill=colour)
        d.text((x + 18, y + 4), str(n), fill=(255, 255, 255), font=font)
    return img


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "import-shelf.jpg"))
    args = ap.parse_args()
    ensure_gui_app()
    from tests.shelfimport import shots

    work = Path(tempfile.mkdtemp(prefix="xhs-import-"))
    shot = shots.phone_shot(73, theme="light", page="home", scroll=0.0, overlay="none", device="iphone-pro-max")
    shot_path = work / "home.png"
    Image.fromarray(shot.image).save(shot_path)
    everything, kept = work / "all", work / "competitors"
    assert cli(["import-shelf", str(shot_path), "--out", str(everything), "--include-cut"]) == 0
    assert cli(["import-shelf", str(shot_path), "--out", str(kept)]) == 0
    found = json.loads((everything / "cards.json").read_text(encoding="utf-8"))["cards"]
    cards = json.loads((kept / "cards.json").read_text(encoding="utf-8"))["cards"]
    before = outlined(shot_path, cards, found)
    mine = work / "mine.png"
    assert cli(["render", "big-title-red", "-o", str(mine)]) == 0
    feed = work / "feed.png"
    assert cli(["feed", "--mine", str(mine), "--title", "月薪5千也能存下10万", "--competitors", str(kept),
                "--device", "iphone-pro-max", "--slot", "2", "-o", str(feed)]) == 0
    after = Image.open(feed).convert("RGB")
    gap = 60
    h = max(before.height, after.height)
    both = Image.new("RGB", (before.width + after.width + gap, h), (255, 255, 255))
    both.paste(before, (0, 0))
    both.paste(after, (before.width + gap, 0))
    both = both.resize((both.width // 3, both.height // 3), Image.Resampling.LANCZOS)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    both.save(args.out, quality=85)
    print(f"{args.out}: {both.width}x{both.height}; {len(found)} cards found, {len(cards)} imported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
