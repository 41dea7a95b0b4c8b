/** One line per phase on stderr, so stdout carries only the table. */
const started = Date.now();

export function progress(message: string): void {
	const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
	process.stderr.write(`[bench ${elapsed}s] ${message}\n`);
}
