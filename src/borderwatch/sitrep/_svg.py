"""Matplotlib figures as inline SVG: no pyplot (no global backend), text as paths (the page needs no font),
fixed ids and no date (the same data gives the same bytes).

Matplotlib's style is global state: figures are drawn one at a time, under a lock, in our style.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib
from matplotlib.figure import Figure

__all__ = ["drawing", "to_svg"]

_LOCK = threading.Lock()

_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 9,
    "axes.titleweight": "bold",
    "svg.hashsalt": "borderwatch-sitrep",
    "svg.fonttype": "path",
}


@contextmanager
def drawing(width_in: float, height_in: float, layout: str | None = "constrained") -> Iterator[Figure]:
    """A figure to draw on and turn into SVG inside the block (the SVG is cropped to what is drawn)."""
    with _LOCK, matplotlib.rc_context(_STYLE):
        yield Figure(figsize=(width_in, height_in), layout=layout)


def to_svg(figure: Figure, label: str) -> str:
    """The figure as an `<svg>` element to put in the page (XML prologue removed, labelled for readers)."""
    buffer = io.StringIO()
    figure.savefig(
        buffer,
        format="svg",
        bbox_inches="tight",
        dpi=150,  # for the layers drawn as pictures (a map of many points); vector parts are unaffected
        pad_inches=0.05,
        metadata={"Date": None, "Creator": "borderwatch"},
    )
    svg = _PROLOGUE.sub("", buffer.getvalue(), count=1)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
