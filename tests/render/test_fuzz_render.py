"""Fuzzing the renderer with hostile projects: whatever loads, renders (or raises XhsError).

The mutations of tests/model/fuzz.py that survive the loader are drawn at a small scale; any other
exception, a crash (a painter left on a freed image used to take the process down) or a hang fails.
"""

from __future__ import annotations

from hypothesis import event, given, settings

from tests.model.fuzz import FUZZ, mutated_projects
from xhscover.errors import ProjectError, XhsError
from xhscover.model.project import project_from_dict
from xhscover.render.cover import render_cover


@settings(FUZZ, max_examples=300)
@given(data=mutated_projects())
def test_whatever_loads_renders(qapp, data):
    try:
        project = project_from_dict(data)
    except ProjectError:
        event("refused")
        return
    event("rendered")
    for cover in project.covers[:2]:
        try:
            img = render_cover(cover, project.images, scale=0.2)
        except XhsError:
            continue
        assert not img.isNull() and img.width() == max(1, round(cover.width * 0.2))
