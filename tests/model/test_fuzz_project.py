"""Fuzzing the project loader: any mutation of a real project file loads, or raises ProjectError.

Hypothesis drives JSON-level mutations (values set to any JSON, keys deleted, types changed) and
byte-level damage (flips, truncation) of a real `.xhscover`; derandomized, so CI is repeatable.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.fuzz import FUZZ, mutated_projects, project_zip
from xhscover.errors import ProjectError
from xhscover.model.project import Project, load_project


def _load(tmp: Path, blob: bytes) -> Project | None:
    path = tmp / "fuzz.xhscover"
    path.write_bytes(blob)
    try:
        return load_project(path)
    except ProjectError as exc:
        assert str(exc) and "\n" not in str(exc)  # one clear line
        return None


@settings(FUZZ, max_examples=300)
@given(data=mutated_projects())
def test_mutated_project_loads_or_raises_project_error(tmp_path_factory, data):
    project = _load(tmp_path_factory.mktemp("p"), project_zip(data))
    if project is not None:
        assert project.covers


@settings(FUZZ, max_examples=300)
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 7)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 10**6)))
def test_damaged_project_bytes_load_or_raise_project_error(tmp_path_factory, flips, cut):
    from tests.model.fuzz import BASE

    blob = bytearray(project_zip(BASE))
    for pos, bit in flips:
        blob[pos % len(blob)] ^= 1 << bit
    if cut is not None:
        blob = blob[: cut % len(blob)]
    _load(tmp_path_factory.mktemp("b"), bytes(blob))
