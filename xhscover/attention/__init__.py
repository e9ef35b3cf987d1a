"""Attention engine: saliency maps, metrics and diagnostics as pure numpy/OpenCV functions.

Image in, array out (scikit-image style); no Qt, no files (file helpers live in `files.py`).
Start with `saliency_map(image)`: a float32 HxW probability map of where the eye lands.
"""

from xhscover.attention.detectors import detect_face_boxes, detect_faces, detect_text_boxes, read_text
from xhscover.attention.diagnostics import (
    colour_distance,
    colourfulness,
    contrast_ratio,
    edge_density,
    layout_distance,
    share_in_boxes,
    text_colours,
    text_contrast,
)
from xhscover.attention.heatmap import overlay_heatmap
from xhscover.attention.metrics import all_metrics, auc_judd, cc, fixation_density, fixation_map, kld, nss
from xhscover.attention.saliency import ModelParams, available_models, load_params, saliency_map

__all__ = [
    "ModelParams", "all_metrics", "auc_judd", "available_models", "cc", "colour_distance",
    "colourfulness", "contrast_ratio", "detect_face_boxes", "detect_faces", "detect_text_boxes",
    "edge_density", "fixation_density", "fixation_map", "kld", "layout_distance", "load_params",
    "nss", "overlay_heatmap", "read_text", "saliency_map", "share_in_boxes", "text_colours",
    "text_contrast",
]
