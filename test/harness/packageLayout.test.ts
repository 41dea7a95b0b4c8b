/**
 * What n8n needs to find in the built package: every node and credential listed in
 * package.json, and every icon they reference next to them. tsc keeps the source layout in
 * dist/ and gulp copies icons/ and nodes/ SVGs to the same relative places, so an icon that
 * resolves from the source file resolves from the built one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { PACKAGE_ROOT, packageCredentialTypes, packageNodes } from '../../tools/engine-harness/packageTypes';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { n8n } = require(join(PACKAGE_ROOT, 'package.json')) as {
	n8n: { nodes: string[]; credentials: string[] };
};

const COPIED_BY_GULP = /^(icons\/.+\.svg|nodes\/.+\.(svg|png))$/;

function nodeFiles(dir: string): string[] {
	return readdirSync(join(PACKAGE_ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? nodeFiles(join(dir, entry.name))
			: entry.name.endsWith('.node.ts')
				? [join(dir, entry.name)]
				: [],
	);
}

function iconsOf(owner: INodeType | IVersionedNodeType | ICredentialType): {
	light: string;
	dark: string;
} {
	const icon = 'description' in owner ? owner.description.icon : owner.icon;
	expect(icon).toEqual({ light: expect.any(String), dark: expect.any(String) });
	return icon as { light: string; dark: string };
}

function expectIconShipped(sourceDir: string, ref: string): string {
	expect(ref.startsWith('file:')).toBe(true);
	const file = relative(PACKAGE_ROOT, join(PACKAGE_ROOT, sourceDir, ref.slice('file:'.length)));
	expect(file).toMatch(COPIED_BY_GULP);
	expect(existsSync(join(PACKAGE_ROOT, file))).toBe(true);
	return readFileSync(join(PACKAGE_ROOT, file), 'utf8');
}

test('package.json lists every node and credential as built files under dist/', () => {
	expect(n8n.nodes.sort()).toEqual(
		nodeFiles('nodes')
			.map((file) => `dist/${file.replace(/\.ts$/, '.js')}`)
			.sort(),
	);
	for (const path of [...n8n.nodes, ...n8n.credentials]) {
		expect(path).toMatch(/^dist\/.+\.js$/);
		expect(
			existsSync(join(PACKAGE_ROOT, path.replace(/^dist\//, '').replace(/\.js$/, '.ts'))),
		).toBe(true);
	}
	expect(packageNodes()).toHaveLength(n8n.nodes.length);
	expect(packageCredentialTypes()).toHaveLength(n8n.credentials.length);
});

test('node icons are themed SVGs that ship next to the built node', () => {
	const sources = n8n.nodes.map((path) => dirname(path.replace(/^dist\//, '')));
	packageNodes().forEach((node, index) => {
		const { light, dark } = iconsOf(node);
		expect(expectIconShipped(sources[index], light)).not.toBe(
			expectIconShipped(sources[index], dark),
		);
	});
});

test('credential icons are themed SVGs that ship next to the built credential', () => {
	for (const type of packageCredentialTypes()) {
		const { light, dark } = iconsOf(type);
		expect(expectIconShipped('credentials', light)).not.toBe(
			expectIconShipped('credentials', dark),
		);
	}
});
