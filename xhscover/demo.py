"""`xhscover demo`: the headless main job. Renders every layout, a feed and a score report into a folder.

It exercises the same core as the app (renderer, shelf simulator, attention engine) so a machine
with no screen can show what xhscover does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from xhscover.errors import XhsError


def _render_layouts(out: Path, fast: bool) -> Iterator[str]:
    from xhscover.model.cover import RATIOS
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, bundled_layouts
    from xhscover.render.cover import render_cover
    from xhscover.render.export import save_image

    covers_dir = out / "covers"
    covers_dir.mkdir(parents=True, exist_ok=True)
    store = ImageStore()
    layouts = bundled_layouts()
    count = 0
    for layout in layouts:
        for ratio in ("3:4",) if fast else RATIOS:
            cover = build_cover(layout, ratio)
            img = render_cover(cover, store, scale=0.5 if fast else 1.0)
            target = covers_dir / f"{layout.id}-{ratio.replace(':', 'x')}.jpg"
            save_image(img, target, quality=90)
            count += 1
    yield f"covers: {count} renders of {len(layouts)} layouts in {covers_dir}"


DEMO_VARIANTS = (("A", "big-title-yellow"), ("B", "photo-top-text"))
DEMO_NOTE_TITLE = "一周带饭不重样｜打工人的快手午餐"


def _shelf(out: Path, fast: bool) -> Iterator[str]:
    """A feed of two demo covers (variants A/B) among the sample shelf, and their score report."""
    from xhscover.feed.cards import card_from_image, load_sample_shelf
    from xhscover.feed.draw import render_feed
    from xhscover.feed.export import write_description, write_image
    from xhscover.feed.spec import FeedSpec
    from xhscover.model.images import ImageStore
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.render.convert import qimage_to_rgb
    from xhscover.render.cover import render_cover
    from xhscover.score import report
    from xhscover.score.covers import facts_from_cover
    from xhscover.score.run import score_shelf
    from xhscover.shelf import summary_lines

    shelf_dir = out / "shelf"
    store = ImageStore()
    mine = []
    for vid, layout_id in DEMO_VARIANTS:
        cover = build_cover(get_layout(layout_id), "3:4")
        cover.id = cover.name = vid
        cover.note_title = DEMO_NOTE_TITLE
        rgb = qimage_to_rgb(render_cover(cover, store))
        card = card_from_image(rgb, id=vid, title=DEMO_NOTE_TITLE)
        card.extra["facts"] = facts_from_cover(cover, store, id=vid, rgb=rgb)
        mine.append(card)
    competitors, warnings = load_sample_shelf()
    image, desc = render_feed(FeedSpec(mine=mine, competitors=competitors, seed=7))
    feed_png = write_image(image, shelf_dir / "feed.png")
    write_description(dict(desc, image=feed_png.name), shelf_dir / "feed.json")
    yield f"feed: {feed_png} (+ feed.json; variants A/B among {len(competitors)} sample covers)"
    run = score_shelf(mine, competitors, placements=8 if fast else 32, seed=0, diagnose_competitors=not fast)
    run.sources = {vid: f"layout {layout_id}" for vid, layout_id in DEMO_VARIANTS}
    report.write_json(run, shelf_dir / "report.json")
    report.write_html(run, shelf_dir / "report.html")
    files = report.write_heatmaps(run, shelf_dir / "heatmaps", competitors=not fast)
    yield f"score: {shelf_dir / 'report.html'} (+ report.json, {len(files)} heatmaps in {shelf_dir / 'heatmaps'})"
    for line in summary_lines(run):
        yield f"  {line}"
    for w in warnings + run.warnings:
        yield f"  warning: {w}"


def run_demo(out: Path, *, fast: bool = False) -> Iterator[str]:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XhsError(f"cannot create {out}: {exc.strerror or exc}") from None
    yield from _render_layouts(out, fast)
    yield from _shelf(out, fast)
