"""Every test checks something that can go wrong.

A linter does not see an assertion that cannot fail (`assert x or True`,
`assert True`) or a test that passes only because nothing raised: this test
reads the test files with `ast` and names each one it finds.
"""

import ast
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
# Calls that check: unittest's and Wagtail's self.assert…(), Playwright's
# expect(…), mock's assert_called…(), pytest-django's django_assert_…().
CHECKING_PREFIXES = ("assert", "expect", "django_assert")


def suite_files():
    return sorted(TESTS_DIR.rglob("test_*.py"))


def call_name(node):
    function = node.func if isinstance(node, ast.Call) else node
    if isinstance(function, ast.Attribute):
        return function.attr
    if isinstance(function, ast.Name):
        return function.id
    return ""


def is_always_true(expression):
    """An expression whose truth does not depend on what the code did."""
    if isinstance(expression, ast.Constant):
        return bool(expression.value)
    if isinstance(expression, ast.Tuple):
        return bool(expression.elts)  # `assert (x, "message")`
    if isinstance(expression, ast.BoolOp) and isinstance(expression.op, ast.Or):
        return any(is_always_true(value) for value in expression.values)
    return False


def vacuous_asserts(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and is_always_true(node.test):
            yield node.lineno, ast.unparse(node)


def checks_something(function, checking_helpers):
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name.startswith(CHECKING_PREFIXES) or name in checking_helpers:
                return True
            # `with pytest.raises(...)`, `pytest.fail(...)`
            if name in {"raises", "fail", "warns"}:
                return True
    return False


def module_functions(tree):
    """The module's functions and its test classes' methods."""
    functions = []
    for node in tree.body:
        body = node.body if isinstance(node, ast.ClassDef) else [node]
        functions += [item for item in body if isinstance(item, ast.FunctionDef)]
    return functions


def unchecked_tests(tree):
    """Tests with no assertion, pytest.raises, or call of a helper that asserts."""
    functions = module_functions(tree)
    helpers = {
        function.name
        for function in functions
        if not function.name.startswith("test") and checks_something(function, ())
    }
    for function in functions:
        if function.name.startswith("test") and not checks_something(function, helpers):
            yield function.lineno, function.name


def problems_in(source):
    tree = ast.parse(source)
    found = [f"{line}: {text}" for line, text in vacuous_asserts(tree)]
    found += [f"{line}: {name} checks nothing" for line, name in unchecked_tests(tree)]
    return found


def test_no_assertion_in_the_suite_is_always_true_and_every_test_checks():
    problems = [
        f"{path.relative_to(TESTS_DIR.parent)}:{problem}"
        for path in suite_files()
        for problem in problems_in(path.read_text())
    ]
    assert problems == []


def test_the_guard_itself_sees_what_it_looks_for():
    source = """
def test_or_true(client):
    assert b"x" in client.get("/").content or True

def test_plain_true():
    assert True

def test_only_calls(block):
    block.clean(1)

def check(value):
    assert value

def test_through_a_helper():
    check(1)

def test_with_raises():
    with pytest.raises(ValueError):
        int("x")
"""
    assert problems_in(source) == [
        "3: assert b'x' in client.get('/').content or True",
        "6: assert True",
        "8: test_only_calls checks nothing",
    ]
