"""Fuzzing the competitor readers: any cards.csv / cards.json text, and any bytes named like a cover,
give cards and warnings, never an exception; what they yield can be drawn in a feed."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.model.fuzz import FUZZ, JSON
from xhscover.feed.metadata import parse_csv, parse_json

FIELD = st.sampled_from(["file", "title", "author", "likes", "avatar", "FILE", "", "x"])
VALUE = (st.text(max_size=20) | st.sampled_from(["1.2万", "3w", "1e400", "9" * 400, "-5", "c1.jpg", "../../etc/passwd",
                                                 "\udfff", "a\x00b", '"', "\n"]))


@settings(FUZZ, max_examples=300)
@given(header=st.lists(FIELD, min_size=1, max_size=6),
       rows=st.lists(st.lists(VALUE, max_size=7), max_size=8),
       noise=st.text(max_size=40))
def test_any_cards_csv_gives_rows_and_warnings(header, rows, noise):
    text = ",".join(header) + "\n" + "\n".join(",".join(r) for r in rows) + noise
    metas, warnings = parse_csv(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    for m in metas:
        assert m.file and (m.likes is None or 0 <= m.likes <= 10**12)
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)


@settings(FUZZ, max_examples=300)
@given(data=st.one_of(JSON, st.lists(st.dictionaries(FIELD, JSON | VALUE, max_size=5), max_size=8),
                      st.dictionaries(st.just("cards"), st.lists(st.dictionaries(FIELD, JSON | VALUE, max_size=5)))))
def test_any_cards_json_gives_rows_and_warnings(data):
    metas, warnings = parse_json(json.dumps(data))
    for m in metas:
        assert m.file and (m.likes is None or 0 <= m.likes <= 10**12)
        for text in (m.file, m.title, m.author, m.avatar):
            if text is not None:
                text.encode("utf-8")  # raises on lone surrogates: none may reach the feed


@settings(FUZZ, max_examples=60)
@given(blobs=st.lists(st.binary(max_size=300), min_size=1, max_size=3), csv=st.text(max_size=80))
def test_any_folder_loads_as_cards_and_warnings(qapp, tmp_path_factory, blobs, csv):
    from tests.hostile.corpus import png_bytes
    from xhscover.feed.cards import load_competitor_dir
    from xhscover.feed.draw import render_feed
    from xhscover.feed.spec import FeedSpec

    folder = tmp_path_factory.mktemp("shelf")
    (folder / "ok.png").write_bytes(png_bytes(60, 80))
    for i, blob in enumerate(blobs):  # random bytes, and real PNG bytes cut at random
        (folder / f"r{i}.jpg").write_bytes(blob)
        (folder / f"cut{i}.png").write_bytes(png_bytes(40, 50)[: len(blob)])
    (folder / "cards.csv").write_text("file,title,author,likes,avatar\n" + csv, encoding="utf-8", errors="replace")
    cards, warnings = load_competitor_dir(folder, max_width=120)
    assert any(c.id == "ok" for c in cards)
    image, _ = render_feed(FeedSpec(competitors=cards, device="android-360"), pixel_ratio=0.5)
    assert not image.isNull()
