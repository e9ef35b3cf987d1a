"""Hypothesis strategies for hostile project files: JSON-level mutations of a real project.

Shared by the loader fuzz test (tests/model) and the renderer fuzz test (tests/render). Every
example starts from a project the real model code builds (a layout with text, image, shape and
sticker layers and every text effect), then sets, deletes or retypes a few values anywhere in it.
"""

from __future__ import annotations

import copy
import io
import json
import zipfile
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12)
    | st.sampled_from(["#FF2442", "#00000080", "asset:photos/food-01.jpg", "text", "image", "shape",
                       "sticker", "3:4", "linear", "radial", "\udfff", "../../x", "A/B", "", " "]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=8,
)


NUMBERS = (st.floats(-40000, 40000) | st.floats(-3, 3) | st.integers(-5, 5000)
           | st.sampled_from([0, -1, 1e-9, 1e7, -1e7, 1e8, 32768, 32769, 2000, 2001, 0.1, 10.0]))


def base_project() -> dict[str, Any]:
    from xhscover.model.layers import ShapeLayer, StickerLayer, TextLayer
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.model.project import Project, project_to_dict
    from xhscover.model.styles import Fill, Highlight, LabelBox, Shadow, Stroke, TextStyle

    cover = build_cover(get_layout("photo-title-band"), "3:4")
    style = TextStyle(fill=Fill.linear([(0.0, "#FF2442"), (1.0, "#FFE45C")]), strokes=[Stroke("#000000", 6)],
                      shadow=Shadow(), highlight=Highlight(), label=LabelBox(border=Stroke("#FFFFFF", 3)))
    cover.layers += [
        TextLayer(id="fx", x=60, y=900, w=900, h=300, text="花字标题 Title 123", style=style),
        ShapeLayer(id="shape", x=100, y=100, w=300, h=200, shape="rounded_rect", stroke=Stroke("#000000", 4)),
        StickerLayer(id="st", x=700, y=100, w=200, h=200, sticker="must-see"),
        StickerLayer(id="emoji", x=700, y=400, w=200, h=200, emoji="🔥"),
    ]
    return project_to_dict(Project(covers=[cover]))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


BASE = base_project()
# deepest first: Hypothesis favours early elements, and the layers and styles are where the renderer's
# inputs are (the top-level keys are still drawn, less often)
PATHS = sorted(_paths(BASE), key=lambda p: (-len(p), str(p)))


@st.composite
def mutated_projects(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            last = path[-1]
            old = parent[last]
            how = draw(st.sampled_from(["same-type", "same-type", "any", "delete"]))
            if how == "delete" and isinstance(parent, dict):
                parent.pop(last, None)
            elif how == "same-type" and isinstance(old, (int, float)) and not isinstance(old, bool):
                parent[last] = draw(NUMBERS)  # extremes inside and outside the bounds
            elif how == "same-type" and isinstance(old, str):
                parent[last] = draw(st.text(max_size=30) | st.sampled_from(["#FF244200", "#ABC", "🔥" * 20]))
            else:
                parent[last] = draw(JSON)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or retyped this path
    return data


def project_zip(data: dict[str, Any] | bytes) -> bytes:
    payload = data if isinstance(data, bytes) else json.dumps(data).encode("ascii")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.json", payload)
    return buf.getvalue()
