"""Competitor shelves from screenshots: find the feed grid, read every card, write a competitor folder.

`reader.read_screenshot_files(paths)` -> readings per screenshot (cards with cover crops, titles,
nicknames, likes and flags, duplicates across screenshots marked); `folder.write_competitor_folder`
writes what `xhscover feed/score --competitors DIR` read. Layer: beside `score` (it needs
`attention` for OCR and `feed` for the competitor formats). No Qt.
"""
