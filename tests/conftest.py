"""Test defaults: Qt must run offscreen (no display on CI) and be set before Qt starts."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
