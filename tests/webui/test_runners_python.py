"""Python runs as `python main.py` would: the code is a fresh `__main__` module with the
attributes CPython gives a script, and every run starts as a new process."""

from __future__ import annotations

import pytest

from tests.support.browser import LAN_HOST
from tests.support.runs import run

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

FAILING_DOCTEST = '''def sq(x):
    """
    >>> sq(3)
    10
    """
    return x * x

import doctest
print(doctest.testmod())
'''


async def test_doctest_testmod_finds_and_reports_a_failing_example(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)

    result = await run(alice, FAILING_DOCTEST)

    assert 'File "/home/user/main.py", line 3, in __main__.sq' in result["output"]
    assert "Failed example:\n    sq(3)\nExpected:\n    10\nGot:\n    9\n" in result["output"]
    assert result["output"].endswith("TestResults(failed=1, attempted=1)\n")


async def test_unittest_main_runs_the_tests_defined_in_the_code(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "import unittest\n\n"
        "class Arithmetic(unittest.TestCase):\n"
        "    def test_add(self):\n        self.assertEqual(1 + 1, 2)\n\n"
        "    def test_mul(self):\n        self.assertEqual(2 * 3, 6)\n\n"
        "unittest.main()\n"
    )

    result = await run(alice, code)

    assert "Ran 2 tests in" in result["output"]
    assert result["output"].rstrip().endswith("OK")
    assert result["error"] == ""


async def test_an_instance_of_a_class_defined_in_the_code_pickles(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "import pickle\n"
        "class Point:\n    def __init__(self, x):\n        self.x = x\n"
        "copy = pickle.loads(pickle.dumps(Point(7)))\n"
        "print(type(copy).__qualname__, copy.x)\n"
    )

    result = await run(alice, code)

    assert result == {**result, "output": "Point 7\n", "error": ""}


async def test_main_module_has_the_attributes_cpython_gives_a_script(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    code = (
        "import sys\n"
        "print(__name__, __file__, __spec__, __package__, __cached__)\n"
        "print(sys.modules['__main__'] is sys.modules[__name__], sys.argv)\n"
        "print(type(__loader__).__name__, __loader__.name)\n"
        "print(sorted(name for name in dir() if name.startswith('__')))\n"
    )

    result = await run(alice, code)

    assert result["output"] == (
        "__main__ /home/user/main.py None None None\n"
        "True ['main.py']\n"
        "SourceFileLoader __main__\n"
        "['__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__',"
        " '__package__', '__spec__']\n"
    )


async def test_each_run_starts_as_a_new_process(open_room, session_id):
    alice = await open_room(session_id, "Alice", host=LAN_HOST)
    await run(
        alice,
        "import math, sys, types\n"
        "math.pi = 3\n"
        "sys.modules['helpers'] = types.ModuleType('helpers')\n"
        "sys.setrecursionlimit(50)\n"
        "leftover = 1\n",
    )

    result = await run(
        alice,
        "import math, sys\n"
        "print(math.pi, 'helpers' in sys.modules, sys.getrecursionlimit() > 50,"
        " 'leftover' in globals())\n",
    )

    assert result["output"] == "3.141592653589793 False True False\n"
