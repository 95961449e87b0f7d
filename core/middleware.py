"""Response headers every public page carries."""

from django.urls import reverse

from core.models import SiteSettings


class OnionLocationMiddleware:
    """Send `Onion-Location` on public HTML pages when the site has an onion address.

    Tor Browser then offers the reader the same page on the onion service,
    which hides from their network that they read this site.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self._applies(request, response):
            address = self._onion_address(request)
            if address:
                response["Onion-Location"] = address.rstrip("/") + (
                    request.get_full_path()
                )
        return response

    def _applies(self, request, response):
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if self._admin_prefix is None:
            self._admin_prefix = reverse("wagtailadmin_home")
        return not request.path.startswith(self._admin_prefix)

    def _onion_address(self, request):
        try:
            # Cached on the request: pages have already looked it up to render.
            return SiteSettings.for_request(request).onion_location
        except SiteSettings.DoesNotExist:
            return ""
