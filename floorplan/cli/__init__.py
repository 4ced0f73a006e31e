"""The ``floorplan`` command: a thin shell over the library (the only package using click).

Commands live one per module and are imported only when run, so ``floorplan --help``
starts without loading shapely, matplotlib or ezdxf.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from floorplan import __version__

#: command name -> module defining a click command of that name
COMMANDS: dict[str, str] = {
    "check": "floorplan.cli.check",
    "report": "floorplan.cli.report",
    "render": "floorplan.cli.render",
    "rules": "floorplan.cli.rules",
    "profiles": "floorplan.cli.profiles",
    "batch": "floorplan.cli.batch",
    "review": "floorplan.cli.review",
}

SHORT_HELP: dict[str, str] = {
    "check": "Check plans against a profile and report.",
    "report": "Write one report by its file's extension (pack.pdf, findings.csv...).",
    "render": "Draw the marked-up plan (PNG, SVG, PDF or DXF).",
    "rules": "List the rules of a profile.",
    "profiles": "List the profiles there are.",
    "batch": "Check many plans: one report and image each, and a summary.",
    "review": "Correct the plan as read in the browser; save the corrections.",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            return _unavailable(name)
        return mod.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _unavailable(name: str) -> click.Command:
    @click.command(name=name, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def cmd(args: tuple[str, ...]) -> None:
        click.echo(f"floorplan: the '{name}' command is not available in this version", err=True)
        sys.exit(2)

    return cmd


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="floorplan")
def cli() -> None:
    """Read floor plans (DXF, GeoJSON), measure rooms as UK housing standards do, check
    them against a rule profile and draw the marked-up plan.

    Exit status: 0 every applicable rule passes, 1 a rule fails, 2 the plan or the
    command line could not be used.
    """


def main(argv: list[str] | None = None) -> None:
    """Console entry point: errors become one line on stderr and exit code 2."""
    from floorplan.errors import FloorplanError

    try:
        cli.main(args=argv, prog_name="floorplan", standalone_mode=True)
    except FloorplanError as exc:  # pragma: no cover - commands already handle these
        click.echo(f"floorplan: {exc}", err=True)
        sys.exit(2)
    except Exception as exc:  # never a traceback for users
        if os.environ.get("FLOORPLAN_DEBUG"):
            raise
        click.echo(f"floorplan: internal error: {type(exc).__name__}: {exc} "
                   "(set FLOORPLAN_DEBUG=1 for the traceback, and please report it)", err=True)
        sys.exit(2)
