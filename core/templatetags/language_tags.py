"""The language of a part of a page written in another language than the page
around it: `<li{% part_language page %}>` gives `<li lang="en" dir="ltr">` on an
Arabic page listing an English paper, and nothing when the languages match."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Page

from core.i18n import active_content_language, language_of_part

register = template.Library()


def attributes(code):
    if not code or code == active_content_language():
        return ""
    try:
        direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag
def part_language(page_or_code):
    """lang and dir attributes for a page, or for text in a language code
    (such as a site setting, written in the default language)."""
    if isinstance(page_or_code, Page):
        return attributes(language_of_part(page_or_code))
    return attributes(page_or_code)


@register.simple_tag
def settings_text_language():
    """For text typed in the site settings, which hold one version of it,
    written in the site's default language."""
    return attributes(settings.LANGUAGE_CODE)
