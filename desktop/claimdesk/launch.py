"""Where the `claimdesk` command and `python -m claimdesk` start: a Ctrl+C while ClaimDesk's
modules still load is answered as main() answers one, in one line with exit code 130.

Only sys, loaded before Python runs anything, is imported outside the handler: the
command line (claimdesk.cli) and everything it imports load inside it, the standard
library's signal module too (it builds its enums as it loads, a few milliseconds).
"""

import sys


def _forget_the_interrupt() -> None:
    """Keep the exit code main() gave after a Ctrl+C it answered (130), not -2.

    CPython marks the run as ended by an unhandled Ctrl+C whenever a KeyboardInterrupt
    leaves code evaluated from a string (dataclasses, namedtuple and SQLAlchemy make
    functions that way), even if it is caught further up; under `python -m` it then ends
    itself by SIGINT instead of exiting with the code asked for. Every evaluation of a
    string clears that mark first, so an empty one does.
    """
    exec("")


def start() -> int:
    """Run the command line (claimdesk.cli.main) and return its exit code."""
    try:
        # The importer's worker process is started with "spawn": it imports the main
        # module again (as __mp_main__, so nothing of `python -m claimdesk` runs there),
        # and in the frozen app it is the executable itself, started with
        # --multiprocessing-fork, that freeze_support() turns into the worker before any
        # window or command starts.
        import multiprocessing

        multiprocessing.freeze_support()

        from claimdesk.cli import main

        code = main()
    except KeyboardInterrupt:
        # Ctrl+C while ClaimDesk's modules load, before main() can answer it.
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("claimdesk: Interrupted.", file=sys.stderr)
        code = 130
    _forget_the_interrupt()
    return code
