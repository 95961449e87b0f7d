"""What Chromium sees through the front: pages, images, hosts, the admin."""

from urllib.parse import urlsplit

from tests.browser.conftest import BROWSER_ARGS as LAUNCH_ARGS

# Lazy images below the fold are told to load now, then each is awaited
# (bounded), so every image of the page is counted.
LOAD_ALL_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach(img => { img.loading = "eager"; });
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done); img.addEventListener("error", done);
    setTimeout(done, 8000);
  })));
  return images.map(img => ({src: img.currentSrc || img.src, width: img.naturalWidth}));
}"""


def launch(playwright):
    return playwright.chromium.launch(
        executable_path="/usr/bin/chromium", headless=True, args=LAUNCH_ARGS
    )


class PageVisit:
    """One public page as the browser loaded it."""

    def __init__(self, name, path):
        self.name, self.path = name, path
        self.status = None
        self.images = []
        self.foreign = []
        self.encoding = ""
        self.wire_bytes = None

    @property
    def images_loaded(self):
        return sum(1 for image in self.images if image["width"] > 0)


def visit(context, base_url, name, path):
    result = PageVisit(name, path)
    origin = urlsplit(base_url)
    requests = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    try:
        response = page.goto(base_url + path, wait_until="networkidle", timeout=30_000)
        result.status = response.status
        result.encoding = response.headers.get("content-encoding", "")
        result.wire_bytes = response.request.sizes()["responseBodySize"]
        result.images = page.evaluate(LOAD_ALL_IMAGES)
        page.wait_for_load_state("networkidle", timeout=15_000)
    finally:
        page.close()
    own = (origin.hostname, origin.port)
    result.foreign = [
        url
        for url in map(urlsplit, requests)
        if url.scheme in ("http", "https") and (url.hostname, url.port) != own
    ]
    return result


def current_totp():
    """The editor's code now, as their authenticator app would show it."""
    from django_otp.oath import TOTP

    from deploy.check.topology import TOTP_KEY

    return f"{TOTP(bytes.fromhex(TOTP_KEY)).token():06d}"


def admin_upload(chromium, base_url, username, password, image_path, pdf_path, titles):
    """An editor logs in and uploads an image and a PDF through the admin forms."""
    context = chromium.new_context(ignore_https_errors=True, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(f"{base_url}/admin/login/", timeout=30_000)
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        with page.expect_navigation(timeout=30_000):
            page.click("form button[type=submit]")
        if "/two-factor/" in page.url:
            page.fill("input[name=code]", current_totp())
            with page.expect_navigation(timeout=30_000):
                page.click("form button[type=submit]")
        for kind, path, title in (
            ("images", image_path, titles["image"]),
            ("documents", pdf_path, titles["document"]),
        ):
            page.goto(f"{base_url}/admin/{kind}/add/", timeout=30_000)
            form = page.locator("form[enctype='multipart/form-data']")
            form.locator("input[type=file][name=file]").set_input_files(str(path))
            form.locator("input[name=title]").fill(title)
            with page.expect_navigation(timeout=60_000):
                form.locator("button[type=submit]").first.click()
            if "/add/" in page.url:
                errors = page.locator(".error-message").all_inner_texts()
                raise RuntimeError(f"the {kind} upload was refused: {errors}")
    finally:
        context.close()
