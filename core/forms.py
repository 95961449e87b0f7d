"""Admin forms shared by every app: the image form with alt text explained."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form, its "Description" labelled and explained as the
    alt text that screen readers read out (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = _("Alt text (description for screen readers)")
            field.help_text = _(
                "What the picture shows, in a sentence, read out by screen "
                "readers to people who cannot see it: e.g. 'Activists hold a "
                "banner outside the UN in Geneva'. Leave empty only for a "
                "purely decorative image."
            )
