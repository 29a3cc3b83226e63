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
 * @function matrixMultiplication
 * @description Multiply a matrix with either another matrix, a vector or a scalar
 * @param {Number[][]} matA - An array of an array of numbers
 * @param {Number[][] | Number[] | Number} b - Either an array of an array of numbers, an array of numbers, or a number
 * @return {Number[][] | Number[]} - Either an array of an array of numbers, or an array of numbers
 * @example matrixMultiplication([[1, 2], [3, 4]], [[1, 2], [3, 4]]) = [[7, 10], [15, 22]]
 * @example GreatestCommonFactor([[1, 2], [3, 4]], 2) = [[2, 4], [6, 8]]
 * @example GreatestCommonFactor([[1, 2], [3, 4]], [1, 2]) = [5, 11]
 */

function matrixMultiplication(matA: number[][], b: number[][]): number[][]
function matrixMultiplication(matA: number[][], b: number): number[][]
function matrixMultiplication(matA: number[][], b: number[]): number[]

function matrixMultiplication(
  matA: number[][],
  b: any
): number[][] | number[] | null {
  let matC: any = null

  if (typeof b === 'number') {
    matC = matA.map((row) => row.map((colVal) => colVal * b))
  } else {
    if (matA[0].length !== b.length) {
      return null
    }

    if (typeof b[0] === 'number') {
      matC = matA.map((row) =>
        row.reduce((sum, colVal, i) => sum + colVal * b[i], 0)
      )
    } else {
      matC = new Array(matA.length)
        .fill(null)
        .map(() => new Array(b[0].length).fill(0))
      let i: number, j: number, k: number

      for (i = 0; i < matA.length; i++) {
        for (j = 0; j < b[0].length; j++) {
          for (k = 0; k < matA[0].length; k++) {
            matC[i][j] += matA[i][k] * b[k][j]
          }
        }
      }
    }
  }
  return matC
}

export { matrixMultiplication }

describe('Matrix-matrix multiplication', () => {
  it.each([
    [
      [
        [1, 2],
        [3, 4]
      ],
      [
        [1, 2],
        [3, 4]
      ],
      [
        [7, 10],
        [15, 22]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [
        [4, 3],
        [2, 1]
      ],
      [
        [8, 5],
        [20, 13]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [
        [-1, 3],
        [2, -4]
      ],
      [
        [3, -5],
        [5, -7]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [[1, 2]],
      null
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [
        [1, 2],
        [3, 4],
        [5, 6]
      ],
      null
    ]
  ])('Multiplying %j with %j should return %j', (matA, matB, expected) => {
    expect(matrixMultiplication(matA, matB)).toEqual(expected)
  })
})

describe('Matrix-scalar multiplication', () => {
  it.each([
    [
      [
        [1, 2],
        [3, 4]
      ],
      0,
      [
        [0, 0],
        [0, 0]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      1,
      [
        [1, 2],
        [3, 4]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      2,
      [
        [2, 4],
        [6, 8]
      ]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      -3,
      [
        [-3, -6],
        [-9, -12]
      ]
    ]
  ])('Multiplying %j with %i should return %j', (matA, scalar, expected) => {
    expect(matrixMultiplication(matA, scalar)).toEqual(expected)
  })
})

describe('Matrix-vector multiplication', () => {
  it.each([
    [
      [
        [1, 2],
        [3, 4]
      ],
      [1, 2],
      [5, 11]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [3, 4],
      [11, 25]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [-1, 0],
      [-1, -3]
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [1],
      null
    ],
    [
      [
        [1, 2],
        [3, 4]
      ],
      [1, 2, 3],
      null
    ]
  ])('Multiplying %j with %j should return %j', (matA, vector, expected) => {
    expect(matrixMultiplication(matA, vector)).toEqual(expected)
  })
})

await runTests();
