/**
 * Table shapes, read by the CDK stateful stack and by the local runtime's CreateTable, so both clouds
 * hold the same keys and indexes. Access patterns: see README "Data model".
 */
import type { TableName } from './manifest.ts';

export interface IndexDef {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export interface TableDef {
  /** Environment variable through which functions learn the physical table name. */
  envVar: string;
  partitionKey: string;
  sortKey: string;
  indexes: IndexDef[];
  /** NEW_AND_OLD_IMAGES stream for consumers such as the audit trail. */
  stream: boolean;
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes such items (idempotency markers) after it. */
  ttlAttribute?: string;
}

export const tableDefs: Record<TableName, TableDef> = {
  main: {
    envVar: 'MAIN_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    stream: true,
    ttlAttribute: 'expiresAt',
  },
  // Append-only: written only by the stream consumer, never updated or deleted (IAM grants no such action).
  audit: {
    envVar: 'AUDIT_TABLE',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    stream: false,
  },
};
