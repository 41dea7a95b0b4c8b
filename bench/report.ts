/** The printed table and the JSON file. */
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import type { BenchOptions } from './options';
import type { CaseResult, ClientFigures } from './result';

export function machine(): Record<string, string | number> {
	return {
		node: process.version,
		cpu: cpus()[0]?.model ?? 'unknown',
		nproc: cpus().length,
		platform: `${platform()} ${arch()}`,
	};
}

export function writeResults(file: string, results: CaseResult[]): void {
	writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
}

export function renderReport(results: CaseResult[], options: BenchOptions): string {
	const header = [
		'case',
		'requests (floor)',
		'429 met/unhandled',
		'wall s (floor s)',
		'ratio',
		'naive requests',
		'naive 429',
		'naive wall s',
		'naive ratio',
	];
	const rows = results.map((r) => [
		r.case,
		r.floorRequests === null ? String(r.requests || '–') : `${r.requests} (${r.floorRequests})`,
		r.floorRequests === null ? '–' : `${r.met429}/${r.unhandled429}`,
		`${seconds(r.wallMs)}${r.floorMs === null ? '' : ` (${seconds(r.floorMs)})`}`,
		r.ratio === null ? '–' : r.ratio.toFixed(2),
		...naiveCells(r.naive),
	]);
	const lines = [table(header, rows), ''];
	const extras = results.filter((r) => r.cpuMs !== undefined || r.msPerItem !== undefined || r.details);
	for (const r of extras) {
		const parts: string[] = [];
		if (r.cpuMs !== undefined) parts.push(`CPU ${r.cpuMs} ms`);
		if (r.peakRssMb !== undefined) parts.push(`peak RSS ${r.peakRssMb} MB`);
		if (r.stateBytesPerMember !== undefined) parts.push(`state ${r.stateBytesPerMember} B/member`);
		if (r.msPerItem !== undefined) parts.push(`${r.msPerItem} ms/item`);
		for (const [key, value] of Object.entries(r.details ?? {})) parts.push(`${key} ${value}`);
		lines.push(`${r.case}: ${parts.join(', ')}`);
	}
	lines.push('', 'Targets:');
	for (const r of results) {
		for (const t of r.targets) {
			lines.push(`  ${t.pass ? 'PASS' : 'GAP '}  ${r.case}: ${t.target} (measured ${t.actual})`);
		}
	}
	const m = machine();
	lines.push(
		'',
		`Emulator: ${options.latencyMs} ms latency, limiter ${options.requestsPerSecond} req/s average with bursts of ${options.burst}; connector paced at ${options.requestsPerSecond} req/s.`,
		`Floor = ceil(N/100) requests at ${options.requestsPerSecond} req/s. A ratio below 1.00 is possible: the limiter (like Notion's) lets a burst of ${options.burst} requests through at once, and the floor assumes a steady rate from the first request.`,
		`Group add: the floor counts PATCH requests (ceil(K/100)); the node also reads the group once.`,
		`Naive client: sequential paging (one PATCH per item for group adds), no pacing, retries a 429 after its Retry-After only.`,
		`Machine: ${m.cpu}, ${m.nproc} CPUs, ${m.platform}, Node ${m.node}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
	);
	return lines.join('\n');
}

function naiveCells(n: ClientFigures | undefined): string[] {
	if (!n) return ['–', '–', '–', '–'];
	return [
		String(n.requests),
		`${n.met429}/${n.unhandled429}`,
		seconds(n.wallMs),
		n.ratio === null ? '–' : n.ratio.toFixed(2),
	];
}

function seconds(ms: number): string {
	return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
