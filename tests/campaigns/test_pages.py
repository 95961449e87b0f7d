"""Campaign page types: where they may be created, and that they render."""

import datetime

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaigns.models import CampaignIndexPage, CampaignPage
from home.models import HomePage, StandardPage
from tests import factories
from tests.campaigns.builders import (
    key_numbers,
    make_campaign,
    make_campaign_index,
    make_key_figure,
    video,
)


def list_block(items):
    """Form data of a ListBlock, as the admin posts it."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def empty_link(url=""):
    return {"page": "", "document": "", "url": url}


def campaign_form_data(body=(), **fields):
    """The add/edit form of a campaign page as the admin posts it."""
    data = {
        "title": "Safe to speak",
        "slug": "safe-to-speak",
        "hashtag": "#SafeToSpeak",
        "strapline": "Protect those who brief the UN.",
        "status": "active",
        "hero_action": "signup",
        "outcome_date": "",
        "outcome_text": "",
        "outcome_link": "",
        "body": streamfield(list(body)),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


class CampaignPageTreeTests(WagtailPageTestCase):
    def setUp(self):
        self.home = factories.make_site_with_home()
        self.index = make_campaign_index(self.home)
        self.user = self.login()

    def test_index_goes_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, CampaignIndexPage)
        self.assertCanNotCreateAt(StandardPage, CampaignIndexPage)
        self.assertCanNotCreateAt(CampaignIndexPage, CampaignIndexPage)

    def test_campaigns_go_under_the_index_and_have_no_children(self):
        self.assertAllowedSubpageTypes(CampaignIndexPage, {CampaignPage})
        self.assertAllowedSubpageTypes(CampaignPage, set())
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(StandardPage, CampaignPage)

    def test_only_one_index_per_home_page(self):
        self.assertFalse(CampaignIndexPage.can_create_at(self.home))

    def test_pages_render_and_preview(self):
        figure = make_key_figure()
        campaign = make_campaign(
            self.index,
            status=CampaignPage.Status.WON,
            outcome_date=datetime.date(2021, 10, 8),
            outcome_text="The resolution was adopted.",
            body=[
                ("text", "<p>Why it matters.</p>"),
                key_numbers([figure]),
                video(factories.make_image()),
            ],
        )
        for page in (self.index, campaign):
            self.assertPageIsRenderable(page)
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            self.assertEqual(self.client.get(edit_url).status_code, 200)
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsPreviewable(
            campaign,
            post_data=campaign_form_data(
                [
                    (
                        "key_numbers",
                        {
                            "heading": "Numbers",
                            "intro": "",
                            "figures": list_block([str(figure.pk)]),
                        },
                    )
                ],
                title=campaign.title,
                slug=campaign.slug,
            ),
        )

    def test_campaign_reads_well_without_a_hero_image_or_body(self):
        campaign = make_campaign(self.index)
        response = self.client.get(campaign.url)
        self.assertContains(response, "<h1>End reprisals</h1>", html=True)
        self.assertContains(response, "#EndReprisals")
        self.assertNotContains(response, "<picture")
        self.assertNotContains(response, "video.js")

    def test_campaign_created_in_the_admin_with_every_block_type(self):
        image = factories.make_image()
        figures = [make_key_figure(figure=f"{n}%") for n in (10, 20)]
        body = [
            ("heading", {"text": "Why", "level": "h2", "anchor": "why"}),
            ("text", rich_text("<p>Because.</p>")),
            (
                "image",
                {
                    "image": image.pk,
                    "alt_text": "A meeting room",
                    "decorative": "",
                    "caption": "",
                },
            ),
            ("quote", {"quote": "Speak up.", "attribution": "A", "role": ""}),
            (
                "call_to_action",
                {
                    "heading": "Act",
                    "text": "",
                    "button_label": "Read the report",
                    "link": empty_link("https://example.org/"),
                },
            ),
            (
                "key_numbers",
                {
                    "heading": "Numbers",
                    "intro": "",
                    "figures": list_block([str(f.pk) for f in figures]),
                },
            ),
            (
                "video",
                {
                    "url": "https://vimeo.com/123456",
                    "title": "Our film",
                    "poster": image.pk,
                    "transcript": rich_text("<p>Words.</p>"),
                },
            ),
            (
                "milestones",
                {
                    "heading": "Timeline",
                    "milestones": list_block(
                        [
                            {
                                "date": "2021-10-08",
                                "title": "Adopted",
                                "text": "",
                                "link": empty_link(),
                            }
                        ]
                    ),
                },
            ),
            (
                "demands",
                {
                    "heading": "What do we want?",
                    "intro": "",
                    "demands": list_block(
                        [{"demand": "Safety", "explanation": "For all."}]
                    ),
                },
            ),
        ]
        self.assertCanCreate(self.index, CampaignPage, campaign_form_data(body))
        page = CampaignPage.objects.get(slug="safe-to-speak")
        self.assertEqual(
            [block.block_type for block in page.body],
            [
                "heading",
                "text",
                "image",
                "quote",
                "call_to_action",
                "key_numbers",
                "video",
                "milestones",
                "demands",
            ],
        )
        response = self.client.get(page.url)
        self.assertContains(response, "Our film")
        self.assertContains(response, "10%")


class CampaignAdminValidationTests(WagtailPageTestCase):
    """Bad input gets a field error in the admin, and nothing is saved."""

    def setUp(self):
        self.home = factories.make_site_with_home()
        self.index = make_campaign_index(self.home)
        self.login()
        self.add_url = reverse(
            "wagtailadmin_pages:add",
            args=("campaigns", "campaignpage", self.index.pk),
        )

    def post(self, body=(), **fields):
        fields.setdefault("slug", "bad-input")
        data = campaign_form_data(body, **fields)
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(CampaignPage.objects.filter(slug="bad-input").exists())
        return response.context["form"].errors

    def test_hashtag_with_spaces_is_refused(self):
        errors = self.post(hashtag="#End Reprisals")
        self.assertIn("hashtag", errors)
        self.assertIn("no spaces", str(errors["hashtag"]))

    def test_hashtags_in_any_alphabet_are_accepted(self):
        for number, hashtag in enumerate(("#Représailles_2", "#العدالة", "#正义")):
            slug = f"any-alphabet-{number}"
            data = campaign_form_data(hashtag=hashtag, slug=slug)
            data["action-publish"] = "action-publish"
            response = self.client.post(self.add_url, data)
            self.assertEqual(response.status_code, 302, hashtag)  # saved
            self.assertEqual(CampaignPage.objects.get(slug=slug).hashtag, hashtag)

    def test_hashtag_without_hash_is_refused(self):
        self.assertIn("hashtag", self.post(hashtag="EndReprisals"))

    def test_video_from_an_unknown_host_is_refused(self):
        errors = self.post(
            body=[
                (
                    "video",
                    {
                        "url": "https://videos.example.com/watch/1",
                        "title": "Film",
                        "poster": factories.make_image().pk,
                        "transcript": rich_text(""),
                    },
                )
            ]
        )
        self.assertIn("body", errors)
        block_errors = errors["body"].as_data()[0].block_errors[0]
        self.assertIn("url", block_errors.block_errors)
        self.assertIn("YouTube or Vimeo", str(block_errors.block_errors["url"]))

    def test_outcome_text_without_a_date_is_refused(self):
        errors = self.post(outcome_text="We won.")
        self.assertIn("outcome_date", errors)
