"""Options shared by several commands, defined once."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from floorplan.errors import FloorplanError

UNIT_CHOICES = ("m", "dm", "cm", "mm", "ft", "in")
SCHEME_CHOICES = ("shared_house", "flat", "flats_scheme")

profile_option = click.option(
    "--profile", "profile", default=None, metavar="ID|PATH",
    help="Rule profile: ecc-supported-living (default), ndss, m4-3, or a profile file.")
units_option = click.option(
    "--units", type=click.Choice(UNIT_CHOICES), default=None,
    help="Drawing units; overrides what the file declares or the reader would assume.")
layer_map_option = click.option(
    "--layer-map", type=click.Path(dir_okay=False), default=None, metavar="FILE",
    help="TOML file naming your office's layers (DXF only).")
scheme_option = click.option(
    "--scheme", type=click.Choice(SCHEME_CHOICES), default=None,
    help="What the plan is: a shared house, one flat, or a scheme of flats.")
tenants_option = click.option("--tenants", type=click.IntRange(min=0), default=None,
                              help="Tenancies in a shared house.")
view_option = click.option(
    "--view", type=click.IntRange(min=1), default=None, metavar="N",
    help="DXF sheets holding several views: read view N (numbered left to right, as the "
         "report lists them).")
wheelchair_option = click.option(
    "--wheelchair/--no-wheelchair", default=None,
    help="Every tenancy is designed for a wheelchair user (overrides the plan).")


corrections_option = click.option(
    "--corrections", type=click.Path(dir_okay=False), default=None, metavar="FILE",
    help="The assessor's corrections to apply (default: PLAN.corrections.toml beside the plan, "
         "if there is one).")
no_corrections_option = click.option(
    "--no-corrections", is_flag=True, default=False,
    help="Check the plan exactly as read: ignore any corrections file beside it.")


def corrections_options(fn: Callable) -> Callable:
    """``--corrections FILE`` and ``--no-corrections``."""
    return corrections_option(no_corrections_option(fn))


quiet_option = click.option(
    "--quiet", "-q", is_flag=True,
    help="Print nothing but errors and warnings; the exit status still tells the result.")


image_backend_option = click.option(
    "--image-backend", type=click.Choice(["pillow", "matplotlib"]), default=None,
    help="Who draws a PNG image: pillow (the default: faster, no matplotlib import) or "
         "matplotlib. SVG and PDF are always drawn by matplotlib.")


crs_option = click.option(
    "--crs", default=None, metavar="EPSG:CODE|local",
    help="The coordinate reference system the plan's metres are in (e.g. EPSG:27700), "
         "written into the GeoJSON report so a GIS places it; 'local' for none.")


def apply_crs(plan, crs: str | None, path: str):
    """The plan with ``--crs`` applied (``local``: no CRS); a lon/lat plan refuses one."""
    from dataclasses import replace

    from floorplan.errors import PlanReadError

    if crs is None:
        return plan
    if plan.meta.lonlat_origin is not None:
        raise PlanReadError(str(path), "--crs is for plans in metres; this one is in "
                            "longitude/latitude (WGS84) and is written back in them")
    value = None if crs.strip().lower() == "local" else crs.strip()
    return replace(plan, meta=replace(plan.meta, crs=value))


def _set_max_entities(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    # through the environment, so batch's worker processes have it however they start
    if value is not None:
        import os

        os.environ["FLOORPLAN_MAX_ENTITIES"] = str(value)


max_entities_option = click.option(
    "--max-entities", type=click.IntRange(min=1), default=None, expose_value=False,
    callback=_set_max_entities, metavar="N",
    help="DXF: refuse a drawing whose block references would make more than N entities "
         "(default 2,000,000).")


def plan_options(fn: Callable) -> Callable:
    """The options that change how a plan is read and what it is."""
    for opt in reversed((units_option, layer_map_option, view_option, scheme_option,
                         tenants_option, wheelchair_option, max_entities_option)):
        fn = opt(fn)
    return fn


def fail(message: str) -> None:
    """One line on standard error and exit code 2."""
    click.echo(f"floorplan: {message}", err=True)
    sys.exit(2)


def user_errors(fn: Callable) -> Callable:
    """Turn library errors into one line and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except FloorplanError as exc:
            fail(str(exc))

    return wrapper


def input_paths(plans, layer_map: str | None, profile: str | None,
                corrections: str | None = None) -> list[str]:
    """Every file a command reads: the plans, the layer map, a profile given as a file,
    and the corrections files (the one named, each plan's own beside it)."""
    import os

    from floorplan.sidecar import beside

    if any(str(p) == "" for p in plans):
        fail("a plan's path is empty: name a DXF or GeoJSON file ('-' reads standard input)")
    out = [str(p) for p in plans if str(p) != "-"]
    if layer_map:
        out.append(str(layer_map))
    if profile and os.path.exists(profile):
        out.append(str(profile))
    if corrections:
        out.append(str(corrections))
    for p in plans:
        c = beside(p)
        if c is not None and c.exists():
            out.append(str(c))
    return out


def load_plan(path: str, units: str | None, layer_map: str | None, scheme: str | None,
              tenants: int | None, wheelchair: bool | None, corrections: str | None = None,
              no_corrections: bool = False, view: int | None = None):
    """Read a plan, apply its corrections file (``corrections``, else the one beside it
    unless ``no_corrections``), then the command line's overrides of its metadata."""
    from pathlib import Path

    from floorplan.errors import PlanReadError
    from floorplan.io.corrected import read_corrected

    if corrections and no_corrections:
        fail("--corrections and --no-corrections cannot be given together")
    try:
        plan = read_corrected(path, units=units, layer_map=layer_map, corrections=corrections,
                              use_beside=not no_corrections, view=view, scheme=scheme,
                              tenants=tenants, wheelchair=wheelchair)
    except PlanReadError as exc:
        if str(path) != "-" and Path(path).is_dir():
            # a folder of plans, not one IMDF plan: say where to go
            raise PlanReadError(exc.source, f"{exc.problem}; to check every plan in a folder, "
                                f"run: floorplan batch {path} --output OUT", exc.where) from None
        raise
    if layer_map and plan.meta.format != "dxf":
        click.echo(f"floorplan: warning: {path}: --layer-map names DXF layers; this plan is "
                   f"{plan.meta.format}, so the map is not used", err=True)
    return plan
