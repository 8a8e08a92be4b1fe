"""``powmia``: the command-line twin of the desktop program (docs/architecture.md).

Exit status: 0 success, 2 bad usage (argparse), 1 any other error with one line on stderr.
No traceback reaches the person at the terminal; an unexpected one goes to the log file.
The subcommands are declared in ``commands/__init__.py``, which says how to add one; building
the parser imports no command's implementation, so ``--version`` and ``--help`` answer at once.
"""

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from powmia_desktop import __version__
from powmia_desktop.commands import load_handler, register_all
from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.location import ENV_VAR, resolve_location
from powmia_desktop.logs import log_unexpected


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="powmia",
        description="Keep the case archive of a missing serviceman's family from the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"powmia {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"the archive file or database URL (default: ${ENV_VAR}, else the per-user archive)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    register_all(commands)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        load_handler(args.handler)(args, resolve_location(args.db), out)
    except PowmiaError as error:
        print(f"powmia: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("powmia: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # the last line of defence: one line, details in the log
        log_file = log_unexpected(error)
        print(
            f"powmia: unexpected error ({type(error).__name__}); details in {log_file}",
            file=sys.stderr,
        )
        return 1
    return 0


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
