"""Pages of text, tables and cropped plan views for the PDF pack (:mod:`.pdf`).

A :class:`Pages` lays out A4 portrait pages top to bottom in paper millimetres on
matplotlib figures: headings, wrapped paragraphs, table rows (a row that does not fit
starts a new page, repeating the table's header), and boxes for a cropped plan view.
Figures are kept until the end, so every page can say "page n of N".
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

A4 = (210.0, 297.0)
A3_LANDSCAPE = (420.0, 297.0)
MM_IN = 1 / 25.4
MARGIN = 16.0
PT_MM = 25.4 / 72


def wrap(text: str, width_mm: float, size: float) -> list[str]:
    """``text`` wrapped to ``width_mm`` at ``size`` points (DejaVu Sans' average glyph)."""
    chars = max(8, int(width_mm / (size * PT_MM * 0.55)))
    out: list[str] = []
    for para in str(text).split("\n"):
        out.extend(textwrap.wrap(para, chars, break_long_words=True) or [""])
    return out


class Pages:
    """A4 pages filled from the top; :meth:`figures` returns them with their footers."""

    def __init__(self, footer: str):
        self.footer = footer
        self.figs: list[Any] = []
        self.ax: Any = None
        self.y = 0.0
        self.size = A4
        self.header: tuple | None = None  # a table's header, repeated on a new page

    # -- pages ------------------------------------------------------------------------
    def new(self, size: tuple[float, float] = A4) -> Any:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(size[0] * MM_IN, size[1] * MM_IN))
        fig.set_facecolor("white")
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, size[0])
        ax.set_ylim(0, size[1])
        ax.set_axis_off()
        self.figs.append(fig)
        self.ax, self.size, self.y = ax, size, size[1] - MARGIN
        return fig

    def need(self, mm: float) -> None:
        """Start a new page unless ``mm`` of height is left on this one."""
        if self.ax is None or self.y - mm < MARGIN + 6:
            self.new()
            if self.header is not None:
                self.row(*self.header[0], **self.header[1])

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    # -- content ----------------------------------------------------------------------
    def heading(self, text: str, size: float = 14.0, colour: str = "black",
                space: float = 4.0) -> None:
        self.need(size * PT_MM * 2 + 10)
        self.y -= space
        for line in wrap(text, self.width, size * 1.1):
            self.need(size * PT_MM * 1.4)
            self.ax.text(MARGIN, self.y, line, fontsize=size, fontweight="bold", va="top",
                         color=colour)
            self.y -= size * PT_MM * 1.3
        self.y -= 1.5

    def para(self, text: str, size: float = 9.0, indent: float = 0.0, colour: str = "black",
             bold: bool = False, after: float = 1.5) -> None:
        lines = wrap(text, self.width - indent, size)
        step = size * PT_MM * 1.35
        for line in lines:
            self.need(step)
            self.ax.text(MARGIN + indent, self.y, line, fontsize=size, va="top", color=colour,
                         fontweight="bold" if bold else "normal")
            self.y -= step
        self.y -= after

    def row(self, cells: Sequence[str], xs: Sequence[float], size: float = 7.5,
            bold: bool = False, colours: Sequence[str] | None = None,
            widths: Sequence[float] | None = None, rule: bool = False) -> None:
        """One table row; cells wrap within their column (``widths``, mm)."""
        widths = widths or [b - a for a, b in zip(xs, [*xs[1:], self.width], strict=True)]
        wrapped = [wrap(c, w - 1.5, size) for c, w in zip(cells, widths, strict=True)]
        step = size * PT_MM * 1.3
        height = max(len(w) for w in wrapped) * step + 1.2
        if self.ax is None or self.y - height < MARGIN + 6:
            self.new()
            if self.header is not None and not bold:
                self.row(*self.header[0], **self.header[1])
        for i, (x, lines) in enumerate(zip(xs, wrapped, strict=True)):
            colour = colours[i] if colours else "black"
            for j, line in enumerate(lines):
                self.ax.text(MARGIN + x, self.y - j * step, line, fontsize=size, va="top",
                             color=colour, fontweight="bold" if bold else "normal")
        self.y -= height
        if rule or bold:
            self.ax.plot([MARGIN, MARGIN + self.width], [self.y + 0.5] * 2, color="#999999",
                         lw=0.4 if not bold else 0.7)

    def table_header(self, cells: Sequence[str], xs: Sequence[float], **kw: Any) -> None:
        """Start a table: its header row now, and again at the top of each new page."""
        self.header = ((cells, xs), {**kw, "bold": True})
        self.row(cells, xs, bold=True, **{k: v for k, v in kw.items() if k != "bold"})

    def end_table(self) -> None:
        self.header = None
        self.y -= 3

    def box(self, height: float) -> tuple[float, float, float, float]:
        """Reserve ``height`` mm across the page; its (x, y, w, h) in paper mm."""
        self.need(height + 2)
        self.y -= height
        out = (MARGIN, self.y, self.width, height)
        self.y -= 3
        return out

    # -- the end ----------------------------------------------------------------------
    def figures(self) -> list[Any]:
        n = len(self.figs)
        for i, fig in enumerate(self.figs, 1):
            w, _ = fig.get_size_inches() / MM_IN
            ax = fig.axes[0]
            ax.text(MARGIN, MARGIN / 2, wrap(self.footer, w - 2 * MARGIN - 30, 7)[0], fontsize=7,
                    color="#555555", va="center")
            ax.text(w - MARGIN, MARGIN / 2, f"page {i} of {n}", fontsize=7, color="#555555",
                    va="center", ha="right")
        return self.figs
