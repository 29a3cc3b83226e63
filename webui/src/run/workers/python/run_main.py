"""Runs a participant's program the way `python main.py` would.

The code is saved as main.py and run in a fresh module registered as sys.modules["__main__"]
(doctest.testmod and unittest.main look there, pickle finds classes there), with the
attributes CPython gives a script. Each worker runs one program and is then discarded, so
nothing a run changes (module attributes, imported modules) is seen by the next one.
"""

import builtins
import importlib.machinery
import os
import random
import sys
import traceback
import types

HOME = "/home/user"
MAIN_PATH = f"{HOME}/main.py"


def fresh_main_module():
    module = types.ModuleType("__main__")
    module.__file__ = MAIN_PATH  # absolute, as CPython 3.9+ sets it for a script
    module.__cached__ = None
    module.__package__ = None
    module.__spec__ = None
    module.__loader__ = importlib.machinery.SourceFileLoader("__main__", MAIN_PATH)
    module.__builtins__ = builtins
    return module


def own_frames(tb):
    """The traceback from the participant's first frame on: everything above it is ours."""
    while tb is not None and tb.tb_frame.f_code.co_filename != MAIN_PATH:
        tb = tb.tb_next
    return tb


def run(source):
    """Runs the program; returns the traceback text, or None when it ended normally."""
    os.makedirs(HOME, exist_ok=True)
    os.chdir(HOME)
    with open(MAIN_PATH, "w", encoding="utf-8") as file:
        file.write(source)
    sys.argv[:] = ["main.py"]
    # This runtime may have booted from a memory image of another one (python.worker.ts):
    # draw a new seed, or every run would see the same "random" numbers.
    random.seed()
    if sys.path[:1] != [HOME]:
        sys.path.insert(0, HOME)
    main = fresh_main_module()
    sys.modules["__main__"] = main
    try:
        exec(compile(source, MAIN_PATH, "exec"), main.__dict__)
    except SystemExit as stop:
        if stop.code not in (None, 0):
            return f"SystemExit: {stop.code}"
    except BaseException as error:
        tb = own_frames(error.__traceback__)
        text = "".join(traceback.format_exception(type(error), error, tb))
        if isinstance(error, ModuleNotFoundError):
            text += "(Only the Python standard library is available: PairPad runs offline.)\n"
        return text
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return None
