/**
 * Eight realistic mistakes that would make the sync trigger report a false removal, or a write or
 * an error tell something untrue or leak a token. known.ts applies each one alone to a copy of the
 * repository and checks that the test suites catch it. Each `find` must match exactly once: when
 * the code it targets changes, the script says so instead of testing nothing.
 */

export interface KnownMutation {
	id: number;
	/** What the mistake is, in the words of docs/reliability.md's table. */
	name: string;
	file: string;
	find: string;
	replace: string;
	/** Test files tried first (quicker than the whole suite); the whole suite runs when none fails. */
	focus: string[];
}

const TRIGGER = 'nodes/NotionUsersSyncTrigger';
const CONNECTOR = 'nodes/common/connector';
const TRIGGER_TESTS = 'test/nodes/NotionUsersSyncTrigger';

export const KNOWN_MUTATIONS: KnownMutation[] = [
	{
		id: 1,
		name: 'Trigger: skip confirmation on an inconsistent listing (take its claims as proven)',
		file: `${TRIGGER}/changes.ts`,
		find: [
			'\tif (!consistent || isCollapsed(members.size, trust.baselineSize)) await fresher();',
			'\tlet evidence = await gatherEvidence(directory, claims(), trust);',
		].join('\n'),
		replace: [
			'\tif (isCollapsed(members.size, trust.baselineSize)) await fresher();',
			'\tlet evidence = consistent',
			'\t\t? await gatherEvidence(directory, claims(), trust)',
			'\t\t: { gone: new Set(claims().missing), deactivated: new Set(claims().deactivated), present: [], unresolved: new Set<string>(), contradicted: false, outOfTime: false };',
		].join('\n'),
		focus: [`${TRIGGER_TESTS}/wrongAnswers.test.ts`, `${TRIGGER_TESTS}/confirm.test.ts`],
	},
	{
		id: 2,
		name: 'Trigger: take a listing cut at its deadline as complete',
		file: `${TRIGGER}/listing.ts`,
		find: '\tif (listing.complete) {',
		replace: '\tif (listing.complete || listing.pages > 0) {',
		focus: [`${TRIGGER_TESTS}/faults.test.ts`, `${TRIGGER_TESTS}/acrossPolls.test.ts`],
	},
	{
		id: 3,
		name: 'Connector: let a failed page end a listing (taken as an empty last page)',
		file: `${CONNECTOR}/scim/listResources.ts`,
		find: ['\t\t\tif (isDeadlineStop(error, stop)) return undefined;', '\t\t\tthrow error;'].join('\n'),
		replace: ['\t\t\tif (isDeadlineStop(error, stop)) return undefined;', '\t\t\treturn { total: undefined, resources: [] };'].join('\n'),
		focus: ['test/connector/listing.test.ts', 'test/connector/resumableListing.test.ts', `${TRIGGER_TESTS}/faults.test.ts`],
	},
	{
		id: 4,
		name: 'Connector: resend non-idempotent requests blindly',
		file: `${CONNECTOR}/http/retryPolicy.ts`,
		find: "\treturn idempotent ? 'retry' : 'ambiguous';",
		replace: "\treturn 'retry';",
		focus: ['test/connector/retryPolicy.test.ts', 'test/connector/lostAnswers.test.ts'],
	},
	{
		id: 5,
		name: 'Connector: take a malformed 200 list page as empty',
		file: `${CONNECTOR}/scim/listResources.ts`,
		find: '{ ...pageCall(startIndex, pageSize), deadline, accepts: isListResponse }',
		replace: '{ ...pageCall(startIndex, pageSize), deadline }',
		focus: ['test/connector/malformedListPage.test.ts', 'test/connector/serverAnswers.test.ts', `${TRIGGER_TESTS}/wrongAnswers.test.ts`],
	},
	{
		id: 6,
		name: 'Connector: escape only quotes in SCIM filters',
		file: `${CONNECTOR}/scim/filter.ts`,
		find: '${JSON.stringify(value)}',
		replace: '"${value.replace(/"/g, \'\\\\"\')}"',
		focus: ['test/connector/filter.test.ts', 'test/security/filterInjection.test.ts'],
	},
	{
		id: 7,
		name: 'Connector: skip redaction of error bodies (the tokens sent, echoed in a 4xx/5xx body)',
		file: `${CONNECTOR}/transport.ts`,
		find: 'body: redact(response.body) }',
		replace: 'body: response.status >= 400 ? response.body : redact(response.body) }',
		focus: ['test/security/echoedTokens.test.ts', 'test/security/secrets.test.ts'],
	},
	{
		id: 8,
		name: 'Connector (n8n transport): follow redirects',
		file: 'nodes/common/n8n/n8nTransport.ts',
		find: 'disableFollowRedirect: true,',
		replace: 'disableFollowRedirect: false,',
		focus: ['test/security/credentials.test.ts'],
	},
];
