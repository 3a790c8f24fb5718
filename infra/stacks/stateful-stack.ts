import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TableName } from '../manifest.ts';
import { tableDefs } from '../tables.ts';
import { pascalCase } from './helpers.ts';

export type Tables = Record<TableName, Table>;

/**
 * Data that outlives any deployment: the tables. Kept apart from the stateless stack so functions and the API
 * can be replaced, renamed or torn down without ever putting a table at risk.
 */
export class StatefulStack extends Stack {
  readonly tables: Tables;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const entries = (Object.keys(tableDefs) as TableName[]).map((name): [TableName, Table] => {
      const def = tableDefs[name];
      const table = new Table(this, `${pascalCase(name)}Table`, {
        partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
        sortKey: { name: def.sortKey, type: AttributeType.STRING },
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        removalPolicy: RemovalPolicy.RETAIN,
        // AWS managed key (aws/dynamodb): encrypted at rest with every use logged in CloudTrail, and no key policy
        // or cross-stack kms grants to maintain. A customer-managed key would only pay off for cross-account access
        // or crypto-shredding, neither of which this system needs.
        encryption: TableEncryption.AWS_MANAGED,
        ...(def.stream ? { stream: StreamViewType.NEW_AND_OLD_IMAGES } : {}),
        ...(def.ttlAttribute ? { timeToLiveAttribute: def.ttlAttribute } : {}),
      });
      for (const index of def.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        });
      }
      new CfnOutput(this, `${pascalCase(name)}TableName`, { value: table.tableName });
      return [name, table];
    });
    this.tables = Object.fromEntries(entries) as Tables;
  }
}
