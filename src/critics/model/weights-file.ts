// The binary weights format: a JSON header, then typed-array sections at 4-byte-aligned offsets.

/** A typed-array section's element type. */
export type SectionType = 'f32' | 'i16' | 'i8';

interface SectionEntry {
  readonly name: string;
  readonly type: SectionType;
  readonly offset: number;
  readonly length: number;
}

export type Section = Float32Array | Int16Array | Int8Array;

const MAGIC = 'ELNW1';

function typeOf(array: Section): SectionType {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Int16Array) return 'i16';
  return 'i8';
}

const BYTES: Record<SectionType, number> = { f32: 4, i16: 2, i8: 1 };

/** Writes `header` and `sections` into one buffer: "ELNW1", header length (u32 LE), header JSON, aligned sections. */
export function encodeWeights(header: Record<string, unknown>, sections: Record<string, Section>): Buffer {
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    entries.push({ name, type: typeOf(array), offset, length: array.length });
    offset += Math.ceil(array.byteLength / 4) * 4;
  }
  const json = Buffer.from(JSON.stringify({ ...header, sections: entries }), 'utf8');
  const headerEnd = Math.ceil((MAGIC.length + 4 + json.length) / 4) * 4;
  const out = Buffer.alloc(headerEnd + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, MAGIC.length);
  json.copy(out, MAGIC.length + 4);
  for (const entry of entries) {
    const array = sections[entry.name]!;
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, headerEnd + entry.offset);
  }
  return out;
}

export interface DecodedWeights {
  readonly header: Record<string, unknown>;
  section(name: string): Section;
}

/** Reads a buffer written by `encodeWeights`; the sections are copies, aligned for typed-array access. */
export function decodeWeights(buffer: Uint8Array, what: string): DecodedWeights {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error(`${what}: not an Eleanor weights file (expected the "${MAGIC}" signature)`);
  }
  const length = bytes.readUInt32LE(MAGIC.length);
  const parsed = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)) as Record<
    string,
    unknown
  >;
  const headerEnd = Math.ceil((MAGIC.length + 4 + length) / 4) * 4;
  const entries = parsed['sections'] as SectionEntry[];
  return {
    header: parsed,
    section(name) {
      const entry = entries.find((e) => e.name === name);
      if (!entry) throw new Error(`${what}: no section '${name}'`);
      const start = headerEnd + entry.offset;
      const slice = bytes.buffer.slice(
        bytes.byteOffset + start,
        bytes.byteOffset + start + entry.length * BYTES[entry.type],
      );
      if (entry.type === 'f32') return new Float32Array(slice);
      if (entry.type === 'i16') return new Int16Array(slice);
      return new Int8Array(slice);
    },
  };
}
