"""Options shared by several commands, defined once."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from floorplan.errors import FloorplanError

UNIT_CHOICES = ("m", "cm", "mm", "ft", "in")
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


def plan_options(fn: Callable) -> Callable:
    """The options that change how a plan is read and what it is."""
    for opt in reversed((units_option, layer_map_option, view_option, scheme_option,
                         tenants_option, wheelchair_option)):
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


def load_plan(path: str, units: str | None, layer_map: str | None, scheme: str | None,
              tenants: int | None, wheelchair: bool | None, view: int | None = None):
    """Read a plan and apply the command line's overrides of its metadata."""
    from floorplan.io import read_plan

    plan = read_plan(path, units=units, layer_map=layer_map, view=view)
    return plan.with_meta(scheme=scheme, tenants=tenants, wheelchair=wheelchair)
