"""Builds the corpus's programs from checkouts of their source repositories.

    python -m tests.corpus.assemble --source TheAlgorithms/Python=/path/to/checkout ...

Every repository must be checked out at the commit in SOURCES (each is MIT licensed; its
licence text is in tests/corpus/licenses/). Most programs are one file copied as it is. Two
kinds are put together from several files of one repository, mechanically:

- an algorithm and its own Jest test file (TheAlgorithms/TypeScript, trekhleb's
  javascript-algorithms): our harness (harness/jest_globals.ts, a few Jest globals), the
  algorithm, the test file without its import of the algorithm, and `await runTests();`;
- an Exercism SQLite exercise: its test script with the sqlite3 shell's dot-commands done in
  SQL, since the runner takes SQL only (`.read x.sql` is x.sql's text, the student's file being
  the exercise's example solution; `.import data.csv t` is one INSERT per CSV row, all values
  text, as .import binds them; `.mode`, `.output` and the like are dropped).

Writes the programs and manifest.json (keeping the native results and exclusions already
recorded for programs whose text did not change); tests/corpus/record.py then records the
native outputs.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import subprocess
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
ROOT = CORPUS.parents[1]
MANIFEST = CORPUS / "manifest.json"
HARNESS_TS = CORPUS / "harness" / "jest_globals.ts"

SOURCES: dict[str, dict[str, str]] = {
    "TheAlgorithms/Python": {
        "commit": "f5988cc09713315817df6a7e327e258013a94440",
        "license": "MIT",
        "licenseFile": "LICENSE.md",
    },
    "marijnh/Eloquent-JavaScript": {
        "commit": "e72c7a18392ee10445bd5cc8cb15cfc0d7ff3ac3",
        "license": "MIT",
        "licenseFile": "code/LICENSE",
    },
    "trekhleb/javascript-algorithms": {
        "commit": "85293e3e2b88f4d2ce330d956b139cf628aa1e82",
        "license": "MIT",
        "licenseFile": "LICENSE",
    },
    "TheAlgorithms/TypeScript": {
        "commit": "19b4ced86c99815f142d4a46a028f55487b8038a",
        "license": "MIT",
        "licenseFile": "LICENSE",
    },
    "exercism/sqlite": {
        "commit": "efbe652b347010cc0ecc6fee90f43d816d9c4d4f",
        "license": "MIT",
        "licenseFile": "LICENSE",
    },
}

PYTHON = [
    "backtracking/all_subsequences.py",
    "backtracking/n_queens_math.py",
    "backtracking/sudoku.py",
    "backtracking/crossword_puzzle_solver.py",
    "bit_manipulation/index_of_rightmost_set_bit.py",
    "bit_manipulation/swap_all_odd_and_even_bits.py",
    "boolean_algebra/karnaugh_map_simplification.py",
    "ciphers/gronsfeld_cipher.py",
    "ciphers/morse_code.py",
    "ciphers/playfair_cipher.py",
    "ciphers/vernam_cipher.py",
    "ciphers/trifid_cipher.py",
    "conversions/decimal_to_octal.py",
    "conversions/time_conversions.py",
    "data_compression/run_length_encoding.py",
    "data_compression/coordinate_compression.py",
    "data_structures/binary_tree/binary_search_tree.py",
    "data_structures/binary_tree/binary_tree_traversals.py",
    "data_structures/binary_tree/lazy_segment_tree.py",
    "data_structures/binary_tree/merge_two_binary_trees.py",
    "data_structures/binary_tree/segment_tree_other.py",
    "data_structures/heap/heap.py",
    "data_structures/heap/min_heap.py",
    "data_structures/stacks/stack.py",
    "data_structures/stacks/stack_with_doubly_linked_list.py",
    "data_structures/trie/radix_tree.py",
    "divide_and_conquer/inversions.py",
    "dynamic_programming/all_construct.py",
    "dynamic_programming/floyd_warshall.py",
    "dynamic_programming/knapsack.py",
    "dynamic_programming/smith_waterman.py",
    "financial/simple_moving_average.py",
    "graphs/a_star.py",
    "graphs/breadth_first_search.py",
    "graphs/dijkstra_alternate.py",
    "graphs/eulerian_path_and_circuit_for_undirected_graph.py",
    "graphs/g_topological_sort.py",
    "graphs/greedy_best_first.py",
    "maths/chinese_remainder_theorem.py",
    "maths/factors.py",
    "maths/fast_inverse_sqrt.py",
    "maths/find_max.py",
    "maths/numerical_analysis/integration_by_simpson_approx.py",
    "maths/numerical_analysis/newton_raphson.py",
    "maths/special_numbers/ugly_numbers.py",
    "maths/special_numbers/weird_number.py",
    "matrix/matrix_operation.py",
    "matrix/rotate_matrix.py",
    "matrix/spiral_print.py",
    "physics/centripetal_force.py",
    "scheduling/round_robin.py",
    "scheduling/first_come_first_served.py",
    "strings/is_valid_email_address.py",
]
# Programs that read stdin: what the stdin box holds for them.
PYTHON_WITH_STDIN = {
    "ciphers/caesar_cipher.py": "1\nHello, World!\n3\n2\nKhoor, Zruog!\n3\n3\nKhoor\n4\n",
    "dynamic_programming/edit_distance.py": "intention\nexecution\n",
    "graphs/bellman_ford.py": "4\n5\n0 1 4\n0 2 1\n2 1 2\n1 3 1\n2 3 5\n0\n",
    "data_structures/stacks/postfix_evaluation.py": "2 3 + 4 *\ny\ny\n5 1 2 + 4 * + 3 -\nn\nn\n",
    "data_structures/stacks/infix_to_prefix_conversion.py": "a+b*(c^d-e)^(f+g*h)-i\n",
}
ELOQUENT = [
    "02_1_looping_a_triangle",
    "02_2_fizzbuzz",
    "02_3_chessboard",
    "03_1_minimum",
    "03_2_recursion",
    "03_3_bean_counting",
    "04_1_the_sum_of_a_range",
    "04_2_reversing_an_array",
    "04_3_a_list",
    "04_4_deep_comparison",
    "05_1_flattening",
    "05_2_your_own_loop",
    "05_3_everything",
    "06_1_a_vector_type",
    "06_2_groups",
    "06_3_iterable_groups",
    "06_4_borrowing_a_method",
    "07_3_persistent_group",
    "08_1_retry",
    "08_2_the_locked_box",
    "09_2_quoting_style",
    "11_3_building_promiseall",
]
TREKHLEB = [
    "algorithms/cryptography/caesar-cipher/caesarCipher",
    "algorithms/cryptography/rail-fence-cipher/railFenceCipher",
    "algorithms/cryptography/polynomial-hash/PolynomialHash",
    "algorithms/math/liu-hui/liuHui",
    "algorithms/math/square-root/squareRoot",
    "algorithms/uncategorized/knight-tour/knightTour",
    "algorithms/string/regular-expression-matching/regularExpressionMatching",
    "algorithms/string/levenshtein-distance/levenshteinDistance",
    "data-structures/lru-cache/LRUCacheOnMap",
    "data-structures/bloom-filter/BloomFilter",
    "data-structures/tree/fenwick-tree/FenwickTree",
    "data-structures/heap/MinHeapAdhoc",
]
THE_ALGORITHMS_TS = [
    "backtracking/generateparentheses",
    "bit_manipulation/add_binary",
    "data_structures/disjoint_set/disjoint_set",
    "data_structures/heap/heap",
    "data_structures/queue/circular_queue",
    "data_structures/tree/binary_search_tree",
    "data_structures/tries/tries",
    "dynamic_programming/knapsack",
    "dynamic_programming/lcs",
    "graph/bellman_ford",
    "graph/floyd_warshall",
    "graph/tarjan",
    "maths/gaussian_elimination",
    "maths/matrix_multiplication",
    "maths/zellers_congruence",
    "search/binary_search",
    "sorts/quick_sort",
]
EXERCISM = [
    "acronym",
    "all-your-base",
    "bowling",
    "clock",
    "gigasecond",
    "grade-school",
    "high-scores",
    "luhn",
    "meetup",
    "poker",
    "rest-api",
    "robot-simulator",
    "say",
    "space-age",
    "tournament",
    "wordy",
    "yacht",
]

Program = dict[str, Any]


def slug(path: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", path.rsplit(".", 1)[0]).strip("-")


def entry(
    language: str, name: str, repo: str, paths: list[str], text: str, **extra: Any
) -> Program:
    suffix = {"python": "py", "javascript": "js", "typescript": "ts", "sql": "sql"}[language]
    program = f"{language}/{name}.{suffix}"
    (CORPUS / program).parent.mkdir(parents=True, exist_ok=True)
    (CORPUS / program).write_text(text)
    source = {"repo": repo, "commit": SOURCES[repo]["commit"], "paths": paths}
    return {
        "id": f"{language}/{name}",
        "language": language,
        "program": program,
        "source": {**source, "license": SOURCES[repo]["license"]},
        "stdin": extra.pop("stdin", ""),
        **extra,
    }


def python_programs(checkout: Path) -> list[Program]:
    programs = [
        entry("python", slug(path), "TheAlgorithms/Python", [path], (checkout / path).read_text())
        for path in PYTHON
    ]
    for path, stdin in PYTHON_WITH_STDIN.items():
        text = (checkout / path).read_text()
        programs.append(
            entry("python", slug(path), "TheAlgorithms/Python", [path], text, stdin=stdin)
        )
    return programs


def eloquent_programs(checkout: Path) -> list[Program]:
    return [
        entry(
            "javascript",
            f"eloquent-{name}",
            "marijnh/Eloquent-JavaScript",
            [f"code/solutions/{name}.js"],
            (checkout / f"code/solutions/{name}.js").read_text(),
        )
        for name in ELOQUENT
    ]


IMPORT = re.compile(r"^import\s+([\s\S]*?)\s+from\s+['\"]([^'\"]+)['\"];?[ \t]*$", re.MULTILINE)
DEFAULT_EXPORT = re.compile(
    r"^export default (?:(?:class|function\*?|async function)\s+)?(\w+)", re.MULTILINE
)


def with_own_tests(harness: str, algorithm: str, tests: str) -> str:
    """The harness, the algorithm, its tests (the import of the algorithm turned into a
    binding when its name differs), then the call that runs them."""
    exported = DEFAULT_EXPORT.search(algorithm)

    def binding(match: re.Match[str]) -> str:
        clause = match.group(1).strip()
        default = clause.split(",")[0].strip() if not clause.startswith("{") else None
        if default and exported and default != exported.group(1):
            return f"const {default} = {exported.group(1)};"
        return ""

    body = IMPORT.sub(binding, tests).strip("\n")
    return f"{harness.rstrip()}\n\n{algorithm.rstrip()}\n\n{body}\n\nawait runTests();\n"


def harness_js() -> str:
    """The TypeScript harness without its types (sucrase, as the runner strips them)."""
    script = (
        "const {transform} = require('sucrase');"
        "const code = require('fs').readFileSync(0, 'utf8');"
        "process.stdout.write(transform(code, {transforms: ['typescript'],"
        " disableESTransforms: true}).code);"
    )
    stripped = subprocess.run(
        ["node", "-e", script],
        input=HARNESS_TS.read_text(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT / "webui",
    ).stdout
    return re.sub(r"\n{3,}", "\n\n", stripped)


def trekhleb_programs(checkout: Path) -> list[Program]:
    harness = harness_js()
    programs = []
    for path in TREKHLEB:
        folder, name = path.rsplit("/", 1)
        algorithm, tests = f"src/{path}.js", f"src/{folder}/__test__/{name}.test.js"
        text = with_own_tests(
            harness, (checkout / algorithm).read_text(), (checkout / tests).read_text()
        )
        programs.append(
            entry(
                "javascript",
                f"trekhleb-{name}",
                "trekhleb/javascript-algorithms",
                [algorithm, tests],
                text,
                assembled="harness/jest_globals.ts (types stripped) + algorithm + its test",
            )
        )
    return programs


def typescript_programs(checkout: Path) -> list[Program]:
    harness = HARNESS_TS.read_text()
    programs = []
    for path in THE_ALGORITHMS_TS:
        folder, name = path.rsplit("/", 1)
        algorithm, tests = f"{path}.ts", f"{folder}/test/{name}.test.ts"
        text = with_own_tests(
            harness, (checkout / algorithm).read_text(), (checkout / tests).read_text()
        )
        programs.append(
            entry(
                "typescript",
                slug(path),
                "TheAlgorithms/TypeScript",
                [algorithm, tests],
                text,
                assembled="harness/jest_globals.ts + algorithm + its test",
            )
        )
    return programs


def sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def exercism_script(path: Path, exercise: str, folder: Path, used: list[str]) -> str:
    lines = []
    for line in path.read_text().splitlines():
        command = line.strip()
        if read := re.match(r"\.read\s+(?:\./)?(\S+)", command):
            name = read.group(1)
            target = folder / (".meta/example.sql" if name == f"{exercise}.sql" else name)
            used.append(str(target.relative_to(folder.parents[2])))
            lines.append(exercism_script(target, exercise, folder, used))
        elif imported := re.match(r"\.import\s+(?:\./)?(\S+)\s+(\S+)", command):
            data, table = imported.group(1), imported.group(2).strip("'\"")
            used.append(str((folder / data).relative_to(folder.parents[2])))
            rows = csv.reader(io.StringIO((folder / data).read_text()))
            lines += [
                f'INSERT INTO "{table}" VALUES ({", ".join(map(sql_literal, row))});'
                for row in rows
            ]
        elif not command.startswith("."):
            lines.append(line)
    return "\n".join(lines)


def exercism_programs(checkout: Path) -> list[Program]:
    programs = []
    for exercise in EXERCISM:
        folder = checkout / "exercises" / "practice" / exercise
        test = folder / f"{exercise}_test.sql"
        used = [str(test.relative_to(checkout))]
        text = exercism_script(test, exercise, folder, used) + "\n"
        programs.append(
            entry(
                "sql",
                f"exercism-{exercise}",
                "exercism/sqlite",
                used,
                text,
                assembled="the test script with its dot-commands done in SQL",
            )
        )
    return programs


BUILDERS = {
    "TheAlgorithms/Python": python_programs,
    "marijnh/Eloquent-JavaScript": eloquent_programs,
    "trekhleb/javascript-algorithms": trekhleb_programs,
    "TheAlgorithms/TypeScript": typescript_programs,
    "exercism/sqlite": exercism_programs,
}


def keep_recorded(programs: list[Program]) -> None:
    """Native results and exclusions survive for programs whose text is unchanged."""
    if not MANIFEST.exists():
        return
    before = {p["id"]: p for p in json.loads(MANIFEST.read_text())["programs"]}
    for program in programs:
        old = before.get(program["id"])
        if old and old.get("sha256") and old["sha256"] == program.get("sha256"):
            for key in ("native", "exclude"):
                if key in old:
                    program[key] = old[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", action="append", default=[], help="owner/name=DIR")
    args = parser.parse_args()
    checkouts = dict(item.split("=", 1) for item in args.source)
    missing = set(SOURCES) - set(checkouts)
    if missing:
        parser.error(f"no checkout given for {', '.join(sorted(missing))}")
    programs: list[Program] = []
    for repo, build in BUILDERS.items():
        checkout = Path(checkouts[repo])
        (CORPUS / "licenses").mkdir(exist_ok=True)
        licence = (checkout / SOURCES[repo]["licenseFile"]).read_text()
        (CORPUS / "licenses" / f"{repo.replace('/', '--')}.txt").write_text(licence)
        programs += build(checkout)
    for program in programs:
        text = (CORPUS / program["program"]).read_bytes()
        program["sha256"] = hashlib.sha256(text).hexdigest()
    keep_recorded(programs)
    manifest = json.loads(MANIFEST.read_text()) if MANIFEST.exists() else {}
    manifest["sources"] = SOURCES
    manifest["programs"] = programs
    MANIFEST.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(programs)} programs")


if __name__ == "__main__":
    main()
