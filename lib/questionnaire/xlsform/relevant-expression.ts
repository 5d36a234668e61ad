// XLSForm `relevant` expressions to and from our showIf conditions (DESIGN.md §3). Only the
// shapes showIf can hold are read: comparisons of one question with a literal (`${q} = 'x'`,
// `!=`, `>=`, `<=`, `= ''` for "not answered"), `selected(${q}, 'x')`, `not(selected(...))`,
// joined with and/or and parentheses. Anything else is refused with a reason, so the importer can
// list it instead of guessing. Pure and browser-safe.
import type { Comparison, Condition } from "../definition-schema";

type Token =
  | { kind: "ref"; name: string }
  | { kind: "str"; value: string }
  | { kind: "num"; value: number }
  | { kind: "op"; value: "=" | "!=" | ">=" | "<=" }
  | { kind: "word"; value: string }
  | { kind: "punct"; value: "(" | ")" | "," };

export class RelevantSyntaxError extends Error {}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const ref = /^\$\{([^}]+)\}/.exec(rest);
    const str = /^'([^']*)'|^"([^"]*)"/.exec(rest);
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    const op = /^(!=|>=|<=|=)/.exec(rest);
    const word = /^[A-Za-z][A-Za-z-]*/.exec(rest);
    if (ref) tokens.push({ kind: "ref", name: ref[1].trim() });
    else if (str) tokens.push({ kind: "str", value: str[1] ?? str[2] });
    else if (num) tokens.push({ kind: "num", value: Number(num[0]) });
    else if (op) tokens.push({ kind: "op", value: op[1] as "=" });
    else if (word) tokens.push({ kind: "word", value: word[0] });
    else if ("(),".includes(rest[0])) tokens.push({ kind: "punct", value: rest[0] as "(" });
    else throw new RelevantSyntaxError(`"${rest[0]}" is not part of an expression showIf can hold`);
    i += (ref ?? str ?? num ?? op ?? word)?.[0].length ?? 1;
  }
  return tokens;
}

/** Reads an expression; `rename` maps XLSForm names to our question codes. */
export function parseRelevant(source: string, rename: (name: string) => string = (n) => n): Condition {
  const tokens = tokenize(source);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const expect = (value: string) => {
    const t = next();
    if (!t || !("value" in t) || t.value !== value) throw new RelevantSyntaxError(`expected "${value}"`);
  };
  const isWord = (t: Token | undefined, w: string) => t?.kind === "word" && t.value.toLowerCase() === w;

  function literal(): string | number {
    const t = next();
    if (t?.kind === "str") return t.value;
    if (t?.kind === "num") return t.value;
    throw new RelevantSyntaxError("a comparison needs a quoted value or a number");
  }

  function selected(): Comparison {
    expect("(");
    const ref = next();
    if (ref?.kind !== "ref") throw new RelevantSyntaxError("selected() needs a ${question} first");
    expect(",");
    const value = literal();
    expect(")");
    return { question: rename(ref.name), op: "includes", value: String(value) };
  }

  function primary(): Condition {
    const t = peek();
    if (t?.kind === "punct" && t.value === "(") {
      next();
      const inner = or();
      expect(")");
      return inner;
    }
    if (isWord(t, "selected")) {
      next();
      return selected();
    }
    if (isWord(t, "not")) {
      next();
      expect("(");
      if (!isWord(next(), "selected")) throw new RelevantSyntaxError("not() is read only around selected()");
      const inner = selected();
      expect(")");
      return { ...inner, op: "excludes" };
    }
    if (t?.kind === "ref") {
      next();
      const op = next();
      if (op?.kind !== "op") throw new RelevantSyntaxError("a ${question} must be compared with =, !=, >= or <=");
      const value = literal();
      const question = rename(t.name);
      if (value === "" && (op.value === "=" || op.value === "!="))
        return { question, op: op.value === "=" ? "not_answered" : "answered" };
      if (op.value === ">=" || op.value === "<=") {
        if (typeof value !== "number") throw new RelevantSyntaxError(`${op.value} needs a number`);
        return { question, op: op.value === ">=" ? "gte" : "lte", value };
      }
      return { question, op: op.value === "=" ? "equals" : "not_equals", value };
    }
    throw new RelevantSyntaxError("expected ${question}, selected(), not() or (");
  }

  function joined(word: "and" | "or", inner: () => Condition): Condition {
    const parts = [inner()];
    while (isWord(peek(), word)) {
      next();
      parts.push(inner());
    }
    if (parts.length === 1) return parts[0];
    return word === "and" ? { all: parts } : { any: parts };
  }
  const and = () => joined("and", primary);
  const or = (): Condition => joined("or", and);

  const result = or();
  if (at < tokens.length) throw new RelevantSyntaxError("unexpected text after the expression");
  return result;
}

const quote = (value: string | number) => (typeof value === "number" ? String(value) : `'${value}'`);

/** Writes a condition as an XLSForm expression that parseRelevant reads back to the same condition. */
export function writeRelevant(condition: Condition, nested = false): string {
  if ("all" in condition || "any" in condition) {
    const [parts, word] = "all" in condition ? [condition.all, " and "] : [condition.any, " or "];
    const text = parts.map((c) => writeRelevant(c, true)).join(word);
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  const ref = `\${${condition.question}}`;
  const value = condition.value ?? "";
  switch (condition.op) {
    case "answered":
      return `${ref} != ''`;
    case "not_answered":
      return `${ref} = ''`;
    case "includes":
      return `selected(${ref}, ${quote(String(value))})`;
    case "excludes":
      return `not(selected(${ref}, ${quote(String(value))}))`;
    case "equals":
      return `${ref} = ${quote(value)}`;
    case "not_equals":
      return `${ref} != ${quote(value)}`;
    case "gte":
      return `${ref} >= ${value}`;
    case "lte":
      return `${ref} <= ${value}`;
  }
}
