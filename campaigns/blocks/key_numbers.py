"""Key numbers: a heading and up to six key-figure snippets, loaded in bulk."""

import copy
import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock


def _in_bulk_in_order(queryset, values):
    """`values` (primary keys, maybe repeated or None) as instances, in order.

    The same contract as Wagtail's ChooserBlock.bulk_to_python, with a
    queryset of our choosing so related rows come in the same query.
    """
    objects = queryset.in_bulk([value for value in values if value is not None])
    seen, result = set(), []
    for pk in values:
        obj = objects.get(pk)
        if obj is not None and pk in seen:
            obj = copy.copy(obj)
        result.append(obj)
        seen.add(pk)
    return result


class KeyFigureChooserBlock(SnippetChooserBlock):
    """Picks one key figure; a page's figures and their documents load at once."""

    def __init__(self, **kwargs):
        super().__init__("campaigns.KeyFigure", **kwargs)

    def bulk_to_python(self, values):
        queryset = self.model_class.objects.select_related("source_document")
        return _in_bulk_in_order(queryset, list(values))

    class Meta:
        icon = "decimal"
        label = _("Key figure")


class KeyNumbersBlock(blocks.StructBlock):
    """A heading and up to six key figures, each with its source."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        default=_("Key numbers to remember"),
    )
    intro = blocks.TextBlock(
        label=_("Introduction"),
        required=False,
        max_length=300,
        help_text=_("Optional sentence under the heading."),
    )
    figures = blocks.ListBlock(
        KeyFigureChooserBlock(),
        min_num=1,
        max_num=6,
        label=_("Figures"),
        help_text=_(
            "Choose 1 to 6 figures from Snippets > Key figures. Editing a "
            "figure there updates every page that shows it."
        ),
    )

    def get_preview_value(self):
        from campaigns.models import KeyFigure

        # Figures of one language, the one the preview is shown in if it has
        # any: a preview mixing French and English figures helps nobody.
        figures_of = KeyFigure.objects.select_related("source_document").order_by("pk")
        figures = list(figures_of.filter(locale=Locale.get_active())[:3]) or list(
            figures_of.filter(locale=Locale.get_default())[:3]
        )
        if not figures:
            figures = [
                KeyFigure(
                    figure="709",
                    label="cases of reprisals reported to the UN, 2010-2020",
                    as_of=datetime.date(2021, 9, 1),
                    source_title="UN Secretary-General's reports",
                    source_url="https://example.org/",
                )
            ]
        return self.normalize({"heading": "Key numbers", "figures": figures})

    class Meta:
        icon = "decimal"
        label = _("Key numbers")
        label_format = "{heading}"
        template = "campaigns/blocks/key_numbers.html"
        description = _("Big figures with what they count and their source.")
