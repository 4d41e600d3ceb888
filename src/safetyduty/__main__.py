"""``python -m safetyduty``: the same as the ``safetyduty`` command."""

from safetyduty.cli import run

if __name__ == "__main__":
    run()
