"""The serving layer: how a public response is made fast, cacheable and private.

Everything that decides what is cached, for how long and with which headers
lives in this package; nothing else in the project caches a response.

What is cached, keyed on what, invalidated when
-----------------------------------------------
- Whole pages (`page_cache`): anonymous GET 200 responses marked
  `Cache-Control: public`. Keyed on the content generation, the scheme, host
  and path, the values of the query parameters the page read while rendering,
  and the request headers the response `Vary`s on. Forgotten when the
  generation moves on (any publish, unpublish, move, slug change or delete;
  saving a setting, a plain snippet, an image, a document or a Site), or
  after PAGE_CACHE_SECONDS.
- Answers (`content_cache`): the page chrome (menu and the pages the footer
  links to, one entry per site and language), a page's ancestors
  (breadcrumbs, view-restriction check), translations, library filter
  choices; and, in public requests only (`core.patches`), the home page of
  a site and the page at a URL path with its images and document. Keyed on
  the content generation and the caller's key; forgotten with it. Nothing
  per reader, no search results, no renditions.
- Structural answers (`content_cache.remember_until_structure_changes`):
  the Site of a host (without its home page), the site settings, the
  locales, the view restrictions and the brand stylesheet. Keyed on the
  structure generation (`page_cache.STRUCTURE_GENERATION_KEY`), which a
  publish does not move: saving or deleting a Site, Locale, setting or
  PageViewRestriction, or moving a page, does (and moves the content
  generation too). So the first render after a publish asks only for the
  content that changed.
- Per request (`request_memo`): the locale of a language, the view
  restrictions, the locales. Forgotten when the public request ends; never
  kept for the admin.

Never cached: the admin (`paths.is_admin_path`), previews, logged-in
readers, POSTs, responses with a cookie or `Vary: Cookie`, responses that
chose their own Cache-Control (search results send `no-store`: what readers
search for is never kept, see `headers.never_store`), and anything but 200.

The generation is a number in the cache (`page_cache.GENERATION_KEY`): a bump
orphans every entry at once. The cache (Redis in production) may be down:
every lookup then is a miss, every store is skipped, the site renders
uncached, and the first process that reaches the cache again after an outage
bumps both generations, so that a publish during the outage is not hidden by
a page kept from before it (`resilient`).

Headers every public response carries (headers.py)
--------------------------------------------------
- Content-Security-Policy: the strict site policy (the admin has its own).
- Permissions-Policy, Cross-Origin-Resource-Policy, and Django's
  SecurityMiddleware headers (nosniff, Referrer-Policy, COOP; HSTS in
  production, except on the onion host).
- `Cache-Control: public, max-age=PUBLIC_CACHE_MAX_AGE` on anonymous
  cookie-free 200s (60 s on 404s), no `Vary: Accept-Language` (the language
  comes from the URL); `no-store` on search results.
- Onion-Location on HTML pages when the site has an onion address (onion.py).
No header tells the public whether a response came from the cache.

Framework patches that make a page cheaper to serve live in `core.patches`.
"""
