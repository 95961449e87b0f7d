"""The stylesheets mirror for right-to-left pages by themselves.

Every direction is written logically (inline-start, not left), so Arabic
pages need no second stylesheet. A physical left or right, or a four-value
margin or padding whose left and right differ, would put Arabic text against
the wrong edge (as the timeline's padding once did); this test finds them.
"""

import re
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
STYLESHEETS = sorted(
    path
    for path in PROJECT_DIR.glob("*/static/**/*.css")
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border)-(left|right)\b|(?<![\w-])(left|right)\s*:"
    r"|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)"
)
SHORTHAND = re.compile(r"(?<![\w-])(margin|padding)\s*:\s*([^;}]+)")


def lines_of(path):
    # Comments may name directions ("left-to-right"); declarations may not.
    text = re.sub(
        r"/\*.*?\*/",
        lambda m: "\n" * m.group(0).count("\n"),
        path.read_text(),
        flags=re.S,
    )
    return enumerate(text.splitlines(), start=1)


def test_there_are_stylesheets_to_check():
    assert any(path.name == "site.css" for path in STYLESHEETS)


@pytest.mark.parametrize(
    "path", STYLESHEETS, ids=lambda p: str(p.relative_to(PROJECT_DIR))
)
def test_no_physical_direction(path):
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in lines_of(path)
        if PHYSICAL.search(line) and "[dir=" not in line
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "path", STYLESHEETS, ids=lambda p: str(p.relative_to(PROJECT_DIR))
)
def test_no_lopsided_four_value_shorthand(path):
    found = []
    for number, line in lines_of(path):
        for match in SHORTHAND.finditer(line):
            values = match.group(2).split()
            if len(values) == 4 and values[1] != values[3]:
                found.append(f"{path.name}:{number}: {match.group(0)}")
    assert not found, "\n".join(found)
