/** The user and group pickers, called through n8n-core's real LoadOptionsContext. */
import { LoadOptionsContext } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NotionAdmin } from '../../../nodes/NotionAdmin/NotionAdmin.node';
import { emulatorCredentials, packageNodeType } from '../../../tools/engine-harness';
import { HarnessCredentialsHelper } from '../../../tools/engine-harness/credentialsHelper';
import { HarnessNodeTypes } from '../../../tools/engine-harness/nodeTypes';
import { completeNodes } from '../../../tools/engine-harness/workflowNodes';
import { ids, useWorkspace } from './support';

const emulator = useWorkspace();

function pickerContext(options: { scim: boolean }) {
	const credentials = emulatorCredentials(emulator(), {
		scim: options.scim,
		requestsPerSecond: 1000,
	});
	const nodeTypes = new HarnessNodeTypes();
	const credentialsHelper = new HarnessCredentialsHelper(credentials);
	const [node] = completeNodes(
		[
			{
				name: 'Notion Admin',
				type: packageNodeType('notionAdmin'),
				parameters: { resource: 'user', operation: 'get' },
			},
		],
		nodeTypes,
		credentials,
		credentialsHelper,
	);
	const workflow = new Workflow({
		id: 'pickers',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.user');
}

const { searchUsers, searchGroups } = new NotionAdmin().methods.listSearch;

describe('pickers', () => {
	it('lists active people, narrowed by what the user types', async () => {
		const all = await searchUsers.call(pickerContext({ scim: true }));
		expect(all.results.map((r) => r.value).sort()).toEqual(
			[ids.ada, ids.alan, ids.grace, ids.katherine].sort(),
		);

		const typed = await searchUsers.call(pickerContext({ scim: true }), 'HOPPER');
		expect(typed.results).toEqual([{ name: 'Grace Hopper (grace@acme.test)', value: ids.grace }]);
	});

	it('lists people without SCIM too, leaving the bots out', async () => {
		const all = await searchUsers.call(pickerContext({ scim: false }));
		expect(all.results.map((r) => r.value)).not.toContain(ids.bot);
		expect(all.results).toHaveLength(4);
	});

	it('lists groups, narrowed by name', async () => {
		const typed = await searchGroups.call(pickerContext({ scim: true }), 'eng');
		expect(typed.results).toEqual([{ name: 'Engineering', value: ids.engineering }]);
	});
});
