"""Command line: the same core as the app, for batch work, tests and machines with no screen.

Every command imports what it needs lazily so `xhscover --version` and `xhscover layouts` stay fast.
Errors a user can cause print one line and exit 2; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from xhscover import __version__
from xhscover.errors import XhsError

if TYPE_CHECKING:
    from xhscover.model.project import Project

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".tif", ".tiff", ".gif", ".heic", ".heif", ".avif",
                  ".svg", ".eps", ".ps", ".pdf"}  # a --set value with one of these names is an image, read by content


def _gui_app():
    from xhscover.render.qt import ensure_gui_app

    return ensure_gui_app()


def load_spec(spec: str, ratio: str | None, sets: list[str], runs: list[str] | None = None,
              styles: list[str] | None = None):
    """Resolve SPEC (layout id, layout file or project file) to a Project with content applied:
    `--set SLOT=VALUE` first, then `--style SLOT=PRESET` (a 花字 preset), then `--run SLOT=TEXT:STYLE`
    (characters of a text slot)."""
    from xhscover.model.layouts import build_cover, fill_slot, get_layout, load_layout_file
    from xhscover.model.project import SUFFIX, Project, load_project

    path = Path(spec)
    if path.suffix == SUFFIX:
        project = load_project(path)
        if ratio and any(c.ratio != ratio for c in project.covers):
            raise XhsError("--ratio cannot change a project's covers; change the ratio in the app")
    else:
        layout = load_layout_file(path) if path.suffix == ".json" else get_layout(spec)
        project = Project()
        project.covers = [build_cover(layout, ratio or "3:4")]
    for item in sets:
        slot, sep, value = item.partition("=")
        if not sep or not slot:
            raise XhsError(f"--set expects SLOT=TEXT_OR_IMAGE_PATH, got {item!r}")
        if _is_image_slot(project, slot) or Path(value).suffix.lower() in IMAGE_SUFFIXES:
            if not os.path.lexists(value):
                raise XhsError(f"--set {slot}: {slot} takes an image file, and {value} does not exist")
            value = project.images.add_file(value)  # the format is decided by the content
        for cover in project.covers:
            fill_slot(cover, slot, value)
    for item in styles or []:
        _apply_style(project, item)
    for item in runs or []:
        _apply_run(project, item)
    return project


def _text_slot(cover, slot: str, option: str):
    from xhscover.model.layers import TextLayer

    layer = cover.find_slot(slot)
    if not isinstance(layer, TextLayer):
        known = [lay.slot for lay in cover.text_layers() if lay.slot]
        raise XhsError(f"{option}: no text slot {slot!r}; text slots: {', '.join(known)}")
    return layer


def _apply_style(project, item: str) -> None:
    """`--style title=double-outline-red`: the title slot takes that 花字 preset's look."""
    from xhscover.model.presets import get_preset, preset_changes

    slot, sep, preset_id = item.partition("=")
    if not sep or not slot or not preset_id:
        raise XhsError(f"--style expects SLOT=PRESET (see `xhscover presets`), got {item!r}")
    preset = get_preset(preset_id.strip())
    for cover in project.covers:
        layer = _text_slot(cover, slot, "--style")
        for path, value in preset_changes(preset, layer.style).items():
            setattr(layer.style, path.split(".", 1)[1], value)


def _apply_run(project, item: str) -> None:
    """`--run title=800:color=#FF2442,scale=1.3`: style every occurrence of 800 in the title slot."""
    from xhscover.model.runs import parse_style_spec, style_occurrences

    slot, sep, rest = item.partition("=")
    needle, colon, style = rest.rpartition(":")
    if not sep or not slot or not colon:
        raise XhsError(f"--run expects SLOT=TEXT:STYLE (e.g. title=800:color=#FF2442), got {item!r}")
    changes = parse_style_spec(style, f"--run {slot}")
    for cover in project.covers:
        layer = _text_slot(cover, slot, "--run")
        layer.runs = style_occurrences(layer.runs, layer.text, needle, changes, f"--run {slot}")


def _is_image_slot(project: Project, slot: str) -> bool:
    from xhscover.model.layers import ImageLayer

    if slot == "background":
        return True
    return any(isinstance(c.find_slot(slot), ImageLayer) for c in project.covers)


def cmd_render(args: argparse.Namespace) -> int:
    project = load_spec(args.spec, args.ratio, args.set or [], args.run or [], args.style or [])
    _gui_app()
    from xhscover.render.cover import render_cover
    from xhscover.render.export import save_image

    covers = project.covers
    if args.variant:
        covers = [project.cover(args.variant)] if args.variant in {c.id for c in covers} else []
        if not covers:
            raise XhsError(f"no variant {args.variant!r}; variants: {', '.join(c.id for c in project.covers)}")
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        raise XhsError("output must end in .png, .jpg or .jpeg")
    for i, cover in enumerate(covers[:1] if not args.all_variants else covers):
        target = out if i == 0 and not args.all_variants else out.with_name(f"{out.stem}-{cover.id}{out.suffix}")
        img = render_cover(cover, project.images, scale=args.scale)
        save_image(img, target, quality=args.quality)
        print(f"{target} ({img.width()}x{img.height()})")
    return 0


def cmd_layouts(args: argparse.Namespace) -> int:
    from xhscover.model.layouts import bundled_layouts

    for layout in bundled_layouts():
        slots = ", ".join(layout.text_slots() + layout.image_slots())
        print(f"{layout.id:24} {layout.genre:12} {layout.name_zh} / {layout.name_en}  [{slots}]")
    return 0


def cmd_presets(args: argparse.Namespace) -> int:
    from xhscover.model.presets import text_presets

    for preset in text_presets():
        print(f"{preset.id:24} {preset.name_zh} / {preset.name_en}")
    return 0


def cmd_fonts(args: argparse.Namespace) -> int:
    from xhscover.model.fonts import describe_fonts

    for line in describe_fonts():
        print(line)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from xhscover.demo import run_demo

    _gui_app()
    for line in run_demo(Path(args.out), fast=args.fast):
        print(line)
    return 0


def cmd_saliency(args: argparse.Namespace) -> int:
    from xhscover.attention.files import write_saliency_outputs
    from xhscover.attention.saliency import available_models

    if args.model not in available_models():
        raise XhsError(f"unknown model {args.model!r}; models: {', '.join(available_models())}")
    failed = 0
    for path in args.images:
        try:
            for written in write_saliency_outputs(path, args.out_dir, args.model, overlay=args.overlay,
                                                  kind=args.kind):
                print(written)
        except XhsError as exc:  # one bad image should not stop a batch
            print(f"xhscover: skipped {path}: {exc}", file=sys.stderr)
            failed += 1
    return 2 if failed else 0


def cmd_feed(args: argparse.Namespace) -> int:
    _gui_app()
    from xhscover.shelf import feed_command

    for line in feed_command(args):
        print(line)
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    _gui_app()
    from xhscover.shelf import score_command

    for line in score_command(args):
        print(line)
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    _gui_app()
    from xhscover.suggest_command import suggest_command

    for line in suggest_command(args):
        print(line)
    return 0


def cmd_import_shelf(args: argparse.Namespace) -> int:
    from xhscover.shelfimport.folder import write_competitor_folder
    from xhscover.shelfimport.reader import read_screenshot_files, shelf_cards

    readings, failed = read_screenshot_files(args.screenshots)
    by_name = {r.source: r for r in readings}
    for raw in args.screenshots:
        name = Path(raw).name
        print(by_name[name].summary() if name in by_name else failed.get(name, f"{name}: not read"))
    cards = shelf_cards(readings, include_cut=args.include_cut)
    if not cards:
        raise XhsError("no cards to import; nothing written")
    meta = write_competitor_folder(cards, args.out)
    print(f"wrote {len(cards)} covers and {meta.name} to {meta.parent}")
    return 0


def _require_screen() -> None:
    """Qt aborts the process when it finds no display; say so in one line instead."""
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )
    if headless:
        raise XhsError("no screen found (DISPLAY is not set), so the desktop app cannot open; "
                       "on a machine without a screen run `xhscover demo --out DIR`")


def cmd_app(args: argparse.Namespace) -> int:
    _require_screen()
    from xhscover.ui.app import run_app

    return run_app(sys.argv[:1], open_path=getattr(args, "file", None), debug=args.debug)


def add_shelf_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--mine", action="append", required=True, metavar="COVER",
                   help="your cover (PNG/JPEG/WebP) or a .xhscover project (every variant); repeat for variants")
    p.add_argument("--competitors", metavar="DIR", help="folder of competitor covers (default: bundled sample shelf)")
    p.add_argument("--device", default="iphone-15")
    p.add_argument("--theme", choices=["light", "dark"], default="light")
    p.add_argument("--page", choices=["home", "search"], default="home")
    p.add_argument("--query", default="", help="search text shown on the search page")
    p.add_argument("--title", action="append", help="note title under your cover (one per --mine)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="xhscover", description="Xiaohongshu cover workbench (no command: open the app)")
    parser.add_argument("--version", action="version", version=f"xhscover {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logging")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("open", help="open a project in the app")
    p.add_argument("file")
    p.set_defaults(func=cmd_app)

    p = sub.add_parser("layouts", help="list bundled layouts")
    p.set_defaults(func=cmd_layouts)
    p = sub.add_parser("fonts", help="list bundled font families")
    p.set_defaults(func=cmd_fonts)
    p = sub.add_parser("presets", help="list the 花字 text style presets (for render --style)")
    p.set_defaults(func=cmd_presets)

    p = sub.add_parser("render", help="render a layout, layout file or project to PNG/JPEG")
    p.add_argument("spec", metavar="SPEC", help="layout id, layout .json file or .xhscover project")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--ratio", choices=["3:4", "1:1", "4:3"])
    p.add_argument("--set", action="append", metavar="SLOT=TEXT_OR_IMAGE_PATH")
    p.add_argument("--style", action="append", metavar="SLOT=PRESET",
                   help="give a text slot a 花字 preset's look, e.g. title=double-outline-red (list: xhscover presets)")
    p.add_argument("--run", action="append", metavar="SLOT=TEXT:STYLE",
                   help="style characters of a text slot, e.g. title=800:color=#FF2442,scale=1.3 "
                        "(keys: color, scale, highlight, stroke=#FFFFFF/8+#1A1A1A/4)")
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--quality", type=int, default=92, help="JPEG quality")
    p.add_argument("--variant", help="project variant id (default: the first)")
    p.add_argument("--all-variants", action="store_true", help="render every variant to OUT-ID.png")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("demo", help="render every layout, a feed and a score report into a folder (no screen needed)")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--fast", action="store_true", help="smaller output, fewer placements")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import-shelf", help="read competitor cards from screenshots of the feed or search results")
    p.add_argument("screenshots", nargs="+", metavar="SHOT", help="phone or web screenshots (PNG/JPEG/WebP)")
    p.add_argument("--out", required=True, metavar="DIR", help="competitor folder to write (covers + cards.json)")
    p.add_argument("--include-cut", action="store_true", help="also import cards cut by the screen edge")
    p.set_defaults(func=cmd_import_shelf)

    p = sub.add_parser("saliency", help="write a 16-bit saliency map PNG per image")
    p.add_argument("images", nargs="+", metavar="IMAGE")
    p.add_argument("--out-dir", required=True)
    p.add_argument("--model", default="default", help="default, classic, centre, spectral or conspicuity")
    p.add_argument("--kind", default="image", choices=["image", "cover", "page", "screen"],
                   help="what the images are; picks the default model's position prior (centre for "
                        "images and covers, top-left for web pages and feed screens)")
    p.add_argument("--overlay", action="store_true", help="also write STEM-overlay.jpg heatmaps")
    p.set_defaults(func=cmd_saliency)

    p = sub.add_parser("feed", help="put covers into a simulated Xiaohongshu feed")
    add_shelf_options(p)
    p.add_argument("--slot", type=int, help="feed position of your first cover, counted from 1 (1 = top left), "
                   "as in the app's feed dock")
    p.add_argument("--seed", type=int, help="random placement and competitor order")
    p.add_argument("--full", action="store_true", help="export the whole scrolled feed, not one screen")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--json", metavar="CARDS.json")
    p.set_defaults(func=cmd_feed)

    p = sub.add_parser("score", help="score attention on the shelf (货架思维)")
    add_shelf_options(p)
    p.add_argument("--placements", type=int, default=32)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", metavar="R.json")
    p.add_argument("--csv", metavar="R.csv")
    p.add_argument("--html", metavar="R.html")
    p.add_argument("--heatmaps", metavar="DIR", help="write PNG heatmap overlays here")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("suggest", help="帮我改: variants of your cover ranked on its shelf, and what to change")
    p.add_argument("cover", metavar="COVER_OR_PROJECT",
                   help="a .xhscover project, a layout id or .json (or a PNG/JPEG: crops only)")
    p.add_argument("--variant", help="project variant to improve (default: the first)")
    p.add_argument("--competitors", metavar="DIR", help="folder of competitor covers (default: bundled sample shelf)")
    p.add_argument("--device", default="iphone-15")
    p.add_argument("--theme", choices=["light", "dark"], default="light")
    p.add_argument("--page", choices=["home", "search"], default="home")
    p.add_argument("--query", default="", help="search text shown on the search page")
    p.add_argument("--n", type=int, default=50, help="candidates to try (default 50)")
    p.add_argument("--top", type=int, default=5, help="suggestions to keep (default 5)")
    p.add_argument("--placements", type=int, default=32)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_suggest)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    from xhscover import logs

    logs.configure(debug=logs.debug_requested(args.debug))
    if args.command is None:
        args.func = cmd_app
    elif args.command != "open" and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from xhscover import notices

    try:
        with notices.collect() as said:
            try:
                return int(args.func(args) or 0)
            finally:
                for text in said:  # what the core drew a placeholder for or left out
                    print(f"xhscover: warning: {text}", file=sys.stderr)
    except XhsError as exc:
        if args.debug:
            raise
        print(f"xhscover: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `xhscover presets | head`: the reader left; not an error of ours
        _quiet_stdout()
        return 0
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        if args.debug:
            raise
        print(f"xhscover: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 1


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit does not fail again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
