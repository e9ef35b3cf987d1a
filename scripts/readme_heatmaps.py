#!/usr/bin/env python3
"""Re-render the README's attention pictures with the shipped default model.

    .venv/bin/python scripts/readme_heatmaps.py [--out docs/screenshots]

- feed-heatmap.jpg: the sample shelf's first screen (iPhone 15, light, seed 0) with the
  `big-title-red` layout as the user's cover in slot 1 (top left), scored exactly as `xhscover
  score` scores it (assembled screen map), painted over the screen at the device's pixel ratio;
- cover-heatmaps.jpg: ten sample covers, each mapped on its own (`cover` kind, text and faces
  detected on the pixels, as for a competitor), in a 5 x 2 grid.

Run it after anything that changes the maps (the model's parameters, priors, the screen path) and
look at the result before committing it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np

COVERS = ("other-save-money", "study-10-hours", "beauty-foundation-warning", "travel-beijing-3days",
          "outfit-milk-tea-ootd", "food-fat-loss-week", "home-rental-deposit", "pet-corgi-park",
          "outfit-petite-commute", "study-daily-quote")
TILE = (240, 320)


def feed_picture() -> np.ndarray:
    from xhscover.attention.heatmap import overlay_heatmap
    from xhscover.feed.cards import card_from_image, load_sample_shelf
    from xhscover.feed.draw import render_feed
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover
    from xhscover.score.covers import facts_from_cover
    from xhscover.score.heatmap import fit_width
    from xhscover.score.shares import ShelfScorer

    store = ImageStore()
    cover = build_cover(get_layout("big-title-red"), "3:4")
    rgb = qimage_to_rgb(render_cover(cover, store))
    card = card_from_image(rgb, id="A")
    card.extra["facts"] = facts_from_cover(cover, store, id="A", rgb=rgb)
    shelf, _warnings = load_sample_shelf()
    scorer = ShelfScorer(shelf)
    spec = scorer.spec([card], seed=0, slot=0)
    screen = scorer.score_spec(spec)
    image, _desc = render_feed(spec, scorer.cache)
    return fit_width(overlay_heatmap(qimage_to_rgb(image), screen.smap), 540)


def cover_grid() -> np.ndarray:
    import cv2
    from PIL import Image

    from xhscover.attention.heatmap import overlay_heatmap
    from xhscover.attention.saliency import saliency_map
    from xhscover.feed.cards import sample_shelf_dir
    from xhscover.score.covers import facts_from_image

    tiles = []
    for name in COVERS:
        rgb = np.asarray(Image.open(sample_shelf_dir() / f"{name}.jpg").convert("RGB"))
        facts = facts_from_image(rgb, id=name)
        smap = saliency_map(rgb, text_boxes=facts.px_boxes(facts.text_boxes),
                            face_boxes=facts.px_boxes([f for f, _s in facts.faces]),
                            face_scores=[s for _f, s in facts.faces], detect_text=False, detect_faces=False,
                            kind="cover")
        tiles.append(cv2.resize(overlay_heatmap(rgb, smap), TILE, interpolation=cv2.INTER_AREA))
    rows = [np.concatenate(tiles[i:i + 5], axis=1) for i in (0, 5)]
    return np.concatenate(rows, axis=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "docs" / "screenshots"))
    args = parser.parse_args()
    from PIL import Image

    from xhscover.render.qt import ensure_gui_app

    ensure_gui_app()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    Image.fromarray(feed_picture()).save(out / "feed-heatmap.jpg", quality=88)
    Image.fromarray(cover_grid()).save(out / "cover-heatmaps.jpg", quality=88)
    print(f"wrote {out / 'feed-heatmap.jpg'} and {out / 'cover-heatmaps.jpg'}")


if __name__ == "__main__":
    main()
