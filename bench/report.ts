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
		'previous 3 req/s: wall s (ratio)',
		'naive: wall s (ratio)',
		'load 1 min (start → end)',
	];
	const rows = results.map((r) => [
		r.case,
		r.floorRequests === null ? String(r.requests || '–') : `${r.requests} (${r.floorRequests})`,
		r.floorRequests === null ? '–' : `${r.met429}/${r.unhandled429}`,
		`${seconds(r.wallMs)}${r.floorMs === null ? '' : ` (${seconds(r.floorMs)})`}`,
		r.ratio === null ? '–' : r.ratio.toFixed(2),
		otherCells(r.previous),
		otherCells(r.naive),
		r.loadAverage ? `${r.loadAverage.start[0].toFixed(1)} → ${r.loadAverage.end[0].toFixed(1)}` : '–',
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
		`Emulator: Notion's documented limits (fixed 60-s windows: ${options.budgetPerMinute} requests per connection on Business/Enterprise, 180 on other plans), ${options.latencyMs} ms latency per answer. Connector: Automatic budget (starts at ${options.budgetPerMinute}/min), ${options.inFlight} requests in flight per connection.`,
		`Floor = (ceil(R/B) − 1) × 60 s + ceil(r/C) × L, r = R − (ceil(R/B) − 1) × B (R requests, B budget per window, L latency, C = ${options.inFlight} in flight); cursor paging (API fallback) is sequential: C = 1, so R × L within a window.`,
		`R is what an exact, complete listing needs. SCIM index paging ends only at a page that is not full (a total may be short, and a member missing from a listing is reported as removed): N members take floor(N/100) + 1 requests, the page past a full last page included (1,000 members: 11). Cursor paging's last page says it is the last: ceil(N/100).`,
		`SCIM listings read page 1 first (its total says how many pages follow; a guessed total sends its pages along), then the rest C at a time: 1 + ceil((R − 1)/C) round trips, the floor's ceil(R/C) whenever R − 1 is a multiple of C (every SCIM size of the full run); on Automatic the request after the 180th goes alone (the budget's probe), one round trip more past 180 requests.`,
		`Group add: the floor counts PATCH requests (ceil(K/100)); the node also reads the group once and sends its PATCHes one after the other.`,
		`Previous: the same connector with the previous release's pacing (3 requests a second, bursts of 3). Naive client: sequential paging (one PATCH per item for group adds), no pacing, retries a 429 after its Retry-After only.`,
		`Machine: ${m.cpu}, ${m.nproc} CPUs, ${m.platform}, Node ${m.node}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
	);
	return lines.join('\n');
}

function otherCells(n: ClientFigures | undefined): string {
	if (!n) return '–';
	const trouble = n.met429 > 0 || n.failures > 0 ? `, ${n.met429} 429${n.failures ? `, ${n.failures} failed` : ''}` : '';
	return `${seconds(n.wallMs)} (${n.ratio === null ? '–' : n.ratio.toFixed(2)}${trouble})`;
}

function seconds(ms: number): string {
	return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

function table(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
