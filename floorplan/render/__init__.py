"""Draw the marked-up plan: :func:`render_to_file` picks a backend by the file's extension.

The frontend (:mod:`floorplan.render.scene`) turns a report into primitives with semantic
style keys; a backend draws them. Backends are listed in :data:`BACKENDS` and imported
only when used, so matplotlib and ezdxf load only for the output that needs them. A PNG
is drawn by Pillow (:mod:`floorplan.render.raster`) unless matplotlib is asked for
(``image_backend="matplotlib"``, the CLI's ``--image-backend``); SVG and PDF by matplotlib.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from floorplan._gc import paused_gc
from floorplan.errors import OutputError

#: extension -> (backend module, scene layout: levels as side-by-side panels or pages)
BACKENDS: dict[str, tuple[str, str]] = {
    ".png": ("floorplan.render.mpl", "panels"),
    ".svg": ("floorplan.render.mpl", "panels"),
    ".pdf": ("floorplan.render.mpl", "pages"),
    ".dxf": ("floorplan.render.cad.markup", "panels"),
}
#: the backends that can draw an image, by the name ``--image-backend`` takes
IMAGE_BACKENDS: dict[str, str] = {"pillow": "floorplan.render.raster",
                                  "matplotlib": "floorplan.render.mpl"}
#: extension -> the image backends that draw it, the default first
DRAWS: dict[str, tuple[str, ...]] = {".png": ("pillow", "matplotlib"), ".svg": ("matplotlib",),
                                     ".pdf": ("matplotlib",)}


def backend_for(path: str | os.PathLike, image_backend: str | None = None) -> str:
    """The backend module that draws ``path``; ``image_backend`` picks an image's by name.

    Raises :class:`OutputError` for a file no backend draws, or a backend that cannot
    draw it (callers check before any work)."""
    ext = Path(path).suffix.lower()
    try:
        default = BACKENDS[ext][0]
    except KeyError:
        raise OutputError(f"{path}: cannot draw a {ext or 'file without an extension'} "
                          f"(expected one of {', '.join(BACKENDS)})") from None
    names = DRAWS.get(ext)
    if image_backend is None or names is None:
        if names and names[0] == "pillow":
            from floorplan.render.raster import available

            if not available():  # no DejaVu fonts without matplotlib: matplotlib draws
                return IMAGE_BACKENDS["matplotlib"]
        return IMAGE_BACKENDS[names[0]] if names else default
    if image_backend not in IMAGE_BACKENDS:
        raise OutputError(f"{path}: no image backend {image_backend!r} "
                          f"(expected one of {', '.join(IMAGE_BACKENDS)})")
    if image_backend not in names:
        raise OutputError(f"{path}: the {image_backend} backend cannot draw a {ext} "
                          f"(it draws {', '.join(e for e, n in DRAWS.items() if image_backend in n)})")
    if image_backend == "pillow":
        from floorplan.render.raster import available

        if not available():
            raise OutputError(f"{path}: the pillow backend needs the DejaVu fonts matplotlib "
                              "ships, and matplotlib is not installed")
    return IMAGE_BACKENDS[image_backend]


def render_to_file(report, path: str | os.PathLike, style=None,
                   image_backend: str | None = None) -> None:
    """Draw ``report``'s plan to ``path`` (PNG, SVG, PDF or DXF), written atomically.

    ``image_backend`` (``pillow`` or ``matplotlib``) chooses who draws a PNG; by default
    Pillow does. SVG and PDF are matplotlib's."""
    from floorplan.render.scene import build
    from floorplan.render.style import STYLE

    module = backend_for(path, image_backend)
    ext = Path(path).suffix.lower()
    mode = BACKENDS[ext][1]
    style = style or STYLE
    with paused_gc():
        scene = build(report, style, layout_mode=mode, legible=ext != ".dxf")
        backend = importlib.import_module(module)
        backend.write(scene, path, style=style, report=report)
