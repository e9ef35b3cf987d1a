"""Speed of 帮我改: 50 candidates generated, rendered and ranked on the bundled sample shelf.

    .venv/bin/python benchmarks/suggest.py [--runs 3] [--n 50] [--placements 32]

As in a session, the competitors' text and face detection and the original cover's own analysis
and fair score are done before timing (the score panel has run). Each run improves another cover
(a different title size), so nothing about its candidates is cached. Prints medians of `--runs` runs of:
- a whole run (`SuggestRun.run`: candidates generated, rendered, gated, scored on one placement
  per visible slot, the best kinds re-scored on all placements, ranked), target <= 10 s;
  the first run of a cover also renders the plan's screens once (timed apart: "cold");
- the time until the first 5 results are known (progress callback; all of them when the run
  offers fewer than 5), target <= 3 s in the app;
and, as a reference measured in the same run, one position-fair score of the original over the
same placements (`fair_score`, the score panel's own cost), with the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def weak_cover(size: float = 70.0):
    """The honesty test's weak cover: small grey title straight on a busy photo (50 candidates).
    Each run uses another title size, so no candidate of an earlier run is in any cache."""
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.model.styles import Fill

    cover = build_cover(get_layout("photo-title-band"))
    for lay in cover.layers:
        if lay.id == "band":
            lay.visible = False
    t = cover.title_layer()
    t.style.size, t.style.fill, t.style.shadow = size, Fill.solid("#B8B8B0"), None
    cover.note_title = "周末去哪儿"
    return cover


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--placements", type=int, default=32)
    args = parser.parse_args()
    import cv2

    cv2.setNumThreads(2)
    from xhscover.feed.cards import SHELF_COVER_WIDTH, load_sample_shelf
    from xhscover.model.images import ImageStore
    from xhscover.render.qt import ensure_gui_app
    from xhscover.score.fair import fair_score
    from xhscover.score.shares import ShelfScorer
    from xhscover.score.suggest import SuggestRun
    from xhscover.score.user_covers import cover_card

    ensure_gui_app()
    competitors, _w = load_sample_shelf(max_width=SHELF_COVER_WIDTH)
    scorer = ShelfScorer(competitors)
    scorer.prepare()
    store = ImageStore()
    totals, firsts, refs, cpus, cold = [], [], [], [], None
    tried = n_sugg = 0
    for i in range(args.runs + 1):
        cover = weak_cover(70.0 + 2 * i)
        card = cover_card(cover, store, id="A", title=cover.note_title)  # the score panel's analysis
        t = time.perf_counter()
        fair_score(scorer, card, placements=args.placements, seed=0)  # and its fair score: the reference
        refs.append(time.perf_counter() - t)
        shown: list[tuple[float, int]] = []  # (seconds since start, results shown) at each progress call
        start = time.perf_counter()
        cpu0 = time.process_time()

        def progress(done: int, total: int, top: list, shown: list = shown, start: float = start) -> None:
            shown.append((time.perf_counter() - start, len(top)))

        run = SuggestRun(scorer, card, cover, store, placements=args.placements, n=args.n)
        result = run.run(progress=progress)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu0
        tried, n_sugg = result.tried, len(result.suggestions)
        if i == 0:
            cold = elapsed  # the first run of the session renders the shelf's screens once
            continue
        totals.append(elapsed)
        cpus.append(cpu)
        # the first 5 results, or all of them when the run offers fewer (a clearly worse change is
        # never offered, so a cover can end with 4): when the panel first showed that many
        k = min(5, len(result.suggestions))
        firsts.append(next((t for t, n in shown if n >= k), elapsed) if k else elapsed)
    total, ref = statistics.median(totals), statistics.median(refs)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"帮我改 on the sample shelf ({len(competitors)} covers), {args.placements} placements, "
          f"{tried} candidates tried, {n_sugg} suggestions; medians of {args.runs} runs; load average {load:.1f} "
          f"on {os.cpu_count()} cores")
    print("| what | median s | target s |")
    print("|---|---|---|")
    print(f"| whole run on a new cover: generate, render, gate, rank {tried} candidates | {total:.2f} | 10 |")
    print(f"| the same, CPU time of the process (all its threads; close to the wall time on an idle machine) "
          f"| {statistics.median(cpus):.2f} | - |")
    print(f"| first run of the session (also renders the shelf's screens once) | {cold:.2f} | - |")
    print(f"| first 5 results known (progress) | {statistics.median(firsts):.2f} | 3 |")
    print(f"| reference: one position-fair score of the original, {args.placements} placements | {ref:.2f} | - |")
    print(f"ratios: a whole 帮我改 run = {total / ref:.1f}x one fair score ({total / ref / max(1, tried):.2f}x per "
          f"candidate); first 5 results = {statistics.median(firsts) / ref:.1f}x one fair score")


if __name__ == "__main__":
    main()
