"""The three questions a new question library starts with (schema version 2 adds them once;
an interviewer may edit or delete them like any other). Plain data, frozen with the migration
that uses it: changing it changes nothing in a library that already exists."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExampleQuestion:
    id: str
    title: str
    prompt: str
    starter_code: dict[str, str]


_TWO_SUM = """\
Given a list of integers `numbers` and an integer `target`, return the **indices** of the two
numbers that add up to `target`.

- Each input has exactly one answer, and the same element may not be used twice.
- Return the indices in increasing order.

| numbers | target | answer |
|---|---|---|
| `[2, 7, 11, 15]` | `9` | `[0, 1]` |
| `[3, 2, 4]` | `6` | `[1, 2]` |
| `[3, 3]` | `6` | `[0, 1]` |

Start with something that works, then make it faster than O(n²). What does your solution
cost in time and memory?
"""

_LOG_LEVELS = """\
A service writes one line per event:

```
2024-05-01T10:00:03Z ERROR payments: card declined (code=51)
2024-05-01T10:00:04Z INFO  api: GET /health 200
2024-05-01T10:00:09Z WARN  api: slow request /orders took 2300ms
```

Write `count_levels(log)`: given the whole log as one string, return how many lines there are
of each level (`ERROR`, `WARN`, `INFO`, ...).

- Skip blank lines; a line that does not start with a timestamp and a level is **malformed**:
  count those under `"MALFORMED"` instead of failing.
- Then: return the service (`payments`, `api`) with the most errors.

Talk about what could go wrong with real logs (huge files, odd encodings, multi-line stack
traces).
"""

_TOP_CUSTOMERS = """\
Two tables: `customers (id, name, country)` and `orders (id, customer_id, amount, placed_on)`.

Write one query that lists, **for each country**, the customer who spent the most in 2024,
with their total. Order the result by country.

- Customers with no orders in 2024 do not count.
- If two customers of a country tie, show both.

The starter code creates the tables with a few rows; change the data to test the edge cases.
"""

_SQL_SETUP = """\
CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, country text NOT NULL);
CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  amount numeric NOT NULL,
  placed_on date NOT NULL
);
INSERT INTO customers VALUES
  (1, 'Ada', 'UK'), (2, 'Alan', 'UK'), (3, 'Grace', 'US'), (4, 'Edsger', 'NL');
INSERT INTO orders VALUES
  (1, 1, 120, '2024-01-05'), (2, 2, 80, '2024-02-11'), (3, 2, 70, '2024-03-02'),
  (4, 3, 300, '2023-12-30'), (5, 3, 50, '2024-06-01'), (6, 4, 10, '2024-07-07');

-- Your query:
SELECT 1;
"""

EXAMPLES: tuple[ExampleQuestion, ...] = (
    ExampleQuestion(
        id="example-two-sum",
        title="Two sum",
        prompt=_TWO_SUM,
        starter_code={
            "python": (
                "def two_sum(numbers: list[int], target: int) -> list[int]:\n"
                "    pass\n\n\n"
                "print(two_sum([2, 7, 11, 15], 9))  # [0, 1]\n"
            ),
            "javascript": (
                "function twoSum(numbers, target) {\n  // ...\n}\n\n"
                "console.log(twoSum([2, 7, 11, 15], 9)); // [0, 1]\n"
            ),
            "typescript": (
                "function twoSum(numbers: number[], target: number): number[] {\n"
                "  return [];\n}\n\n"
                "console.log(twoSum([2, 7, 11, 15], 9)); // [0, 1]\n"
            ),
        },
    ),
    ExampleQuestion(
        id="example-log-levels",
        title="Count log levels",
        prompt=_LOG_LEVELS,
        starter_code={
            "python": (
                'LOG = """\\\n'
                "2024-05-01T10:00:03Z ERROR payments: card declined (code=51)\n"
                "2024-05-01T10:00:04Z INFO  api: GET /health 200\n"
                "2024-05-01T10:00:09Z WARN  api: slow request /orders took 2300ms\n"
                "this line is not like the others\n"
                '"""\n\n\n'
                "def count_levels(log: str) -> dict[str, int]:\n"
                "    return {}\n\n\n"
                "print(count_levels(LOG))\n"
            ),
            "javascript": (
                "const LOG = `2024-05-01T10:00:03Z ERROR payments: card declined (code=51)\n"
                "2024-05-01T10:00:04Z INFO  api: GET /health 200\n"
                "2024-05-01T10:00:09Z WARN  api: slow request /orders took 2300ms\n"
                "this line is not like the others\n`;\n\n"
                "function countLevels(log) {\n  return {};\n}\n\n"
                "console.log(countLevels(LOG));\n"
            ),
        },
    ),
    ExampleQuestion(
        id="example-top-customers",
        title="Top customer per country (SQL)",
        prompt=_TOP_CUSTOMERS,
        starter_code={"sql": _SQL_SETUP, "postgres": _SQL_SETUP},
    ),
)
