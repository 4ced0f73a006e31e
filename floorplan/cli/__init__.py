"""The ``floorplan`` command: a thin shell over the library (the only package using click).

Commands live one per module and are imported only when run, so ``floorplan --help``
starts without loading shapely, matplotlib or ezdxf.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys

import click

from floorplan._version import __version__

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

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        """click's main, with its errors as one line each: a usage error is the problem and
        the ``--help`` hint (not click's four lines), a write to standard output that fails
        says why and where."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            try:
                code = super().main(args, prog_name, complete_var, False, **extra)
            finally:
                _flush_stdout()
        except click.exceptions.NoArgsIsHelpError as exc:
            exc.show()  # a bare 'floorplan': the help, as click shows it
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            click.echo(usage_line(exc), err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("floorplan: stopped", err=True)
            sys.exit(130)
        except click.ClickException as exc:
            click.echo(f"floorplan: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            if not _is_stdout_error(exc):
                raise
            name = _stdout_name()
            _silence_stdout()
            if exc.errno != errno.EPIPE:  # a closed pipe (| head) is not worth a word
                click.echo(f"floorplan: cannot write to {name}: "
                           f"{os.strerror(exc.errno).lower() if exc.errno else exc}", err=True)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)

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


def usage_line(exc: click.UsageError) -> str:
    """A usage error as one line: ``floorplan check: invalid value for '--format': ...
    (see 'floorplan check --help')``."""
    ctx = exc.ctx
    where = ctx.command_path if ctx is not None else "floorplan"
    message = " ".join(exc.format_message().split())
    message = (message[:1].lower() + message[1:]).rstrip(".")
    return f"{where}: {message} (see '{where} --help')"


def _flush_stdout() -> None:
    stream = sys.stdout
    if stream is not None:
        stream.flush()


def _is_stdout_error(exc: OSError) -> bool:
    """An error from writing standard output (a full disk, a closed pipe), told apart from
    one in a file the command opened, which the commands report themselves."""
    if exc.errno in (errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG):
        return getattr(exc, "filename", None) is None
    return False


def _stdout_name() -> str:
    """Where standard output goes: its file where the system says (``/dev/full``)."""
    try:
        # (no sys.__stdout__ at all: AttributeError, caught below)
        target = os.readlink(f"/proc/self/fd/{sys.__stdout__.fileno()}")  # type: ignore[union-attr]
    except (OSError, AttributeError, ValueError):
        return "standard output"
    if target.startswith(("pipe:", "socket:", "anon_inode:")):
        return "standard output"
    return f"standard output ({target})"


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


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
