# Imported once before the runtime's memory image is taken (at build time by
# scripts/python-boot-image.mjs, or by the first worker without one), so every run's fresh
# runtime has them already: importing doctest alone took 1.3 s in a fresh runtime (it pulls in
# pdb, inspect, difflib, unittest and 200 modules more, each read from the standard library's
# zip and unmarshalled), against 0.1 s for CPython. A program sees them in sys.modules, as it
# sees the ones CPython imports at start-up.
import doctest, unittest, collections, itertools, functools, heapq, bisect, math, re, string
import dataclasses, typing, enum, json, decimal, fractions, statistics, copy, operator
import datetime, textwrap, pprint, array, random, time, traceback
