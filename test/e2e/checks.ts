/** Named checks that print as they pass or fail; the runner ends with `e2e: N passed, M failed`. */
import { isDeepStrictEqual } from 'node:util';

export class CheckFailed extends Error {}

export class Checks {
	passed = 0;

	failed = 0;

	/** Runs one check; a failure is recorded and printed, and the run goes on. */
	async check(name: string, body: () => void | Promise<void>): Promise<boolean> {
		try {
			await body();
			this.passed++;
			console.log(`  ✓ ${name}`);
			return true;
		} catch (error) {
			this.failed++;
			console.log(`  ✗ ${name}\n      ${(error as Error).message.split('\n').join('\n      ')}`);
			return false;
		}
	}

	summary(): string {
		return `e2e: ${this.passed} passed, ${this.failed} failed`;
	}
}

export function expect(condition: unknown, message: string): asserts condition {
	if (!condition) throw new CheckFailed(message);
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
	if (!isDeepStrictEqual(actual, expected)) {
		throw new CheckFailed(
			`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
		);
	}
}

export function expectOk(outcome: { ok: boolean; error?: string }): void {
	expect(outcome.ok, `the execution failed: ${outcome.error}`);
}
