"""``python -m safetyduty``: the same as the ``safetyduty`` command."""

import sys

from safetyduty.cli import main

if __name__ == "__main__":
    sys.exit(main())
