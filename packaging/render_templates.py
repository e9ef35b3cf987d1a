"""Render packaging/templates/*.in with the app metadata from `xhscover.appmeta` (Picard-style).

`@KEY@` is replaced by the value of KEY (see `appmeta.template_values()`, plus build-time extras
such as RELEASE_DATE, DEB_ARCH or INSTALLED_SIZE_KB). An `@KEY@` left without a value is an error,
so a template can never ship a placeholder.

    python packaging/render_templates.py [OUT_DIR]      # default: build/packaging
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TEMPLATES = HERE / "templates"
PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")

sys.path.insert(0, str(ROOT))
from xhscover import appmeta  # noqa: E402


def release_date() -> str:
    """ISO date of the build; honours SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch else _dt.datetime.now(_dt.timezone.utc)
    return when.date().isoformat()


def values(**extra: str) -> dict[str, str]:
    out = appmeta.template_values()
    out.setdefault("RELEASE_DATE", release_date())
    out.update(extra)
    return out


def render_text(text: str, mapping: dict[str, str], name: str = "<template>") -> str:
    missing = sorted({m for m in PLACEHOLDER.findall(text) if m not in mapping})
    if missing:
        raise KeyError(f"{name}: no value for {', '.join('@' + m + '@' for m in missing)}")
    return PLACEHOLDER.sub(lambda m: mapping[m.group(1)], text)


def render(template: str, target: Path, **extra: str) -> Path:
    """Render packaging/templates/<template> (e.g. 'app.desktop.in') to `target`."""
    src = TEMPLATES / template
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_text(src.read_text(encoding="utf-8"), values(**extra), src.name), encoding="utf-8")
    return target


# templates every platform build needs and where they go inside OUT_DIR; the rest (control file,
# launcher) need build-time values and are rendered by the build script itself
COMMON = {
    "app.desktop.in": f"{appmeta.APP_ID}.desktop",
    "metainfo.xml.in": f"{appmeta.APP_ID}.metainfo.xml",
    "mime.xml.in": f"{appmeta.NAME}.xml",
    "version_info.txt.in": "version_info.txt",
    "installer.nsi.in": "installer.nsi",
}


def render_common(out_dir: Path) -> dict[str, Path]:
    return {name: render(name, out_dir / target) for name, target in COMMON.items()}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "packaging"
    for name, path in render_common(out).items():
        print(f"{name:24} -> {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
