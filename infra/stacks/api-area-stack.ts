import { fileURLToPath } from 'node:url';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { FunctionDef, HttpTrigger, SecretName, TableName } from '../../shared/platform/manifest.ts';
import { addRoute, SharedJwtAuthorizer } from './routes.ts';
import { buildFunctions, type ServiceFunction } from './service-function.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiAreaStackProps extends StackProps {
  api: IHttpApi;
  authorizerId: string;
  tables: Record<TableName, ITable>;
  secrets: Record<SecretName, ISecret>;
  /** The authenticated HTTP functions of one area (functions/<area>/). */
  functions: (FunctionDef & { trigger: HttpTrigger })[];
}

/**
 * The authenticated routes of one area with their functions, on the shared HTTP API and its JWT authorizer. An
 * area per stack keeps every stack far from CloudFormation's 500 resources as the product grows.
 */
export class ApiAreaStack extends Stack {
  readonly functions: Record<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: ApiAreaStackProps) {
    super(scope, id, props);
    const open = props.functions.filter((f) => f.trigger.auth === 'public');
    if (open.length)
      throw new Error(
        `Public routes stay in the API stack (its stage throttles them): ${open.map((f) => f.name).join(', ')}`,
      );
    this.functions = buildFunctions(this, props.functions, {
      tables: props.tables,
      secrets: props.secrets,
      repoRoot: REPO_ROOT,
    });
    const authorizer = new SharedJwtAuthorizer(props.authorizerId);
    for (const def of props.functions) addRoute(this, props.api, def, this.functions[def.name]!, authorizer);
  }
}
