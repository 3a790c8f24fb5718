import { Validations } from 'aws-cdk-lib';
import {
  HttpMethod,
  HttpRoute,
  type HttpRouteAuthorizerBindOptions,
  type HttpRouteAuthorizerConfig,
  HttpRouteKey,
  type IHttpApi,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { Construct } from 'constructs';
import type { FunctionDef, HttpTrigger } from '../../shared/platform/manifest.ts';
import { scopeString } from './auth.ts';
import { pascalCase } from './helpers.ts';
import type { ServiceFunction } from './service-function.ts';

/** The API's one JWT authorizer, by id: routes in any stack use it (the API stack owns it). */
export class SharedJwtAuthorizer implements IHttpRouteAuthorizer {
  constructor(private readonly authorizerId: string) {}

  bind(_options: HttpRouteAuthorizerBindOptions): HttpRouteAuthorizerConfig {
    return { authorizationType: 'JWT', authorizerId: this.authorizerId };
  }
}

/**
 * One manifest route: its Lambda integration and the auth the manifest names. Public routes carry no authorizer
 * (acknowledged for cdk-nag with the reason); machine routes require their resource-server scopes.
 */
export function addRoute(
  scope: Construct,
  api: IHttpApi,
  def: FunctionDef & { trigger: HttpTrigger },
  fn: ServiceFunction,
  authorizer: IHttpRouteAuthorizer,
): HttpRoute {
  const { trigger } = def;
  // Validates every scope name on every route; only machine routes put them on the authorizer (below).
  const named = (trigger.scopes ?? []).map(scopeString);
  const scopes = trigger.auth === 'machine' ? named : [];
  if (trigger.auth === 'machine' && scopes.length === 0)
    throw new Error(`Machine route '${def.name}' must name at least one scope.`);
  const route = new HttpRoute(scope, `${pascalCase(def.name)}Route`, {
    httpApi: api,
    routeKey: HttpRouteKey.with(trigger.path, HttpMethod[trigger.method]),
    integration: new HttpLambdaIntegration(`${pascalCase(def.name)}Integration`, fn.fn),
    // machine: the scope is enforced here (and again in the handler). user and any: people's ID tokens carry no
    // `scope` claim and API Gateway would refuse them all, so on `any` routes the handler alone checks a machine's
    // scope, exactly (shared/http/handler.ts).
    ...(trigger.auth === 'public' ? {} : { authorizer, ...(scopes.length > 0 ? { authorizationScopes: scopes } : {}) }),
  });
  if (trigger.auth === 'public') {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: `${trigger.method} ${trigger.path} is public by design (manifest auth 'public': health check, API documentation, or the citizen survey whose signed link is its authorisation); throttled per route.`,
    });
  }
  return route;
}
