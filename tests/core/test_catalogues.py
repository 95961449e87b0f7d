"""Every catalogue is fully translated, and the committed .mo files match it.

A message left untranslated or marked fuzzy would show English to a reader
who asked for another language (or worse, a guess), so CI fails on either.
"""

from pathlib import Path

import polib
import pytest
from django.conf import settings

APPS = ["core", "home", "campaigns", "resources", "newsletter", "mysite"]
LANGUAGES = ["fr", "es", "ar", "zh_Hans"]
# Plural forms per language: Arabic has six, Chinese one.
NPLURALS = {"fr": 2, "es": 3, "ar": 6, "zh_Hans": 1}
CATALOGUES = [(app, language) for app in APPS for language in LANGUAGES]


def catalogue(app, language, suffix="po"):
    return (
        Path(__file__).resolve().parents[2]
        / app
        / "locale"
        / language
        / (f"LC_MESSAGES/django.{suffix}")
    )


def test_every_project_language_has_a_catalogue_per_app():
    configured = {code for code, _name in settings.LANGUAGES} - {"en"}
    assert configured == {"fr", "es", "ar", "zh-hans"}
    missing = [
        f"{a}/{lang}" for a, lang in CATALOGUES if not catalogue(a, lang).exists()
    ]
    assert not missing


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_no_message_is_untranslated_or_fuzzy(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{app}/{language}: untranslated {untranslated}"
    assert not fuzzy, f"{app}/{language}: fuzzy {fuzzy}"
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == NPLURALS[language], entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_the_compiled_catalogue_matches_the_source(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    mo = polib.mofile(str(catalogue(app, language, "mo")))

    def messages(entries):
        return {
            (e.msgctxt, e.msgid): e.msgstr or tuple(sorted(e.msgstr_plural.items()))
            for e in entries
            if e.msgid
        }

    assert messages(mo) == messages(po.translated_entries()), (
        f"run `manage.py compilemessages` for {app}/{language}"
    )
