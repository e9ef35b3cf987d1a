"""User-facing errors: one clear sentence each, shown by the CLI and the app without a traceback."""


class XhsError(Exception):
    """Base class for every error a user can cause (bad input, missing file, ...)."""


class ProjectError(XhsError):
    """A project file that cannot be read or written."""


class LayoutError(XhsError):
    """A layout file that does not validate; the message names the file and the field."""


class ImageError(XhsError):
    """An image that cannot be decoded or is too large."""


class FontError(XhsError):
    """A missing or unusable font."""


class ModelMissingError(XhsError):
    """A detector model (OCR, faces) is not installed."""
