/**
 * What the editor sees of Notion Organization: the organization credential alone (never a
 * workspace credential), usable as a tool, the resources and operations in one file each, Return
 * All / Limit on every list; and the workspace picker, called through n8n-core's real
 * LoadOptionsContext against the emulator.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { INodeProperties, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NotionOrganization } from '../../../nodes/NotionOrganization/NotionOrganization.node';
import { organizationCredentials, packageNodeType } from '../../../tools/engine-harness';
import { HarnessCredentialsHelper } from '../../../tools/engine-harness/credentialsHelper';
import { HarnessNodeTypes } from '../../../tools/engine-harness/nodeTypes';
import { completeNodes } from '../../../tools/engine-harness/workflowNodes';
import type { Emulator } from '../../../tools/notion-emulator';
import { liveWorkspaces, startOrganization } from './support';

const { description } = new NotionOrganization();
const operationsOf = (resource: string) =>
	(description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === resource)?.options ?? []).map(
		(option) => ('value' in option ? option.value : undefined),
	);
const fieldsOf = (resource: string, operation: string): INodeProperties[] =>
	description.properties.filter(
		(p) => p.displayOptions?.show?.resource?.[0] === resource && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
	);

describe('Notion Organization description', () => {
	it('asks for the organization credential alone and is usable as a tool', () => {
		expect(description.credentials).toEqual([{ name: 'notionOrganizationApi', required: true }]);
		expect(description.usableAsTool).toBe(true);
		expect(description.description).toContain('Notion Admin manages one workspace');
	});

	it('offers the resources and operations of the Admin API slice', () => {
		expect(operationsOf('workspace')).toEqual(['getLicenseReport', 'getLicenseSummary', 'getAll']);
		expect(operationsOf('member')).toEqual(['findInEveryWorkspace', 'getAll']);
		expect(operationsOf('session')).toEqual(['revoke']);
		expect(operationsOf('personalAccessToken')).toEqual(['getAll', 'revoke']);
		expect(operationsOf('mcpConnection')).toEqual(['denyManagedAccess', 'getAll', 'restoreManagedAccess', 'revoke']);
	});

	it('has Return All and Limit on every list', () => {
		for (const resource of ['workspace', 'member', 'personalAccessToken', 'mcpConnection']) {
			const names = fieldsOf(resource, 'getAll').map((field) => field.name);
			expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
		}
	});
});

describe('workspace picker', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startOrganization();
	});
	afterEach(async () => {
		await emulator.stop();
	});

	function pickerContext() {
		const credentials = organizationCredentials(emulator);
		const nodeTypes = new HarnessNodeTypes();
		const credentialsHelper = new HarnessCredentialsHelper(credentials);
		const [node] = completeNodes(
			[{ name: 'Notion Organization', type: packageNodeType('notionOrganization'), parameters: { resource: 'member', operation: 'getAll' } }],
			nodeTypes,
			credentials,
			credentialsHelper,
		);
		const workflow = new Workflow({ id: 'pickers', nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = { credentialsHelper } as unknown as IWorkflowExecuteAdditionalData;
		return new LoadOptionsContext(workflow, node, additionalData, 'parameters.workspace');
	}

	it("lists the organization's workspaces, narrowed by what the user types", async () => {
		const { searchWorkspaces } = new NotionOrganization().methods.listSearch;
		const all = await searchWorkspaces.call(pickerContext());
		expect(all.results).toEqual(liveWorkspaces(emulator).map((workspace) => ({ name: workspace.name, value: workspace.id })));
		const typed = await searchWorkspaces.call(pickerContext(), 'LABS');
		expect(typed.results.map((result) => result.name)).toEqual(['Acme Labs']);
	});

	it('a token without workspace:read gets an error naming that scope', async () => {
		emulator.control.setBehaviours({ adminTokenScopes: ['user:read'] });
		const { searchWorkspaces } = new NotionOrganization().methods.listSearch;
		await expect(searchWorkspaces.call(pickerContext())).rejects.toThrow('"workspace:read"');
	});
});
