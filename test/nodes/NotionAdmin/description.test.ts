/**
 * The node description the editor sees, held as JSON: a restructuring of the operation modules
 * must leave every parameter name, default, display rule and option order as it was. An
 * operation added later is taken out before the comparison and checked on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { NotionAdmin } from '../../../nodes/NotionAdmin/NotionAdmin.node';

/** Taken from the description before the operation modules were restructured. */
const FIXTURE = join(__dirname, 'fixtures', 'description.json');

/** Operations added after the fixture was taken: resource → operation values. */
const ADDED: Record<string, string[]> = { user: ['getGroups'] };

function shownFor(property: INodeProperties): { resource?: unknown; operation?: unknown } {
	return (property.displayOptions?.show ?? {}) as { resource?: unknown; operation?: unknown };
}

/** The description without the added operations: their option and the fields only they show. */
function withoutAdded(properties: INodeProperties[]): INodeProperties[] {
	const plain = JSON.parse(JSON.stringify(properties)) as INodeProperties[];
	return plain
		.filter((property) => {
			const { resource, operation } = shownFor(property);
			if (!Array.isArray(resource) || !Array.isArray(operation) || resource.length !== 1) return true;
			const added = ADDED[String(resource[0])] ?? [];
			return !operation.every((value) => added.includes(String(value)));
		})
		.map((property) => {
			const { resource } = shownFor(property);
			if (property.name !== 'operation' || !Array.isArray(resource)) return property;
			const added = ADDED[String(resource[0])] ?? [];
			const options = (property.options ?? []).filter(
				(option) => !('value' in option) || !added.includes(String(option.value)),
			);
			return { ...property, options } as INodeProperties;
		});
}

describe('Notion Admin description', () => {
	it('is the one the editor saw before (added operations aside)', () => {
		const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as unknown;
		expect(withoutAdded(new NotionAdmin().description.properties)).toEqual(expected);
	});

	it('shows the fields of User → Get Groups for that operation only, Limit only without Return All', () => {
		const fields = new NotionAdmin().description.properties.filter((property) => {
			const { operation } = shownFor(property);
			return Array.isArray(operation) && operation.includes('getGroups');
		});
		expect(fields.map((field) => [field.name, field.displayOptions?.show])).toEqual([
			['user', { resource: ['user'], operation: ['getGroups'] }],
			['returnAll', { resource: ['user'], operation: ['getGroups'] }],
			['limit', { resource: ['user'], operation: ['getGroups'], returnAll: [false] }],
			['options', { resource: ['user'], operation: ['getGroups'] }],
		]);
	});
});
