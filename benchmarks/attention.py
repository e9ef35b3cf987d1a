"""Speed of the attention engine where the app uses it: one cover, one feed screen, a fair score.

    .venv/bin/python benchmarks/attention.py [--runs 9] [--placements 32]

Prints medians of `--runs` runs (2 threads) for:
- the default (deep) map of a 1080x1440 cover without OCR, with the cover's known boxes, on a
  fresh image every run (the backbone's content cache defeated); target <= 60 ms; and the same
  with face detection, and with the classic model (reference);
- a full-screen feed's attention shares with the covers' patches cached (render at 1 px/pt,
  assembled map, every card's share); target <= 80 ms; and the same screen with the backbone
  run on the whole screen image (the full pass, reference);
- a position-fair score over 32 placements among the bundled sample shelf; target <= 2 s
  (per-cover work such as text detection is done once before timing, as in a session);
- the live panel after an edit: the edited cover's facts (text and face detection, title
  visibility) and the scored screen; target <= 100 ms;
- the backbone's first load (once per session, at the first score, never at start-up);
and OpenCV's fine-grained and spectral-residual saliency on the same cover, timed in the same
run inside the private contrib venv (`_contrib.py`; the contrib wheel never goes into the app
venv), with ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import _contrib
import cv2
import numpy as np

TARGETS_MS = {"cover": 60.0, "screen": 80.0, "fair": 2000.0, "live": 100.0}


def median_ms(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return 1000.0 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--placements", type=int, default=32)
    parser.add_argument("--no-opencv", action="store_true", help="skip the OpenCV reference (needs PyPI once)")
    args = parser.parse_args()
    cv2.setNumThreads(2)

    from xhscover.attention import backbone
    from xhscover.attention.saliency import saliency_map
    from xhscover.feed.cards import load_sample_shelf
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.render.qt import ensure_gui_app
    from xhscover.score.covers import facts_from_cover
    from xhscover.score.fair import fair_score
    from xhscover.score.shares import ShelfScorer

    ensure_gui_app()
    from xhscover.feed.cards import card_from_image
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover

    store = ImageStore()
    cover = build_cover(get_layout("photo-top-text"), "3:4")
    rgb = qimage_to_rgb(render_cover(cover, store))
    t = time.perf_counter()
    backbone.features(rgb)
    load_ms = 1000 * (time.perf_counter() - t)
    facts = facts_from_cover(cover, store, id="A", rgb=rgb)
    boxes = facts.px_boxes(facts.text_boxes)
    faces = facts.px_boxes([f for f, _ in facts.faces])

    fresh = iter([np.roll(rgb, i, axis=1) for i in range(1, 4 * args.runs + 8)])  # defeats the content caches
    cover_ms = median_ms(lambda: saliency_map(next(fresh), text_boxes=boxes, face_boxes=faces, detect_text=False,
                                              detect_faces=False, kind="cover"), args.runs)
    faces_ms = median_ms(lambda: saliency_map(next(fresh), text_boxes=boxes, detect_text=False, kind="cover"),
                         args.runs)
    classic_ms = median_ms(lambda: saliency_map(next(fresh), model="classic", text_boxes=boxes, face_boxes=faces,
                                                detect_text=False, detect_faces=False), args.runs)

    competitors, _warnings = load_sample_shelf()
    card = card_from_image(rgb, id="A", title="15分钟快手晚餐")
    card.extra["facts"] = facts
    scorer = ShelfScorer(competitors)
    full = ShelfScorer(competitors, full_pass=True, cache=scorer.cache)
    t = time.perf_counter()
    scorer.prepare()
    prepare_s = time.perf_counter() - t
    seeds = iter(range(10_000))
    for s in range(40):  # every cover's patch once, as a session has them after the first screens
        scorer.screen([card], seed=s, slot=s % 6)
    screen_ms = median_ms(lambda: scorer.screen([card], seed=next(seeds) % 40, slot=1), args.runs)
    full_ms = median_ms(lambda: full.screen([card], seed=next(seeds) % 40, slot=1), args.runs)
    fair_runs = max(3, args.runs // 3)
    fair_ms = median_ms(lambda: fair_score(scorer, card, placements=args.placements, seed=0), fair_runs)

    edits = iter(range(1, 10_000))

    def live() -> None:
        cover.layers[-1].x += 1 if next(edits) % 2 else -1  # a nudge: new pixels, new facts
        img = qimage_to_rgb(render_cover(cover, store))
        edited = card_from_image(img, id="A", title="15分钟快手晚餐")
        edited.extra["facts"] = facts_from_cover(cover, store, id="A", rgb=img)
        scorer.screen([edited], seed=0, slot=1)

    live_ms = median_ms(live, args.runs)

    print(f"1080x1440 cover, feed iphone-15 with {len(competitors)} sample covers, 2 threads; medians")
    print("| what | median ms | target ms |")
    print("|---|---|---|")
    print(f"| cover map, default model, known boxes, no OCR ({args.runs} runs) | {cover_ms:.1f} | {TARGETS_MS['cover']:.0f} |")
    print(f"| cover map, default model, face detector on, no OCR ({args.runs} runs) | {faces_ms:.1f} | "
          f"{TARGETS_MS['cover']:.0f} |")
    print(f"| cover map, classic model, known boxes (reference) | {classic_ms:.1f} | - |")
    print(f"| full-screen feed shares, covers cached: render 1 px/pt + assembled map + shares ({args.runs} runs) | "
          f"{screen_ms:.1f} | {TARGETS_MS['screen']:.0f} |")
    print(f"| the same screen with the backbone on the whole screen image (full pass, reference) | {full_ms:.1f} | - |")
    print(f"| position-fair score, {args.placements} placements ({fair_runs} runs) | {fair_ms:.0f} | "
          f"{TARGETS_MS['fair']:.0f} |")
    print(f"| live panel after an edit: facts of the edited cover (detection, title visibility) + its screen | "
          f"{live_ms:.0f} | {TARGETS_MS['live']:.0f} |")
    print(f"| (once per session) backbone load + first cover | {load_ms:.0f} | - |")
    print(f"| (once per shelf) text + face detection on {len(competitors)} competitor covers | {1000 * prepare_s:.0f} | - |")

    if args.no_opencv:
        return
    with tempfile.TemporaryDirectory() as tmp:
        npy = Path(tmp) / "cover.npy"
        np.save(npy, rgb)
        ref = _contrib.time_opencv(npy, args.runs)
    fg = 1000.0 * ref["fine_grained"]
    sr = 1000.0 * ref["spectral_residual"]
    print(f"| OpenCV fine-grained saliency, same cover (contrib venv) | {fg:.1f} | - |")
    print(f"| OpenCV spectral residual, same cover (contrib venv) | {sr:.1f} | - |")
    print(f"ratios: default cover map = {cover_ms / fg:.2f}x OpenCV fine-grained, {cover_ms / classic_ms:.1f}x classic; "
          f"one feed screen's shares = {screen_ms / fg:.2f}x fine-grained; a {args.placements}-placement fair score = "
          f"{fair_ms / fg:.1f}x one fine-grained map")


if __name__ == "__main__":
    main()
