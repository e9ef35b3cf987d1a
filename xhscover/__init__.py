"""xhscover: an offline workbench for Xiaohongshu note covers."""

import os

__version__ = "0.1.0"
APP_NAME = "xhscover"

# Nothing leaves the machine. ONNX Runtime (the text and face detectors) otherwise keeps a device
# id and queues usage events under ~/.cache/Microsoft/ from the moment it is imported, and tries to
# send them; it reads this switch once, at import. Set here, before any module can import it, so
# the CLI, the desktop app and the frozen app are all covered (tests/test_no_network.py checks).
os.environ["ORT_DISABLE_TELEMETRY"] = "1"
