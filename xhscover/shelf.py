"""Glue for `xhscover feed` and `xhscover score` (and the demo): inputs -> feed / score outputs.

Same layer as cli.py: it reads files named on the command line, renders the user's projects,
and hands cards to the feed simulator and the scorer. Each command yields the lines to print.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from xhscover.errors import XhsError

PROJECT_SUFFIX = ".xhscover"


@dataclass
class ShelfInputs:
    mine: list  # feed.cards.Card, with extra["facts"] (score.covers.CoverFacts)
    competitors: list
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _unique(name: str, taken: set[str]) -> str:
    out, n = name, 2
    while out in taken:
        out = f"{name}-{n}"
        n += 1
    taken.add(out)
    return out


def load_mine(paths: Sequence[str], titles: Sequence[str] | None = None) -> tuple[list, dict[str, str]]:
    """Cards for the user's covers: image files as they are, projects rendered variant by variant.

    Note titles: --title (one per --mine, in order) > the cover's note title.
    """
    from xhscover.feed.cards import card_from_image
    from xhscover.feed.imagefiles import load_rgb
    from xhscover.model.project import load_project
    from xhscover.score.covers import facts_from_image
    from xhscover.score.user_covers import cover_card, note_title, render_rgb

    titles = list(titles or [])
    if len(titles) > len(paths):
        raise XhsError(f"{len(titles)} --title given for {len(paths)} --mine covers; give at most one per cover.")
    cards: list[Any] = []
    sources: dict[str, str] = {}
    taken: set[str] = set()
    single_project = len(paths) == 1 and Path(paths[0]).suffix.lower() == PROJECT_SUFFIX
    for i, raw in enumerate(paths):
        path = Path(raw)
        if not path.is_file():
            raise XhsError(f"--mine {raw}: no such file.")
        title = titles[i] if i < len(titles) else None
        if path.suffix.lower() == PROJECT_SUFFIX:
            project = load_project(path)
            if not project.covers:
                raise XhsError(f"{path.name}: the project has no covers.")
            for cover in project.covers:
                base = cover.id if single_project else (f"{path.stem}-{cover.id}" if len(project.covers) > 1 else path.stem)
                cid = _unique(base, taken)
                try:
                    rgb = render_rgb(cover, project.images)
                except XhsError:
                    raise
                except Exception as exc:  # a damaged layer must name the file, not crash
                    raise XhsError(f"{path.name}: cover {cover.id} cannot be rendered ({exc}).") from exc
                note = title if title is not None else note_title(cover)
                card = cover_card(cover, project.images, id=cid, title=note, rgb=rgb)
                cards.append(card)
                sources[cid] = f"{path}#{cover.id}"
        else:
            rgb = load_rgb(path)
            cid = _unique(path.stem, taken)
            card = card_from_image(rgb, id=cid, title=title or "", mine=True)
            card.extra["facts"] = facts_from_image(rgb, id=cid, mine=True)
            cards.append(card)
            sources[cid] = str(path)
    return cards, sources


def load_inputs(args: argparse.Namespace) -> ShelfInputs:
    from xhscover.feed.cards import SHELF_COVER_WIDTH, load_competitor_dir, load_sample_shelf

    mine, sources = load_mine(args.mine, getattr(args, "title", None))
    # decoded as the app decodes them, so both score the same pixels
    saved = None if getattr(args, "competitors", None) else project_shelf(args.mine)
    if getattr(args, "competitors", None):
        competitors, warnings = load_competitor_dir(args.competitors, max_width=SHELF_COVER_WIDTH)
    elif saved is not None:
        competitors, warnings = saved
    else:
        competitors, warnings = load_sample_shelf(max_width=SHELF_COVER_WIDTH)
    for c in competitors:
        sources.setdefault(c.id, str(c.extra.get("file", "sample shelf")) if isinstance(c.extra, dict) else "sample shelf")
    return ShelfInputs(mine=mine, competitors=competitors, sources=sources, warnings=list(warnings))


def project_shelf(paths: Sequence[str]) -> tuple[list[Any], list[str]] | None:
    """The competitors a single --mine project keeps (imported from screenshots or a folder, or the
    sample shelf with its edited titles), as the app shows them; None when there is no such shelf."""
    if len(paths) != 1 or Path(paths[0]).suffix.lower() != PROJECT_SUFFIX:
        return None
    from xhscover.feed.cards import SHELF_COVER_WIDTH, load_sample_shelf
    from xhscover.feed.saved import cards_from_shelf
    from xhscover.model.project import load_project

    project = load_project(paths[0])
    shelf = project.shelf
    if shelf.cards:
        return cards_from_shelf(shelf, project.images, SHELF_COVER_WIDTH)
    if not shelf.sample_titles:
        return None
    cards, warnings = load_sample_shelf(max_width=SHELF_COVER_WIDTH)
    return [replace(c, title=shelf.sample_titles.get(c.id, c.title)) for c in cards], warnings


def _check_device(device: str) -> None:
    from xhscover.feed.profiles import load_profiles

    load_profiles().device(device)  # raises a one-line ProfileError for unknown ids


def feed_command(args: argparse.Namespace) -> Iterator[str]:
    """`xhscover feed`: put the covers into one simulated feed screen (or the whole scroll) and export."""
    from xhscover.feed.draw import render_feed
    from xhscover.feed.export import write_description, write_image
    from xhscover.feed.spec import FeedSpec

    _check_device(args.device)
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".jpg", ".jpeg", ".webp"):
        raise XhsError("-o/--output must end in .png, .jpg or .webp")
    if args.slot is not None and args.slot < 1:
        raise XhsError(f"--slot counts feed positions from 1 (1 = top left), not {args.slot}")
    inputs = load_inputs(args)
    slot = args.slot - 1 if args.slot is not None else None  # the feed counts from 0
    spec = FeedSpec(device=args.device, theme=args.theme, page=args.page, query=args.query or "",
                    mine=inputs.mine, competitors=inputs.competitors, slot=slot, seed=args.seed,
                    full_scroll=bool(getattr(args, "full", False)))
    image, desc = render_feed(spec)
    path = write_image(image, out)
    mine = [c for c in desc["cards"] if c["mine"]]
    slots = ", ".join(f"{c['id']} at slot {c['index'] + 1}{'' if c['visible'] else ' (below the first screen)'}"
                      for c in mine)
    yield f"feed: {path} ({image.width()}x{image.height()}, {len(desc['cards'])} cards; {slots})"
    if getattr(args, "json", None):
        jpath = write_description(dict(desc, image=path.name, sources=inputs.sources), args.json)
        yield f"cards: {jpath}"
    for w in inputs.warnings:
        yield f"warning: {w}"


def score_command(args: argparse.Namespace) -> Iterator[str]:
    """`xhscover score`: position-fair attention scores, A/B verdicts, diagnostics, reports."""
    from xhscover.score import report
    from xhscover.score.run import score_shelf

    _check_device(args.device)
    placements = int(getattr(args, "placements", 32))
    if not 1 <= placements <= 2000:
        raise XhsError("--placements must be between 1 and 2000.")
    inputs = load_inputs(args)
    run = score_shelf(inputs.mine, inputs.competitors, device=args.device, theme=args.theme, page=args.page,
                      query=args.query or "", placements=placements, seed=int(getattr(args, "seed", 0) or 0),
                      diagnose_competitors=bool(getattr(args, "html", None) or getattr(args, "json", None)
                                                or getattr(args, "csv", None) or getattr(args, "heatmaps", None)))
    run.sources = inputs.sources
    yield from summary_lines(run)
    if getattr(args, "json", None):
        yield f"json: {report.write_json(run, args.json)}"
    if getattr(args, "csv", None):
        yield f"csv: {report.write_csv(run, args.csv)}"
    if getattr(args, "html", None):
        yield f"html: {report.write_html(run, args.html)}"
    if getattr(args, "heatmaps", None):
        files = report.write_heatmaps(run, args.heatmaps)
        yield f"heatmaps: {len(files)} PNG in {args.heatmaps}"
    for w in inputs.warnings + run.warnings:
        yield f"warning: {w}"


def summary_lines(run) -> Iterator[str]:
    for card in run.mine:
        s = run.scores[card.id]
        yield s.summary_en()
        d = run.diagnoses.get(card.id)
        if d is not None:
            bad = [f for f in d.findings if f.status in ("fail", "warn")]
            for f in bad:
                yield f"  {f.status}: {f.en}"
    for v in run.verdicts:
        yield f"A/B: {v.text_en()}"
