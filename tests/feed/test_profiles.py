import pytest

from xhscover.feed.masonry import column_metrics
from xhscover.feed.profiles import ProfileError, load_profiles

REQUIRED = {"iphone-se": 375, "iphone-15": 393, "iphone-pro-max": 430, "android-360": 360}


def test_required_devices_and_pixel_sizes():
    prof = load_profiles()
    for dev_id, width in REQUIRED.items():
        assert prof.device(dev_id).width == width
    assert round(prof.device("android-412").width) in (411, 412)
    assert prof.device("iphone-15").pixel_size == (1179, 2556)
    assert prof.device("iphone-se").pixel_size == (750, 1334)
    assert prof.device("android-412").pixel_size == (1080, 2400)
    w_mm, _ = prof.device("iphone-15").true_size_mm
    assert 60 < w_mm < 70  # a real iPhone 15 screen is ~65 mm wide


@pytest.mark.parametrize("dev_id", ["iphone-se", "iphone-13", "iphone-15", "iphone-pro-max", "android-360", "android-412"])
def test_column_geometry_per_device(dev_id):
    prof = load_profiles()
    dev = prof.device(dev_id)
    col, margin, gap = column_metrics(dev, prof)
    assert col / dev.width == pytest.approx(0.482, abs=0.002)
    assert 2 * margin + 2 * col + gap == pytest.approx(dev.width)
    assert 3 <= margin <= 7 and 3 <= gap <= 8


def test_themes_follow_xhs_colours():
    prof = load_profiles()
    assert prof.theme("light")["canvas"] == "#F5F5F5" and prof.theme("light")["card"] == "#FFFFFF"
    assert prof.theme("dark")["canvas"] == "#0E0E11" and prof.theme("dark")["card"] == "#19191E"
    assert prof.theme("light")["brand"] == "#FF2442"


def test_unknown_ids_raise_clear_errors():
    prof = load_profiles()
    with pytest.raises(ProfileError, match="iphone-15"):
        prof.device("nokia")
    with pytest.raises(ProfileError):
        prof.theme("sepia")
