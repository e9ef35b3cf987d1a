"""Glue for `xhscover suggest` (same layer as cli.py): read the cover and the shelf, run 帮我改,
write the variants, suggestions.json and the HTML page. Yields the lines to print."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from xhscover.errors import XhsError
from xhscover.feed.imagefiles import IMAGE_SUFFIXES
from xhscover.shelf import PROJECT_SUFFIX, _check_device, project_shelf


def _competitors(args: argparse.Namespace) -> tuple[list[Any], list[str], str]:
    from xhscover.feed.cards import SHELF_COVER_WIDTH, load_competitor_dir, load_sample_shelf

    if getattr(args, "competitors", None):
        cards, warnings = load_competitor_dir(args.competitors, max_width=SHELF_COVER_WIDTH)
        return cards, warnings, str(args.competitors)
    saved = project_shelf([args.cover])  # the shelf the project keeps, as `score` and the app use it
    if saved is not None:
        return saved[0], saved[1], f"{Path(args.cover).name} (its saved shelf)"
    cards, warnings = load_sample_shelf(max_width=SHELF_COVER_WIDTH)
    return cards, warnings, "sample shelf"


def load_cover(path: Path, variant: str | None) -> tuple[Any, Any, str, bool, list[str]]:
    """(cover, image store, note title, image_only, notes) for a project variant, an image file, or a
    bundled layout id / layout .json (its sample content)."""
    from xhscover.feed.cards import note_title
    from xhscover.feed.imagefiles import load_rgb
    from xhscover.model.images import ImageStore
    from xhscover.model.project import load_project
    from xhscover.score.candidates import image_cover

    if path.suffix.lower() not in IMAGE_SUFFIXES + (PROJECT_SUFFIX,) and not path.is_file():
        from xhscover.cli import load_spec  # a bundled layout id or a layout .json, as `render` takes

        project = load_spec(str(path), None, [])
        cover = project.covers[0]
        return cover, project.images, note_title(cover), False, []
    if not path.is_file():
        raise XhsError(f"{path}: no such file.")
    if path.suffix.lower() == PROJECT_SUFFIX:
        project = load_project(path)
        ids = [c.id for c in project.covers]
        if variant is not None and variant not in ids:
            raise XhsError(f"{path.name} has no variant {variant!r}; variants: {', '.join(ids)}")
        cover = project.cover(variant) if variant else project.covers[0]
        return cover, project.images, note_title(cover), False, []
    if variant is not None:
        raise XhsError("--variant applies to a .xhscover project, not to an image.")
    rgb = load_rgb(path)
    store = ImageStore()
    cover = image_cover(rgb, store, "A")
    notes = [f"{path.name} is a picture, so only crops can be tried (its text, colours and layout are baked in); "
             f"save the cover as a project ({PROJECT_SUFFIX}) to get every kind of suggestion."]
    return cover, store, "", True, notes


def suggest_command(args: argparse.Namespace) -> Iterator[str]:
    from xhscover.feed.cards import card_from_image
    from xhscover.score.covers import facts_from_image
    from xhscover.score.diagnose import card_width_pt
    from xhscover.score.run import diagnose_mine
    from xhscover.score.shares import ShelfScorer
    from xhscover.score.suggest import MIN_COMPETITORS, SuggestRun
    from xhscover.score.suggest_report import write_outputs
    from xhscover.score.user_covers import cover_card, render_rgb
    from xhscover.score.verdict import verdict_line

    _check_device(args.device)
    placements = int(args.placements)
    if not 2 <= placements <= 500:
        raise XhsError("--placements must be between 2 and 500.")
    path = Path(args.cover)
    cover, store, title, image_only, notes = load_cover(path, getattr(args, "variant", None))
    competitors, warnings, shelf_source = _competitors(args)
    if len(competitors) < MIN_COMPETITORS:
        raise XhsError(f"the shelf has {len(competitors)} competitor cover(s); 帮我改 compares your cover with "
                       f"competitors in the same feed slot and needs at least {MIN_COMPETITORS} "
                       f"(add covers to {shelf_source}).")
    if image_only:
        rgb = render_rgb(cover, store)
        card = card_from_image(rgb, id=cover.id, title=title, mine=True)
        card.extra["facts"] = facts_from_image(rgb, id=cover.id, mine=True)
    else:
        card = cover_card(cover, store, id=cover.id, title=title)
    scorer = ShelfScorer(competitors, device=args.device, theme=args.theme, page=args.page, query=args.query or "")
    scorer.prepare()
    run = SuggestRun(scorer, card, cover, store, placements=placements, seed=int(args.seed), n=int(args.n),
                     top=int(args.top), image_only=image_only)
    result = run.run()
    diagnosis = diagnose_mine(scorer, card, ocr_check=not image_only)
    verdict = verdict_line(result.original, diagnosis, suggestion=result.best, seed=int(args.seed))
    shelf = {"device": args.device, "theme": args.theme, "page": args.page, "query": args.query or "",
             "competitors": shelf_source, "competitors_n": len(competitors),
             "card_width_pt": round(card_width_pt(args.device), 2)}
    files = write_outputs(result, args.out, original=cover, store=store, source=str(path), verdict=verdict,
                          shelf=shelf, diagnosis=diagnosis)
    yield verdict.text_en()
    yield result.headline_en()
    for rank, s in enumerate(result.suggestions, 1):
        yield (f"  {rank}. {s.id} {100 * s.gain:+.0f}% ({100 * s.ci_low:+.0f}% to {100 * s.ci_high:+.0f}%, "
               f"{s.ahead}/{s.n} ahead{'' if s.clear else ', inside the placement noise'}): {s.candidate.text_en()}")
    yield f"json: {files[0]}"
    yield f"html: {files[1]}"
    yield f"project: {files[2]} ({len(result.suggestions)} suggestions as variants after {cover.id})"
    for line in notes + warnings + result.warnings:
        yield f"note: {line}"
