// console.log cases the JavaScript runner must print exactly as Node does
// (tests/webui/test_runners_javascript.py runs them through both).
console.log("%s is %d years, %i, %f, %j %o %O 100%%", "Ada", 36.5, 36.5, "1.5", {a: [1]}, [1], {b: "c"});
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(["apple", "banana", "cherry", "dates", "elderberry", "fig", "grape"]);
console.log({ quote: "it's", both: `it's "x"`, nested: { deep: { deeper: { deepest: 1 } } } });
console.log(new Map([["a", 1], ["b", { c: [1, 2] }]]), new Set([1, "two", [3]]));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2), [new Point(3, 4)], Point);
console.log(Symbol("s"), new Uint8Array([1, 2, 3]), new Float64Array(2));
const loop = { name: "loop" }; loop.self = loop; loop.list = [loop];
console.log(loop);
console.log({ aaaaaaaaaaaaaaaaaaa: "aaaaaaaaaaaaaaaaaaaaa", bbbbbbbbbbbbbbbbbbbbb: "bbbbbbbbbbbbbbbbbbbbbbb", ccccccccccc: 12345678 });
console.log([undefined, null, -0, 12345678901234567890n, NaN, [ , 1]], new Array(3));
console.log(function named() {}, () => {}, /re/g, new Date(0), [[1, [2, [3, [4]]]]]);
console.log("a\nb", ["a\nb"], { "a-b": 1, 2: 3 }, Object.create(null));
console.log(new RangeError("out").message, [new Error("inner").name]);
console.error("to %s", "stderr");
