import type { Icon } from 'n8n-workflow';

/** Notion's mark for both nodes; n8n resolves the paths from the node's own folder (`nodes/<Node>/`). */
export const NODE_ICON: Icon = { light: 'file:../../icons/notion.svg', dark: 'file:../../icons/notion.dark.svg' };
