// PairPad's corpus harness (our own code, not the source repositories'): the few Jest globals
// that the corpus's test files use, so that an algorithm and its own test file, put in one
// file after this, run as a plain script and print each test's result. The test file's last
// line is followed by `await runTests();` (tests/corpus/assemble.py).

type TestBody = () => unknown;
type Hook = () => unknown;
interface TestCase {
  title: string;
  body: TestBody;
  hooks: Hook[];
}

const registered: TestCase[] = [];
const titles: string[] = [];
let hooksInScope: Hook[] = [];

function describe(title: string, body: () => void): void {
  titles.push(title);
  const outer = hooksInScope;
  hooksInScope = [...outer];
  body();
  hooksInScope = outer;
  titles.pop();
}

function beforeEach(hook: Hook): void {
  hooksInScope.push(hook);
}

function test(title: string, body: TestBody): void {
  registered.push({ title: [...titles, title].join(" > "), body, hooks: [...hooksInScope] });
}

/** `test.each(table)(title, body)`: `%s`-style placeholders take the row's values in turn,
 *  `$name` an object row's field, `%#` the row's index. */
test.each = (table: readonly any[]) => (title: string, body: (...args: any[]) => unknown) => {
  table.forEach((row: any, index: number) => {
    const args: any[] = Array.isArray(row) ? row : [row];
    let next = 0;
    const named = title.replace(/\$(\w+)/g, (_: string, key: string) => show(row?.[key]));
    const filled = named.replace(/%[psdifjo#%]/g, (spec: string) => {
      if (spec === "%%") return "%";
      if (spec === "%#") return String(index);
      return show(args[next++]);
    });
    test(filled, () => body(...args));
  });
};
const it = test;

function show(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return String(value);
  return JSON.stringify(value) ?? String(value);
}

function sameValue(a: any, b: any, strict: boolean): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || a instanceof Set) return sameValue([...a], [...b], strict);
  const keys = (value: any) => Object.keys(value).filter((key) => strict || value[key] !== undefined);
  const [keysA, keysB] = [keys(a), keys(b)];
  return keysA.length === keysB.length && keysA.every((key) => key in b && sameValue(a[key], b[key], strict));
}

function thrownBy(action: unknown): { error: unknown } | null {
  try {
    (action as () => unknown)();
  } catch (error) {
    return { error };
  }
  return null;
}

function matchesThrown(thrown: { error: unknown } | null, expected: any): boolean {
  if (!thrown) return false;
  if (expected === undefined) return true;
  const message = thrown.error instanceof Error ? thrown.error.message : String(thrown.error);
  if (typeof expected === "string") return message.includes(expected);
  if (expected instanceof RegExp) return expected.test(message);
  if (expected instanceof Error) return message === expected.message;
  return thrown.error instanceof expected;
}

function matchers(actual: any, negated: boolean) {
  const check = (passed: boolean, expectation: string) => {
    if (passed === negated) {
      throw new Error(`expected ${show(actual)} ${negated ? "not " : ""}${expectation}`);
    }
  };
  return {
    toBe: (expected: any) => check(Object.is(actual, expected), `to be ${show(expected)}`),
    toEqual: (expected: any) => check(sameValue(actual, expected, false), `to equal ${show(expected)}`),
    toStrictEqual: (expected: any) => check(sameValue(actual, expected, true), `to strictly equal ${show(expected)}`),
    toBeCloseTo: (expected: number, digits = 2) =>
      check(Math.abs(expected - actual) < 10 ** -digits / 2, `to be close to ${expected}`),
    toBeGreaterThan: (expected: any) => check(actual > expected, `to be greater than ${show(expected)}`),
    toBeLessThan: (expected: any) => check(actual < expected, `to be less than ${show(expected)}`),
    toBeNull: () => check(actual === null, "to be null"),
    toBeUndefined: () => check(actual === undefined, "to be undefined"),
    toBeDefined: () => check(actual !== undefined, "to be defined"),
    toBeTruthy: () => check(Boolean(actual), "to be truthy"),
    toBeFalsy: () => check(!actual, "to be falsy"),
    toContain: (item: any) => check(actual.includes(item), `to contain ${show(item)}`),
    toHaveLength: (length: number) => check(actual.length === length, `to have length ${length}`),
    toThrow: (expected?: any) => check(matchesThrown(thrownBy(actual), expected), "to throw"),
    toThrowError: (expected?: any) => check(matchesThrown(thrownBy(actual), expected), "to throw"),
  };
}

function expect(actual: any) {
  return { ...matchers(actual, false), not: matchers(actual, true) };
}

async function runTests(): Promise<void> {
  let passed = 0;
  for (const { title, body, hooks } of registered) {
    try {
      for (const hook of hooks) await hook();
      await body();
      passed += 1;
      console.log(`ok ${title}`);
    } catch (error) {
      console.log(`FAILED ${title}: ${error instanceof Error ? error.message : show(error)}`);
    }
  }
  console.log(`${passed} of ${registered.length} tests passed`);
}

/**
 * @function floydWarshall
 * @description Compute the shortest path for all pairs of nodes for a graph without negative weight edges. The input graph is a adjacency matrix, where graph[i][j] holds the weight of edges a->b. If the edge does not exist, the value in the matrix is Infinity.
 * @Complexity_Analysis
 * Time complexity: O(V^3)
 * Space Complexity: O(V^2). This space is required to hold the result
 * @param {number[][]} graph - The graph in adjacency matrix form
 * @return {number[][]} - A matrix holding the shortest path for each pair of nodes. matrix[i][j] holds the distance of the shortest path (i -> j).
 * @see https://en.wikipedia.org/wiki/Floyd%E2%80%93Warshall_algorithm
 */
export const floydWarshall = (graph: number[][]): number[][] => {
  let distances = structuredClone(graph)
  const N = graph.length

  // We begin by setting the weighted adjacency matrix as the shortest paths.
  // For the k'th iteration, we try to relax the shortest paths by including node k in the path.
  for (let k = 0; k < N; ++k) {
    const newDistances = []
    for (let i = 0; i < N; ++i) {
      newDistances.push(Array(N).fill(Infinity))
    }

    for (let i = 0; i < N; ++i) {
      for (let j = 0; j < N; ++j) {
        // The shortest path from node i to j is the minimum of:
        // 1. the shortest path (i -> j) without node k
        // 2. the sum of the shortest path (i -> k) and (k -> j)
        newDistances[i][j] = Math.min(
          distances[i][j],
          distances[i][k] + distances[k][j]
        )
      }
    }
    distances = newDistances
  }

  return distances
}

describe('floydWarshall', () => {
  it('should return the correct value for zero element graph', () => {
    expect(floydWarshall([])).toEqual([])
  })

  it('should return the correct value for one element graph', () => {
    expect(floydWarshall([[1]])).toStrictEqual([[1]])
  })

  it('should return the correct value for two element graph', () => {
    expect(
      floydWarshall([
        [10, 4],
        [3, 6]
      ])
    ).toStrictEqual([
      [7, 4],
      [3, 6]
    ])
  })

  it('should return the correct value', () => {
    const graph = []
    for (let i = 1; i <= 5; ++i) {
      const arr = []
      for (let j = 1; j <= 5; ++j) {
        arr.push(i * j)
      }
      graph.push(arr)
    }

    const expected = [
      [1, 2, 3, 4, 5],
      [2, 4, 5, 6, 7],
      [3, 5, 6, 7, 8],
      [4, 6, 7, 8, 9],
      [5, 7, 8, 9, 10]
    ]
    expect(floydWarshall(graph)).toStrictEqual(expected)
  })

  it('should return the correct value', () => {
    const graph = [
      [0, 4, Infinity, Infinity, Infinity, Infinity, Infinity, 8, Infinity],
      [4, 0, 8, Infinity, Infinity, Infinity, Infinity, 11, Infinity],
      [Infinity, 8, 0, 7, Infinity, 4, Infinity, Infinity, 2],
      [Infinity, Infinity, 7, 0, 9, 14, Infinity, Infinity, Infinity],
      [Infinity, Infinity, Infinity, 9, 0, 10, Infinity, Infinity, Infinity],
      [Infinity, Infinity, 4, 14, 10, 0, 2, Infinity, Infinity],
      [Infinity, Infinity, Infinity, Infinity, Infinity, 2, 0, 1, 6],
      [8, 11, Infinity, Infinity, Infinity, Infinity, 1, 0, 7],
      [Infinity, Infinity, 2, Infinity, Infinity, Infinity, 6, 7, 0]
    ]

    const expected = [
      [0, 4, 12, 19, 21, 11, 9, 8, 14],
      [4, 0, 8, 15, 22, 12, 12, 11, 10],
      [12, 8, 0, 7, 14, 4, 6, 7, 2],
      [19, 15, 7, 0, 9, 11, 13, 14, 9],
      [21, 22, 14, 9, 0, 10, 12, 13, 16],
      [11, 12, 4, 11, 10, 0, 2, 3, 6],
      [9, 12, 6, 13, 12, 2, 0, 1, 6],
      [8, 11, 7, 14, 13, 3, 1, 0, 7],
      [14, 10, 2, 9, 16, 6, 6, 7, 0]
    ]

    expect(floydWarshall(graph)).toStrictEqual(expected)
  })
})

await runTests();
