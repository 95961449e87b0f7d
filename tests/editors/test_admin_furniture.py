"""What a communications officer meets in the admin: the project's own guide,
alt text explained, unambiguous dates, a page chooser that opens at the site."""

import datetime

import pytest
from django.urls import reverse
from wagtail.admin.widgets import AdminDateInput
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db


def test_the_projects_guide_is_served_inside_the_admin(staff_client):
    response = staff_client.get(reverse("editor_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2" in html and "Who does what" in html
    assert "<table>" in html  # Markdown tables are rendered, not shown as text


def test_the_help_menu_links_to_the_projects_guide_not_wagtails(rf, staff_user):
    from wagtail import hooks
    from wagtail.admin.menu import help_menu

    request = rf.get("/admin/")
    request.user = staff_user
    items = help_menu.menu_items_for_request(request)
    for construct in hooks.get_hooks("construct_help_menu"):
        construct(request, items)
    urls = [item.url for item in items]
    assert reverse("editor_guide") in urls
    assert not any("guide.wagtail.org" in str(url) for url in urls)


def test_alt_text_is_labelled_and_explained():
    form = get_image_form(get_image_model())()
    field = form.fields["description"]
    assert "Alt text" in str(field.label)
    assert "screen readers" in str(field.help_text)


def test_dates_in_the_admin_are_year_first():
    assert AdminDateInput().js_format == "Y-m-d"
    assert AdminDateInput().format_value(datetime.date(2021, 10, 8)) == "2021-10-08"


def test_the_page_chooser_opens_at_the_site(staff_client, home_page):
    response = staff_client.get("/admin/choose-page/?page_type=wagtailcore.page")
    assert response.status_code == 302
    assert response.url.startswith(
        reverse("wagtailadmin_choose_page_child", args=(home_page.pk,))
    )
    assert "page_type=wagtailcore.page" in response.url
