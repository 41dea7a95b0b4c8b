/** The demo's way to run one node of the package through n8n-core's engine, and to print. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Emulator } from '../tools/notion-emulator/types';
import {
	emulatorCredentials,
	organizationCredentials,
	packageNodeType,
	runNode,
	type WorkflowRun,
} from '../tools/engine-harness';

const ADMIN = packageNodeType('notionAdmin');
const ORGANIZATION = packageNodeType('notionOrganization');

export const print = (line = '') => process.stdout.write(`${line}\n`);
export const heading = (text: string) => print(`\n▸ ${text}`);

export function itemsOf(run: WorkflowRun & { items: INodeExecutionData[] }): IDataObject[] {
	if (run.status !== 'success') {
		throw new Error(`${run.error?.message ?? 'the run failed'} — ${run.error?.description ?? ''}`);
	}
	return run.items.map((item) => item.json);
}

/** Notion Admin with continue-on-fail: a failed item carries its `error`. */
export async function admin(
	emulator: Emulator,
	parameters: IDataObject,
	options: { scim?: boolean; items?: IDataObject[] } = {},
) {
	return await runNode({
		type: ADMIN,
		parameters: parameters as never,
		items: options.items,
		credentials: emulatorCredentials(emulator, { scim: options.scim ?? true }),
		node: { onError: 'continueRegularOutput' },
	});
}

export async function organization(emulator: Emulator, parameters: IDataObject): Promise<IDataObject[]> {
	return itemsOf(
		await runNode({
			type: ORGANIZATION,
			parameters: parameters as never,
			credentials: organizationCredentials(emulator),
		}),
	);
}
