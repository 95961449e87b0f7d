"""Jobs for the sandbox tests, run in its child process (no Django there)."""

import time


def never_finishes(data, **options):
    """A job that would hold a worker for a minute: the sandbox must kill it."""
    time.sleep(60)
    return {"outcome": "done"}, data
