"""PNG encoding for the Pillow canvas: rows unfiltered, zlib at level 3.

Pillow's PNG encoder chooses a filter for every row by trying each (adaptive filtering):
on a plan sheet, which is mostly flat colour, that costs more than the compression and
wins nothing (the unfiltered rows compress smaller here). So the sheet's rows are written
as they are (filter type 0), in one ``zlib.compress`` call: 0.03-0.04 s for an A3 sheet at
150 dpi against Pillow's 0.08-0.11 s (docs/performance.md).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from PIL import Image

#: zlib's level: as fast as level 1 here, and smaller files
LEVEL = 3


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode(im: Image.Image, dpi: float) -> bytes:
    """The RGB image ``im`` as PNG bytes, its resolution ``dpi`` recorded (pHYs).

    >>> from io import BytesIO
    >>> im = Image.new("RGB", (3, 2), (10, 20, 30))
    >>> back = Image.open(BytesIO(encode(im, 150)))
    >>> back.size, back.getpixel((2, 1)), [round(d) for d in back.info["dpi"]]
    ((3, 2), (10, 20, 30), [150, 150])
    """
    if im.mode != "RGB":
        im = im.convert("RGB")
    w, h = im.size
    rows = np.empty((h, 1 + 3 * w), dtype=np.uint8)
    rows[:, 0] = 0  # filter type None on every row
    rows[:, 1:] = np.asarray(im).reshape(h, 3 * w)
    del im
    ppm = round(dpi / 0.0254)  # pixels a metre
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)),
        _chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)),
        _chunk(b"IDAT", zlib.compress(rows.data, LEVEL)),  # the array's own buffer, not a copy
        _chunk(b"IEND", b""),
    ])
