"""Every catalogue holds what the source says, fully translated and compiled.

A message left untranslated or marked fuzzy would show English to a reader
who asked for another language (or worse, a guess), so CI fails on either.
So it does when a string in the code never reached its catalogue: the
catalogue would look complete while readers and staff see English. The fix
for a failure here is `make messages`, then translating what it added.
"""

import contextlib
import os
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
# mysite holds the shared templates (mysite/templates) and the settings; its
# catalogue is the one LOCALE_PATHS names.
APPS = ["core", "accounts", "home", "campaigns", "resources", "newsletter", "mysite"]
LANGUAGES = ["fr", "es", "ar", "zh_Hans"]
# Plural forms per language: Arabic has six, Chinese one.
NPLURALS = {"fr": 2, "es": 3, "ar": 6, "zh_Hans": 1}
CATALOGUES = [(app, language) for app in APPS for language in LANGUAGES]
# What makemessages reads for the "django" domain; the rest is not copied.
SOURCE_SUFFIXES = {".py", ".html", ".txt"}
LEFT_OUT_DIRS = {"locale", "static", "__pycache__", "migrations"}


def catalogue(app, language, suffix="po"):
    return ROOT / app / "locale" / language / f"LC_MESSAGES/django.{suffix}"


def keys(entries):
    """What identifies a message to gettext, obsolete (#~) entries left out."""
    return {
        (e.msgctxt, e.msgid, e.msgid_plural or None)
        for e in entries
        if e.msgid and not e.obsolete
    }


def described(messages):
    return sorted(
        (f"{ctx}|{msgid}" if ctx else msgid) for ctx, msgid, _plural in messages
    )


def test_every_first_party_app_has_its_catalogues_checked():
    first_party = {
        config.label
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(ROOT)
        # The virtual environment may live in the checkout (CI's does).
        and not Path(config.path).resolve().is_relative_to(Path(sys.prefix).resolve())
    }
    assert first_party | {"mysite"} == set(APPS)
    locale_paths = [Path(path).resolve() for path in settings.LOCALE_PATHS]
    assert locale_paths == [ROOT / "mysite" / "locale"]


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


def gettext_tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install GNU gettext (apt-get install gettext)")
    return path


def source_only(directory, names):
    """copytree's ignore: everything makemessages would not read."""
    return [
        name
        for name in names
        if (
            name in LEFT_OUT_DIRS
            if (Path(directory) / name).is_dir()
            else Path(name).suffix not in SOURCE_SUFFIXES
        )
    ]


@pytest.fixture(scope="module")
def source_messages(tmp_path_factory):
    """The messages of each app's source, extracted as `make messages` does.

    makemessages runs on a copy of the apps, so the committed catalogues are
    neither read nor touched: an app's messages go to the `locale` folder of
    the app they are found in (mysite's to LOCALE_PATHS), and --keep-pot
    leaves the extracted template there. About a second for every app.
    """
    gettext_tool("xgettext")
    copy = tmp_path_factory.mktemp("source")
    for app in APPS:
        shutil.copytree(ROOT / app, copy / app, ignore=source_only)
        (copy / app / "locale").mkdir()
    with (
        contextlib.chdir(copy),
        override_settings(LOCALE_PATHS=[copy / "mysite" / "locale"]),
    ):
        call_command("makemessages", locale=["fr"], keep_pot=True, verbosity=0)
    return {
        app: keys(polib.pofile(str(copy / app / "locale" / "django.pot")))
        for app in APPS
    }


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_every_message_of_the_source_is_in_its_catalogue(
    source_messages, app, language
):
    committed = keys(polib.pofile(str(catalogue(app, language))))
    missing = described(source_messages[app] - committed)
    assert not missing, (
        f"{app}/{language} lacks {missing}: run `make messages` and translate them"
    )


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_no_catalogue_keeps_a_message_the_source_dropped(
    source_messages, app, language
):
    # Not only clutter: the catalogues of all apps are merged into one, so a
    # dropped message can still override another app's translation of it.
    # Obsolete (#~) entries are ignored by gettext and by this test.
    committed = keys(polib.pofile(str(catalogue(app, language))))
    stale = described(committed - source_messages[app])
    assert not stale, f"{app}/{language} keeps {stale}: run `make messages`"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_message_shared_by_apps_has_one_translation(language):
    # Django merges the apps' catalogues (the first app in INSTALLED_APPS, then
    # LOCALE_PATHS, wins), so two translations of one message cannot both show.
    translations = defaultdict(dict)
    for app in APPS:
        for e in polib.pofile(str(catalogue(app, language))).translated_entries():
            text = e.msgstr or tuple(sorted(e.msgstr_plural.items()))
            translations[(e.msgctxt, e.msgid)][app] = text
    conflicts = {
        key: by_app
        for key, by_app in translations.items()
        if len(set(by_app.values())) > 1
    }
    assert not conflicts


@pytest.mark.parametrize(("app", "language"), CATALOGUES)
def test_every_translation_keeps_the_placeholders(app, language):
    # msgfmt compares the %(name)s directives of python-format messages, which
    # the template and the code fill in: a misspelt one raises KeyError, a
    # lost one drops the figure or the name from the sentence.
    msgfmt = gettext_tool("msgfmt")
    path = catalogue(app, language)
    result = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [msgfmt, "--check-format", "-o", os.devnull, path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
