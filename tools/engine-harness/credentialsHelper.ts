import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper } from 'n8n-workflow';

import { packageCredentialTypes } from './packageTypes';

/** Credential values by credential type, e.g. `{ notionAdminApi: { token, baseUrl } }`. */
export type TestCredentials = Record<string, ICredentialDataDecryptedObject>;

/** Resolves `=…` values as n8n resolves a credential's expressions: with `$credentials` set. */
export function credentialExpressionResolver(
	workflow: Workflow,
	node: INode,
	credentials: ICredentialDataDecryptedObject,
): (value: unknown) => unknown {
	return (value) =>
		typeof value === 'string' && value.startsWith('=')
			? workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				)
			: value;
}

/**
 * Stands in for n8n's credential store: hands out the test values (with the type's defaults
 * filled in, as n8n does) and applies the type's `authenticate`. n8n's own test helper only
 * runs function-style `authenticate`; this one also resolves `IAuthenticateGeneric`
 * expressions such as `=Bearer {{$credentials.token}}`, the way n8n's server does.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	constructor(private readonly values: TestCredentials) {
		super();
		for (const type of packageCredentialTypes()) this.types.set(type.name, type);
	}

	credentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}"`);
		return type;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const given = this.values[type];
		if (!given) throw new Error(`No test credentials of type "${type}"`);
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of this.credentialType(type).properties) {
			if (property.type === 'notice') continue;
			withDefaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
		return { ...withDefaults, ...given };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const { authenticate } = this.credentialType(typeName);
		if (authenticate === undefined) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		const resolve =
			workflow && node
				? credentialExpressionResolver(workflow, node, credentials)
				: (value: unknown) => value;
		const sections = authenticate.properties as Record<string, IDataObject | undefined>;
		const target = options as unknown as Record<string, IDataObject | undefined>;
		for (const section of ['headers', 'qs', 'body', 'auth']) {
			const entries = sections[section];
			if (!entries) continue;
			const resolved: IDataObject = {};
			for (const [key, value] of Object.entries(entries)) {
				resolved[key] = resolve(value) as IDataObject[string];
			}
			target[section] = { ...(target[section] ?? {}), ...resolved };
		}
		return options;
	}

	getParentTypes(name: string): string[] {
		return this.credentialType(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('The harness hands out decrypted credentials only');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialType(type).properties;
	}
}
