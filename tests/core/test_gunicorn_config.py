"""gunicorn.conf.py: threads slow clients cannot exhaust, no addresses logged."""

import logging
import runpy
from pathlib import Path

CONFIG = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))


def test_gthread_workers_with_threads_and_a_timeout():
    assert CONFIG["worker_class"] == "gthread"
    assert CONFIG["threads"] >= 4
    assert 0 < CONFIG["timeout"] <= 60


def test_no_access_log_and_no_peer_address_in_the_error_log():
    assert CONFIG["accesslog"] is None
    record = logging.LogRecord(
        "gunicorn.error", logging.WARNING, "", 0,
        "Invalid request from ip=%s: %s", ("203.0.113.9", "bad"), None,
    )  # fmt: skip
    CONFIG["NoPeerAddress"]().filter(record)
    assert "203.0.113.9" not in record.getMessage()
