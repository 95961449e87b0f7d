"""Plain-text files for crawlers; the editors' guide and page chooser in the admin."""

from pathlib import Path

import markdown
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Site


@require_GET
def robots_txt(request):
    """robots.txt: crawl what is public, skip admin and search, name the sitemap."""
    search_paths = ["/search/"] + [
        f"/{code}/search/"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {path}" for path in search_paths),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """The project's editors' guide (docs/editors.md) inside the admin, in the
    admin user's language where a translated copy (docs/editors.<lang>.md)
    exists, otherwise in English."""

    template_name = "core/editor_guide.html"
    page_title = _("Editors' guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        path, language = editor_guide_source(get_language())
        # The guide is a file of this repository, not user input.
        html = markdown.markdown(path.read_text(), extensions=["tables", "toc"])
        return super().get_context_data(
            guide_html=mark_safe(html),  # noqa: S308  # nosec B308 B703 - our own docs file
            guide_language=language,
            **kwargs,
        )


def editor_guide_source(language):
    """The guide's Markdown file for `language` and the language it is in."""
    docs = Path(settings.BASE_DIR) / "docs"
    code = (language or settings.LANGUAGE_CODE).split("-")[0]
    translated = docs / f"editors.{code}.md"
    if translated.exists():
        return translated, code
    return docs / "editors.md", "en"


@require_admin_access
def choose_page_from_site(request):
    """The page chooser, opened with no page chosen yet, starts at the site's
    home page instead of the tree's invisible "Root" (one click less, and
    no page an editor cannot choose)."""
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return BrowseView.as_view()(request)
    url = reverse("wagtailadmin_choose_page_child", args=(site.root_page_id,))
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@require_admin_access
def chosen_pages_below_root(request):
    """Wagtail's "pages chosen" answer, asked only for pages an editor can
    choose: given the tree's Root, which has no parent, Wagtail's own view
    answers 500 (`get_parent()` is None). Any other id is passed on."""
    roots = {
        str(pk) for pk in Page.objects.filter(depth=1).values_list("pk", flat=True)
    }
    query = request.GET.copy()
    query.setlist("id", [pk for pk in query.getlist("id") if pk not in roots])
    request.GET = query
    return ChosenMultipleView.as_view()(request)
