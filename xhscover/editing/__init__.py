"""Editor core without widgets: the document, undo commands, autosave, settings, snapping, align.

QtCore/QtGui only, so it runs under a bare QGuiApplication in tests and stays reusable.
"""
