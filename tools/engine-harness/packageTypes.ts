/**
 * Loads this package's node and credential classes the way n8n finds them: from the `n8n`
 * section of package.json. The `dist/…js` paths are mapped back to the TypeScript sources so
 * tests run the code under edit, not a stale build.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials?: string[] };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageJson = require(join(PACKAGE_ROOT, 'package.json')) as PackageJson;

const PACKAGE_NAME = packageJson.name;

/** The type under which a real n8n registers a node of this package, e.g. `n8n-nodes-notion-admin.notionAdmin`. */
export function packageNodeType(name: string): string {
	return `${PACKAGE_NAME}.${name}`;
}

function sourceOf(distPath: string): string {
	return join(PACKAGE_ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

/** Instantiates the class named after the file (`X.node.ts` exports `X`), as n8n's loader does. */
function load<T>(distPath: string, suffix: string): T | undefined {
	const source = sourceOf(distPath);
	// Listed nodes that are not written yet are skipped; running one fails with "unknown node type".
	if (!existsSync(source)) return undefined;
	const className = basename(source, `${suffix}.ts`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = (require(source) as Record<string, new () => T>)[className];
	if (typeof exported !== 'function') {
		throw new Error(`${distPath}: expected an exported class named ${className}`);
	}
	return new exported();
}

export function packageNodes(): Array<INodeType | IVersionedNodeType> {
	return packageJson.n8n.nodes
		.map((path) => load<INodeType | IVersionedNodeType>(path, '.node'))
		.filter((node): node is INodeType | IVersionedNodeType => node !== undefined);
}

export function packageCredentialTypes(): ICredentialType[] {
	return (packageJson.n8n.credentials ?? [])
		.map((path) => load<ICredentialType>(path, '.credentials'))
		.filter((type): type is ICredentialType => type !== undefined);
}
