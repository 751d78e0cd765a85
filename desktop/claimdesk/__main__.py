"""`python -m claimdesk` runs the same entry point as the `claimdesk` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The importer's worker process is started with "spawn": it imports this module
    # again (as __mp_main__, so nothing below runs there), and in the frozen app it is
    # the executable itself, started with --multiprocessing-fork, that freeze_support()
    # turns into the worker before any window or command starts.
    multiprocessing.freeze_support()

    from claimdesk.cli import main

    sys.exit(main())
