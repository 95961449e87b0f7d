"""The brand editors choose in Settings > Brand: colours and the logo rules.

The colours reach pages as /theme.css (`theme_css`), a small stylesheet of
custom properties that overrides the defaults of static/css/site.css: no
inline style (the CSP forbids them), no rebuild. Its address carries a hash
of the values, so it is cached for a year and a save changes the address
(saving a setting also empties the page cache: core/serving/page_cache.py).
"""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.serving.content_cache import RememberedSettingMixin

AA_TEXT = 4.5  # WCAG 2.2 AA, 1.4.3: normal text
HEX = RegexValidator(
    r"^#[0-9a-fA-F]{6}\Z", _("Give a colour as # and six hex digits: #0b5563.")
)
DEFAULTS = {
    "primary": "#0b5563",
    "primary_text": "#ffffff",
    "accent": "#c8102e",
    "accent_text": "#ffffff",
}
LOGO_FORMATS = ("png", "webp")
LOGO_MAX_BYTES = 200 * 1024
LOGO_MAX_SIDE = 1200


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(hex_colour):
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(one, other):
    """The WCAG contrast ratio of two #rrggbb colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def darken(hex_colour, amount):
    channels = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c * (1 - amount)):02x}" for c in channels)


def mix_with_white(hex_colour, amount):
    channels = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in channels)


def validate_logo(image):
    """PNG or WebP only (SVG can carry scripts), small in bytes and pixels."""
    if image is None:
        return
    extension = image.file.name.rsplit(".", 1)[-1].lower()
    if extension not in LOGO_FORMATS:
        raise ValidationError(
            {"logo": _("The logo must be a PNG or WebP image (SVG is refused).")}
        )
    if (image.file_size or 0) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("The logo must weigh at most 200 KB.")})
    if max(image.width, image.height) > LOGO_MAX_SIDE:
        raise ValidationError(
            {"logo": _("The logo must be at most 1200 pixels wide and high.")}
        )


def colour_field(label, name, help_text):
    """A #rrggbb colour with its default from DEFAULTS."""
    return models.CharField(
        label,
        max_length=7,
        default=DEFAULTS[name],
        validators=[HEX],
        help_text=help_text,
    )


@register_setting(icon="view")
class BrandSettings(RememberedSettingMixin, BaseSiteSetting):
    """The brand's colours, applied to every public page."""

    primary = colour_field(
        _("primary colour"),
        "primary",
        _("Header, links, buttons of the brand. Must read on white (4.5:1)."),
    )
    primary_text = colour_field(
        _("text on the primary colour"),
        "primary_text",
        _("Usually white or near-black."),
    )
    accent = colour_field(
        _("accent colour"),
        "accent",
        _("The main action buttons, hashtags and key numbers."),
    )
    accent_text = colour_field(
        _("text on the accent colour"),
        "accent_text",
        _("The label colour of action buttons."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("primary"), FieldPanel("primary_text")]),
                FieldRowPanel([FieldPanel("accent"), FieldPanel("accent_text")]),
            ],
            heading=_("Colours"),
        ),
    ]

    class Meta:
        verbose_name = _("brand")

    def clean(self):
        super().clean()
        if any(not re.match(r"^#[0-9a-fA-F]{6}\Z", getattr(self, f)) for f in DEFAULTS):
            return  # the field validators say what is wrong
        pairs = [
            ("primary_text", self.primary_text, self.primary, _("the primary colour")),
            ("accent_text", self.accent_text, self.accent, _("the accent colour")),
            ("primary", self.primary, "#ffffff", _("white (links)")),
            ("accent", self.accent, "#ffffff", _("white (hashtags, numbers)")),
            (
                "primary",
                "#ffffff",
                darken(self.primary, 0.38),
                _("white text on its dark shade (campaign heroes)"),
            ),
        ]
        errors = {}
        for field, text, background, where in pairs:
            ratio = contrast(text, background)
            if ratio < AA_TEXT:
                errors[field] = _(
                    "Too little contrast: %(ratio).1f:1 against %(where)s. WCAG AA "
                    "needs at least 4.5:1 for text; choose a darker or lighter colour."
                ) % {"ratio": ratio, "where": where}
        if errors:
            raise ValidationError(errors)

    @property
    def is_default(self):
        return all(getattr(self, name) == value for name, value in DEFAULTS.items())

    @property
    def version(self):
        values = "|".join(getattr(self, name) for name in DEFAULTS)
        return hashlib.sha256(values.encode()).hexdigest()[:12]

    def stylesheet_url(self):
        return f"{reverse('theme_css')}?v={self.version}"

    def tokens(self):
        return {
            "brand": self.primary,
            "brand-text": self.primary_text,
            "brand-deep": darken(self.primary, 0.38),
            "wash-brand": mix_with_white(self.primary, 0.09),
            "accent": self.accent,
            "accent-text": self.accent_text,
        }


@require_GET
def theme_css(request):
    """The brand's tokens as a stylesheet (cached for a year: its URL changes)."""
    brand = BrandSettings.for_request(request)
    css = render_to_string(
        "core/theme.css", {"tokens": brand.tokens(), "brand": brand}, request=request
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
