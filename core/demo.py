"""Building blocks for `load_demo_content`: idempotent page and image creation.

Every app's `demo.py` uses these, so running the command twice updates the demo
site in place instead of duplicating it.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def upsert_child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, created or updated, then published."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


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
