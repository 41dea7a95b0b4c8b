/** Every Admin API route the emulator serves (one file each under routes/admin*.ts). */
import { enqueueExport, enqueueExportOlder } from '../routes/adminExportEnqueue';
import { exportStatus, exportStatusOlder } from '../routes/adminExportStatus';
import { createLegalHold } from '../routes/adminLegalHoldCreate';
import { getLegalHold } from '../routes/adminLegalHoldGet';
import { listLegalHolds } from '../routes/adminLegalHoldList';
import { releaseLegalHold } from '../routes/adminLegalHoldRelease';
import { addLegalHoldUsers } from '../routes/adminLegalHoldUserAdd';
import { removeLegalHoldUser } from '../routes/adminLegalHoldUserRemove';
import { listLegalHoldUsers } from '../routes/adminLegalHoldUsers';
import { addGroupMember } from '../routes/adminGroupMemberAdd';
import { createGroup } from '../routes/adminGroupCreate';
import { deleteGroup } from '../routes/adminGroupDelete';
import { getGroup } from '../routes/adminGroupGet';
import { listGroups } from '../routes/adminGroupList';
import { listGroupMembers } from '../routes/adminGroupMembers';
import { updateGroupMember } from '../routes/adminGroupMemberUpdate';
import { removeGroupMember } from '../routes/adminGroupMemberRemove';
import { updateGroup } from '../routes/adminGroupUpdate';
import { updateMcpManagedAccess } from '../routes/adminMcpAccess';
import { listMcpConnections } from '../routes/adminMcpList';
import { revokeMcpConnection } from '../routes/adminMcpRevoke';
import { listPats } from '../routes/adminPatList';
import { revokePat } from '../routes/adminPatRevoke';
import { revokeSession } from '../routes/adminRevokeSession';
import { listSpaces } from '../routes/adminSpaces';
import { listUsers } from '../routes/adminUsers';
import { createUserActivityReport } from '../routes/adminAnalyticsCreate';
import { getUserActivityReport } from '../routes/adminAnalyticsGet';
import { listAnalyticsReports } from '../routes/adminAnalyticsList';
import { listCreditUsage } from '../routes/adminCreditUsage';
import { listCreditUsagePeriods } from '../routes/adminCreditUsagePeriods';
import type { AdminEndpoint } from './endpoint';

export const ADMIN_ENDPOINTS: readonly AdminEndpoint[] = [
	listSpaces,
	listUsers,
	revokeSession,
	listPats,
	revokePat,
	listMcpConnections,
	revokeMcpConnection,
	updateMcpManagedAccess,
	listGroups,
	createGroup,
	getGroup,
	updateGroup,
	deleteGroup,
	listGroupMembers,
	addGroupMember,
	updateGroupMember,
	removeGroupMember,
	enqueueExport,
	exportStatus,
	enqueueExportOlder,
	exportStatusOlder,
	listLegalHolds,
	createLegalHold,
	getLegalHold,
	listLegalHoldUsers,
	addLegalHoldUsers,
	removeLegalHoldUser,
	releaseLegalHold,
	listCreditUsage,
	listCreditUsagePeriods,
	createUserActivityReport,
	getUserActivityReport,
	listAnalyticsReports,
];
