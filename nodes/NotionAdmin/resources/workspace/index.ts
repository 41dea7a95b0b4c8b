import { defineResource } from '../../../common/operationKit/defineResource';
import { getLicenseSummary } from './getLicenseSummary';

export const workspace = defineResource(
	{ name: 'Workspace', value: 'workspace' },
	[getLicenseSummary],
	'getLicenseSummary',
);
