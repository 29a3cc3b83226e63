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
 * A heap is a complete binary tree
 * In a complete binary tree each level is filled before lower levels are added
 * Each level is filled from left to right
 *
 * In a (min|max) heap the value of every node is (less|greater) than that of its children
 *
 * The heap is often implemented using an array structure.
 * In the array implementation, the relationship between a parent index and its two children
 * are ((parentindex * 2) + 1) and ((parentindex * 2) + 2)
 */
export abstract class Heap<T> {
  protected heap: T[]
  // A comparison function. Returns true if a should be the parent of b.
  protected compare: (a: T, b: T) => boolean

  constructor(compare: (a: T, b: T) => boolean) {
    this.heap = []
    this.compare = compare
  }

  /**
   * Compares the value at parentIndex with the value at childIndex
   * In a maxHeap, the value at parentIndex should be larger than the value at childIndex
   * In a minHeap, the value at parentIndex should be smaller than the value at childIndex
   */
  private isRightlyPlaced(childIndex: number, parentIndex: number): boolean {
    return this.compare(this.heap[parentIndex], this.heap[childIndex])
  }

  /**
   * In a maxHeap, the index with the larger value is returned
   * In a minHeap, the index with the smaller value is returned
   */
  private getChildIndexToSwap(
    leftChildIndex: number,
    rightChildIndex: number
  ): number {
    if (rightChildIndex >= this.size()) {
      return leftChildIndex
    }
    return this.compare(this.heap[leftChildIndex], this.heap[rightChildIndex])
      ? leftChildIndex
      : rightChildIndex
  }

  public insert(value: T): void {
    this.heap.push(value)
    this.bubbleUp()
  }

  public extract(): T {
    const maxElement = this.heap[0]
    this.heap[0] = this.heap[this.size() - 1]
    this.heap.pop()
    this.sinkDown()
    return maxElement
  }

  public size(): number {
    return this.heap.length
  }

  public isEmpty(): boolean {
    return this.size() === 0
  }

  protected swap(a: number, b: number): void {
    ;[this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]]
  }

  protected bubbleUp(index: number = this.size() - 1): void {
    let parentIndex

    while (index > 0) {
      parentIndex = Math.floor((index - 1) / 2)
      if (this.isRightlyPlaced(index, parentIndex)) break
      this.swap(parentIndex, index)
      index = parentIndex
    }
  }

  private sinkDown(): void {
    let index = 0
    let leftChildIndex = this.getLeftChildIndex(index)
    let rightChildIndex = this.getRightChildIndex(index)
    let childIndexToSwap

    while (this.heap[leftChildIndex] || this.heap[rightChildIndex]) {
      childIndexToSwap = this.getChildIndexToSwap(
        leftChildIndex,
        rightChildIndex
      )
      if (this.isRightlyPlaced(childIndexToSwap, index)) break
      this.swap(childIndexToSwap, index)
      index = childIndexToSwap
      leftChildIndex = this.getLeftChildIndex(index)
      rightChildIndex = this.getRightChildIndex(index)
    }
  }

  private getLeftChildIndex(index: number): number {
    return index * 2 + 1
  }

  private getRightChildIndex(index: number): number {
    return index * 2 + 2
  }

  public check(): void {
    this._check()
  }

  private _check(index: number = 0): void {
    if (!this.heap[index]) return
    const leftChildIndex = this.getLeftChildIndex(index)
    const rightChildIndex = this.getRightChildIndex(index)

    if (
      this.heap[leftChildIndex] &&
      !this.isRightlyPlaced(leftChildIndex, index)
    ) {
      throw new Error('Heap does not adhere to heap invariant')
    }

    if (
      this.heap[rightChildIndex] &&
      !this.isRightlyPlaced(rightChildIndex, index)
    ) {
      throw new Error('Heap does not adhere to heap invariant')
    }

    this._check(leftChildIndex)
    this._check(rightChildIndex)
  }
}

export class MinHeap<T> extends Heap<T> {
  constructor(compare: (a: T, b: T) => boolean = (a: T, b: T) => a < b) {
    super(compare)
  }
}

export class MaxHeap<T> extends Heap<T> {
  constructor(compare: (a: T, b: T) => boolean = (a: T, b: T) => a > b) {
    super(compare)
  }
}

export class PriorityQueue<T> extends MinHeap<T> {
  // Maps from the n'th node to its index within the heap.
  private keys: number[]
  // Maps from element to its index with keys.
  private keys_index: (a: T) => number

  constructor(
    keys_index: (a: T) => number,
    num_keys: number,
    compare: (a: T, b: T) => boolean = (a: T, b: T) => a < b
  ) {
    super(compare)
    this.keys = Array(num_keys).fill(-1)
    this.keys_index = keys_index
  }

  protected swap(a: number, b: number): void {
    const akey = this.keys_index(this.heap[a])
    const bkey = this.keys_index(this.heap[b])
    ;[this.keys[akey], this.keys[bkey]] = [this.keys[bkey], this.keys[akey]]
    super.swap(a, b)
  }

  public insert(value: T): void {
    this.keys[this.keys_index(value)] = this.size()
    super.insert(value)
  }

  public extract(): T {
    // Unmark the highest priority element and set key to zero for the last element in the heap.
    this.keys[this.keys_index(this.heap[0])] = -1
    if (this.size() > 1) {
      this.keys[this.keys_index(this.heap[this.size() - 1])] = 0
    }
    return super.extract()
  }

  public increasePriority(idx: number, value: T): void {
    if (this.keys[idx] === -1) {
      // If the key does not exist, insert the value.
      this.insert(value)
      return
    }
    const key = this.keys[idx]
    if (this.compare(this.heap[key], value)) {
      // Do not do anything if the value in the heap already has a higher priority.
      return
    }
    // Increase the priority and bubble it up the heap.
    this.heap[key] = value
    this.bubbleUp(key)
  }
}

describe('MaxHeap', () => {
  let heap: MaxHeap<number>
  const elements: number[] = [
    12, 4, 43, 42, 9, 7, 39, 16, 55, 1, 51, 34, 81, 18
  ]

  beforeEach(() => {
    heap = new MaxHeap()
    for (const element of elements) {
      heap.insert(element)
    }
  })

  it('should initialize a heap from input array', () => {
    expect(heap.isEmpty()).toEqual(false)
    heap.check()
  })

  it('should remove and return the max element in the heap', () => {
    const maxValue = heap.extract()

    expect(maxValue).toEqual(81)
    heap.check()
  })

  it('should insert a new element and bubble Up the element to it correct index in the heap', () => {
    heap.insert(61)
    heap.check()
  })

  const extract_all = (heap: MaxHeap<number>) => {
    ;[...elements]
      .sort((a, b) => b - a)
      .forEach((element: number) => {
        expect(heap.extract()).toEqual(element)
      })
    heap.check()
    expect(heap.size()).toEqual(0)
  }

  it('should remove and return the max elements in order', () => {
    extract_all(heap)
  })

  it('should insert all, then remove and return the max elements in order', () => {
    heap = new MaxHeap()
    elements.forEach((element: number) => {
      heap.insert(element)
    })
    heap.check()
    expect(heap.size()).toEqual(elements.length)
    extract_all(heap)
  })
})

describe('MinHeap', () => {
  let heap: MinHeap<number>
  const elements: number[] = [
    12, 4, 43, 42, 9, 7, 39, 16, 55, 1, 51, 34, 81, 18
  ]

  beforeEach(() => {
    heap = new MinHeap()
    for (const element of elements) {
      heap.insert(element)
    }
  })

  it('should initialize a heap from input array', () => {
    expect(heap.isEmpty()).toEqual(false)
    heap.check()
  })

  it('should remove and return the min element in the heap', () => {
    const minValue = heap.extract()

    expect(minValue).toEqual(1)
    heap.check()
  })

  it('should insert a new element and bubble Up the element to it correct index in the heap', () => {
    heap.insert(24)
    heap.check()
  })

  const extract_all = (heap: MinHeap<number>, elements: number[]) => {
    ;[...elements]
      .sort((a, b) => a - b)
      .forEach((element: number) => {
        expect(heap.extract()).toEqual(element)
      })
    heap.check()
    expect(heap.size()).toEqual(0)
  }

  it('should remove and return the min elements in order', () => {
    extract_all(heap, elements)
  })

  it('should insert all, then remove and return the min elements in order', () => {
    heap = new MinHeap()
    elements.forEach((element: number) => {
      heap.insert(element)
    })
    heap.check()
    expect(heap.size()).toEqual(elements.length)
    extract_all(heap, elements)
  })

  it('should increase priority', () => {
    const heap = new PriorityQueue((a: number) => {
      return a
    }, elements.length)
    elements.forEach((element: number) => {
      heap.insert(element)
    })
    heap.check()
    expect(heap.size()).toEqual(elements.length)

    heap.increasePriority(55, 14)
    heap.increasePriority(18, 16)
    heap.increasePriority(81, 72)
    heap.increasePriority(9, 0)
    heap.increasePriority(43, 33)
    // decreasing priority should do nothing
    heap.increasePriority(72, 100)
    heap.increasePriority(12, 24)
    heap.increasePriority(39, 40)

    heap.check()
    // Elements after increasing priority
    const newElements: number[] = [
      12, 4, 33, 42, 0, 7, 39, 16, 14, 1, 51, 34, 72, 16
    ]
    extract_all(heap, newElements)
  })
})

await runTests();
