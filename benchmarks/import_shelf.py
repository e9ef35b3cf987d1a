"""Screenshot reader: speed on 1179x2556 phone screenshots, and the issue's four accuracy bars.

Speed (default): median ms per 1179x2556 iPhone 15 screenshot (target <= 2 s) and cards/s, over
several generated screenshots read several times each; split into the grid finder and OCR. The
reference measured in the same run is the naive approach, PP-OCR's whole-screen text reading
(`detectors.read_text`: detect every text line, then recognise them) on the same screenshots.

Accuracy (--accuracy): generated screenshots with ground truth (tests/shelfimport/shots.py),
the tuning set and, with --variation, the set drawn from other ranges (devices, widths, fonts,
paddings, colours, title pools, cover sources) the reader was not tuned on. Bars (issue 11):
>= 90% of complete cards found at IoU >= 0.9, <= 1 false card per screenshot, titles >= 85%
character accuracy, likes >= 90% exact.

Run: .venv/bin/python benchmarks/import_shelf.py [--shots 5] [--runs 3]
     .venv/bin/python benchmarks/import_shelf.py --accuracy [--n 60] [--seed 1000] [--variation]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from tests.shelfimport import shots  # noqa: E402
from tests.shelfimport.scoring import Score, score_shot  # noqa: E402
from xhscover.attention import detectors  # noqa: E402
from xhscover.shelfimport.grid import find_grid  # noqa: E402
from xhscover.shelfimport.reader import NotAFeedError, read_screenshot  # noqa: E402


def speed(n_shots: int, runs: int) -> None:
    images = []
    for i in range(n_shots):
        shot = shots.phone_shot(900 + i, device="iphone-15", theme="light" if i % 2 == 0 else "dark",
                                page="home" if i % 3 else "search", overlay="none")
        assert shot.image.shape[:2] == (2556, 1179)
        images.append(shot.image)
    read_screenshot(images[0], "warm-up")  # model sessions, imports
    detectors.read_text(images[0][:400])
    totals, grids, cards = [], [], 0
    refs = []
    for img in images:
        for _ in range(runs):
            t = time.perf_counter()
            reading = read_screenshot(img, "bench")
            totals.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            find_grid(img)
            grids.append((time.perf_counter() - t) * 1000)
        cards += len(reading.cards)
        detectors.clear_caches()  # read_text caches by image: time a cold read
        t = time.perf_counter()
        detectors.read_text(img)
        refs.append((time.perf_counter() - t) * 1000)
    med = statistics.median(totals)
    grid = statistics.median(grids)
    ref = statistics.median(refs)
    per_shot = cards / n_shots
    print(f"screenshots: {n_shots} x {runs} runs, 1179x2556, {per_shot:.1f} cards each")
    print(f"read one screenshot (grid + OCR of every card): median {med:.0f} ms  (target <= 2000 ms)")
    print(f"  grid finder alone: median {grid:.0f} ms; OCR and the rest: {med - grid:.0f} ms")
    print(f"  cards/s: {per_shot / (med / 1000):.1f}")
    print(f"reference, same run: PP-OCR whole-screen read_text: median {ref:.0f} ms "
          f"(the reader takes {med / ref:.2f}x of it)")


def accuracy(n: int, seed: int, variation: bool) -> Score:
    total = Score()
    for i in range(n):
        shot = shots.make_shot(seed + i, variation=variation)
        try:
            reading = read_screenshot(shot.image, f"shot{seed + i}")
        except NotAFeedError:
            reading = None
        s = score_shot(shot, reading)
        total.add(s)
    not_feed = 0
    for name, img in shots.not_feed_shots(seed):
        try:
            read_screenshot(img, name)
        except NotAFeedError:
            not_feed += 1
    label = "variation set (not tuned on)" if variation else "tuning set"
    print(f"{label}: seeds {seed}..{seed + n - 1}")
    for line in total.lines():
        print("  " + line)
    print(f"  not-a-feed screens refused: {not_feed}/{len(shots.not_feed_shots(seed))}")
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shots", type=int, default=5)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--accuracy", action="store_true")
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1000)
    ap.add_argument("--variation", action="store_true")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    args = ap.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication([])
    if args.accuracy:
        score = accuracy(args.n, args.seed, args.variation)
        if args.misses:
            print("\n".join(score.misses))
    else:
        speed(args.shots, args.runs)


if __name__ == "__main__":
    main()
