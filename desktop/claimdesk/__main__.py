"""`python -m claimdesk` runs the same entry point as the `claimdesk` command."""

import sys

if __name__ == "__main__":
    from claimdesk.launch import start

    sys.exit(start())
