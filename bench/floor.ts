/**
 * The physical floor that Notion's limits set: 100 records per page and about 3 requests per
 * second on average. Bursts let a short run beat the steady-rate floor (ratio < 1).
 */
export const PAGE_SIZE = 100;

export function floorRequests(records: number): number {
	return Math.ceil(records / PAGE_SIZE);
}

export function floorMs(requests: number, requestsPerSecond: number): number {
	return (requests / requestsPerSecond) * 1000;
}
