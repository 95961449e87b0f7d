"""What a reader types into a search box, made safe for the search backend.

Shared by the site search (home.views) and the library's search box
(resources.library), so both accept and refuse the same queries.
"""

import re

# Long enough for any real question; anything longer is cut, not refused.
MAX_QUERY_LENGTH = 200
# Enough words for any real question; more only slows the search down.
MAX_QUERY_WORDS = 20
# Control characters (NUL breaks PostgreSQL) carry no meaning in a query.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """The reader's query as shown back: no control characters, bounded."""
    query = _CONTROL_CHARACTERS.sub(" ", raw or "")
    return " ".join(query.split())[:MAX_QUERY_LENGTH].strip()


def search_terms(query):
    """Only words reach the search backend, lower-cased: quotes, brackets,
    "*" and operator words (AND, NOT, NEAR) would be read as query syntax, and
    SQLite's full-text search fails on some of them."""
    return " ".join(re.findall(r"\w+", (query or "").lower())[:MAX_QUERY_WORDS])
