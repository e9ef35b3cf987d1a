from xhscover.editing.align import align, distribute
from xhscover.editing.snapping import Guide, snap_edges, snap_rect


def test_snap_to_canvas_centre():
    r, guides = snap_rect((437, 100, 200, 50), (1080, 1440), [], 8)
    assert r[0] == 440 and Guide("v", 540) in guides


def test_snap_to_other_edge_and_no_snap_far():
    r, guides = snap_rect((303, 705, 100, 100), (1080, 1440), [(100, 200, 200, 500)], 6)
    assert r[0] == 300 and r[1] == 700
    r2, g2 = snap_rect((150, 150, 10, 10), (1080, 1440), [], 4)
    assert r2 == (150, 150, 10, 10) and g2 == []


def test_snap_thirds_and_edges_resize():
    r, guides = snap_rect((10, 477, 100, 10), (1080, 1440), [], 5)
    assert r[1] == 475 or r[1] + 5 == 480  # centre 482 -> third 480
    r, g = snap_edges((100, 100, 434, 100), {"r"}, (1080, 1440), [], 8)
    assert r == (100, 100, 440, 100) and g == [Guide("v", 540)]


def test_align_and_distribute():
    rects = [(10, 0, 10, 10), (50, 20, 20, 10), (200, 5, 30, 10)]
    assert [r[0] for r in align(rects, "left")] == [10, 10, 10]
    assert [r[0] + r[2] for r in align(rects, "right")] == [230, 230, 230]
    assert [r[1] for r in align(rects, "top")] == [0, 0, 0]
    assert align([(0, 0, 100, 50)], "hcenter", (1080, 1440))[0][0] == 490
    d = distribute(rects, "h")
    gaps = [d[1][0] - (d[0][0] + d[0][2]), d[2][0] - (d[1][0] + d[1][2])]
    assert abs(gaps[0] - gaps[1]) < 1e-9 and d[0] == rects[0] and d[2] == rects[2]
