/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      actorType\n      name\n      permissions { section read write }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on MutationLoginSuccess { data { token expiresAt user { email role } } }\n      ... on Error { message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation CreateKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key apiKey { id prefix scopes { section read write } } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateKeyDocument,
    "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { revokedAt } } }\n  }\n": typeof types.RevokeKeyDocument,
    "\n  mutation CreateSource($input: CreateTrafficSourceInput!) {\n    createTrafficSource(input: $input) {\n      __typename\n      ... on MutationCreateTrafficSourceSuccess { data { id template clickIdParam clickIdMacro campaignIdMacro postbackUrl } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateSourceDocument,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess {\n        data { id slug costModel costValue trackingLink trackingTemplate missingTemplateMacros source { name } conflicts { level code } }\n      }\n      ... on ValidationError { message fields { path message } }\n      ... on ConflictError { message field }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      __typename\n      ... on MutationUpdateCampaignSuccess { data { id name status source { id } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateCampaignDocument,
    "\n  query Campaigns($filter: CampaignFilter, $orderBy: CampaignOrder, $first: Int, $after: String) {\n    campaigns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { slug name source { name } } }\n    }\n  }\n": typeof types.CampaignsDocument,
    "\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.PgliteCreateCampaignDocument,
    "\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n": typeof types.PgliteCampaignsDocument,
    "\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n": typeof types.FunnelDocument,
    "\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n": typeof types.EcomDocument,
    "\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n": typeof types.AttrDocument,
    "\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n": typeof types.AbDocument,
    "\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n": typeof types.CreateReportsKeyDocument,
    "\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n": typeof types.OptDocument,
    "\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n": typeof types.DashDocument,
    "\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n": typeof types.RepDocument,
    "\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ClicksLogDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      actorType\n      name\n      permissions { section read write }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on MutationLoginSuccess { data { token expiresAt user { email role } } }\n      ... on Error { message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation CreateKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key apiKey { id prefix scopes { section read write } } } }\n      ... on Error { message }\n    }\n  }\n": types.CreateKeyDocument,
    "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { revokedAt } } }\n  }\n": types.RevokeKeyDocument,
    "\n  mutation CreateSource($input: CreateTrafficSourceInput!) {\n    createTrafficSource(input: $input) {\n      __typename\n      ... on MutationCreateTrafficSourceSuccess { data { id template clickIdParam clickIdMacro campaignIdMacro postbackUrl } }\n      ... on Error { message }\n    }\n  }\n": types.CreateSourceDocument,
    "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess {\n        data { id slug costModel costValue trackingLink trackingTemplate missingTemplateMacros source { name } conflicts { level code } }\n      }\n      ... on ValidationError { message fields { path message } }\n      ... on ConflictError { message field }\n      ... on Error { message }\n    }\n  }\n": types.CreateCampaignDocument,
    "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      __typename\n      ... on MutationUpdateCampaignSuccess { data { id name status source { id } } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateCampaignDocument,
    "\n  query Campaigns($filter: CampaignFilter, $orderBy: CampaignOrder, $first: Int, $after: String) {\n    campaigns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { slug name source { name } } }\n    }\n  }\n": types.CampaignsDocument,
    "\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n": types.PgliteCreateCampaignDocument,
    "\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n": types.PgliteCampaignsDocument,
    "\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n": types.FunnelDocument,
    "\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n": types.EcomDocument,
    "\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n": types.AttrDocument,
    "\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n": types.AbDocument,
    "\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n": types.CreateReportsKeyDocument,
    "\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n": types.OptDocument,
    "\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n": types.DashDocument,
    "\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n": types.RepDocument,
    "\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ClicksLogDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      actorType\n      name\n      permissions { section read write }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      actorType\n      name\n      permissions { section read write }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on MutationLoginSuccess { data { token expiresAt user { email role } } }\n      ... on Error { message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      __typename\n      ... on MutationLoginSuccess { data { token expiresAt user { email role } } }\n      ... on Error { message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key apiKey { id prefix scopes { section read write } } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key apiKey { id prefix scopes { section read write } } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { revokedAt } } }\n  }\n"): (typeof documents)["\n  mutation RevokeKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on MutationRevokeApiKeySuccess { data { revokedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSource($input: CreateTrafficSourceInput!) {\n    createTrafficSource(input: $input) {\n      __typename\n      ... on MutationCreateTrafficSourceSuccess { data { id template clickIdParam clickIdMacro campaignIdMacro postbackUrl } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSource($input: CreateTrafficSourceInput!) {\n    createTrafficSource(input: $input) {\n      __typename\n      ... on MutationCreateTrafficSourceSuccess { data { id template clickIdParam clickIdMacro campaignIdMacro postbackUrl } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess {\n        data { id slug costModel costValue trackingLink trackingTemplate missingTemplateMacros source { name } conflicts { level code } }\n      }\n      ... on ValidationError { message fields { path message } }\n      ... on ConflictError { message field }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess {\n        data { id slug costModel costValue trackingLink trackingTemplate missingTemplateMacros source { name } conflicts { level code } }\n      }\n      ... on ValidationError { message fields { path message } }\n      ... on ConflictError { message field }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      __typename\n      ... on MutationUpdateCampaignSuccess { data { id name status source { id } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCampaign($input: UpdateCampaignInput!) {\n    updateCampaign(input: $input) {\n      __typename\n      ... on MutationUpdateCampaignSuccess { data { id name status source { id } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Campaigns($filter: CampaignFilter, $orderBy: CampaignOrder, $first: Int, $after: String) {\n    campaigns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { slug name source { name } } }\n    }\n  }\n"): (typeof documents)["\n  query Campaigns($filter: CampaignFilter, $orderBy: CampaignOrder, $first: Int, $after: String) {\n    campaigns(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { slug name source { name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n"): (typeof documents)["\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n"): (typeof documents)["\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n"): (typeof documents)["\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n"): (typeof documents)["\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n"): (typeof documents)["\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n"): (typeof documents)["\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n"): (typeof documents)["\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n"): (typeof documents)["\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;