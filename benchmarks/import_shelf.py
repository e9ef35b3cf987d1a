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

Last measured (2026-12-02, --n 40, 2 shared cores at load ~6): tuning set (seeds 1000..) 99/101 =
98.0% found, 0 false cards (worst 0 per screenshot), titles 97.9%, likes 100%; variation set
(seeds 1000.., never tuned on) 104/119 = 87.4%, 5 false (worst 2), titles 99.3%, likes 98.9%;
variation ranges, development seeds 3000.. 99/109 = 90.8%, 5 false (worst 1); not-a-feed 4/4.
Speed: median 1292 ms per 1179x2556 screenshot (grid finder 371 ms), 0.21x PP-OCR's whole-screen
read. What the variation set still misses: dark themes downscaled to 0.45-0.8 with JPEG 60 (dark
covers blend into the dark body), text covers downscaled to 0.45, an iPad screenshot with white
text covers at the column edges (no columns found), web dark covers cut under the header.

Diagnosis: --why prints one line per missed complete card (not found at all; found with the
wrong edges, by how many pixels; or found but flagged cut) and per false card, with the shot's
kind (phone device or web columns, page, theme, downscale, JPEG quality, overlay); --render DIR
draws truth (green) and found covers (red, flagged cut in orange) of every shot with a miss.
Develop on other seeds than the reported ones (e.g. --seed 3000 for the variation ranges).

Run: .venv/bin/python benchmarks/import_shelf.py [--shots 5] [--runs 3]
     .venv/bin/python benchmarks/import_shelf.py --accuracy [--n 60] [--seed 1000] [--variation]
         [--why] [--render DIR]
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
from tests.shelfimport.scoring import Score, best_match, iou, score_shot  # noqa: E402
from xhscover.attention import detectors  # noqa: E402
from xhscover.shelfimport.grid import find_grid  # noqa: E402
from xhscover.shelfimport.reader import NotAFeedError, ShotReading, read_screenshot  # noqa: E402


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


def _describe(shot: shots.Shot) -> str:
    m = shot.meta
    where = m.get("device") if m["kind"] == "phone" else f"{m.get('columns')} cols dpr {m.get('dpr')}"
    page = f" {m['page']}" if "page" in m else ""
    return (f"{m['kind']} {where}{page} {m['theme']} scale {m.get('scale', 1.0):.2f} jpeg {m.get('jpeg')} "
            f"overlay {m.get('overlay')}")


def why(shot: shots.Shot, reading: ShotReading | None) -> list[str]:
    """One line per miss and per false card, saying what went wrong: not found at all, found with
    the wrong edges (which, by how many pixels), or found but flagged cut."""
    found = reading.cards if reading is not None else []
    out = []
    head = f"{shot.meta.get('seed')} [{_describe(shot)}]"
    if reading is None:
        return [f"{head}: refused as not a feed ({len(shot.complete_cards())} complete cards)"]
    for t in shot.complete_cards():
        best, match = best_match(t.cover, found)
        if match is not None and best >= 0.9 and not match.cut:
            continue
        if match is None or best < 0.5:
            cause = "not found"
        elif best < 0.9:
            x, y, w, h = t.cover
            fx, fy, fw, fh = match.cover_box
            deltas = {"top": fy - y, "bottom": fy + fh - y - h, "left": fx - x, "right": fx + fw - x - w}
            off = ", ".join(f"{k} {v:+d}" for k, v in deltas.items() if v)
            cause = f"IoU {best:.2f} ({off})"
        else:
            cause = "flagged " + "/".join(f for f in ("cut_top", "cut_bottom") if getattr(match, f))
        out.append(f"{head}: MISS {t.key} col-x {t.cover[0]} y {t.cover[1]} {t.cover[2]}x{t.cover[3]}: {cause}")
    for c in found:
        ious = [(iou(t.cover, c.cover_box), t) for t in shot.cards]
        if max([v for v, _ in ious] + [0.0]) >= 0.5:
            continue
        near_t = max(ious, key=lambda p: p[0])[1] if ious else None
        nearest = f", near {near_t.key} cut={near_t.cut_top or near_t.cut_bottom}" if near_t is not None else ""
        out.append(f"{head}: FALSE #{c.number} {c.cover_box} flags {c.flags()}{nearest}")
    return out


def render(shot: shots.Shot, reading: ShotReading | None, path: Path) -> None:
    """The screenshot with the truth covers (green; complete solid, cut thin) and the found ones
    (red; flagged cut in orange) drawn on it, to look at."""
    import cv2

    img = cv2.cvtColor(shot.image, cv2.COLOR_RGB2BGR)
    th = max(2, shot.image.shape[1] // 400)
    for t in shot.cards:
        x, y, w, h = t.cover
        cv2.rectangle(img, (x, y), (x + w - 1, y + h - 1), (0, 200, 0), th if t.complete else 1)
    for c in reading.cards if reading is not None else []:
        x, y, w, h = c.cover_box
        color = (0, 140, 255) if c.cut else (0, 0, 255)
        cv2.rectangle(img, (x + th, y + th), (x + w - 1 - th, y + h - 1 - th), color, th)
        bx, by, bw, bh = c.card_box
        cv2.rectangle(img, (bx + 2 * th, by + bh - 1), (bx + bw - 1 - 2 * th, by + bh - 1), color, 1)
        cv2.putText(img, str(c.number), (x + 3 * th, y + 12 * th), cv2.FONT_HERSHEY_SIMPLEX, th / 2, color, th)
    cv2.imwrite(str(path), img)


def accuracy(n: int, seed: int, variation: bool, show_why: bool = False, render_dir: Path | None = None) -> Score:
    total = Score()
    for i in range(n):
        shot = shots.make_shot(seed + i, variation=variation)
        try:
            reading = read_screenshot(shot.image, f"shot{seed + i}")
        except NotAFeedError:
            reading = None
        s = score_shot(shot, reading)
        total.add(s)
        lines = why(shot, reading) if show_why or render_dir is not None else []
        if show_why:
            for line in lines:
                print(line)
        if render_dir is not None and lines:
            render_dir.mkdir(parents=True, exist_ok=True)
            render(shot, reading, render_dir / f"{'var' if variation else 'tune'}-{seed + i}.png")
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
    ap.add_argument("--why", action="store_true", help="say why each complete card was missed and each false card")
    ap.add_argument("--render", type=Path, help="draw truth and found covers of the shots with misses into this folder")
    args = ap.parse_args()
    _app = QGuiApplication.instance() or QGuiApplication([])
    if args.accuracy:
        score = accuracy(args.n, args.seed, args.variation, args.why, args.render)
        if args.misses:
            print("\n".join(score.misses))
    else:
        speed(args.shots, args.runs)


if __name__ == "__main__":
    main()
