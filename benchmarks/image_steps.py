"""Where the image's time goes, step by step, in one process (CPU s, ``process_time``).

    python benchmarks/image_steps.py PLAN [PLAN...] [--repeat 3] [--profile OUT.prof]

Reads and checks each plan once, then draws its PNG ``--repeat`` times and prints, for
each step of the drawing (the scene, the canvas, the title block, the plans, the
sidebar, reducing and encoding), the least CPU time over the repeats. The steps are the
Pillow backend's own (:func:`floorplan.render.raster.render_png`), called one by one.
Not a test, and not the benchmark (:mod:`run`): it says where, not how fast against a floor.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path


def steps(report) -> dict[str, float]:
    from floorplan.render import raster, sheet
    from floorplan.render.raster import png as _png
    from floorplan.render.raster.plan import draw_plan
    from floorplan.render.scene import build
    from floorplan.render.style import STYLE

    out: dict[str, float] = {}
    t = time.process_time()

    def lap(name: str) -> None:
        nonlocal t
        now = time.process_time()
        out[name] = out.get(name, 0.0) + now - t
        t = now

    try:  # as render_png does (the C heap keeps freed blocks); a tree before it has none
        from floorplan.render.raster.heap import keep_freed_blocks
    except ImportError:
        pass
    else:
        keep_freed_blocks()
    scene = build(report, STYLE, layout_mode="panels", legible=True)
    lap("scene")
    canvas = raster.Canvas(*scene.paper, STYLE.dpi)
    paper = raster.PilPaper(canvas)
    lap("canvas")
    sheet.title_block(paper, scene, STYLE, None)
    for panel in scene.panels:
        sheet.panel_title(paper, panel.frame, panel.title)
    lap("title")
    for panel in scene.panels:
        draw_plan(canvas, scene, panel, STYLE)
    canvas.flush()
    lap("plan")
    sheet.sidebar(paper, scene, STYLE)
    canvas.flush()
    lap("sidebar")
    im = canvas.im.reduce(canvas.ss)
    del canvas
    lap("reduce")
    _png.encode(im, STYLE.dpi)
    lap("png")
    out["all"] = sum(out.values())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plans", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", help="cProfile the drawing (last repeat) into this file")
    args = ap.parse_args()
    from floorplan._gc import paused_gc
    from floorplan.api import check, read

    names = ["scene", "canvas", "title", "plan", "sidebar", "reduce", "png", "all"]
    print(f"| plan | rooms | {' | '.join(names)} |")
    print("|---|---:|" + "---:|" * len(names))
    for path in args.plans:
        plan = read(path)
        report = check(plan)
        best: dict[str, float] = {}
        for n in range(args.repeat):
            gc.collect()
            if args.profile and n == args.repeat - 1:
                import cProfile

                prof = cProfile.Profile()
                prof.enable()
                with paused_gc():
                    got = steps(report)
                prof.disable()
                prof.dump_stats(args.profile)
            else:
                with paused_gc():  # as render_to_file draws
                    got = steps(report)
            best = {k: min(best.get(k, v), v) for k, v in got.items()}
        cells = " | ".join(f"{best[k]:.3f}" for k in names)
        print(f"| {path.name} | {len(plan.rooms)} | {cells} |", flush=True)


if __name__ == "__main__":
    main()
