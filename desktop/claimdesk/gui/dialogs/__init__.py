"""Dialogs the window opens: settings and rating scale, sources, properties, export, help."""
