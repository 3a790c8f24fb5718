import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { TableName } from '../../shared/platform/manifest.ts';
import { contextNumber } from './helpers.ts';

/** Daily copies of both tables, kept beyond point-in-time recovery's 35 days. */
export const DAILY_RETENTION_DAYS = 35;
/** Monthly copies of the main table: a whole performance year and its appeals. */
export const MAIN_MONTHLY_RETENTION_DAYS = 400;
/** Monthly copies of the audit trail, in years (context auditBackupYears); the city's archive schedule decides. */
export const DEFAULT_AUDIT_BACKUP_YEARS = 10;

/**
 * AWS Backup for the tables (issue 17): a vault kept on stack deletion and locked (governance mode, so a recovery
 * point cannot be deleted before its retention ends without the vault-lock permission), one plan for the main
 * table and one for the append-only audit table, whose monthly copies are kept for years: it is the evidence in
 * appeals and audits. Point-in-time recovery (35 days) stays on for both tables; these copies are independent of
 * the table and outlive its deletion.
 */
export class TableBackups extends Construct {
  readonly vault: BackupVault;
  readonly plans: Record<TableName, BackupPlan>;

  constructor(scope: Construct, id: string, props: { tables: Record<TableName, ITable> }) {
    super(scope, id);
    const auditYears = contextNumber(this, 'auditBackupYears', DEFAULT_AUDIT_BACKUP_YEARS);
    this.vault = new BackupVault(this, 'Vault', {
      removalPolicy: RemovalPolicy.RETAIN,
      // Governance mode (no changeableFor): an operator with the vault-lock permission can still lift it.
      lockConfiguration: { minRetention: Duration.days(DAILY_RETENTION_DAYS) },
    });
    // 02:00 WIB (19:00 UTC): after the day's writes and the 01:00 WIB scoring schedule, before office hours.
    const daily = (name: string) =>
      new BackupPlanRule({
        ruleName: `${name}Daily`,
        backupVault: this.vault,
        scheduleExpression: Schedule.cron({ hour: '19', minute: '0' }),
        deleteAfter: Duration.days(DAILY_RETENTION_DAYS),
      });
    const monthly = (name: string, days: number) =>
      new BackupPlanRule({
        ruleName: `${name}Monthly`,
        backupVault: this.vault,
        scheduleExpression: Schedule.cron({ day: '1', hour: '20', minute: '0' }),
        deleteAfter: Duration.days(days),
      });
    const plan = (name: TableName, id: string, rules: BackupPlanRule[]) => {
      const created = new BackupPlan(this, id, {
        backupPlanName: `kinerja-asn-${name}`,
        backupPlanRules: rules,
      });
      const selection = created.addSelection('Table', {
        resources: [BackupResource.fromDynamoDbTable(props.tables[name])],
      });
      Validations.of(selection).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWS Backup's own service-role policy is what the service documents for its selections and follows new resource types; the role can be assumed by backup.amazonaws.com only.",
      });
      return created;
    };
    this.plans = {
      main: plan('main', 'MainPlan', [daily('Main'), monthly('Main', MAIN_MONTHLY_RETENTION_DAYS)]),
      audit: plan('audit', 'AuditPlan', [daily('Audit'), monthly('Audit', Math.round(auditYears * 365.25))]),
    };
  }
}
