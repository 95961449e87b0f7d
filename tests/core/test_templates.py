"""Templates and static files reference no other host: visitors load nothing
from elsewhere (the video host's privacy domains, used only after a click, and
plain links in demo content are the only exceptions)."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ALLOWED_HOSTS = ("www.youtube-nocookie.com", "player.vimeo.com")
# Attributes and CSS that make a browser fetch something on its own.
FETCHING_REFERENCE = re.compile(
    r"""(?:src|srcset|poster|data|action|formaction)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|<link[^>]+href\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(\s*["']?\s*(?:https?:)?//"""
    r"""|@import\s+["']?(?:url\()?\s*["']?(?:https?:)?//""",
    re.IGNORECASE,
)


def front_end_files():
    for pattern in (
        "**/templates/**/*.html",
        "**/static/**/*.css",
        "**/static/**/*.js",
    ):
        for path in REPO.glob(pattern):
            parts = set(path.relative_to(REPO).parts)
            if parts & {".venv", "node_modules", "staticfiles", "tests"}:
                continue
            yield path


def test_there_are_templates_to_check():
    assert len(list(front_end_files())) > 5


def test_no_template_or_static_file_fetches_from_another_host():
    offenders = []
    for path in front_end_files():
        text = path.read_text(encoding="utf-8")
        for match in FETCHING_REFERENCE.finditer(text):
            line = text[match.start() : text.find("\n", match.start())]
            if not any(host in line for host in ALLOWED_HOSTS):
                offenders.append(f"{path.relative_to(REPO)}: {line.strip()[:120]}")
    assert offenders == []
