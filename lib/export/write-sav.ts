// Streams an export as an SPSS system file (.sav), written by hand from PSPP's published
// description of the format ("System File Format" in the PSPP Developers Guide) because no
// maintained npm writer declares multiple-response sets, measurement levels and UTF-8 labels
// (ADR 020). Uncompressed, little-endian, UTF-8 (character-encoding record), with: long
// variable names, variable and value labels, user-missing codes for "don't know / refused",
// measurement levels, dates as SPSS date-times, and every multi-select question as a
// multiple-dichotomy set (counted value 1). The dictionary is written first, then each batch of
// cases as it is read.
//
// A string wider than 255 bytes is a "very long string" ("Very Long String Record" in the same
// description): n = ceil(width / 252) segments, each a string variable of its own in the
// dictionary and the case, of width 255 but the last (width - 252 * (n - 1)); the value's bytes
// are packed 255 to a segment, and a record of subtype 14 gives the first segment's short name
// the whole width. Label and long name belong to the first segment only.
import type { ExportRecord } from "./export-columns";
import { BinaryWriter, utf8Prefix } from "./binary-writer";
import type { StatisticalDataset, StatisticalVariable } from "./statistical-variables";
import { shortVariableNames } from "./variable-names";

const SYSMIS = -Number.MAX_VALUE;
const HIGHEST = Number.MAX_VALUE;
/** SPSS's LOWEST: the double just above SYSMIS (bits ffef ffff ffff fffe). */
const LOWEST = (() => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, 0xffeffffffffffffen);
  return view.getFloat64(0);
})();
/** Seconds from SPSS's epoch (14 October 1582) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12_219_379_200;
const MAX_VARIABLE_LABEL = 255;
const MAX_VALUE_LABEL = 120;

const FORMAT = { A: 1, F: 5, DATETIME: 22 } as const;
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;
const format = (type: number, width: number, decimals: number) => (type << 16) | (width << 8) | decimals;

/** The widest string of one variable record: a segment of a very long string, and its data. */
const SEGMENT_WIDTH = 255;
/** The part of a very long string's width each full segment counts for (255 bytes of it are data). */
const SEGMENT_SPAN = 252;

/** One variable record and its continuations: width 0 for a number. */
type Segment = { name: string; width: number };
/** 8-byte units a segment takes in a case. */
const units = (s: Segment) => (s.width === 0 ? 1 : Math.ceil(s.width / 8));

function segmentWidths(v: StatisticalVariable): number[] {
  if (v.kind !== "string") return [0];
  if (v.width <= SEGMENT_WIDTH) return [v.width];
  const n = Math.ceil(v.width / SEGMENT_SPAN);
  return Array.from({ length: n }, (_, k) => (k < n - 1 ? SEGMENT_WIDTH : v.width - SEGMENT_SPAN * (n - 1)));
}

/** Bijective base 26, as PSPP names segments: 1 → A, 26 → Z, 27 → AA. */
function letters(k: number): string {
  let s = "";
  for (let n = k; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Each variable's segments, named: the first by the variable's short name, the others as PSPP
 * names them (LONGVA_A, LONGVA_B, …), numbered further where that name is taken, so that every
 * short name of the file stays unique.
 */
function segmentLayout(variables: StatisticalVariable[]): Segment[][] {
  const shortNames = shortVariableNames(variables.map((v) => v.spssName));
  const taken = new Set(shortNames);
  return variables.map((v, i) =>
    segmentWidths(v).map((width, k) => {
      if (k === 0) return { name: shortNames[i], width };
      const suffix = `_${letters(k)}`;
      let name = v.spssName.slice(0, 8 - suffix.length).toUpperCase() + suffix;
      for (let n = 1; taken.has(name); n++)
        name = v.spssName.slice(0, 8 - suffix.length - String(n).length).toUpperCase() + n + suffix;
      taken.add(name);
      return { name, width };
    }),
  );
}

function printFormat(v: StatisticalVariable, segment: Segment) {
  if (v.kind === "string") return format(FORMAT.A, segment.width, 0);
  if (v.kind === "datetime") return format(FORMAT.DATETIME, 20, 0);
  return format(FORMAT.F, v.decimals ? 12 : 8, v.decimals);
}

/** SPSS keeps at most three discrete missing values, or a range (all our negative codes). */
function missingValues(missing: number[]): { code: number; values: number[] } {
  if (missing.length === 0) return { code: 0, values: [] };
  if (missing.every((m) => m < 0)) return { code: -2, values: [LOWEST, -1] };
  if (missing.length <= 3) return { code: missing.length, values: missing };
  return { code: -2, values: [Math.min(...missing), Math.max(...missing)] };
}

function header(w: BinaryWriter, caseSize: number, cases: number, fileLabel: string, now: Date) {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  w.text("$FL2");
  w.text("@(#) SPSS DATA FILE sme-survey export", 60, 0x20);
  w.int32(2); // layout code
  w.int32(caseSize);
  w.int32(0); // not compressed
  w.int32(0); // no weight variable
  w.int32(cases);
  w.float64(100); // compression bias (unused)
  w.text(`${two(now.getUTCDate())} ${months[now.getUTCMonth()]} ${two(now.getUTCFullYear() % 100)}`, 9, 0x20);
  w.text(`${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`, 8, 0x20);
  w.bytes(utf8Prefix(fileLabel, 64), 64, 0x20);
  w.bytes(new Uint8Array(3)); // padding
}

function variableRecords(w: BinaryWriter, variables: StatisticalVariable[], layout: Segment[][]) {
  variables.forEach((v, i) =>
    layout[i].forEach((segment, k) => {
      const label = k === 0 ? utf8Prefix(v.label, MAX_VARIABLE_LABEL) : new Uint8Array();
      const missing = v.kind === "numeric" ? missingValues(v.missing) : { code: 0, values: [] };
      w.int32(2).int32(segment.width);
      w.int32(label.length ? 1 : 0).int32(missing.code);
      w.int32(printFormat(v, segment)).int32(printFormat(v, segment));
      w.text(segment.name, 8, 0x20);
      if (label.length) w.int32(label.length).bytes(label, Math.ceil(label.length / 4) * 4, 0x20);
      for (const m of missing.values) w.float64(m);
      // A string wider than 8 bytes continues in one record per further 8 bytes.
      for (let u = 1; u < units(segment); u++)
        w.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).text("", 8, 0x20);
    }),
  );
}

function valueLabelRecords(w: BinaryWriter, variables: StatisticalVariable[], layout: Segment[][]) {
  let index = 1; // dictionary index: position in 8-byte units, counting continuations and segments
  for (const [i, v] of variables.entries()) {
    if (v.kind === "numeric" && v.valueLabels.length) {
      w.int32(3).int32(v.valueLabels.length);
      for (const { value, label } of v.valueLabels) {
        const text = utf8Prefix(label, MAX_VALUE_LABEL);
        w.float64(value).int8(text.length);
        w.bytes(text, Math.ceil((text.length + 1) / 8) * 8 - 1, 0x20);
      }
      w.int32(4).int32(1).int32(index);
    }
    for (const segment of layout[i]) index += units(segment);
  }
}

function extension(w: BinaryWriter, subtype: number, size: number, body: (b: BinaryWriter) => void) {
  const b = new BinaryWriter();
  body(b);
  w.int32(7)
    .int32(subtype)
    .int32(size)
    .int32(b.length / size);
  w.bytes(b.toBytes());
}

function dictionary(
  dataset: StatisticalDataset,
  layout: Segment[][],
  cases: number,
  fileLabel: string,
  now: Date,
): Uint8Array {
  const { variables, mrSets } = dataset;
  const shortNames = layout.map((segments) => segments[0].name);
  const w = new BinaryWriter();
  header(
    w,
    layout.flat().reduce((n, s) => n + units(s), 0),
    cases,
    fileLabel,
    now,
  );
  variableRecords(w, variables, layout);
  valueLabelRecords(w, variables, layout);
  // Machine integer info: version 1.0.0, IEEE 754 floats, little-endian, code page 65001 (UTF-8).
  extension(w, 3, 4, (b) => [1, 0, 0, -1, 1, 1, 2, 65001].forEach((n) => b.int32(n)));
  extension(w, 4, 8, (b) => [SYSMIS, HIGHEST, LOWEST].forEach((n) => b.float64(n)));
  if (mrSets.length)
    extension(w, 7, 1, (b) => {
      for (const set of mrSets) {
        const label = utf8Prefix(set.label, MAX_VARIABLE_LABEL);
        // "$name=D1 1 <label bytes> <label> <members>": counted value 1, members by their short
        // names (as SPSS writes them; PSPP finds no members by long names here).
        b.text(`$${set.name}=D1 1 ${label.length} `).bytes(label);
        b.text(` ${set.variables.map((i) => shortNames[i]).join(" ")}\n`);
      }
    });
  // Display parameters: one entry per segment, as PSPP writes them.
  extension(w, 11, 4, (b) => {
    variables.forEach((v, i) =>
      layout[i].forEach((segment) => {
        b.int32(MEASURE[v.measure]);
        b.int32(v.kind === "string" ? Math.min(40, segment.width) : v.kind === "datetime" ? 20 : 8);
        b.int32(v.kind === "string" ? 0 : 1); // left-aligned text, right-aligned numbers
      }),
    );
  });
  extension(w, 13, 1, (b) => b.text(variables.map((v, i) => `${shortNames[i]}=${v.spssName}`).join("\t")));
  const veryLong = variables.flatMap((v, i) =>
    layout[i].length > 1 ? [`${shortNames[i]}=${String(v.width).padStart(5, "0")}\0\t`] : [],
  );
  if (veryLong.length) extension(w, 14, 1, (b) => b.text(veryLong.join("")));
  extension(w, 20, 1, (b) => b.text("UTF-8"));
  w.int32(999).int32(0);
  return w.toBytes();
}

function caseBytes(w: BinaryWriter, variables: StatisticalVariable[], layout: Segment[][], record: ExportRecord) {
  for (const [i, v] of variables.entries()) {
    const value = v.value(record);
    if (v.kind === "string") {
      const text = utf8Prefix(typeof value === "string" ? value : "", v.width);
      // 255 bytes of the value to a segment (a character may span two: readers join the bytes first).
      layout[i].forEach((segment, k) =>
        w.bytes(text.subarray(k * SEGMENT_WIDTH, k * SEGMENT_WIDTH + segment.width), units(segment) * 8, 0x20),
      );
    } else if (value instanceof Date) {
      w.float64(value.getTime() / 1000 + SPSS_EPOCH_OFFSET);
    } else {
      w.float64(typeof value === "number" && Number.isFinite(value) ? value : SYSMIS);
    }
  }
}

export function writeSav(options: {
  dataset: StatisticalDataset;
  batches: AsyncIterator<ExportRecord[]>;
  /** The number of cases the batches hold (counted beforehand; the header states it). */
  cases: number;
  fileLabel: string;
  now?: Date;
}): ReadableStream<Uint8Array> {
  const { dataset, batches, cases, fileLabel, now = new Date() } = options;
  const layout = segmentLayout(dataset.variables);
  let dictionarySent = false;
  let written = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!dictionarySent) {
        dictionarySent = true;
        return controller.enqueue(dictionary(dataset, layout, cases, fileLabel, now));
      }
      const next = await batches.next();
      if (next.done) {
        if (written !== cases) return controller.error(new Error(`expected ${cases} cases, read ${written}`));
        return controller.close();
      }
      const w = new BinaryWriter();
      for (const record of next.value) caseBytes(w, dataset.variables, layout, record);
      written += next.value.length;
      controller.enqueue(w.toBytes());
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}
