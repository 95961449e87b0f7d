"""Building blocks for `load_demo_content`: create what is absent, touch nothing else.

Every app's `demo.py` uses these. The demo is loaded on every `make run`, over
a database editors work in: what exists (even a demo page an editor changed,
unpublished or scheduled) is never changed, republished or unpublished.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


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


def demo_image(title, colour=(11, 85, 99), size=(1200, 675)):
    """A generated picture (a colour field with a simple motif), made once."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for step in range(6):
        inset = step * min(width, height) // 14
        draw.ellipse(
            (
                width * 0.55 + inset,
                height * 0.15 + inset,
                width * 1.05 - inset,
                height * 0.95 - inset,
            ),
            outline=(255, 255, 255),
            width=6,
        )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = title.lower().replace(" ", "-")[:40] + ".png"
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=filename)
    )
