/**
 * Starts the emulator in a child process (emulatorChild.ts) and talks to it over loopback HTTP:
 * the API as any client does, its control API (/_emulator) for the request log and the state.
 * A listing's wall time then holds the client's CPU and the round trips, as against Notion.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { Emulator, EmulatorOptions, LogEntry, WorkspaceSnapshot } from '../tools/notion-emulator/types';

export interface EmulatorProcess {
	url: string;
	tokens: Emulator['tokens'];
	requestLog(): Promise<LogEntry[]>;
	resetLog(): Promise<void>;
	state(): Promise<WorkspaceSnapshot>;
	stop(): Promise<void>;
}

export function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
	// execArgv carries tsx's loader over to the child.
	const child = fork(join(__dirname, 'emulatorChild.ts'), [], { execArgv: process.execArgv });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`the emulator process exited with code ${code} before it listened`)));
		child.once('message', (message) => {
			const { url, tokens } = message as Pick<EmulatorProcess, 'url' | 'tokens'>;
			const control = async (method: 'GET' | 'POST', path: string) => {
				const response = await fetch(`${url}/_emulator/${path}`, { method });
				if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status}`);
				return response.status === 204 ? undefined : ((await response.json()) as unknown);
			};
			resolve({
				url,
				tokens,
				requestLog: async () => ((await control('GET', 'requests')) as { log: LogEntry[] }).log,
				resetLog: async () => void (await control('POST', 'reset-log')),
				state: async () => (await control('GET', 'state')) as WorkspaceSnapshot,
				stop: async () => {
					child.disconnect();
					await exited;
				},
			});
		});
		child.send(options);
	});
}
