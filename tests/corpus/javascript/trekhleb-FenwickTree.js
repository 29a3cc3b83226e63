// PairPad's corpus harness (our own code, not the source repositories'): the few Jest globals
// that the corpus's test files use, so that an algorithm and its own test file, put in one
// file after this, run as a plain script and print each test's result. The test file's last
// line is followed by `await runTests();` (tests/corpus/assemble.py).

const registered = [];
const titles = [];
let hooksInScope = [];

function describe(title, body) {
  titles.push(title);
  const outer = hooksInScope;
  hooksInScope = [...outer];
  body();
  hooksInScope = outer;
  titles.pop();
}

function beforeEach(hook) {
  hooksInScope.push(hook);
}

function test(title, body) {
  registered.push({ title: [...titles, title].join(" > "), body, hooks: [...hooksInScope] });
}

/** `test.each(table)(title, body)`: `%s`-style placeholders take the row's values in turn,
 *  `$name` an object row's field, `%#` the row's index. */
test.each = (table) => (title, body) => {
  table.forEach((row, index) => {
    const args = Array.isArray(row) ? row : [row];
    let next = 0;
    const named = title.replace(/\$(\w+)/g, (_, key) => show(row?.[key]));
    const filled = named.replace(/%[psdifjo#%]/g, (spec) => {
      if (spec === "%%") return "%";
      if (spec === "%#") return String(index);
      return show(args[next++]);
    });
    test(filled, () => body(...args));
  });
};
const it = test;

function show(value) {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || typeof value === "function" || typeof value === "symbol") return String(value);
  return JSON.stringify(value) ?? String(value);
}

function sameValue(a, b, strict) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || a instanceof Set) return sameValue([...a], [...b], strict);
  const keys = (value) => Object.keys(value).filter((key) => strict || value[key] !== undefined);
  const [keysA, keysB] = [keys(a), keys(b)];
  return keysA.length === keysB.length && keysA.every((key) => key in b && sameValue(a[key], b[key], strict));
}

function thrownBy(action) {
  try {
    (action )();
  } catch (error) {
    return { error };
  }
  return null;
}

function matchesThrown(thrown, expected) {
  if (!thrown) return false;
  if (expected === undefined) return true;
  const message = thrown.error instanceof Error ? thrown.error.message : String(thrown.error);
  if (typeof expected === "string") return message.includes(expected);
  if (expected instanceof RegExp) return expected.test(message);
  if (expected instanceof Error) return message === expected.message;
  return thrown.error instanceof expected;
}

function matchers(actual, negated) {
  const check = (passed, expectation) => {
    if (passed === negated) {
      throw new Error(`expected ${show(actual)} ${negated ? "not " : ""}${expectation}`);
    }
  };
  return {
    toBe: (expected) => check(Object.is(actual, expected), `to be ${show(expected)}`),
    toEqual: (expected) => check(sameValue(actual, expected, false), `to equal ${show(expected)}`),
    toStrictEqual: (expected) => check(sameValue(actual, expected, true), `to strictly equal ${show(expected)}`),
    toBeCloseTo: (expected, digits = 2) =>
      check(Math.abs(expected - actual) < 10 ** -digits / 2, `to be close to ${expected}`),
    toBeGreaterThan: (expected) => check(actual > expected, `to be greater than ${show(expected)}`),
    toBeLessThan: (expected) => check(actual < expected, `to be less than ${show(expected)}`),
    toBeNull: () => check(actual === null, "to be null"),
    toBeUndefined: () => check(actual === undefined, "to be undefined"),
    toBeDefined: () => check(actual !== undefined, "to be defined"),
    toBeTruthy: () => check(Boolean(actual), "to be truthy"),
    toBeFalsy: () => check(!actual, "to be falsy"),
    toContain: (item) => check(actual.includes(item), `to contain ${show(item)}`),
    toHaveLength: (length) => check(actual.length === length, `to have length ${length}`),
    toThrow: (expected) => check(matchesThrown(thrownBy(actual), expected), "to throw"),
    toThrowError: (expected) => check(matchesThrown(thrownBy(actual), expected), "to throw"),
  };
}

function expect(actual) {
  return { ...matchers(actual, false), not: matchers(actual, true) };
}

async function runTests() {
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

export default class FenwickTree {
  /**
   * Constructor creates empty fenwick tree of size 'arraySize',
   * however, array size is size+1, because index is 1-based.
   *
   * @param  {number} arraySize
   */
  constructor(arraySize) {
    this.arraySize = arraySize;

    // Fill tree array with zeros.
    this.treeArray = Array(this.arraySize + 1).fill(0);
  }

  /**
   * Adds value to existing value at position.
   *
   * @param  {number} position
   * @param  {number} value
   * @return {FenwickTree}
   */
  increase(position, value) {
    if (position < 1 || position > this.arraySize) {
      throw new Error('Position is out of allowed range');
    }

    for (let i = position; i <= this.arraySize; i += (i & -i)) {
      this.treeArray[i] += value;
    }

    return this;
  }

  /**
   * Query sum from index 1 to position.
   *
   * @param  {number} position
   * @return {number}
   */
  query(position) {
    if (position < 1 || position > this.arraySize) {
      throw new Error('Position is out of allowed range');
    }

    let sum = 0;

    for (let i = position; i > 0; i -= (i & -i)) {
      sum += this.treeArray[i];
    }

    return sum;
  }

  /**
   * Query sum from index leftIndex to rightIndex.
   *
   * @param  {number} leftIndex
   * @param  {number} rightIndex
   * @return {number}
   */
  queryRange(leftIndex, rightIndex) {
    if (leftIndex > rightIndex) {
      throw new Error('Left index can not be greater than right one');
    }

    if (leftIndex === 1) {
      return this.query(rightIndex);
    }

    return this.query(rightIndex) - this.query(leftIndex - 1);
  }
}

describe('FenwickTree', () => {
  it('should create empty fenwick tree of correct size', () => {
    const tree1 = new FenwickTree(5);
    expect(tree1.treeArray.length).toBe(5 + 1);

    for (let i = 0; i < 5; i += 1) {
      expect(tree1.treeArray[i]).toBe(0);
    }

    const tree2 = new FenwickTree(50);
    expect(tree2.treeArray.length).toBe(50 + 1);
  });

  it('should create correct fenwick tree', () => {
    const inputArray = [3, 2, -1, 6, 5, 4, -3, 3, 7, 2, 3];

    const tree = new FenwickTree(inputArray.length);
    expect(tree.treeArray.length).toBe(inputArray.length + 1);

    inputArray.forEach((value, index) => {
      tree.increase(index + 1, value);
    });

    expect(tree.treeArray).toEqual([0, 3, 5, -1, 10, 5, 9, -3, 19, 7, 9, 3]);

    expect(tree.query(1)).toBe(3);
    expect(tree.query(2)).toBe(5);
    expect(tree.query(3)).toBe(4);
    expect(tree.query(4)).toBe(10);
    expect(tree.query(5)).toBe(15);
    expect(tree.query(6)).toBe(19);
    expect(tree.query(7)).toBe(16);
    expect(tree.query(8)).toBe(19);
    expect(tree.query(9)).toBe(26);
    expect(tree.query(10)).toBe(28);
    expect(tree.query(11)).toBe(31);

    expect(tree.queryRange(1, 1)).toBe(3);
    expect(tree.queryRange(1, 2)).toBe(5);
    expect(tree.queryRange(2, 4)).toBe(7);
    expect(tree.queryRange(6, 9)).toBe(11);

    tree.increase(3, 1);

    expect(tree.query(1)).toBe(3);
    expect(tree.query(2)).toBe(5);
    expect(tree.query(3)).toBe(5);
    expect(tree.query(4)).toBe(11);
    expect(tree.query(5)).toBe(16);
    expect(tree.query(6)).toBe(20);
    expect(tree.query(7)).toBe(17);
    expect(tree.query(8)).toBe(20);
    expect(tree.query(9)).toBe(27);
    expect(tree.query(10)).toBe(29);
    expect(tree.query(11)).toBe(32);

    expect(tree.queryRange(1, 1)).toBe(3);
    expect(tree.queryRange(1, 2)).toBe(5);
    expect(tree.queryRange(2, 4)).toBe(8);
    expect(tree.queryRange(6, 9)).toBe(11);
  });

  it('should correctly execute queries', () => {
    const tree = new FenwickTree(5);

    tree.increase(1, 4);
    tree.increase(3, 7);

    expect(tree.query(1)).toBe(4);
    expect(tree.query(3)).toBe(11);
    expect(tree.query(5)).toBe(11);
    expect(tree.queryRange(2, 3)).toBe(7);

    tree.increase(2, 5);
    expect(tree.query(5)).toBe(16);

    tree.increase(1, 3);
    expect(tree.queryRange(1, 1)).toBe(7);
    expect(tree.query(5)).toBe(19);
    expect(tree.queryRange(1, 5)).toBe(19);
  });

  it('should throw exceptions', () => {
    const tree = new FenwickTree(5);

    const increaseAtInvalidLowIndex = () => {
      tree.increase(0, 1);
    };

    const increaseAtInvalidHighIndex = () => {
      tree.increase(10, 1);
    };

    const queryInvalidLowIndex = () => {
      tree.query(0);
    };

    const queryInvalidHighIndex = () => {
      tree.query(10);
    };

    const rangeQueryInvalidIndex = () => {
      tree.queryRange(3, 2);
    };

    expect(increaseAtInvalidLowIndex).toThrow();
    expect(increaseAtInvalidHighIndex).toThrow();
    expect(queryInvalidLowIndex).toThrow();
    expect(queryInvalidHighIndex).toThrow();
    expect(rangeQueryInvalidIndex).toThrow();
  });
});

await runTests();
