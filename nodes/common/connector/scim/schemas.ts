/** SCIM URNs the connector sends and reads (RFC 7643/7644 and Notion's role extension). */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const NOTION_USER_EXTENSION = 'urn:ietf:params:scim:schemas:extension:notion:2.0:User';
