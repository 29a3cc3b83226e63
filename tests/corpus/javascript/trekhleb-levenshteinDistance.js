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

/**
 * @param {string} a
 * @param {string} b
 * @return {number}
 */
export default function levenshteinDistance(a, b) {
  // Create empty edit distance matrix for all possible modifications of
  // substrings of a to substrings of b.
  const distanceMatrix = Array(b.length + 1).fill(null).map(() => Array(a.length + 1).fill(null));

  // Fill the first row of the matrix.
  // If this is first row then we're transforming empty string to a.
  // In this case the number of transformations equals to size of a substring.
  for (let i = 0; i <= a.length; i += 1) {
    distanceMatrix[0][i] = i;
  }

  // Fill the first column of the matrix.
  // If this is first column then we're transforming empty string to b.
  // In this case the number of transformations equals to size of b substring.
  for (let j = 0; j <= b.length; j += 1) {
    distanceMatrix[j][0] = j;
  }

  for (let j = 1; j <= b.length; j += 1) {
    for (let i = 1; i <= a.length; i += 1) {
      const indicator = a[i - 1] === b[j - 1] ? 0 : 1;
      distanceMatrix[j][i] = Math.min(
        distanceMatrix[j][i - 1] + 1, // deletion
        distanceMatrix[j - 1][i] + 1, // insertion
        distanceMatrix[j - 1][i - 1] + indicator, // substitution
      );
    }
  }

  return distanceMatrix[b.length][a.length];
}

describe('levenshteinDistance', () => {
  it('should calculate edit distance between two strings', () => {
    expect(levenshteinDistance('', '')).toBe(0);
    expect(levenshteinDistance('a', '')).toBe(1);
    expect(levenshteinDistance('', 'a')).toBe(1);
    expect(levenshteinDistance('abc', '')).toBe(3);
    expect(levenshteinDistance('', 'abc')).toBe(3);

    // Should just add I to the beginning.
    expect(levenshteinDistance('islander', 'slander')).toBe(1);

    // Needs to substitute M by K, T by M and add an A to the end
    expect(levenshteinDistance('mart', 'karma')).toBe(3);

    // Substitute K by S, E by I and insert G at the end.
    expect(levenshteinDistance('kitten', 'sitting')).toBe(3);

    // Should add 4 letters FOOT at the beginning.
    expect(levenshteinDistance('ball', 'football')).toBe(4);

    // Should delete 4 letters FOOT at the beginning.
    expect(levenshteinDistance('football', 'foot')).toBe(4);

    // Needs to substitute the first 5 chars: INTEN by EXECU
    expect(levenshteinDistance('intention', 'execution')).toBe(5);
  });
});

await runTests();
