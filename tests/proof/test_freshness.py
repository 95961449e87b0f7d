"""The freshness check fails a requirement behind its newest patch, not one
held back only by its range, and passes loudly when the index is silent."""

from unittest import mock

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.proof import freshness


def _check(requirement, installed, released):
    with mock.patch.object(freshness.metadata, "version", return_value=installed):
        return freshness.check(Requirement(requirement), [Version(v) for v in released])


def test_a_package_behind_its_newest_patch_is_a_finding():
    finding, _note = _check("gunicorn>=23.0,<28", "23.0.0", ["23.0.0", "23.0.1"])
    assert finding == "gunicorn 23.0.0: 23.0.1 is out"


def test_a_newer_line_outside_the_range_is_a_note_only():
    finding, note = _check("gunicorn>=23.0,<24", "23.0.0", ["23.0.0", "27.0.1"])
    assert finding is None
    assert "27.0.1 is out, outside" in note


def test_an_installed_version_outside_the_range_is_a_finding():
    finding, _note = _check("gunicorn>=23.0,<24", "27.0.1", ["27.0.1"])
    assert "outside" in finding


def test_an_unreachable_index_is_not_checked_and_fails_only_when_required(
    monkeypatch, capsys
):
    monkeypatch.setattr(freshness, "released_versions", lambda name: None)
    monkeypatch.delenv("REQUIRE_FRESHNESS", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        freshness.main()
    assert exit_info.value.code == 0
    assert "NOT CHECKED" in capsys.readouterr().out
    monkeypatch.setenv("REQUIRE_FRESHNESS", "1")
    with pytest.raises(SystemExit) as exit_info:
        freshness.main()
    assert exit_info.value.code == 1
