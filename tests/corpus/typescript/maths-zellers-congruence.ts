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

export enum Calendar {
  Gregorian,
  Julian
}

/**
 * @function getWeekday
 * @description Calculate the day of the week for any Julian or Gregorian calendar date.
 * @param {number} year - Year with century.
 * @param {number} month - Month of the year (1-12).
 * @param {number} day - Day of the month (1-31).
 * @return {number} Day of the week, where 0 represents Sunday.
 * @see https://en.wikipedia.org/wiki/Zeller's_congruence
 * @example getWeekday(2000, 1, 1) = 6
 * @example getWeekday(1500, 1, 1, Calendar.Julian) = 3
 */
export const getWeekday = (
  year: number,
  month: number,
  day: number,
  calendar: Calendar = Calendar.Gregorian
): number => {
  // Input validation
  if (!Number.isInteger(year) || year < 1) {
    throw new Error('Year must be an integer greater than 0')
  }

  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new Error('Month must be an integer between 1 and 12')
  }

  if (!Number.isInteger(day) || day < 1 || day > 31) {
    throw new Error('Day must be an integer between 1 and 31')
  }

  // Move January and February to the end of the previous year
  if (month < 3) {
    month += 12
    year--
  }

  const century = Math.floor(year / 100)
  year %= 100

  let weekday: number | undefined = undefined
  if (calendar === Calendar.Gregorian) {
    weekday =
      (day +
        Math.floor(2.6 * (month + 1)) +
        year +
        Math.floor(year / 4) +
        Math.floor(century / 4) +
        5 * century) %
      7
  } else {
    weekday =
      (day +
        Math.floor(2.6 * (month + 1)) +
        year +
        Math.floor(year / 4) +
        5 +
        6 * century) %
      7
  }

  // Convert to Sunday being 0
  return (weekday + 6) % 7
}

describe("Zeller's congruence", () => {
  test.each([
    { year: 2000, month: 1, day: 1, expected: 6 },
    { year: 2000, month: 2, day: 1, expected: 2 },
    { year: 2000, month: 3, day: 1, expected: 3 },
    { year: 2000, month: 4, day: 1, expected: 6 },
    { year: 2000, month: 5, day: 1, expected: 1 },
    { year: 2000, month: 6, day: 1, expected: 4 },
    { year: 2000, month: 7, day: 1, expected: 6 },
    { year: 2000, month: 8, day: 1, expected: 2 },
    { year: 2000, month: 9, day: 1, expected: 5 },
    { year: 2000, month: 10, day: 1, expected: 0 },
    { year: 2000, month: 11, day: 1, expected: 3 },
    { year: 2000, month: 12, day: 1, expected: 5 },
    { year: 1, month: 1, day: 1, expected: 1 },
    { year: 23, month: 2, day: 28, expected: 2 },
    { year: 456, month: 3, day: 31, expected: 5 },
    { year: 1850, month: 4, day: 1, expected: 1 },
    { year: 2100, month: 12, day: 31, expected: 5 },
    { year: 3000, month: 12, day: 31, expected: 3 }
  ])(
    `The weekday of $year-$month-$day in the default calendar is $expected`,
    ({ year, month, day, expected }) => {
      expect(getWeekday(year, month, day)).toEqual(expected)
    }
  )

  test.each([
    { year: 1500, month: 1, day: 1, expected: 3 },
    { year: 1500, month: 2, day: 1, expected: 6 },
    { year: 1500, month: 3, day: 1, expected: 0 },
    { year: 1500, month: 4, day: 1, expected: 3 },
    { year: 1500, month: 5, day: 1, expected: 5 },
    { year: 1500, month: 6, day: 1, expected: 1 },
    { year: 1500, month: 7, day: 1, expected: 3 },
    { year: 1500, month: 8, day: 1, expected: 6 },
    { year: 1500, month: 9, day: 1, expected: 2 },
    { year: 1500, month: 10, day: 1, expected: 4 },
    { year: 1500, month: 11, day: 1, expected: 0 },
    { year: 1500, month: 12, day: 1, expected: 2 },
    { year: 1, month: 1, day: 1, expected: 6 },
    { year: 23, month: 2, day: 28, expected: 0 },
    { year: 456, month: 3, day: 31, expected: 6 },
    { year: 1582, month: 2, day: 1, expected: 4 }
  ])(
    `The weekday of $year-$month-$day in the Julian calendar is $expected`,
    ({ year, month, day, expected }) => {
      expect(getWeekday(year, month, day, Calendar.Julian)).toEqual(expected)
    }
  )

  test(`The default calendar is Gregorian`, () => {
    expect(getWeekday(1, 1, 1)).toEqual(1)
  })

  test.each([
    { year: 1, month: 1, day: 1, expected: 1 },
    { year: 23, month: 2, day: 28, expected: 2 },
    { year: 456, month: 3, day: 31, expected: 5 },
    { year: 1850, month: 4, day: 1, expected: 1 },
    { year: 2000, month: 1, day: 1, expected: 6 },
    { year: 2100, month: 12, day: 31, expected: 5 },
    { year: 3000, month: 12, day: 31, expected: 3 }
  ])(
    `The weekday for $year-$month-$day in the default calendar matches getUTCDay`,
    ({ year, month, day }) => {
      // Convert to a string to avoid Date constructor mapping 1 to year 1901
      const dateString = `${year.toString().padStart(4, '0')}-${month
        .toString()
        .padStart(2, '0')}-${day.toString().padStart(2, '0')}`
      expect(getWeekday(year, month, day)).toEqual(
        new Date(dateString).getUTCDay()
      )
    }
  )

  test.each([
    { year: 0, month: 1, day: 1 },
    { year: -5, month: 1, day: 1 },
    { year: 12.2, month: 1, day: 1 }
  ])(`Should throw an error for invalid year $year`, ({ year, month, day }) => {
    expect(() => getWeekday(year, month, day)).toThrow(
      'Year must be an integer greater than 0'
    )
  })

  test.each([
    { year: 2001, month: -5, day: 1 },
    { year: 2001, month: 0, day: 1 },
    { year: 2001, month: 13, day: 1 },
    { year: 2001, month: 9.3, day: 1 }
  ])(
    `Should throw an error for invalid month $month`,
    ({ year, month, day }) => {
      expect(() => getWeekday(year, month, day)).toThrow(
        'Month must be an integer between 1 and 12'
      )
    }
  )

  test.each([
    { year: 2001, month: 1, day: -5 },
    { year: 2001, month: 1, day: 0 },
    { year: 2001, month: 1, day: 32 }
  ])(`Should throw an error for invalid day $day`, ({ year, month, day }) => {
    expect(() => getWeekday(year, month, day)).toThrow(
      'Day must be an integer between 1 and 31'
    )
  })
})

await runTests();
