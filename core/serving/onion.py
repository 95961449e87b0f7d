"""The site as a Tor onion service, beside its public address.

Readers at risk reach the site through Tor; an onion address hides from their
network that they read it. Two parts:

- `OnionLocationMiddleware` sends `Onion-Location` on public HTML pages when
  the site settings give an onion address, so Tor Browser offers the reader
  the same page on the onion service.
- With `ONION_HOST` set (production reads it from the environment, and adds
  it to ALLOWED_HOSTS and, as http://, to CSRF_TRUSTED_ORIGINS), requests for
  that host are served over plain http (Tor encrypts end to end; an https
  redirect would leave the onion service) and without HSTS
  (`OnionBeforeSecurityMiddleware` and `OnionAfterSecurityMiddleware`, around
  Django's SecurityMiddleware), and absolute links built for them stay on
  the onion host (`onion_root_url`, used by BasePage.get_url_parts).
"""

from django.conf import settings

from core.serving.paths import is_admin_path


def is_onion_request(request):
    """Whether `request` came in for the configured onion host."""
    onion_host = getattr(settings, "ONION_HOST", "")
    if not onion_host or request is None:
        return False
    return request.get_host().split(":")[0].lower() == onion_host.lower()


def onion_root_url(request):
    """http://<onion host> for a request on the onion service, else None."""
    if is_onion_request(request):
        return f"http://{settings.ONION_HOST.lower()}"
    return None


class OnionBeforeSecurityMiddleware:
    """Just above Django's SecurityMiddleware: an onion request passes its
    https redirect.

    Django's SecurityMiddleware redirects every request that is not secure;
    its deploy checks look for it by name, so it stays in MIDDLEWARE as it is.
    For the onion host only, this middleware makes the request count as
    secure while SecurityMiddleware decides whether to redirect, and
    `OnionAfterSecurityMiddleware`, just below it, undoes that before anything
    else reads the request (so its scheme stays http, its links http://) and
    takes back the HSTS header that SecurityMiddleware then adds on the way
    out (meaningless over http, and the onion host has no https).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        onion = is_onion_request(request)
        if onion:
            request.is_secure = lambda: True
        response = self.get_response(request)
        if onion:
            request.__dict__.pop("is_secure", None)
            response.headers.pop("Strict-Transport-Security", None)
        return response


class OnionAfterSecurityMiddleware:
    """Just below Django's SecurityMiddleware: the onion request is plain
    http again for everything after it (see OnionBeforeSecurityMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.__dict__.pop("is_secure", None)
        return self.get_response(request)


class OnionLocationMiddleware:
    """Send `Onion-Location` on public HTML pages when the site has an onion address."""

    def __init__(self, get_response):
        self.get_response = get_response

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
        return not is_admin_path(request.path_info) and not is_onion_request(request)

    def _onion_address(self, request):
        from core.models import SiteSettings

        try:
            # Cached on the request: pages have already looked it up to render.
            return SiteSettings.for_request(request).onion_location
        except SiteSettings.DoesNotExist:
            return ""
