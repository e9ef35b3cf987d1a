"""The report says where the default model's numbers come from: data, splits, held-out scores, backbone, licence."""

from xhscover.score.report import model_info, provenance_text


def test_default_model_provenance():
    info = model_info("default")
    assert info["params_file"] == "deep_params.json" and len(info["params_sha256_16"]) == 16
    prov = info["provenance"]
    assert set(prov["data"]) == {"OSIE", "FiWI"}
    assert set(prov["held_out_scores"]) == {"OSIE", "FiWI"}
    assert prov["held_out_scores"]["OSIE"]["auc_judd"] >= 0.89 and prov["held_out_scores"]["OSIE"]["nss"] >= 2.6
    assert prov["backbone"]["license"] == "Apache-2.0" and prov["backbone"]["file"] == "backbone_lite0.onnx"
    assert prov["backbone"]["files"] == ["backbone_lite0.onnx", "backbone_lite0_tail.onnx"]
    line = provenance_text(prov)
    assert "held-out" in line and "Apache-2.0" in line and "EfficientNet-Lite0" in line


def test_classic_model_provenance():
    info = model_info("classic")
    assert info["params_file"] == "params.json" and "weights" in info
