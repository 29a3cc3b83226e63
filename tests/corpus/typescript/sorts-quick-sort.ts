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
 * @function quickSort
 * @description is an algorithm based on divide and conquer approach in which an array is split into sub-arrays and these sub arrays are recursively sorted to get final array
 * @see [Quick Sort](https://www.javatpoint.com/quick-sort)
 * @example QuickSort([8, 3, 5, 1, 4, 2]) = [1, 2, 3, 4, 5, 8]
 */

export const partition = (
  array: number[],
  left: number = 0,
  right: number = array.length - 1
) => {
  const pivotIndex = choosePivot(left, right)
  const pivot = array[pivotIndex]
  ;[array[pivotIndex], array[right]] = [array[right], array[pivotIndex]]
  let i = left - 1
  let j = right

  while (i < j) {
    while (array[++i] < pivot);
    while (array[--j] > pivot);

    if (i < j) {
      ;[array[i], array[j]] = [array[j], array[i]]
    }
  }

  ;[array[right], array[i]] = [array[i], array[right]]
  return i
}

/**
 * @function choosePivot
 * @description Chooses a pivot element randomly within the subarray.
 * @param {number} left - The left index of the subarray.
 * @param {number} right - The right index of the subarray.
 * @returns {number} - The index of the chosen pivot element.
 */
const choosePivot = (left: number, right: number): number => {
  return Math.floor(Math.random() * (right - left + 1)) + left
}

/**
 * Quicksort implementation
 *
 * @param {number[]} array
 * @param {number} [left=0]
 * @param {number} [right=array.length - 1]
 * @returns {number[]}
 * @complexity_analysis
 * Space complexity - O(nlogn)
 * Time complexity
 *      Best case   -   O(nlogn)
 *                      When pivot element lies in the middle of the list
 *      Worst case  -   O(n^2)
 *                      When pivot element lies on the extreme ends
 *      Average case -  O(nlogn)
 *                      When the above two cases are not met
 */

export const QuickSort = (
  array: number[],
  left: number = 0,
  right: number = array.length - 1
) => {
  if (array.length > 1) {
    const index = partition(array, left, right)

    if (left < index - 1) {
      QuickSort(array, left, index - 1)
    }

    if (index + 1 < right) {
      QuickSort(array, index + 1, right)
    }
  }

  return array
}

describe('Quick Sort', () => {
  it('should return the correct value for average case', () => {
    expect(QuickSort([1, 4, 2, 5, 9, 6, 3, 8, 10, 7])).toStrictEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ])
  })

  it('should return the correct value for worst case', () => {
    expect(QuickSort([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toStrictEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ])
  })

  it('should return the correct value for best case', () => {
    expect(QuickSort([1, 4, 2, 9, 5, 7, 3, 8, 10, 6])).toStrictEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ])
  })
})

await runTests();
