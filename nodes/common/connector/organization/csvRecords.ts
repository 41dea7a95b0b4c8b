/**
 * An RFC 4180 CSV reader over text that arrives in pieces: the first record is the header, each
 * further record is yielded as soon as its last field is read, keyed by the header's names, with
 * the line it starts on. Quoted fields may hold commas, doubled quotes and line breaks; CR LF and
 * LF both end a record; blank lines carry no record.
 *
 * Hand-written rather than csv-parse or papaparse (well-kept, both on npm): n8n's community-node
 * rules (no-runtime-dependencies, no-restricted-imports, kept on in eslint.config.mjs) refuse a
 * runtime dependency in node code, and this reader is small.
 *
 * Anything that is not well-formed CSV (a quote inside an unquoted field, text after a closing
 * quote, a quoted field never closed, a record with more or fewer fields than the header) is an
 * error naming the line, never a record skipped or guessed.
 */
import { NotionAdminError } from '../errors';

export interface NumberedRecord<T> {
	/** The line of the file the record starts on (1 = the first line). */
	line: number;
	record: T;
}

const SPECIAL = /[",\r\n]/g;

export function malformed(line: number, what: string): NotionAdminError {
	return new NotionAdminError('bad_response', `Line ${line} of the report file ${what}`, 'Read the report again and download it anew; if it stays so, tell Notion', {
		api: 'organization',
	});
}

export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<NumberedRecord<Record<string, string>>> {
	let header: string[] | undefined;
	let fields: string[] = [];
	let field = '';
	/** Inside a quoted field; `closed`: its closing quote was just read (or a doubled one begins). */
	let quoted = false;
	let closed = false;
	/** The field began with a quote (so it is not empty even when its text is). */
	let wasQuoted = false;
	let line = 1;
	let recordLine = 1;
	let first = true;

	const endRecord = (): NumberedRecord<Record<string, string>> | undefined => {
		fields.push(field);
		const values = fields;
		const blank = values.length === 1 && values[0] === '' && !wasQuoted;
		fields = [];
		field = '';
		wasQuoted = false;
		const at = recordLine;
		recordLine = line;
		if (blank) return undefined;
		if (header === undefined) {
			if (values.some((name) => name.trim() === '')) throw malformed(at, 'is a header with an empty column name');
			header = values.map((name) => name.trim());
			return undefined;
		}
		if (values.length !== header.length) throw malformed(at, `has ${values.length} fields where the header has ${header.length}`);
		const record: Record<string, string> = {};
		header.forEach((name, index) => (record[name] = values[index]));
		return { line: at, record };
	};

	for await (let chunk of text) {
		if (first) {
			first = false;
			if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
		}
		let at = 0;
		while (at < chunk.length) {
			if (quoted) {
				const end = chunk.indexOf('"', at);
				const upTo = end === -1 ? chunk.length : end;
				const part = chunk.slice(at, upTo);
				for (let index = part.indexOf('\n'); index !== -1; index = part.indexOf('\n', index + 1)) line += 1;
				field += part;
				if (end === -1) break;
				quoted = false;
				closed = true;
				at = end + 1;
				continue;
			}
			const c = chunk[at];
			if (closed) {
				closed = false;
				if (c === '"') {
					// A doubled quote inside the quoted field stands for one quote.
					field += '"';
					quoted = true;
					at += 1;
					continue;
				}
				if (c !== ',' && c !== '\n' && c !== '\r') throw malformed(line, 'has text after the closing quote of a field');
			}
			if (c === '"') {
				if (field !== '' || wasQuoted) throw malformed(line, 'has a quote inside a field that is not quoted');
				quoted = true;
				wasQuoted = true;
				at += 1;
				continue;
			}
			if (c === ',') {
				fields.push(field);
				field = '';
				wasQuoted = false;
				at += 1;
				continue;
			}
			if (c === '\r') {
				// Only as part of CR LF: outside quotes a lone CR ends nothing and is dropped.
				at += 1;
				continue;
			}
			if (c === '\n') {
				line += 1;
				const record = endRecord();
				if (record !== undefined) yield record;
				at += 1;
				continue;
			}
			SPECIAL.lastIndex = at;
			const next = SPECIAL.exec(chunk);
			const upTo = next === null ? chunk.length : next.index;
			field += chunk.slice(at, upTo);
			at = upTo;
		}
	}
	if (quoted) throw malformed(recordLine, 'opens a quoted field that is never closed');
	if (fields.length > 0 || field !== '' || wasQuoted) {
		const record = endRecord();
		if (record !== undefined) yield record;
	}
	if (header === undefined) throw malformed(1, 'is missing: the file has no header row');
}
