"""The brand editors choose in Settings > Brand: colours, typeface, logo rules.

The colours and typeface reach pages as /theme.css (`theme_css`), a small
stylesheet of custom properties (and @font-face rules when a shipped typeface
is chosen) that overrides the defaults of static/css/site.css: no inline
style (the CSP forbids them), no rebuild. Its address carries a hash of the
values, so it is cached for a year and a save changes the address (saving a
setting also empties the page cache: core/serving/page_cache.py).
"""

import hashlib
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
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
# The unicode-range of each fontsource subset, as its package declares it, so
# a browser downloads a file only when a heading holds one of its letters.
LATIN = (
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,"
    "U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,"
    "U+FEFF,U+FFFD"
)
CYRILLIC = "U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116"
# Tajawal's Arabic file also holds the space and no-break space: claiming
# them keeps an Arabic heading's spaces from downloading the Latin file.
ARABIC = (
    "U+0020,U+00A0,U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,"
    "U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,"
    "U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC"
)


@dataclass(frozen=True)
class FontFace:
    """One subset file of a shipped typeface (mysite/static/fonts/)."""

    family: str
    path: str
    unicode_range: str
    metrics: str = ""  # @font-face descriptors that adjust its line box


@dataclass(frozen=True)
class Typeface:
    """A choice in Settings > Brand: the faces of the heading font, by script.

    One bold file per script, used for every weight from 600 up: headings and
    display text only, so a Latin page downloads one 13 KB file and body
    text stays on the system fonts (docs/design.md, "Typeface").
    """

    label: str
    latin: str = ""
    arabic: str = ""
    faces: tuple = ()


TYPEFACES = {
    "system": Typeface(_("System fonts (nothing to download)")),
    "noto-tajawal": Typeface(
        _("Noto Sans and Tajawal, for headings"),
        latin="Brand Noto Sans",
        arabic="Brand Tajawal",
        faces=(
            FontFace(
                "Brand Noto Sans",
                "fonts/noto-sans/noto-sans-latin-700-normal.woff2",
                LATIN,
            ),
            FontFace(
                "Brand Noto Sans",
                "fonts/noto-sans/noto-sans-cyrillic-700-normal.woff2",
                CYRILLIC,
            ),
            # Tajawal's ascent (0.64 em) is lower than Noto Sans's capitals
            # (0.71 em): as the first font of Arabic text it would size the
            # box, and the Latin letters of a hashtag would rise out of its
            # background. Noto Sans's ascent keeps them inside.
            FontFace(
                "Brand Tajawal",
                "fonts/tajawal/tajawal-arabic-700-normal.woff2",
                ARABIC,
                metrics="ascent-override: 107%; descent-override: 36%;",
            ),
        ),
    ),
}
DEFAULT_TYPEFACE = "system"
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
    """The brand's colours and heading typeface, applied to every public page."""

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

    typeface = models.CharField(
        _("typeface"),
        max_length=20,
        choices=[(key, typeface.label) for key, typeface in TYPEFACES.items()],
        default=DEFAULT_TYPEFACE,
        help_text=_(
            "For headings. A shipped typeface adds about 13 KB to a page's "
            "first visit; body text stays on the reader's own fonts."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("primary"), FieldPanel("primary_text")]),
                FieldRowPanel([FieldPanel("accent"), FieldPanel("accent_text")]),
            ],
            heading=_("Colours"),
        ),
        FieldPanel("typeface"),
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
        return self.typeface == DEFAULT_TYPEFACE and all(
            getattr(self, name) == value for name, value in DEFAULTS.items()
        )

    @property
    def chosen_typeface(self):
        return TYPEFACES.get(self.typeface, TYPEFACES[DEFAULT_TYPEFACE])

    def font_faces(self):
        """The chosen typeface's faces, each with its URL in the static files."""
        return [
            {"face": face, "url": static(face.path)}
            for face in self.chosen_typeface.faces
        ]

    @property
    def version(self):
        # The font URLs carry the manifest's hashes in production: a deploy
        # that changes a font file changes the stylesheet's address too.
        values = [getattr(self, name) for name in DEFAULTS] + [self.typeface]
        values += [face["url"] for face in self.font_faces()]
        return hashlib.sha256("|".join(values).encode()).hexdigest()[:12]

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
    context = {
        "tokens": brand.tokens(),
        "typeface": brand.chosen_typeface,
        "font_faces": brand.font_faces(),
    }
    css = render_to_string("core/theme.css", context, request=request)
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
