"""Milestones: a timeline in date order, with links in the reader's language."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests import factories
from tests.campaigns.builders import make_campaign, make_campaign_index


def milestone(day, title, page=None, url=""):
    return {
        "date": datetime.date(2021, 10, day),
        "title": title,
        "text": "",
        "link": {"page": page, "document": None, "url": url},
    }


def milestones_block(*items):
    return ("milestones", {"heading": "Timeline", "milestones": list(items)})


def test_timeline_is_sorted_by_date_whatever_the_entry_order(client, home_page):
    page = make_campaign(
        make_campaign_index(home_page),
        body=[
            milestones_block(
                milestone(14, "Third"), milestone(1, "First"), milestone(8, "Second")
            )
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<ol class="timeline">' in html
    assert html.index("First") < html.index("Second") < html.index("Third")
    assert '<time class="timeline__date" datetime="2021-10-01">' in html


def test_page_links_point_to_the_readers_language(client, home_page):
    about = factories.make_standard_page(home_page, title="About", slug="about")
    index = make_campaign_index(home_page)
    page = make_campaign(
        index,
        body=[
            milestones_block(
                milestone(1, "Linked", page=about),
                milestone(2, "Outside", url="https://example.org/news"),
            )
        ],
    )
    french = Locale.objects.get(language_code="fr")
    french_page = page.copy_for_translation(french, copy_parents=True)
    french_page.save_revision().publish()
    about_fr = about.copy_for_translation(french)
    about_fr.save_revision().publish()

    english = client.get(page.url).content.decode()
    assert '<a href="/about/">Linked</a>' in english
    assert '<a href="https://example.org/news">Outside</a>' in english
    french_html = client.get(french_page.url).content.decode()
    assert f'<a href="{about_fr.url}">Linked</a>' in french_html


def test_linked_milestones_cost_the_same_queries_however_many(client, home_page):
    targets = [
        factories.make_standard_page(home_page, title=f"Page {n}", slug=f"p{n}")
        for n in range(4)
    ]
    index = make_campaign_index(home_page)
    one = make_campaign(
        index, title="One", body=[milestones_block(milestone(1, "A", targets[0]))]
    )
    many = make_campaign(
        index,
        title="Many",
        body=[
            milestones_block(
                *[milestone(n + 1, f"M{n}", t) for n, t in enumerate(targets)]
            ),
            milestones_block(milestone(9, "Again", targets[1])),
        ],
    )
    counts = []
    for page in (one, many):
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        counts.append(len(queries))
    assert counts[0] == counts[1]
