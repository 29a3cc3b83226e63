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
 * A Disjoint Set is a data structure that keeps track of a set of elements
 * partitioned into a number of disjoint (non-overlapping) subsets.
 * Elements are uniquely represented by an index (0-based).
 *
 * The find operation uses path compression.
 * This allows the time complexity of the find operation be O(alpha(n)).
 * alpha(n) being the inverse Ackermann function.
 *
 * The join operation uses union by size: The smaller set is joined to the bigger one.
 *
 * You can perform the following operations on the disjoint set:
 * - find: Determine which subset a particular element is in - O(alpha(n))
 * - join: Join two subsets into a single subset - O(1)
 * - isSame: Check if two elements are in the same subset - O(1)
 */
export class DisjointSet {
  /** Direct parent for an element */
  private head: number[]

  /** Size of the subtree above an element */
  private size: number[]

  constructor(n: number) {
    // Initially each set has its own id element
    this.head = Array.from({ length: n }, (_, index) => index)
    this.size = Array(n).fill(1)
  }

  /**
   * Find the representative index for an element
   */
  find(index: number): number {
    if (this.head[index] != index) {
      // Use path compression (set an edge between the element and its head)
      this.head[index] = this.find(this.head[index])
    }
    return this.head[index]
  }

  /**
   * Join two sets
   */
  join(first: number, second: number): void {
    // Get the root of each set to join
    let firstHead = this.find(first)
    let secondHead = this.find(second)

    // If they're the same (same set)
    if (firstHead === secondHead) return

    // Keep the bigger set in firstHead
    if (this.size[firstHead] < this.size[secondHead]) {
      ;[firstHead, secondHead] = [secondHead, firstHead]
    }

    // Join the smallest set with the bigger one
    this.head[secondHead] = firstHead

    // Update size of the bigger set after join
    this.size[firstHead] += this.size[secondHead]
  }

  /**
   * Check whether two elements are in the same set
   */
  isSame(first: number, second: number): boolean {
    return this.find(first) === this.find(second)
  }
}

describe('DisjointSet', () => {
  let ds: DisjointSet

  beforeEach(() => {
    // Ensure create a new DisjoinSet instance on every test
    ds = new DisjointSet(10)
  })

  it('should show proper head element after join', () => {
    expect(ds.find(0)).toEqual(0)

    ds.join(1, 4)
    ds.join(2, 3)
    expect(ds.isSame(1, 4)).toEqual(true)
    expect(ds.isSame(2, 3)).toEqual(true)
    expect(ds.isSame(1, 3)).toEqual(false)

    ds.join(4, 3)
    expect(ds.isSame(1, 3)).toEqual(true)
    expect(ds.isSame(2, 9)).toEqual(false)
  })
})

await runTests();
