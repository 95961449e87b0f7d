"""Guards on the framework patches (core/patches.py): a Wagtail upgrade that
changes the code they replace or bypass fails here, not silently in production."""

import logging

import pytest
from django.core import checks

from core import patches


@pytest.mark.parametrize("patch", patches.PATCHES, ids=lambda patch: patch.upstream)
def test_the_upstream_code_is_the_one_the_patch_was_written_for(patch):
    upstream = patches.resolve(patch.upstream)
    assert patches.source_sha256(upstream) == patch.reviewed_sha256, (
        f"{patch.upstream} changed: review core/patches.py ({patch.name})"
    )


def test_a_changed_upstream_is_a_system_check_warning(monkeypatch):
    changed = patches.Patch(
        name="example", upstream=patches.PATCHES[0].upstream,
        reviewed_sha256="0" * 64, why="test",
    )  # fmt: skip
    monkeypatch.setattr(patches, "PATCHES", (changed,))
    found = patches.check_patched_upstream(None)
    assert [message.id for message in found] == ["core.W001"]
    assert isinstance(found[0], checks.Warning)


def test_the_patches_are_installed_and_logged(caplog):
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    with caplog.at_level(logging.INFO, logger="core.patches"):
        patches.apply()  # a second call installs nothing twice
    assert hasattr(LocaleManager.get_for_language, "__wrapped_upstream__")
    assert not hasattr(
        LocaleManager.get_for_language.__wrapped_upstream__, "__wrapped_upstream__"
    )
    assert hasattr(PageQuerySet.private_q, "__wrapped_upstream__")
    logged = caplog.text
    for patch in patches.PATCHES:
        assert patch.upstream in logged


def test_the_patched_private_q_matches_wagtails(home_page):
    from wagtail.models import Page, PageViewRestriction
    from wagtail.query import PageQuerySet

    from tests import factories

    secret = factories.make_standard_page(home_page, title="Secret", slug="secret")
    PageViewRestriction.objects.create(
        page=secret, restriction_type="password", password="x"
    )
    upstream = PageQuerySet.private_q.__wrapped_upstream__
    queryset = Page.objects.all()
    ours = set(queryset.filter(queryset.private_q()).values_list("pk", flat=True))
    theirs = set(queryset.filter(upstream(queryset)).values_list("pk", flat=True))
    assert ours == theirs == {secret.pk}
