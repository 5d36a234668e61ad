// Streams an export as a Stata 14+ dataset (.dta format 118, UTF-8) with variable labels and
// one value-label table per coded variable. Written by hand like the .sav (ADR 020): the format
// is a fixed header of tagged sections whose byte offsets depend only on the variables and the
// number of observations, so the header is written first and each batch of rows as it is read.
// Numbers are doubles ("." when missing), dates Stata %tc milliseconds since 1960.
import type { ExportRecord } from "./export-columns";
import { BinaryWriter, utf8Prefix } from "./binary-writer";
import type { StatisticalDataset, StatisticalVariable } from "./statistical-variables";

const DOUBLE = 65526;
/** Stata's system missing value "." for a double: 2^1023. */
const MISSING = 2 ** 1023;
/** Milliseconds from Stata's epoch (1 January 1960) to the Unix epoch. */
const STATA_EPOCH_OFFSET_MS = 315_619_200_000;
const NAME_BYTES = 129;
const FORMAT_BYTES = 57;
const LABEL_BYTES = 321;
const DATA_LABEL_BYTES = 320;

const rowBytes = (variables: StatisticalVariable[]) =>
  variables.reduce((n, v) => n + (v.kind === "string" ? v.width : 8), 0);

function displayFormat(v: StatisticalVariable) {
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

/** Everything before the rows, and everything after them, with the offsets of the map filled in. */
function frame(dataset: StatisticalDataset, observations: number, dataLabel: string, now: Date) {
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
  for (const v of variables) sections.uint16(v.kind === "string" ? v.width : DOUBLE);
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
  const tail = new BinaryWriter();
  tail.text("</data>");
  offsets.push(dataEnd + tail.length);
  tail.text("<strls></strls>");
  offsets.push(dataEnd + tail.length);
  tail.text("<value_labels>").bytes(valueLabelTables(variables)).text("</value_labels>");
  offsets.push(dataEnd + tail.length);
  tail.text("</stata_dta>");
  offsets.push(dataEnd + tail.length);

  const map = new BinaryWriter();
  map.text("<map>");
  for (const o of offsets) map.uint64(o);
  map.text("</map>");
  const start = new BinaryWriter();
  start.bytes(head.toBytes()).bytes(map.toBytes()).bytes(sections.toBytes());
  return { start: start.toBytes(), end: tail.toBytes() };
}

function row(w: BinaryWriter, variables: StatisticalVariable[], record: ExportRecord) {
  for (const v of variables) {
    const value = v.value(record);
    if (v.kind === "string") w.bytes(utf8Prefix(typeof value === "string" ? value : "", v.width), v.width);
    else if (value instanceof Date) w.float64(value.getTime() + STATA_EPOCH_OFFSET_MS);
    else w.float64(typeof value === "number" && Number.isFinite(value) ? value : MISSING);
  }
}

export function writeDta(options: {
  dataset: StatisticalDataset;
  batches: AsyncIterator<ExportRecord[]>;
  /** The number of observations the batches hold (counted beforehand; the header states it). */
  observations: number;
  dataLabel: string;
  now?: Date;
}): ReadableStream<Uint8Array> {
  const { dataset, batches, observations, dataLabel, now = new Date() } = options;
  const { start, end } = frame(dataset, observations, dataLabel, now);
  let started = false;
  let written = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        return controller.enqueue(start);
      }
      const next = await batches.next();
      if (next.done) {
        if (written !== observations)
          return controller.error(new Error(`expected ${observations} observations, read ${written}`));
        controller.enqueue(end);
        return controller.close();
      }
      const w = new BinaryWriter();
      for (const record of next.value) row(w, dataset.variables, record);
      written += next.value.length;
      controller.enqueue(w.toBytes());
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}
