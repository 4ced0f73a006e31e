"""``floorplan review PLAN``: correct the plan as read in the browser; save the corrections.

Thin: builds the review session, starts the local server, prints its address (and opens a
browser where there is a desktop to open one on), and serves until Ctrl-C.
"""

from __future__ import annotations

import os
import sys

import click

from floorplan.cli.options import fail, plan_options, profile_option, user_errors


def _desktop() -> bool:
    """True where a browser window can be opened (not over ssh or in a bare container)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@click.command(name="review")
@click.argument("plan", metavar="PLAN")
@profile_option
@plan_options
@click.option("--corrections", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="The corrections file to read and save (default: PLAN.corrections.toml "
                   "beside the plan).")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port on 127.0.0.1 (0: a free one).")
@click.option("--open/--no-open", "open_browser", default=None,
              help="Open the page in a browser (default: when there is a desktop).")
@user_errors
def command(plan, profile, units, layer_map, view, scheme, tenants, wheelchair, corrections, port,
            open_browser):
    """Show PLAN as read in the browser, coloured by result and by the reader's confidence;
    click a room to rename it, set its use and properties, delete, merge or split it, set
    its ceiling, add or remove a door, or set the units; every change is checked again at
    once. Saving writes the corrections file, and nothing else: the drawing is never changed.

    The page is served on 127.0.0.1 only, at an address with a random token. Stop with Ctrl-C.
    """
    from floorplan.profiles import load_profile
    from floorplan.review.server import ReviewServer
    from floorplan.review.session import Session

    if plan == "-":
        fail("review needs a plan file (its corrections are saved beside it), not standard input")
    load_profile(profile)
    session = Session(plan, corrections, profile=profile, units=units, layer_map=layer_map, view=view,
                      scheme=scheme, tenants=tenants, wheelchair=wheelchair)
    try:
        server = ReviewServer(session, port)
    except OSError as exc:
        fail(f"cannot listen on 127.0.0.1:{port} ({exc.strerror or exc})")
    click.echo(f"floorplan review: {server.url}", err=True)
    click.echo(f"  corrections are saved to {session.target}; Ctrl-C stops the server", err=True)
    if open_browser or (open_browser is None and _desktop()):
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    if session.changed:
        click.echo("floorplan review: stopped with unsaved corrections (not written)", err=True)
