"""Builds the live server's database in one process: migrate, demo, admin.

Run by `LiveSite.prepare()` with the server's settings; prints the public
pages to check as JSON lines: PAGES= in the default language,
LANGUAGE_PAGES= the same page types in every other language.
"""

import json
import os

import django
from django.core.management import call_command


def main():
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    call_command("ensure_admin", verbosity=0)

    from campaigns.models import CampaignIndexPage
    from home.models import HomePage
    from tests.proof.pages import describe_pages, describe_pages_in_every_language

    print("PAGES=" + json.dumps(describe_pages()))  # noqa: T201
    print(  # noqa: T201
        "LANGUAGE_PAGES=" + json.dumps(describe_pages_in_every_language())
    )
    ids = {
        "campaign index": CampaignIndexPage.objects.first().pk,
        "home": HomePage.objects.filter(depth=2).order_by("pk").first().pk,
    }
    print("IDS=" + json.dumps(ids))  # noqa: T201


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.browser.server_settings")
    main()
