"""Building blocks for `load_demo_content`: create what is absent, touch nothing else.

Every app's `demo.py` uses these. The demo is loaded on every `make run`, over
a database editors work in: what exists (even a demo page an editor changed,
unpublished or scheduled) is never changed, republished or unpublished.
"""

import io

from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from core import demo_art


def ensure_child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug as it stands; if absent, created
    with `fields` and published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_translation(page, locale, **fields):
    """`page`'s translation in `locale` as it stands; if absent, copied for
    translation, given `fields` (the words in that language) and published.

    A parent with no translation yet is copied too, as an alias of the original
    (Wagtail's `copy_parents`): loaders translate parents first, top down, so
    that only a parent they have no words for is left an alias, served as the
    language it is written in (core.i18n.written_language).
    """
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation.specific
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def unchanged_since_published(page):
    """True while no revision was saved after the page first went live: it is
    as the demo published it (a translation starts with two revisions, the
    copy's and the published one, so counting them would not tell)."""
    if page.first_published_at is None:
        return False
    return not page.revisions.filter(created_at__gt=page.first_published_at).exists()


def _is_blank(value):
    return value is None or (hasattr(value, "__len__") and len(value) == 0)


def fill_blank_fields(obj, **fields):
    """Set only the fields that are still empty (a site setting nobody has
    filled in yet), and save if there was any."""
    blank = {
        name: value for name, value in fields.items() if _is_blank(getattr(obj, name))
    }
    for name, value in blank.items():
        setattr(obj, name, value)
    if blank:
        obj.save()
    return obj


def demo_image(title, colour=(11, 85, 99), size=(2400, 1350), motif="crowd"):
    """A generated picture (core.demo_art's motifs), made once: an image with
    this title that already exists is returned as it is."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    make = demo_art.MOTIFS[motif]
    extra = {"title": title} if motif == "cover" else {}
    picture, focal = make(size, colour, title, **extra)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    filename = title.lower().replace(" ", "-")[:40] + ".png"
    image = image_model(title=title, file=ImageFile(buffer, name=filename))
    if focal:  # every crop keeps this part of the picture
        left, top, width, height = focal
        image.focal_point_x, image.focal_point_y = left + width // 2, top + height // 2
        image.focal_point_width, image.focal_point_height = width, height
    image.save()
    return image
