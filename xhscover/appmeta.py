"""The one source of app metadata for every installer target.

The PyInstaller spec, the NSIS script, the Windows version resource, the macOS Info.plist, the
.desktop entry, the AppStream metainfo and the Debian control file are all rendered from this
module by `packaging/render_templates.py` (Picard-style `.in` templates), so a rename or a version
bump is one edit here (the version itself lives in `xhscover.__version__`). Pure data: no Qt.
"""

from __future__ import annotations

from xhscover import APP_NAME, __version__

NAME = APP_NAME  # executable, package and folder name
DISPLAY_NAME = "XHS Cover"
DISPLAY_NAME_ZH = "小红书封面工坊"
APP_ID = "io.github.xhscover.XhsCover"  # reverse-DNS id: .desktop file, metainfo, macOS bundle id
VERSION = __version__
SUMMARY_EN = "Offline workbench for Xiaohongshu note covers"
SUMMARY_ZH = "离线的小红书笔记封面工作台"
DESCRIPTION_EN = (
    "Compose Xiaohongshu (RED) note covers from layouts, fonts and stickers, put them on a "
    "simulated feed next to competing notes, and score where the eye lands. Everything runs "
    "on your computer; nothing is uploaded."
)
DESCRIPTION_ZH = "用版式、字体和贴纸制作小红书笔记封面，放进模拟的信息流与竞品并排对比，并预测视线落点。全部在本机运行，不上传任何内容。"
PUBLISHER = "xhscover contributors"
LICENSE = "MIT"
HOMEPAGE = "https://github.com/xhscover/xhscover"  # placeholder until the public repository exists
CONTACT = "xhscover@users.noreply.github.com"
COPYRIGHT = "Copyright (c) xhscover contributors"
ICON = APP_ID  # icon theme name (hicolor), per the freedesktop app-id convention; source: packaging/icons/
CATEGORIES = ("Graphics", "2DGraphics", "RasterGraphics", "Qt")
KEYWORDS = ("Xiaohongshu", "RED", "cover", "thumbnail", "小红书", "封面")
MIME_TYPE = "application/x-xhscover"
PROJECT_SUFFIX = ".xhscover"
DEB_SECTION = "graphics"
INSTALL_DIR_LINUX = f"/opt/{NAME}"
CLI_NAME_WINDOWS = f"{NAME}-cli"  # console twin of the windowed exe on Windows

# Debian runtime libraries the bundled Qt (xcb platform plugin) and OpenCV load from the system;
# PyInstaller bundles the rest. Debian 12 / Ubuntu 22.04+ names.
DEB_DEPENDS = (
    "libc6 (>= 2.34)",
    "libgl1",
    "libegl1",
    "libx11-6",
    "libx11-xcb1",
    "libdbus-1-3",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    # the bundled Wayland platform plugin; without them Qt falls back to X11 (XWayland)
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)
DEB_RECOMMENDS = ("libfribidi0", "fonts-noto-color-emoji")


def version_tuple() -> tuple[int, int, int, int]:
    """`0.1.0` -> (0, 1, 0, 0) for the Windows version resource (numeric parts only)."""
    parts: list[int] = []
    for piece in VERSION.replace("-", ".").split(".")[:4]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    while len(parts) < 4:
        parts.append(0)
    return (parts[0], parts[1], parts[2], parts[3])


def template_values() -> dict[str, str]:
    """Every `@KEY@` a packaging template may use."""
    vt = version_tuple()
    return {
        "NAME": NAME,
        "DISPLAY_NAME": DISPLAY_NAME,
        "DISPLAY_NAME_ZH": DISPLAY_NAME_ZH,
        "APP_ID": APP_ID,
        "VERSION": VERSION,
        "VERSION_COMMAS": ", ".join(str(v) for v in vt),
        "VERSION_DOTS4": ".".join(str(v) for v in vt),
        "SUMMARY_EN": SUMMARY_EN,
        "SUMMARY_ZH": SUMMARY_ZH,
        "DESCRIPTION_EN": DESCRIPTION_EN,
        "DESCRIPTION_ZH": DESCRIPTION_ZH,
        "PUBLISHER": PUBLISHER,
        "LICENSE": LICENSE,
        "HOMEPAGE": HOMEPAGE,
        "CONTACT": CONTACT,
        "COPYRIGHT": COPYRIGHT,
        "ICON": ICON,
        "CATEGORIES": ";".join(CATEGORIES) + ";",
        "KEYWORDS": ";".join(KEYWORDS) + ";",
        "CATEGORIES_XML": "\n".join(f"    <category>{c}</category>" for c in CATEGORIES if c != "Qt"),
        "KEYWORDS_XML": "\n".join(f"    <keyword>{k}</keyword>" for k in KEYWORDS),
        "MIME_TYPE": MIME_TYPE,
        "PROJECT_SUFFIX": PROJECT_SUFFIX,
        "DEB_SECTION": DEB_SECTION,
        "DEB_DEPENDS": ", ".join(DEB_DEPENDS),
        "DEB_RECOMMENDS": ", ".join(DEB_RECOMMENDS),
        "INSTALL_DIR_LINUX": INSTALL_DIR_LINUX,
        "CLI_NAME_WINDOWS": CLI_NAME_WINDOWS,
    }
