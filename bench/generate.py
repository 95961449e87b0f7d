"""Adds N generated resources to the benchmark's database (default 1,000).

Copies of a demo paper (its tags, places and PDF), live, each with its own
title and slug: what a library that has grown for years looks like to the
queries.
"""

import sys

import django


def main(count):
    django.setup()
    from django.db import transaction
    from wagtail.models import Page

    from resources.models import ResourcePage

    original = ResourcePage.objects.live().filter(document__isnull=False).first()
    parent = original.get_parent()
    existing = Page.objects.child_of(parent).count()
    with transaction.atomic():
        for number in range(existing, existing + count):
            original.copy(
                to=parent,
                update_attrs={
                    "title": f"Generated paper {number}: reprisals, year {number % 9}",
                    "slug": f"generated-paper-{number}",
                },
                copy_revisions=False,
                log_action=None,
            )
    print(f"added {count} resources")  # noqa: T201


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
