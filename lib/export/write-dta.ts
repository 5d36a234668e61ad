// Streams an export as a Stata 14+ dataset (.dta format 118, UTF-8) with variable labels and
// one value-label table per coded variable. Written by hand like the .sav (ADR 020): the format
// is a fixed header of tagged sections whose byte offsets depend only on the variables, the
// number of observations and the size of any strL texts, so the header is written first and each
// batch of rows as it is read.
// Numbers are doubles ("." when missing), dates Stata %tc milliseconds since 1960.
//
// Text up to 2045 bytes is a str# of its declared width; wider text is a strL: the row holds
// (v, o), the variable's and the observation's numbers (2 + 6 bytes), and the text follows all
// rows in the <strls> section as a GSO record (type 130: UTF-8 with its trailing NUL) keyed by
// the same (v, o); an empty strL is (0, 0) with no GSO. The map before the first row states where
// <value_labels> begins, so the size of the GSOs must be known before the header, and they must
// follow every row: rather than hold the text of every response, a dataset with a strL reads its
// records three times (`reread`), once to measure the GSOs, once for the rows, once for the GSOs,
// each read a batch at a time.
import { createHash, type Hash } from "node:crypto";
import type { ExportRecord } from "./export-columns";
import { BinaryWriter, utf8, utf8Prefix } from "./binary-writer";
import type { StatisticalDataset, StatisticalVariable } from "./statistical-variables";

const DOUBLE = 65526;
const STRL = 32768;
/** The widest str# of format 118, in bytes. */
const MAX_STR_WIDTH = 2045;
/** A GSO's text type: a string with a trailing NUL (129 would be binary). */
const GSO_TEXT = 130;
/** "GSO", v (uint32), o (uint64), type (uint8), len (uint32). */
const GSO_HEADER_BYTES = 3 + 4 + 8 + 1 + 4;
/** Stata's system missing value "." for a double: 2^1023. */
const MISSING = 2 ** 1023;
/** Milliseconds from Stata's epoch (1 January 1960) to the Unix epoch. */
const STATA_EPOCH_OFFSET_MS = 315_619_200_000;
const NAME_BYTES = 129;
const FORMAT_BYTES = 57;
const LABEL_BYTES = 321;
const DATA_LABEL_BYTES = 320;

const isStrL = (v: StatisticalVariable) => v.kind === "string" && v.width > MAX_STR_WIDTH;
/** Bytes of a variable in a row: a str#'s width, 8 for a double or a strL's (v, o). */
const cellBytes = (v: StatisticalVariable) => (v.kind === "string" && !isStrL(v) ? v.width : 8);
const rowBytes = (variables: StatisticalVariable[]) => variables.reduce((n, v) => n + cellBytes(v), 0);

function variableType(v: StatisticalVariable) {
  if (v.kind !== "string") return DOUBLE;
  return isStrL(v) ? STRL : v.width;
}

function displayFormat(v: StatisticalVariable) {
  if (isStrL(v)) return "%9s";
  if (v.kind === "string") return `%${v.width}s`;
  if (v.kind === "datetime") return "%tc";
  return v.decimals ? "%12.2f" : "%9.0g";
}

const hasLabels = (v: StatisticalVariable) => v.kind === "numeric" && v.valueLabels.length > 0;

function valueLabelTables(variables: StatisticalVariable[]): Uint8Array {
  const w = new BinaryWriter();
  for (const v of variables.filter(hasLabels)) {
    const entries = [...v.valueLabels].sort((a, b) => a.value - b.value);
    const texts = entries.map((e) => utf8Prefix(e.label, 32_000));
    const offsets: number[] = [];
    let length = 0;
    for (const t of texts) {
      offsets.push(length);
      length += t.length + 1;
    }
    w.text("<lbl>").int32(8 + 8 * entries.length + length);
    w.text(v.stataName, NAME_BYTES).bytes(new Uint8Array(3));
    w.int32(entries.length).int32(length);
    for (const o of offsets) w.int32(o);
    for (const e of entries) w.int32(e.value);
    for (const t of texts) w.bytes(t).int8(0);
    w.text("</lbl>");
  }
  return w.toBytes();
}

function timestamp(now: Date) {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(now.getUTCDate())} ${months[now.getUTCMonth()]} ${now.getUTCFullYear()} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}`;
}

/**
 * Everything before the rows, between the rows and the GSOs, and after the GSOs, with the offsets
 * of the map filled in (`strlBytes`: the size of the GSOs).
 */
function frame(dataset: StatisticalDataset, observations: number, dataLabel: string, now: Date, strlBytes: number) {
  const { variables } = dataset;
  const k = variables.length;
  const head = new BinaryWriter();
  head.text("<stata_dta><header><release>118</release><byteorder>LSF</byteorder>");
  head.text("<K>").uint16(k).text("</K><N>").uint64(observations).text("</N>");
  const label = utf8Prefix(dataLabel, DATA_LABEL_BYTES);
  head.text("<label>").uint16(label.length).bytes(label).text("</label>");
  head.text("<timestamp>").int8(17).text(timestamp(now)).text("</timestamp></header>");

  const sections = new BinaryWriter();
  const offsets: number[] = [];
  const mapStart = head.length;
  const mapLength = "<map>".length + 14 * 8 + "</map>".length;
  const at = () => mapStart + mapLength + sections.length;
  offsets.push(0, mapStart);
  offsets.push(at());
  sections.text("<variable_types>");
  for (const v of variables) sections.uint16(variableType(v));
  sections.text("</variable_types>");
  offsets.push(at());
  sections.text("<varnames>");
  for (const v of variables) sections.text(v.stataName, NAME_BYTES);
  sections.text("</varnames>");
  offsets.push(at());
  sections
    .text("<sortlist>")
    .bytes(new Uint8Array(2 * (k + 1)))
    .text("</sortlist>");
  offsets.push(at());
  sections.text("<formats>");
  for (const v of variables) sections.text(displayFormat(v), FORMAT_BYTES);
  sections.text("</formats>");
  offsets.push(at());
  sections.text("<value_label_names>");
  for (const v of variables) sections.text(hasLabels(v) ? v.stataName : "", NAME_BYTES);
  sections.text("</value_label_names>");
  offsets.push(at());
  sections.text("<variable_labels>");
  for (const v of variables) sections.bytes(utf8Prefix(v.label, LABEL_BYTES - 1), LABEL_BYTES);
  sections.text("</variable_labels>");
  offsets.push(at());
  sections.text("<characteristics></characteristics>");
  offsets.push(at());
  sections.text("<data>");

  const dataEnd = at() + observations * rowBytes(variables);
  const middle = new BinaryWriter();
  middle.text("</data>");
  offsets.push(dataEnd + middle.length);
  middle.text("<strls>");
  const strlsEnd = dataEnd + middle.length + strlBytes;
  const tail = new BinaryWriter();
  tail.text("</strls>");
  offsets.push(strlsEnd + tail.length);
  tail.text("<value_labels>").bytes(valueLabelTables(variables)).text("</value_labels>");
  offsets.push(strlsEnd + tail.length);
  tail.text("</stata_dta>");
  offsets.push(strlsEnd + tail.length);

  const map = new BinaryWriter();
  map.text("<map>");
  for (const o of offsets) map.uint64(o);
  map.text("</map>");
  const start = new BinaryWriter();
  start.bytes(head.toBytes()).bytes(map.toBytes()).bytes(sections.toBytes());
  return { start: start.toBytes(), middle: middle.toBytes(), end: tail.toBytes() };
}

/** Stata numbers variables from 1. */
type StrL = { v: StatisticalVariable; number: number };
type Observation = { record: ExportRecord; o: number };

/** Calls `visit` with each non-empty strL text of the observations, in row order: their GSOs. */
function forEachGso(
  strls: StrL[],
  observations: Observation[],
  visit: (v: number, o: number, text: Uint8Array) => void,
) {
  for (const { record, o } of observations)
    for (const { v, number } of strls) {
      const value = v.value(record);
      const text = utf8(typeof value === "string" ? value : "");
      if (text.length) visit(number, o, text);
    }
}

/**
 * The GSOs one read of the records implies: their total size, and a digest of each one's (v, o,
 * length) in order, so that a read whose texts differ from the first one's (a response edited
 * during the export) fails the file instead of contradicting its map.
 */
class GsoTally {
  bytes = 0;
  private readonly hash: Hash = createHash("sha256");
  private digest?: string;

  add(v: number, o: number, length: number) {
    this.bytes += GSO_HEADER_BYTES + length + 1;
    this.hash.update(`${v},${o},${length};`);
  }

  matches(other: GsoTally) {
    this.digest ??= this.hash.digest("hex");
    other.digest ??= other.hash.digest("hex");
    return this.digest === other.digest;
  }
}

/** Each batch of a read with its observation numbers (from 1), checking that there are `observations`. */
async function* observationsOf(batches: AsyncIterator<ExportRecord[]>, observations: number) {
  let o = 0;
  try {
    for (let next = await batches.next(); !next.done; next = await batches.next())
      yield next.value.map((record): Observation => ({ record, o: ++o }));
  } finally {
    // Also when the download is cancelled: the read stops there.
    await batches.return?.(undefined);
  }
  if (o !== observations) throw new Error(`expected ${observations} observations, read ${o}`);
}

function row(w: BinaryWriter, variables: StatisticalVariable[], { record, o }: Observation) {
  for (const [i, v] of variables.entries()) {
    const value = v.value(record);
    if (isStrL(v)) {
      // (v, o) of the text's GSO: a uint16 and a 48-bit o; (0, 0) when there is no text.
      const [number, at] = typeof value === "string" && value ? [i + 1, o] : [0, 0];
      w.uint16(number)
        .uint32(at % 2 ** 32)
        .uint16(Math.floor(at / 2 ** 32));
    } else if (v.kind === "string") w.bytes(utf8Prefix(typeof value === "string" ? value : "", v.width), v.width);
    else if (value instanceof Date) w.float64(value.getTime() + STATA_EPOCH_OFFSET_MS);
    else w.float64(typeof value === "number" && Number.isFinite(value) ? value : MISSING);
  }
}

async function* dtaChunks(options: {
  dataset: StatisticalDataset;
  batches: AsyncIterator<ExportRecord[]>;
  reread?: () => AsyncIterator<ExportRecord[]>;
  observations: number;
  dataLabel: string;
  now: Date;
}): AsyncGenerator<Uint8Array> {
  const { dataset, batches, reread, observations, dataLabel, now } = options;
  const { variables } = dataset;
  const strls = variables.flatMap((v, i): StrL[] => (isStrL(v) ? [{ v, number: i + 1 }] : []));
  const readAgain = () => {
    if (!reread) throw new Error("a dataset with a strL variable is written from three reads: pass `reread`");
    return observationsOf(reread(), observations);
  };
  const changed = () => new Error("the responses' texts changed while the file was written; export again");

  const measured = new GsoTally();
  if (strls.length)
    for await (const batch of readAgain()) forEachGso(strls, batch, (v, o, text) => measured.add(v, o, text.length));
  const { start, middle, end } = frame(dataset, observations, dataLabel, now, measured.bytes);
  yield start;

  const referenced = new GsoTally();
  for await (const batch of observationsOf(batches, observations)) {
    const w = new BinaryWriter();
    for (const observation of batch) row(w, variables, observation);
    forEachGso(strls, batch, (v, o, text) => referenced.add(v, o, text.length));
    yield w.toBytes();
  }
  if (!referenced.matches(measured)) throw changed();
  yield middle;

  if (strls.length) {
    const written = new GsoTally();
    for await (const batch of readAgain()) {
      const w = new BinaryWriter();
      forEachGso(strls, batch, (v, o, text) => {
        written.add(v, o, text.length);
        w.text("GSO")
          .uint32(v)
          .uint64(o)
          .int8(GSO_TEXT)
          .uint32(text.length + 1)
          .bytes(text)
          .int8(0);
      });
      yield w.toBytes();
    }
    if (!written.matches(measured)) throw changed();
  }
  yield end;
}

export function writeDta(options: {
  dataset: StatisticalDataset;
  batches: AsyncIterator<ExportRecord[]>;
  /**
   * Opens another read of the same records in the same order. Needed, and called twice, when a
   * variable is a strL (text wider than 2045 bytes): once to size the <strls> section the header
   * points past, once to write it after the rows.
   */
  reread?: () => AsyncIterator<ExportRecord[]>;
  /** The number of observations the batches hold (counted beforehand; the header states it). */
  observations: number;
  dataLabel: string;
  now?: Date;
}): ReadableStream<Uint8Array> {
  const chunks = dtaChunks({ ...options, now: options.now ?? new Date() });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (e) {
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
