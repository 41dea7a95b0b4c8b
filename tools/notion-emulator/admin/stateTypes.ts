/** The records of the Admin API's second slice: admin-managed groups, export jobs, legal holds. */

export type GroupRole = 'owner' | 'member';

/** A permission group an admin made (SCIM-managed ones are the Workspace store's groups). */
export interface AdminGroupState {
	id: string;
	spaceId: string;
	name: string;
	/** Pages only this group has full access to: deleting it needs `transfer_to_owner_id`. */
	ownsPages: boolean;
	/** user id → role, in the order they joined. */
	members: Array<{ userId: string; role: GroupRole }>;
	createdTime: string;
}

export type ExportFormat = 'html' | 'markdown' | 'pdf';

export interface ExportJobState {
	id: string;
	taskId: string;
	spaceId: string;
	userId: string;
	format: ExportFormat;
	exportType: 'space' | 'teamspace';
	teamspaceIds: string[];
	status: 'in_progress' | 'completed' | 'failed';
	/** Status reads so far: the job finishes on the `adminExportReadsUntilDone`-th. */
	reads: number;
	createdAt: number;
	updatedAt: number;
	pagesExported: number;
	/** The secret path part of each download URL (the file host serves it until `urlExpiresAt`). */
	fileKeys: string[];
	urlExpiresAt?: number;
	errorType?: string;
	errorMessage?: string;
}

export type InteractionType = 'page.created' | 'page.edited' | 'page.viewed';

export interface LegalHoldState {
	id: string;
	name: string;
	description?: string;
	icon?: string;
	status: 'active' | 'released';
	createdBy: string;
	createdTime: number;
	startDate: number;
	endDate?: number;
	interactionTypes: InteractionType[];
	/** Held users, sorted by id. */
	userIds: string[];
}
