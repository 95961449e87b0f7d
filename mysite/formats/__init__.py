"""Date formats where the site differs from Django's locale formats
(FORMAT_MODULE_PATH); every other language uses Django's own."""
