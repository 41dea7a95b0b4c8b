/** Calling a published example's webhook in the real n8n. */
import { waitFor } from '../../scripts/n8n/runtime';
import type { Workflow } from '../../scripts/n8n/setup';
import { expect } from './checks';

/** POSTs to a published example's webhook; retried while n8n still answers 404 (registration lags publishing). */
export async function postWebhook(baseUrl: string, workflow: Workflow, body: unknown): Promise<unknown> {
	const hook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const url = `${baseUrl}/webhook/${String(hook?.parameters.path)}`;
	const response = await waitFor(
		`the webhook ${url}`,
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return answer.status === 404 ? undefined : answer;
		},
		30_000,
	);
	const text = await response.text();
	expect(response.ok, `POST ${url} → ${response.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text);
}
