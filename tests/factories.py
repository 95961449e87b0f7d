"""Small builders for test data, shared by every test folder.

Plain functions instead of a factory library: each returns saved, published
objects with sensible defaults that a test overrides by keyword.
"""

import io

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage


def make_site_with_home(**fields):
    """A default site whose root is a fresh, published English home page."""
    for code in ("en", "fr", "es"):
        Locale.objects.get_or_create(language_code=code)
    Page.objects.filter(depth=2).delete()  # Wagtail's placeholder and its Site
    root = Page.get_first_root_node()
    fields.setdefault("title", "Home")
    fields.setdefault("slug", "home")
    fields.setdefault("heading", "Defend the defenders")
    fields.setdefault("intro", "<p>We campaign against reprisals.</p>")
    home = HomePage(**fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True
    )
    return home


def publish_child(parent, page):
    """Add `page` under `parent`, publish it, and return it fresh."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_standard_page(parent, **fields):
    fields.setdefault("title", "About us")
    fields.setdefault("summary", "Who we are.")
    return publish_child(parent, StandardPage(**fields))


def make_image(title="Test image", size=(64, 48), colour=(10, 80, 90)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="test.png")
    )


def make_superuser(username="admin"):
    return get_user_model().objects.create_superuser(
        username=username, email=f"{username}@example.org", password="pw"
    )
