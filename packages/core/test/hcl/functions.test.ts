import { describe, expect, it } from 'vitest';
import { Unknown, type Value } from '../../src/model/value.js';
import { EvaluationError } from '../../src/sources/terraform/hcl/expression/values.js';
import { evaluateText } from './expression-support.js';

/** Each family of functions as a table of expressions and the values Terraform gives for them. */
const families: Record<string, [string, Value][]> = {
  collections: [
    ['merge({ a = 1, b = 2 }, { b = 3 }, null)', { a: 1, b: 3 }],
    ['lookup({ a = "x" }, "a")', 'x'],
    ['lookup({ a = "x" }, "b", "fallback")', 'fallback'],
    ['concat(["a"], [], ["b", "c"])', ['a', 'b', 'c']],
    ['coalesce(null, "", "first", "second")', 'first'],
    ['coalescelist([], ["x"])', ['x']],
    ['length("héllo")', 5],
    ['length({ a = 1, b = 2 })', 2],
    ['length(var.list)', 3],
    ['element(["a", "b", "c"], 4)', 'b'],
    ['flatten([["a", ["b"]], [], "c"])', ['a', 'b', 'c']],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    // A key named __proto__ stays a key in object constructors and for expressions (it would set the prototype).
    ['keys({ "__proto__" = { x = 1 }, a = 2 })', ['__proto__', 'a']],
    ['keys({ for k in ["__proto__", "b"] : k => 1 })', ['__proto__', 'b']],
    ['keys({ for k in ["__proto__"] : k => 1... })', ['__proto__']],
    ['distinct(["a", "b", "a"])', ['a', 'b']],
    ['compact(["a", "", null, "b"])', ['a', 'b']],
    ['contains(["a", "b"], "b")', true],
    ['contains(["a", "b"], "z")', false],
    ['index(["a", "b"], "b")', 1],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['range(3)', [0, 1, 2]],
    ['range(1, 7, 3)', [1, 4]],
    ['reverse([1, 2])', [2, 1]],
    ['slice(["a", "b", "c"], 1, 3)', ['b', 'c']],
    ['sort(["b", "a", "c"])', ['a', 'b', 'c']],
    ['chunklist([1, 2, 3], 2)', [[1, 2], [3]]],
    ['setunion(["b"], ["a", "b"])', ['a', 'b']],
    ['setintersection(["a", "b"], ["b", "c"])', ['b']],
    ['setsubtract(["a", "b"], ["b"])', ['a']],
    ['setproduct(["a"], [1, 2])', [['a', 1], ['a', 2]]],
    ['one([])', null],
    ['one(["x"])', 'x'],
    ['alltrue([true, "true"])', true],
    ['anytrue([false, true])', true],
    ['transpose({ a = ["1", "2"], b = ["2"] })', { '1': ['a'], '2': ['a', 'b'] }],
    ['matchkeys(["i-1", "i-2"], ["a", "b"], ["b"])', ['i-2']],
  ],
  conversion: [
    ['tostring(5)', '5'],
    ['tostring(true)', 'true'],
    ['tonumber("2.5")', 2.5],
    ['tobool("false")', false],
    ['tolist(["a"])', ['a']],
    ['toset(["b", "a", "b"])', ['a', 'b']],
    ['toset([3, 1, 3])', [1, 3]],
    ['tomap({ a = 1 })', { a: 1 }],
    ['nonsensitive("x")', 'x'],
  ],
  strings: [
    ['format("%s-%03d-%.2f-%t-%q-%v-%x", "a", 7, 1.5, true, "q", 3, 255)', 'a-007-1.50-true-"q"-3-ff'],
    ['format("%-5s|%5s|%+d|%%", "ab", "cd", 4)', 'ab   |   cd|+4|%'],
    ['format("%[2]s %[1]s", "world", "hello")', 'hello world'],
    ['formatlist("%s=%s", ["a", "b"], "x")', ['a=x', 'b=x']],
    ['join(",", ["a", "b"], ["c"])', 'a,b,c'],
    ['split(",", "a,b,,c")', ['a', 'b', '', 'c']],
    ['split(",", "")', []],
    ['lower("ABC")', 'abc'],
    ['upper("abc")', 'ABC'],
    ['title("hello big-world")', 'Hello Big-World'],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("a1b22", "/[0-9]+/", "#")', 'a#b#'],
    ['replace("key=value", "/(\\\\w+)=(\\\\w+)/", "$2=$1")', 'value=key'],
    ['trimspace("  x \\n")', 'x'],
    ['trim("?!hello?!", "!?")', 'hello'],
    ['trimprefix("prefix-name", "prefix-")', 'name'],
    ['trimsuffix("name.tf", ".tf")', 'name'],
    ['chomp("line\\n\\n")', 'line'],
    ['indent(2, "a\\nb")', 'a\n  b'],
    ['substr("hello", 1, 3)', 'ell'],
    ['substr("hello", -3, -1)', 'llo'],
    ['strrev("abc")', 'cba'],
    ['startswith("arn:aws:s3", "arn:")', true],
    ['endswith("file.json", ".json")', true],
    ['strcontains("hello", "ell")', true],
    ['regex("^arn:aws:([a-z0-9]+):", "arn:aws:s3:::b")', ['s3']],
    ['regex("(?P<service>[a-z0-9]+):(?P<rest>.*)", "s3:bucket")', { service: 's3', rest: 'bucket' }],
    ['regexall("[0-9]", "a1b2")', ['1', '2']],
  ],
  numeric: [
    ['abs(-2)', 2],
    ['ceil(1.2)', 2],
    ['floor(1.8)', 1],
    ['min(3, 1, 2)', 1],
    ['max(3, 1, 2)', 3],
    ['pow(2, 10)', 1024],
    ['signum(-4)', -1],
    ['sum([1, 2, 3.5])', 6.5],
    ['parseint("ff", 16)', 255],
    ['log(8, 2)', 3],
  ],
  encoding: [
    ['jsonencode({ b = [1, "x"], a = null, c = "<&>" })', '{"a":null,"b":[1,"x"],"c":"\\u003c\\u0026\\u003e"}'],
    ['jsondecode("{\\"a\\": [1, true]}")', { a: [1, true] }],
    ['jsondecode(jsonencode({ x = { y = 1 } }))', { x: { y: 1 } }],
    ['yamldecode("a: 1\\nb: [x, y]\\n")', { a: 1, b: ['x', 'y'] }],
    ['yamlencode({ b = 1, a = "x" })', 'a: x\nb: 1\n'],
    ['base64encode("hello")', 'aGVsbG8='],
    ['base64decode("aGVsbG8=")', 'hello'],
    ['urlencode("a b&c")', 'a+b%26c'],
  ],
  crypto: [
    ['md5("hello")', '5d41402abc4b2a76b9719d911017c592'],
    ['sha256("hello")', '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'],
    ['base64sha256("hello")', 'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ='],
  ],
  filesystem: [
    ['basename("a/b/c.tf")', 'c.tf'],
    ['dirname("a/b/c.tf")', 'a/b'],
  ],
  // The examples of Terraform's documentation for cidrhost, cidrnetmask, cidrsubnet and cidrsubnets, and edges.
  network: [
    ['cidrsubnet("172.16.0.0/12", 4, 2)', '172.18.0.0/16'],
    ['cidrsubnet("10.1.2.0/24", 4, 15)', '10.1.2.240/28'],
    ['cidrsubnet("fd00:fd12:3456:7890::/56", 16, 162)', 'fd00:fd12:3456:7800:a200::/72'],
    ['cidrsubnet("10.1.2.5/24", 0, 0)', '10.1.2.0/24'],
    ['[for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]', ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']],
    ['cidrhost("10.12.112.0/20", 16)', '10.12.112.16'],
    ['cidrhost("10.12.112.0/20", 268)', '10.12.113.12'],
    ['cidrhost("10.12.112.0/20", -1)', '10.12.127.255'],
    ['cidrhost("fd00:fd12:3456:7890:00a2::/72", 34)', 'fd00:fd12:3456:7890::22'],
    ['cidrhost("10.0.0.0/8", -2)', '10.255.255.254'],
    ['cidrhost("010.0.0.0/8", 2)', '10.0.0.2'],
    ['cidrnetmask("172.16.0.0/12")', '255.240.0.0'],
    ['cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']],
    ['cidrsubnets("fd00:fd12:3456:7890::/56", 16, 16, 16, 32)', ['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88']],
    ['cidrsubnets("10.0.0.0/8")', []],
  ],
};

describe.each(Object.entries(families))('%s functions', (_family, cases) => {
  it.each(cases)('%s', (text, expected) => {
    expect(evaluateText(text)).toEqual(expected);
  });
});

describe('unknown arguments', () => {
  it.each([
    ['merge(var.tags, var.unset)', 'var.unset has no value'],
    ['lookup(var.unset, "a")', 'var.unset has no value'],
    ['join(",", ["a", var.unset])', 'var.unset has no value'],
    ['coalesce(null, var.unset, "x")', 'var.unset has no value'],
    ['contains(["a", var.unset], "b")', 'var.unset has no value'],
    ['timestamp()', 'timestamp() is known only when Terraform runs'],
    ['uuid()', 'uuid() changes on every run'],
  ])('%s is unknown', (text, reason) => {
    const value = evaluateText(text);
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).reason).toBe(reason);
  });

  it.each([
    ['length(["a", var.unset])', 2],
    ['concat(["a"], [var.unset])[0]', 'a'],
    ['contains(["a", var.unset], "a")', true],
    ['merge({ a = var.unset }, { b = 1 }).b', 1],
    ['keys({ a = var.unset })', ['a']],
  ])('%s is known when the unknown part does not matter', (text, expected) => {
    expect(evaluateText(text)).toEqual(expected);
  });

  it('keeps the known document of jsonencode with unknown leaves', () => {
    const value = evaluateText('jsonencode({ Statement = [{ Effect = "Deny", Resource = aws_s3_bucket.b.id }] })');
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).partial).toEqual({ Statement: [{ Effect: 'Deny', Resource: expect.any(Unknown) }] });
    expect(evaluateText('jsondecode(jsonencode({ a = aws_s3_bucket.b.id, b = 1 })).b')).toBe(1);
  });
});

describe('function errors', () => {
  it.each([
    ['element([], 0)', /empty list/],
    ['index(["a"], "z")', /does not contain/],
    ['zipmap(["a"], [])', /differ in length/],
    ['one(["a", "b"])', /at most one/],
    ['tonumber("x")', /number is required/],
    ['jsondecode("{")', /not valid JSON/],
    ['regex("[", "x")', /invalid regular expression/],
    ['format("%d", 1.5)', /not a whole number/],
    // Found by fuzzing: a fractional size stepped through the list by less than one item, until memory ran out.
    ['chunklist([1, 2], 2e-83)', /chunk size must be a whole number/],
    ['range(0, 5000)', /more than 1024/],
    ['upper()', /at least 1 argument/],
    ['cidrsubnet("10.0.0.0/30", 4, 0)', /insufficient address space to extend prefix of 30 by 4/],
    ['cidrsubnet("10.0.0.0/16", 2, 4)', /prefix extension of 2 does not accommodate a subnet numbered 4/],
    ['cidrsubnet("10.0.0.0", 2, 0)', /invalid CIDR expression/],
    ['cidrhost("10.0.0.0/30", 4)', /prefix of 30 does not accommodate a host numbered 4/],
    ['cidrnetmask("fd00::/8")', /only IPv4/],
    ['cidrsubnets("10.0.0.0/30", 1, 1, 1)', /not enough remaining address space/],
  ])('%s', (text, message) => {
    expect(() => evaluateText(text)).toThrow(EvaluationError);
    expect(() => evaluateText(text)).toThrow(message);
  });
});
