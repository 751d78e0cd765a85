"""Keeping automatic garbage collection off where a window switched it off.

A window's process collects on its GUI thread only (gui/collector.py). spaCy reads its
model through srsly, whose msgpack loads switch automatic collection off and back on
around each read, whatever it was before: the model, loaded on a worker thread, would
switch it on again there and let any thread free the window's Qt objects. srsly's switch
is routed through `_Switch`, which turns collection back on only in a process that has
not asked to keep it off.
"""

from __future__ import annotations

import gc
from typing import Any

#: Set by keep_off(): this process collects on its GUI thread only.
_KEPT_OFF: set[bool] = set()


def keep_off() -> None:
    """Switch automatic collection off for the rest of this process (a window's)."""
    _KEPT_OFF.add(True)
    gc.disable()


class _Switch:
    """The `gc` srsly's msgpack reader sees: its enable() respects keep_off()."""

    def disable(self) -> None:
        gc.disable()

    def enable(self) -> None:
        if not _KEPT_OFF:
            gc.enable()

    def __getattr__(self, name: str) -> Any:
        return getattr(gc, name)


def guard_model_reads() -> None:
    """Route srsly's switching of collection through keep_off() (before spaCy reads a model)."""
    try:
        from srsly import _msgpack_api  # type: ignore[import-untyped]
    except ImportError:  # a spaCy without srsly's reader: nothing switches collection
        return
    if not isinstance(getattr(_msgpack_api, "gc", None), _Switch):
        _msgpack_api.gc = _Switch()
