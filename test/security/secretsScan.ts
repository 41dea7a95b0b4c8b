/**
 * Looks for the registered tokens in everything the test run recorded (records.ts), in every
 * form a token takes when a server echoes it and the echo is passed on: as is, JSON-escaped
 * (a record is a JSON line, so a token with a quote shows as `\"`), URL- or form-encoded,
 * HTML- or \u-escaped. A finding names the run, the test and the form, never the token.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { RUNS_PREFIX, SECRETS_PREFIX } from '../../tools/engine-harness/records';

export interface ScanResult {
	runs: number;
	secrets: number;
	leaks: string[];
}

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * The forms of `token` to look for, by name. Written independently of the code under test's
 * redaction, so that a gap there is not mirrored here.
 */
export function encodedForms(token: string): Record<string, string> {
	const base: Record<string, string> = {
		'as is': token,
		'URL-encoded': encodeURIComponent(token),
		'form-encoded': encodeURIComponent(token).replace(/%20/g, '+'),
		'HTML-escaped': token.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`),
		// Every UTF-16 unit as \uXXXX, as JSON writes it (a surrogate pair beyond the BMP).
		'\\u-escaped': Array.from({ length: token.length }, (_, index) => `\\u${token.charCodeAt(index).toString(16).padStart(4, '0')}`).join(''),
	};
	const forms: Record<string, string> = {};
	for (const [name, form] of Object.entries(base)) {
		forms[name] = form;
		// As it reads inside a JSON string, once and twice (a body quoted inside a body).
		if (jsonEscaped(form) !== form) forms[`${name}, JSON-escaped`] = jsonEscaped(form);
		if (jsonEscaped(jsonEscaped(form)) !== jsonEscaped(form)) forms[`${name}, JSON-escaped twice`] = jsonEscaped(jsonEscaped(form));
	}
	return forms;
}

export function scanRecords(dir: string): ScanResult {
	const files = readdirSync(dir);
	const secrets = new Set<string>();
	for (const file of files.filter((name) => name.startsWith(SECRETS_PREFIX))) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line !== '') secrets.add(JSON.parse(line) as string);
	}
	const forms = [...secrets].map((secret) => Object.entries(encodedForms(secret)));
	const result: ScanResult = { runs: 0, secrets: secrets.size, leaks: [] };
	for (const file of files.filter((name) => name.startsWith(RUNS_PREFIX))) {
		for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
			if (line === '') continue;
			result.runs += 1;
			const found = forms
				.map((secretForms) => secretForms.find(([, form]) => line.includes(form))?.[0])
				.filter((name): name is string => name !== undefined);
			if (found.length === 0) continue;
			const { label, test } = JSON.parse(line) as { label: string; test?: string };
			result.leaks.push(`${found.length} token(s) (${found.join(', ')}) in a ${label} run of "${test ?? 'unknown test'}"`);
		}
	}
	return result;
}
