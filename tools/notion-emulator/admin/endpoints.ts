/** Every Admin API route the emulator serves (one file each under routes/admin*.ts). */
import { listSpaces } from '../routes/adminSpaces';
import { listUsers } from '../routes/adminUsers';
import type { AdminEndpoint } from './endpoint';

export const ADMIN_ENDPOINTS: readonly AdminEndpoint[] = [listSpaces, listUsers];
