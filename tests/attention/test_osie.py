"""On real eye-tracking data (../shared, skipped when absent): beat the centred baseline."""

import csv
from collections import defaultdict

import cv2
import numpy as np
import pytest

from xhscover.attention import auc_judd, fixation_map, nss, saliency_map
from xhscover.paths import shared_dir

OSIE = shared_dir() / "datasets" / "osie" if shared_dir() else None
HELD_OUT = ["1001.jpg", "1008.jpg", "1015.jpg", "1022.jpg", "1029.jpg",
            "1036.jpg", "1043.jpg", "1050.jpg", "1057.jpg", "1064.jpg"]  # number mod 7 == 0


@pytest.mark.skipif(OSIE is None or not (OSIE / "fixations.csv").is_file(), reason="OSIE data absent")
def test_held_out_images_beat_centre_baseline():
    points = defaultdict(list)
    with open(OSIE / "fixations.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["image"] in HELD_OUT:
                points[row["image"]].append((float(row["x"]) / 2, float(row["y"]) / 2))
    ours, centre, ours_nss = [], [], []
    for name in HELD_OUT:
        rgb = cv2.imread(str(OSIE / "images" / name))[:, :, ::-1]
        fix = fixation_map(np.array(points[name]), (300, 400))
        smap = cv2.resize(saliency_map(rgb, detect_text=False), (400, 300), interpolation=cv2.INTER_AREA)
        cmap = cv2.resize(saliency_map(rgb, model="centre"), (400, 300), interpolation=cv2.INTER_AREA)
        ours.append(auc_judd(smap, fix))
        ours_nss.append(nss(smap, fix))
        centre.append(auc_judd(cmap, fix))
    assert np.mean(ours) > np.mean(centre) + 0.03
    assert np.mean(ours) > 0.8 and np.mean(ours_nss) > 1.3
