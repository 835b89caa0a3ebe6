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
    "\n  mutation UpdateClickCost($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.UpdateClickCostDocument,
    "\n  mutation BulkUpdateClickCost($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc } }\n      ... on Error { message }\n    }\n  }\n": typeof types.BulkUpdateClickCostDocument,
    "\n  query GeoIpStatus {\n    geoipStatus { city { ok path databaseType error builtAt } asn { ok } hasLicenseKey updatedAt }\n  }\n": typeof types.GeoIpStatusDocument,
    "\n  query GeoIpLookup($ip: String!) { geoipLookup(ip: $ip) { country countryName city region isp asn } }\n": typeof types.GeoIpLookupDocument,
    "\n  mutation DownloadGeoip($key: String) {\n    downloadGeoipDatabases(licenseKey: $key) {\n      __typename\n      ... on MutationDownloadGeoipDatabasesSuccess { data { city { ok path } asn { ok path } hasLicenseKey updatedAt } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": typeof types.DownloadGeoipDocument,
    "\n  mutation BulkUpdateClickCostIn($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc currency costAccount } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": typeof types.BulkUpdateClickCostInDocument,
    "\n  mutation UpdateClickCostIn($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": typeof types.UpdateClickCostInDocument,
    "\n  query ClickCosts($range: ReportRangeInput) {\n    clicksLog(range: $range, first: 100) { edges { node { id cost costSource costCurrency } } }\n  }\n": typeof types.ClickCostsDocument,
    "\n  query ConvList($filter: ConversionFilter) {\n    conversions(filter: $filter, first: 10) {\n      totalCount\n      edges { node { id status revenue revenueAccount type transactionId } }\n    }\n  }\n": typeof types.ConvListDocument,
    "\n  query ConvDetail($id: ID!) {\n    conversion(id: $id) {\n      id status ecomStatus revenue\n      history { fromStatus toStatus toEcomStatus origin userId note }\n      postbackLog { outcome channel }\n      deliveries { eventId status }\n    }\n  }\n": typeof types.ConvDetailDocument,
    "\n  mutation ChangeConv($input: ChangeConversionInput!) {\n    changeConversion(input: $input) {\n      __typename\n      ... on MutationChangeConversionSuccess { data { outcome conversion { status revenue ecomStatus } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ChangeConvDocument,
    "\n  mutation CreatePbKey($name: String) {\n    createPostbackKey(name: $name) {\n      __typename\n      ... on MutationCreatePostbackKeySuccess { data { key postbackKey { id prefix revokedAt } } }\n      ... on Error { message }\n    }\n  }\n": typeof types.CreatePbKeyDocument,
    "\n  mutation LogoutMe { logout }\n": typeof types.LogoutMeDocument,
    "\n  query IntegrationTabs {\n    dashboardIntegrations { kind id name }\n  }\n": typeof types.IntegrationTabsDocument,
    "\n  query EverflowTab($networkId: ID!, $range: ReportRangeInput) {\n    everflowStats(networkId: $networkId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryEverflowStatsSuccess {\n        data {\n          range { from to timezone currency }\n          networkName\n          timezone { id name matched }\n          rows {\n            externalId label offers { name }\n            everflow { clicks conversions revenue }\n            trackily { clicks conversions revenue cost }\n            roi\n          }\n          totals { everflow { clicks conversions revenue } trackily { clicks conversions revenue cost } roi }\n        }\n      }\n    }\n  }\n": typeof types.EverflowTabDocument,
    "\n  query KadamTab($sourceId: ID!, $range: ReportRangeInput) {\n    kadamStats(sourceId: $sourceId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryKadamStatsSuccess {\n        data {\n          sourceName\n          sourceCurrency\n          rows {\n            externalCampaignId campaigns { name }\n            impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi\n          }\n          totals { impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi }\n        }\n      }\n    }\n  }\n": typeof types.KadamTabDocument,
    "\n  mutation MgmtCreateNetwork($input: CreateAffiliateNetworkInput!) {\n    createAffiliateNetwork(input: $input) {\n      __typename\n      ... on MutationCreateAffiliateNetworkSuccess { data { id name type postbackTemplate hasApiKey allowedIps } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateNetworkDocument,
    "\n  mutation MgmtCreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      __typename\n      ... on MutationCreateOfferSuccess {\n        data { id name payout payoutType dailyCap totalCap capTimezone network { name } geoPayouts { country payout currency } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateOfferDocument,
    "\n  mutation MgmtUpdateOffer($input: UpdateOfferInput!) {\n    updateOffer(input: $input) {\n      __typename\n      ... on MutationUpdateOfferSuccess { data { id dailyCap geoPayouts { country payout } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtUpdateOfferDocument,
    "\n  query MgmtOffers($filter: OfferFilter, $orderBy: OfferOrder) {\n    offers(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { name payout network { name } } } }\n  }\n": typeof types.MgmtOffersDocument,
    "\n  mutation MgmtCreateLanding($input: CreateLandingPageInput!) {\n    createLandingPage(input: $input) {\n      __typename\n      ... on MutationCreateLandingPageSuccess { data { id type url html steps offerCount } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateLandingDocument,
    "\n  mutation MgmtCreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      __typename\n      ... on MutationCreateDomainSuccess { data { id hostname groupName verified } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateDomainDocument,
    "\n  mutation MgmtCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { id } } ... on Error { message } }\n  }\n": typeof types.MgmtCreateCampaignDocument,
    "\n  mutation MgmtCreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on MutationCreateFlowSuccess {\n        data {\n          id type position binding\n          filters { field operator values }\n          landings { weight landing { id } }\n          offers { weight offer { id } }\n          campaign { conflicts { level code flowIds } }\n        }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateFlowDocument,
    "\n  mutation MgmtUpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on MutationUpdateFlowSuccess { data { id type filters { field values } offers { weight } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtUpdateFlowDocument,
    "\n  mutation MgmtBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n": typeof types.MgmtBalanceDocument,
    "\n  query MgmtCampaignConflicts($id: ID!) {\n    campaign(id: $id) { flows { id type position } conflicts { level code flowIds } }\n  }\n": typeof types.MgmtCampaignConflictsDocument,
    "\n  mutation MgmtCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on MutationCreateProductSuccess { data { id sku price currency } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtCreateProductDocument,
    "\n  mutation MgmtUpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on MutationUpdateSettingsSuccess {\n        data { accountCurrency timezone conversionRegistration ipAnonymization customConversionTypes conversionTypes postbackAllowedIps telegram { chatId hasBotToken } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.MgmtUpdateSettingsDocument,
    "\n  mutation MgmtSetRate($currency: String!, $rate: Decimal!) {\n    setCurrencyRate(currency: $currency, rate: $rate) {\n      __typename\n      ... on MutationSetCurrencyRateSuccess { data { currency rate } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.MgmtSetRateDocument,
    "\n  query MgmtAudit($filter: AuditLogFilter) {\n    auditLog(filter: $filter, first: 5) { totalCount edges { node { action entityType actorName before after } } }\n  }\n": typeof types.MgmtAuditDocument,
    "\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.PgliteCreateCampaignDocument,
    "\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n": typeof types.PgliteCampaignsDocument,
    "\n  query PgliteDemoCampaign($slug: String!) {\n    campaign(slug: $slug) {\n      trackingLink\n      defaultOffer { name geoPayouts { country payout } }\n      source { template }\n      flows { type filters { field values } landings { weight landing { type } } offers { weight offer { name network { name } } } }\n      conflicts { code }\n    }\n  }\n": typeof types.PgliteDemoCampaignDocument,
    "\n  mutation PgliteBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n": typeof types.PgliteBalanceDocument,
    "\n  mutation PgliteSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) { __typename ... on MutationUpdateSettingsSuccess { data { accountCurrency conversionTypes } } }\n  }\n": typeof types.PgliteSettingsDocument,
    "\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n": typeof types.FunnelDocument,
    "\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n": typeof types.EcomDocument,
    "\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n": typeof types.AttrDocument,
    "\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n": typeof types.AbDocument,
    "\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n": typeof types.CreateReportsKeyDocument,
    "\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n": typeof types.OptDocument,
    "\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n": typeof types.DashDocument,
    "\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n": typeof types.RepDocument,
    "\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ClicksLogDocument,
    "query RoleReadCampaigns { campaigns(first: 1) { totalCount } }": typeof types.RoleReadCampaignsDocument,
    "query RoleReadOffers { offers(first: 1) { totalCount } }": typeof types.RoleReadOffersDocument,
    "query RoleReadLandings { landingPages(first: 1) { totalCount } }": typeof types.RoleReadLandingsDocument,
    "query RoleReadFlows { flowFilterFields { field } }": typeof types.RoleReadFlowsDocument,
    "query RoleReadSources { trafficSources(first: 1) { totalCount } }": typeof types.RoleReadSourcesDocument,
    "query RoleReadNetworks { affiliateNetworks(first: 1) { totalCount } }": typeof types.RoleReadNetworksDocument,
    "query RoleReadDomains { domains(first: 1) { totalCount } }": typeof types.RoleReadDomainsDocument,
    "query RoleReadSettings { settings { accountCurrency } }": typeof types.RoleReadSettingsDocument,
    "query RoleReadUsers { users(first: 1) { totalCount } }": typeof types.RoleReadUsersDocument,
    "query RoleReadReports { dashboardStats { granularity } }": typeof types.RoleReadReportsDocument,
    "mutation RoleWriteCampaigns { createCampaign(input: { name: \"\", slug: \"\" }) { __typename } }": typeof types.RoleWriteCampaignsDocument,
    "mutation RoleWriteOffers { createOffer(input: { name: \"\", url: \"\" }) { __typename } }": typeof types.RoleWriteOffersDocument,
    "mutation RoleWriteLandings { createLandingPage(input: { name: \"\" }) { __typename } }": typeof types.RoleWriteLandingsDocument,
    "mutation RoleWriteFlows { createFlow(input: { campaignId: \"nope\" }) { __typename } }": typeof types.RoleWriteFlowsDocument,
    "mutation RoleWriteSources { createTrafficSource(input: { name: \"\" }) { __typename } }": typeof types.RoleWriteSourcesDocument,
    "mutation RoleWriteNetworks { createAffiliateNetwork(input: { name: \"\" }) { __typename } }": typeof types.RoleWriteNetworksDocument,
    "mutation RoleWriteDomains { createDomain(input: { hostname: \"\" }) { __typename } }": typeof types.RoleWriteDomainsDocument,
    "mutation RoleWriteSettings { updateSettings(input: { pixelCookieDays: 0 }) { __typename } }": typeof types.RoleWriteSettingsDocument,
    "mutation RoleWriteUsers { createUser(input: { email: \"\", password: \"\" }) { __typename } }": typeof types.RoleWriteUsersDocument,
    "mutation RoleWriteReports { updateClickCost(input: { clickId: \"nope\", cost: \"1\" }) { __typename } }": typeof types.RoleWriteReportsDocument,
    "\n  query TransferExport($type: TransferType!, $format: TransferFormat) {\n    exportConfiguration(type: $type, format: $format) { filename contentType data }\n  }\n": typeof types.TransferExportDocument,
    "\n  mutation TransferImport($type: TransferType!, $data: String!, $format: TransferFormat) {\n    importConfiguration(type: $type, data: $data, format: $format) {\n      __typename\n      ... on MutationImportConfigurationSuccess { data { created updated types { type created updated } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.TransferImportDocument,
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
    "\n  mutation UpdateClickCost($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.UpdateClickCostDocument,
    "\n  mutation BulkUpdateClickCost($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc } }\n      ... on Error { message }\n    }\n  }\n": types.BulkUpdateClickCostDocument,
    "\n  query GeoIpStatus {\n    geoipStatus { city { ok path databaseType error builtAt } asn { ok } hasLicenseKey updatedAt }\n  }\n": types.GeoIpStatusDocument,
    "\n  query GeoIpLookup($ip: String!) { geoipLookup(ip: $ip) { country countryName city region isp asn } }\n": types.GeoIpLookupDocument,
    "\n  mutation DownloadGeoip($key: String) {\n    downloadGeoipDatabases(licenseKey: $key) {\n      __typename\n      ... on MutationDownloadGeoipDatabasesSuccess { data { city { ok path } asn { ok path } hasLicenseKey updatedAt } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": types.DownloadGeoipDocument,
    "\n  mutation BulkUpdateClickCostIn($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc currency costAccount } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": types.BulkUpdateClickCostInDocument,
    "\n  mutation UpdateClickCostIn($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n": types.UpdateClickCostInDocument,
    "\n  query ClickCosts($range: ReportRangeInput) {\n    clicksLog(range: $range, first: 100) { edges { node { id cost costSource costCurrency } } }\n  }\n": types.ClickCostsDocument,
    "\n  query ConvList($filter: ConversionFilter) {\n    conversions(filter: $filter, first: 10) {\n      totalCount\n      edges { node { id status revenue revenueAccount type transactionId } }\n    }\n  }\n": types.ConvListDocument,
    "\n  query ConvDetail($id: ID!) {\n    conversion(id: $id) {\n      id status ecomStatus revenue\n      history { fromStatus toStatus toEcomStatus origin userId note }\n      postbackLog { outcome channel }\n      deliveries { eventId status }\n    }\n  }\n": types.ConvDetailDocument,
    "\n  mutation ChangeConv($input: ChangeConversionInput!) {\n    changeConversion(input: $input) {\n      __typename\n      ... on MutationChangeConversionSuccess { data { outcome conversion { status revenue ecomStatus } } }\n      ... on Error { message }\n    }\n  }\n": types.ChangeConvDocument,
    "\n  mutation CreatePbKey($name: String) {\n    createPostbackKey(name: $name) {\n      __typename\n      ... on MutationCreatePostbackKeySuccess { data { key postbackKey { id prefix revokedAt } } }\n      ... on Error { message }\n    }\n  }\n": types.CreatePbKeyDocument,
    "\n  mutation LogoutMe { logout }\n": types.LogoutMeDocument,
    "\n  query IntegrationTabs {\n    dashboardIntegrations { kind id name }\n  }\n": types.IntegrationTabsDocument,
    "\n  query EverflowTab($networkId: ID!, $range: ReportRangeInput) {\n    everflowStats(networkId: $networkId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryEverflowStatsSuccess {\n        data {\n          range { from to timezone currency }\n          networkName\n          timezone { id name matched }\n          rows {\n            externalId label offers { name }\n            everflow { clicks conversions revenue }\n            trackily { clicks conversions revenue cost }\n            roi\n          }\n          totals { everflow { clicks conversions revenue } trackily { clicks conversions revenue cost } roi }\n        }\n      }\n    }\n  }\n": types.EverflowTabDocument,
    "\n  query KadamTab($sourceId: ID!, $range: ReportRangeInput) {\n    kadamStats(sourceId: $sourceId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryKadamStatsSuccess {\n        data {\n          sourceName\n          sourceCurrency\n          rows {\n            externalCampaignId campaigns { name }\n            impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi\n          }\n          totals { impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi }\n        }\n      }\n    }\n  }\n": types.KadamTabDocument,
    "\n  mutation MgmtCreateNetwork($input: CreateAffiliateNetworkInput!) {\n    createAffiliateNetwork(input: $input) {\n      __typename\n      ... on MutationCreateAffiliateNetworkSuccess { data { id name type postbackTemplate hasApiKey allowedIps } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateNetworkDocument,
    "\n  mutation MgmtCreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      __typename\n      ... on MutationCreateOfferSuccess {\n        data { id name payout payoutType dailyCap totalCap capTimezone network { name } geoPayouts { country payout currency } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateOfferDocument,
    "\n  mutation MgmtUpdateOffer($input: UpdateOfferInput!) {\n    updateOffer(input: $input) {\n      __typename\n      ... on MutationUpdateOfferSuccess { data { id dailyCap geoPayouts { country payout } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtUpdateOfferDocument,
    "\n  query MgmtOffers($filter: OfferFilter, $orderBy: OfferOrder) {\n    offers(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { name payout network { name } } } }\n  }\n": types.MgmtOffersDocument,
    "\n  mutation MgmtCreateLanding($input: CreateLandingPageInput!) {\n    createLandingPage(input: $input) {\n      __typename\n      ... on MutationCreateLandingPageSuccess { data { id type url html steps offerCount } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateLandingDocument,
    "\n  mutation MgmtCreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      __typename\n      ... on MutationCreateDomainSuccess { data { id hostname groupName verified } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateDomainDocument,
    "\n  mutation MgmtCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { id } } ... on Error { message } }\n  }\n": types.MgmtCreateCampaignDocument,
    "\n  mutation MgmtCreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on MutationCreateFlowSuccess {\n        data {\n          id type position binding\n          filters { field operator values }\n          landings { weight landing { id } }\n          offers { weight offer { id } }\n          campaign { conflicts { level code flowIds } }\n        }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateFlowDocument,
    "\n  mutation MgmtUpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on MutationUpdateFlowSuccess { data { id type filters { field values } offers { weight } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtUpdateFlowDocument,
    "\n  mutation MgmtBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n": types.MgmtBalanceDocument,
    "\n  query MgmtCampaignConflicts($id: ID!) {\n    campaign(id: $id) { flows { id type position } conflicts { level code flowIds } }\n  }\n": types.MgmtCampaignConflictsDocument,
    "\n  mutation MgmtCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on MutationCreateProductSuccess { data { id sku price currency } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n": types.MgmtCreateProductDocument,
    "\n  mutation MgmtUpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on MutationUpdateSettingsSuccess {\n        data { accountCurrency timezone conversionRegistration ipAnonymization customConversionTypes conversionTypes postbackAllowedIps telegram { chatId hasBotToken } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n": types.MgmtUpdateSettingsDocument,
    "\n  mutation MgmtSetRate($currency: String!, $rate: Decimal!) {\n    setCurrencyRate(currency: $currency, rate: $rate) {\n      __typename\n      ... on MutationSetCurrencyRateSuccess { data { currency rate } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.MgmtSetRateDocument,
    "\n  query MgmtAudit($filter: AuditLogFilter) {\n    auditLog(filter: $filter, first: 5) { totalCount edges { node { action entityType actorName before after } } }\n  }\n": types.MgmtAuditDocument,
    "\n  mutation PgliteCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) {\n      __typename\n      ... on MutationCreateCampaignSuccess { data { id slug costValue } }\n      ... on ConflictError { field }\n    }\n  }\n": types.PgliteCreateCampaignDocument,
    "\n  query PgliteCampaigns {\n    campaigns(first: 10) { totalCount edges { node { slug } } }\n  }\n": types.PgliteCampaignsDocument,
    "\n  query PgliteDemoCampaign($slug: String!) {\n    campaign(slug: $slug) {\n      trackingLink\n      defaultOffer { name geoPayouts { country payout } }\n      source { template }\n      flows { type filters { field values } landings { weight landing { type } } offers { weight offer { name network { name } } } }\n      conflicts { code }\n    }\n  }\n": types.PgliteDemoCampaignDocument,
    "\n  mutation PgliteBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n": types.PgliteBalanceDocument,
    "\n  mutation PgliteSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) { __typename ... on MutationUpdateSettingsSuccess { data { accountCurrency conversionTypes } } }\n  }\n": types.PgliteSettingsDocument,
    "\n  query Funnel($campaignId: ID!, $landingId: ID, $range: ReportRangeInput) {\n    funnelReport(campaignId: $campaignId, landingId: $landingId, range: $range) {\n      clicks\n      steps { step name count pctOfFirst pctOfPrevious dropOff dropOffPct }\n    }\n  }\n": types.FunnelDocument,
    "\n  query Ecom($campaignId: ID, $range: ReportRangeInput) {\n    ecommerceFunnel(campaignId: $campaignId, range: $range) { steps { step name count pctOfFirst pctOfPrevious } }\n  }\n": types.EcomDocument,
    "\n  query Attr($model: AttributionModel!, $groupBy: AttributionGroup!, $range: ReportRangeInput) {\n    attributionReport(model: $model, groupBy: $groupBy, range: $range) { model revenue conversions rows { key label revenue conversions } }\n  }\n": types.AttrDocument,
    "\n  query Ab($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {\n    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {\n      variants { id name clicks conversions cr epc zScore pValue confidence isLeader }\n      confidence significant enoughData winnerId recommendation\n    }\n  }\n": types.AbDocument,
    "\n  mutation CreateReportsKey($name: String!, $scopes: [SectionAccessInput!]) {\n    createApiKey(name: $name, scopes: $scopes) {\n      __typename\n      ... on MutationCreateApiKeySuccess { data { key } }\n    }\n  }\n": types.CreateReportsKeyDocument,
    "\n  query Opt($sourceId: ID!, $level: OptimizerLevel, $range: ReportRangeInput) {\n    optimizerStats(sourceId: $sourceId, level: $level, range: $range) {\n      currency registrationTime timezone\n      rows { campaignId adSetId adId placement metrics { clicks conversions revenue cost } }\n    }\n  }\n": types.OptDocument,
    "\n  query Dash($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {\n    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {\n      range { from to timezone registration currency start end }\n      granularity\n      totals { clicks unique leads conversions customers cost revenue profit roi cr epc cpa cpl aov roas cac ltv rpc repeatRate }\n      series { bucket metrics { clicks conversions revenue } }\n      previousTotals { clicks revenue }\n      deltas { metric current previous change changePct }\n    }\n  }\n": types.DashDocument,
    "\n  query Rep($input: GroupedReportInput!) {\n    report(input: $input) {\n      range { from to timezone registration }\n      totalRows\n      totals { clicks conversions revenue }\n      rows { keys labels metrics { clicks unique conversions leads revenue cost profit cr } previous { clicks revenue } deltas { metric change changePct } }\n    }\n  }\n": types.RepDocument,
    "\n  query ClicksLog($range: ReportRangeInput, $first: Int, $after: String) {\n    clicksLog(range: $range, first: $first, after: $after) {\n      nodes { id country createdAt }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ClicksLogDocument,
    "query RoleReadCampaigns { campaigns(first: 1) { totalCount } }": types.RoleReadCampaignsDocument,
    "query RoleReadOffers { offers(first: 1) { totalCount } }": types.RoleReadOffersDocument,
    "query RoleReadLandings { landingPages(first: 1) { totalCount } }": types.RoleReadLandingsDocument,
    "query RoleReadFlows { flowFilterFields { field } }": types.RoleReadFlowsDocument,
    "query RoleReadSources { trafficSources(first: 1) { totalCount } }": types.RoleReadSourcesDocument,
    "query RoleReadNetworks { affiliateNetworks(first: 1) { totalCount } }": types.RoleReadNetworksDocument,
    "query RoleReadDomains { domains(first: 1) { totalCount } }": types.RoleReadDomainsDocument,
    "query RoleReadSettings { settings { accountCurrency } }": types.RoleReadSettingsDocument,
    "query RoleReadUsers { users(first: 1) { totalCount } }": types.RoleReadUsersDocument,
    "query RoleReadReports { dashboardStats { granularity } }": types.RoleReadReportsDocument,
    "mutation RoleWriteCampaigns { createCampaign(input: { name: \"\", slug: \"\" }) { __typename } }": types.RoleWriteCampaignsDocument,
    "mutation RoleWriteOffers { createOffer(input: { name: \"\", url: \"\" }) { __typename } }": types.RoleWriteOffersDocument,
    "mutation RoleWriteLandings { createLandingPage(input: { name: \"\" }) { __typename } }": types.RoleWriteLandingsDocument,
    "mutation RoleWriteFlows { createFlow(input: { campaignId: \"nope\" }) { __typename } }": types.RoleWriteFlowsDocument,
    "mutation RoleWriteSources { createTrafficSource(input: { name: \"\" }) { __typename } }": types.RoleWriteSourcesDocument,
    "mutation RoleWriteNetworks { createAffiliateNetwork(input: { name: \"\" }) { __typename } }": types.RoleWriteNetworksDocument,
    "mutation RoleWriteDomains { createDomain(input: { hostname: \"\" }) { __typename } }": types.RoleWriteDomainsDocument,
    "mutation RoleWriteSettings { updateSettings(input: { pixelCookieDays: 0 }) { __typename } }": types.RoleWriteSettingsDocument,
    "mutation RoleWriteUsers { createUser(input: { email: \"\", password: \"\" }) { __typename } }": types.RoleWriteUsersDocument,
    "mutation RoleWriteReports { updateClickCost(input: { clickId: \"nope\", cost: \"1\" }) { __typename } }": types.RoleWriteReportsDocument,
    "\n  query TransferExport($type: TransferType!, $format: TransferFormat) {\n    exportConfiguration(type: $type, format: $format) { filename contentType data }\n  }\n": types.TransferExportDocument,
    "\n  mutation TransferImport($type: TransferType!, $data: String!, $format: TransferFormat) {\n    importConfiguration(type: $type, data: $data, format: $format) {\n      __typename\n      ... on MutationImportConfigurationSuccess { data { created updated types { type created updated } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.TransferImportDocument,
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
export function graphql(source: "\n  mutation UpdateClickCost($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClickCost($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUpdateClickCost($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkUpdateClickCost($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GeoIpStatus {\n    geoipStatus { city { ok path databaseType error builtAt } asn { ok } hasLicenseKey updatedAt }\n  }\n"): (typeof documents)["\n  query GeoIpStatus {\n    geoipStatus { city { ok path databaseType error builtAt } asn { ok } hasLicenseKey updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GeoIpLookup($ip: String!) { geoipLookup(ip: $ip) { country countryName city region isp asn } }\n"): (typeof documents)["\n  query GeoIpLookup($ip: String!) { geoipLookup(ip: $ip) { country countryName city region isp asn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DownloadGeoip($key: String) {\n    downloadGeoipDatabases(licenseKey: $key) {\n      __typename\n      ... on MutationDownloadGeoipDatabasesSuccess { data { city { ok path } asn { ok path } hasLicenseKey updatedAt } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation DownloadGeoip($key: String) {\n    downloadGeoipDatabases(licenseKey: $key) {\n      __typename\n      ... on MutationDownloadGeoipDatabasesSuccess { data { city { ok path } asn { ok path } hasLicenseKey updatedAt } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkUpdateClickCostIn($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc currency costAccount } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkUpdateClickCostIn($input: BulkUpdateClickCostInput!) {\n    bulkUpdateClickCost(input: $input) {\n      __typename\n      ... on MutationBulkUpdateClickCostSuccess { data { updated cpc currency costAccount } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClickCostIn($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClickCostIn($input: UpdateClickCostInput!) {\n    updateClickCost(input: $input) {\n      __typename\n      ... on MutationUpdateClickCostSuccess { data { clickId cost } }\n      ... on ValidationError { message fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClickCosts($range: ReportRangeInput) {\n    clicksLog(range: $range, first: 100) { edges { node { id cost costSource costCurrency } } }\n  }\n"): (typeof documents)["\n  query ClickCosts($range: ReportRangeInput) {\n    clicksLog(range: $range, first: 100) { edges { node { id cost costSource costCurrency } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConvList($filter: ConversionFilter) {\n    conversions(filter: $filter, first: 10) {\n      totalCount\n      edges { node { id status revenue revenueAccount type transactionId } }\n    }\n  }\n"): (typeof documents)["\n  query ConvList($filter: ConversionFilter) {\n    conversions(filter: $filter, first: 10) {\n      totalCount\n      edges { node { id status revenue revenueAccount type transactionId } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConvDetail($id: ID!) {\n    conversion(id: $id) {\n      id status ecomStatus revenue\n      history { fromStatus toStatus toEcomStatus origin userId note }\n      postbackLog { outcome channel }\n      deliveries { eventId status }\n    }\n  }\n"): (typeof documents)["\n  query ConvDetail($id: ID!) {\n    conversion(id: $id) {\n      id status ecomStatus revenue\n      history { fromStatus toStatus toEcomStatus origin userId note }\n      postbackLog { outcome channel }\n      deliveries { eventId status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeConv($input: ChangeConversionInput!) {\n    changeConversion(input: $input) {\n      __typename\n      ... on MutationChangeConversionSuccess { data { outcome conversion { status revenue ecomStatus } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeConv($input: ChangeConversionInput!) {\n    changeConversion(input: $input) {\n      __typename\n      ... on MutationChangeConversionSuccess { data { outcome conversion { status revenue ecomStatus } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePbKey($name: String) {\n    createPostbackKey(name: $name) {\n      __typename\n      ... on MutationCreatePostbackKeySuccess { data { key postbackKey { id prefix revokedAt } } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePbKey($name: String) {\n    createPostbackKey(name: $name) {\n      __typename\n      ... on MutationCreatePostbackKeySuccess { data { key postbackKey { id prefix revokedAt } } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogoutMe { logout }\n"): (typeof documents)["\n  mutation LogoutMe { logout }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntegrationTabs {\n    dashboardIntegrations { kind id name }\n  }\n"): (typeof documents)["\n  query IntegrationTabs {\n    dashboardIntegrations { kind id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EverflowTab($networkId: ID!, $range: ReportRangeInput) {\n    everflowStats(networkId: $networkId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryEverflowStatsSuccess {\n        data {\n          range { from to timezone currency }\n          networkName\n          timezone { id name matched }\n          rows {\n            externalId label offers { name }\n            everflow { clicks conversions revenue }\n            trackily { clicks conversions revenue cost }\n            roi\n          }\n          totals { everflow { clicks conversions revenue } trackily { clicks conversions revenue cost } roi }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EverflowTab($networkId: ID!, $range: ReportRangeInput) {\n    everflowStats(networkId: $networkId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryEverflowStatsSuccess {\n        data {\n          range { from to timezone currency }\n          networkName\n          timezone { id name matched }\n          rows {\n            externalId label offers { name }\n            everflow { clicks conversions revenue }\n            trackily { clicks conversions revenue cost }\n            roi\n          }\n          totals { everflow { clicks conversions revenue } trackily { clicks conversions revenue cost } roi }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KadamTab($sourceId: ID!, $range: ReportRangeInput) {\n    kadamStats(sourceId: $sourceId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryKadamStatsSuccess {\n        data {\n          sourceName\n          sourceCurrency\n          rows {\n            externalCampaignId campaigns { name }\n            impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi\n          }\n          totals { impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KadamTab($sourceId: ID!, $range: ReportRangeInput) {\n    kadamStats(sourceId: $sourceId, range: $range) {\n      __typename\n      ... on Error { message }\n      ... on UpstreamError { service reason httpStatus }\n      ... on QueryKadamStatsSuccess {\n        data {\n          sourceName\n          sourceCurrency\n          rows {\n            externalCampaignId campaigns { name }\n            impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi\n          }\n          totals { impressions clicks ctr costSource cost trackilyClicks trackilyConversions trackilyRevenue profit roi }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateNetwork($input: CreateAffiliateNetworkInput!) {\n    createAffiliateNetwork(input: $input) {\n      __typename\n      ... on MutationCreateAffiliateNetworkSuccess { data { id name type postbackTemplate hasApiKey allowedIps } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateNetwork($input: CreateAffiliateNetworkInput!) {\n    createAffiliateNetwork(input: $input) {\n      __typename\n      ... on MutationCreateAffiliateNetworkSuccess { data { id name type postbackTemplate hasApiKey allowedIps } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      __typename\n      ... on MutationCreateOfferSuccess {\n        data { id name payout payoutType dailyCap totalCap capTimezone network { name } geoPayouts { country payout currency } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateOffer($input: CreateOfferInput!) {\n    createOffer(input: $input) {\n      __typename\n      ... on MutationCreateOfferSuccess {\n        data { id name payout payoutType dailyCap totalCap capTimezone network { name } geoPayouts { country payout currency } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtUpdateOffer($input: UpdateOfferInput!) {\n    updateOffer(input: $input) {\n      __typename\n      ... on MutationUpdateOfferSuccess { data { id dailyCap geoPayouts { country payout } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtUpdateOffer($input: UpdateOfferInput!) {\n    updateOffer(input: $input) {\n      __typename\n      ... on MutationUpdateOfferSuccess { data { id dailyCap geoPayouts { country payout } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MgmtOffers($filter: OfferFilter, $orderBy: OfferOrder) {\n    offers(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { name payout network { name } } } }\n  }\n"): (typeof documents)["\n  query MgmtOffers($filter: OfferFilter, $orderBy: OfferOrder) {\n    offers(filter: $filter, orderBy: $orderBy, first: 50) { totalCount edges { node { name payout network { name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateLanding($input: CreateLandingPageInput!) {\n    createLandingPage(input: $input) {\n      __typename\n      ... on MutationCreateLandingPageSuccess { data { id type url html steps offerCount } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateLanding($input: CreateLandingPageInput!) {\n    createLandingPage(input: $input) {\n      __typename\n      ... on MutationCreateLandingPageSuccess { data { id type url html steps offerCount } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      __typename\n      ... on MutationCreateDomainSuccess { data { id hostname groupName verified } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateDomain($input: CreateDomainInput!) {\n    createDomain(input: $input) {\n      __typename\n      ... on MutationCreateDomainSuccess { data { id hostname groupName verified } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { id } } ... on Error { message } }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateCampaign($input: CreateCampaignInput!) {\n    createCampaign(input: $input) { __typename ... on MutationCreateCampaignSuccess { data { id } } ... on Error { message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on MutationCreateFlowSuccess {\n        data {\n          id type position binding\n          filters { field operator values }\n          landings { weight landing { id } }\n          offers { weight offer { id } }\n          campaign { conflicts { level code flowIds } }\n        }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on MutationCreateFlowSuccess {\n        data {\n          id type position binding\n          filters { field operator values }\n          landings { weight landing { id } }\n          offers { weight offer { id } }\n          campaign { conflicts { level code flowIds } }\n        }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtUpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on MutationUpdateFlowSuccess { data { id type filters { field values } offers { weight } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtUpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on MutationUpdateFlowSuccess { data { id type filters { field values } offers { weight } } }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n"): (typeof documents)["\n  mutation MgmtBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MgmtCampaignConflicts($id: ID!) {\n    campaign(id: $id) { flows { id type position } conflicts { level code flowIds } }\n  }\n"): (typeof documents)["\n  query MgmtCampaignConflicts($id: ID!) {\n    campaign(id: $id) { flows { id type position } conflicts { level code flowIds } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on MutationCreateProductSuccess { data { id sku price currency } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtCreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      __typename\n      ... on MutationCreateProductSuccess { data { id sku price currency } }\n      ... on ValidationError { fields { path message } }\n      ... on ConflictError { field }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtUpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on MutationUpdateSettingsSuccess {\n        data { accountCurrency timezone conversionRegistration ipAnonymization customConversionTypes conversionTypes postbackAllowedIps telegram { chatId hasBotToken } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtUpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      __typename\n      ... on MutationUpdateSettingsSuccess {\n        data { accountCurrency timezone conversionRegistration ipAnonymization customConversionTypes conversionTypes postbackAllowedIps telegram { chatId hasBotToken } }\n      }\n      ... on ValidationError { fields { path message } }\n      ... on Error { message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MgmtSetRate($currency: String!, $rate: Decimal!) {\n    setCurrencyRate(currency: $currency, rate: $rate) {\n      __typename\n      ... on MutationSetCurrencyRateSuccess { data { currency rate } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation MgmtSetRate($currency: String!, $rate: Decimal!) {\n    setCurrencyRate(currency: $currency, rate: $rate) {\n      __typename\n      ... on MutationSetCurrencyRateSuccess { data { currency rate } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MgmtAudit($filter: AuditLogFilter) {\n    auditLog(filter: $filter, first: 5) { totalCount edges { node { action entityType actorName before after } } }\n  }\n"): (typeof documents)["\n  query MgmtAudit($filter: AuditLogFilter) {\n    auditLog(filter: $filter, first: 5) { totalCount edges { node { action entityType actorName before after } } }\n  }\n"];
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
export function graphql(source: "\n  query PgliteDemoCampaign($slug: String!) {\n    campaign(slug: $slug) {\n      trackingLink\n      defaultOffer { name geoPayouts { country payout } }\n      source { template }\n      flows { type filters { field values } landings { weight landing { type } } offers { weight offer { name network { name } } } }\n      conflicts { code }\n    }\n  }\n"): (typeof documents)["\n  query PgliteDemoCampaign($slug: String!) {\n    campaign(slug: $slug) {\n      trackingLink\n      defaultOffer { name geoPayouts { country payout } }\n      source { template }\n      flows { type filters { field values } landings { weight landing { type } } offers { weight offer { name network { name } } } }\n      conflicts { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PgliteBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n"): (typeof documents)["\n  mutation PgliteBalance($id: ID!) {\n    balanceFlowWeights(id: $id) { __typename ... on MutationBalanceFlowWeightsSuccess { data { landings { weight } offers { weight } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PgliteSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) { __typename ... on MutationUpdateSettingsSuccess { data { accountCurrency conversionTypes } } }\n  }\n"): (typeof documents)["\n  mutation PgliteSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) { __typename ... on MutationUpdateSettingsSuccess { data { accountCurrency conversionTypes } } }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadCampaigns { campaigns(first: 1) { totalCount } }"): (typeof documents)["query RoleReadCampaigns { campaigns(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadOffers { offers(first: 1) { totalCount } }"): (typeof documents)["query RoleReadOffers { offers(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadLandings { landingPages(first: 1) { totalCount } }"): (typeof documents)["query RoleReadLandings { landingPages(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadFlows { flowFilterFields { field } }"): (typeof documents)["query RoleReadFlows { flowFilterFields { field } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadSources { trafficSources(first: 1) { totalCount } }"): (typeof documents)["query RoleReadSources { trafficSources(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadNetworks { affiliateNetworks(first: 1) { totalCount } }"): (typeof documents)["query RoleReadNetworks { affiliateNetworks(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadDomains { domains(first: 1) { totalCount } }"): (typeof documents)["query RoleReadDomains { domains(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadSettings { settings { accountCurrency } }"): (typeof documents)["query RoleReadSettings { settings { accountCurrency } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadUsers { users(first: 1) { totalCount } }"): (typeof documents)["query RoleReadUsers { users(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RoleReadReports { dashboardStats { granularity } }"): (typeof documents)["query RoleReadReports { dashboardStats { granularity } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteCampaigns { createCampaign(input: { name: \"\", slug: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteCampaigns { createCampaign(input: { name: \"\", slug: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteOffers { createOffer(input: { name: \"\", url: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteOffers { createOffer(input: { name: \"\", url: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteLandings { createLandingPage(input: { name: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteLandings { createLandingPage(input: { name: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteFlows { createFlow(input: { campaignId: \"nope\" }) { __typename } }"): (typeof documents)["mutation RoleWriteFlows { createFlow(input: { campaignId: \"nope\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteSources { createTrafficSource(input: { name: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteSources { createTrafficSource(input: { name: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteNetworks { createAffiliateNetwork(input: { name: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteNetworks { createAffiliateNetwork(input: { name: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteDomains { createDomain(input: { hostname: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteDomains { createDomain(input: { hostname: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteSettings { updateSettings(input: { pixelCookieDays: 0 }) { __typename } }"): (typeof documents)["mutation RoleWriteSettings { updateSettings(input: { pixelCookieDays: 0 }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteUsers { createUser(input: { email: \"\", password: \"\" }) { __typename } }"): (typeof documents)["mutation RoleWriteUsers { createUser(input: { email: \"\", password: \"\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RoleWriteReports { updateClickCost(input: { clickId: \"nope\", cost: \"1\" }) { __typename } }"): (typeof documents)["mutation RoleWriteReports { updateClickCost(input: { clickId: \"nope\", cost: \"1\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferExport($type: TransferType!, $format: TransferFormat) {\n    exportConfiguration(type: $type, format: $format) { filename contentType data }\n  }\n"): (typeof documents)["\n  query TransferExport($type: TransferType!, $format: TransferFormat) {\n    exportConfiguration(type: $type, format: $format) { filename contentType data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferImport($type: TransferType!, $data: String!, $format: TransferFormat) {\n    importConfiguration(type: $type, data: $data, format: $format) {\n      __typename\n      ... on MutationImportConfigurationSuccess { data { created updated types { type created updated } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation TransferImport($type: TransferType!, $data: String!, $format: TransferFormat) {\n    importConfiguration(type: $type, data: $data, format: $format) {\n      __typename\n      ... on MutationImportConfigurationSuccess { data { created updated types { type created updated } } }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;