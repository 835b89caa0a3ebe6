import { graphql } from "../../graphql/gql";

export const MetricsFragment = graphql(`
  fragment ConsoleMetrics on ReportMetrics {
    clicks
    unique
    leads
    conversions
    customers
    cost
    revenue
    profit
    roi
    roas
    epc
    rpc
    cr
    cpa
    cpl
    aov
    cac
    ltv
    repeatRate
  }
`);

export const DashboardQuery = graphql(`
  query ConsoleDashboard($range: ReportRangeInput, $campaignIds: [ID!], $compare: Boolean) {
    dashboardStats(range: $range, campaignIds: $campaignIds, compare: $compare) {
      granularity
      range {
        from
        to
        currency
        timezone
      }
      totals {
        ...ConsoleMetrics
      }
      previousTotals {
        ...ConsoleMetrics
      }
      deltas {
        metric
        changePct
      }
      series {
        bucket
        metrics {
          clicks
          conversions
          cost
          revenue
          profit
        }
      }
    }
  }
`);

export const ReportQuery = graphql(`
  query ConsoleReport($input: GroupedReportInput!) {
    report(input: $input) {
      groupBy
      totalRows
      range {
        from
        to
        currency
        timezone
      }
      previousRange {
        from
        to
      }
      totals {
        ...ConsoleMetrics
      }
      totalDeltas {
        metric
        changePct
      }
      rows {
        keys
        labels
        metrics {
          ...ConsoleMetrics
        }
        deltas {
          metric
          changePct
        }
      }
    }
  }
`);

export const ExportReportQuery = graphql(`
  query ConsoleExportReport($format: ExportFormat!, $input: GroupedReportInput!) {
    exportReport(format: $format, input: $input) {
      body
      contentType
      filename
    }
  }
`);

export const CampaignOptionsQuery = graphql(`
  query ConsoleCampaignOptions {
    campaigns(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const FunnelQuery = graphql(`
  query ConsoleFunnel($campaignId: ID!, $range: ReportRangeInput) {
    funnelReport(campaignId: $campaignId, range: $range) {
      clicks
      steps {
        step
        name
        count
        pctOfFirst
        pctOfPrevious
        dropOff
        dropOffPct
      }
    }
  }
`);

export const EcommerceFunnelQuery = graphql(`
  query ConsoleEcommerceFunnel($campaignId: ID, $range: ReportRangeInput) {
    ecommerceFunnel(campaignId: $campaignId, range: $range) {
      clicks
      steps {
        step
        name
        count
        pctOfFirst
        pctOfPrevious
        dropOff
        dropOffPct
      }
    }
  }
`);

export const AttributionQuery = graphql(`
  query ConsoleAttribution($model: AttributionModel!, $groupBy: AttributionGroup!, $campaignId: ID, $range: ReportRangeInput) {
    attributionReport(model: $model, groupBy: $groupBy, campaignId: $campaignId, range: $range) {
      model
      conversions
      revenue
      rows {
        key
        label
        conversions
        revenue
      }
    }
  }
`);

export const AbFlowOptionsQuery = graphql(`
  query ConsoleAbFlowOptions($campaignId: ID!) {
    flows(campaignId: $campaignId) {
      id
      name
    }
  }
`);

export const AbTestQuery = graphql(`
  query ConsoleAbTest($flowId: ID!, $kind: AbTestKind!, $confidenceLevel: Float, $range: ReportRangeInput) {
    abTestReport(flowId: $flowId, kind: $kind, confidenceLevel: $confidenceLevel, range: $range) {
      flowId
      kind
      confidence
      confidenceLevel
      enoughData
      significant
      winnerId
      recommendation
      variants {
        id
        name
        clicks
        conversions
        revenue
        cr
        epc
        zScore
        pValue
        confidence
        isLeader
      }
    }
  }
`);

/** Names of the entities that report filters name by id (the filter chips show names, not UUIDs). */
export const FilterNamesQuery = graphql(`
  query ConsoleFilterNames(
    $campaignIds: [ID!]!
    $offerIds: [ID!]!
    $landingIds: [ID!]!
    $sourceIds: [ID!]!
    $flowId: ID!
    $campaigns: Boolean!
    $offers: Boolean!
    $landings: Boolean!
    $sources: Boolean!
    $flow: Boolean!
  ) {
    campaigns(first: 100, filter: { ids: $campaignIds }) @include(if: $campaigns) {
      edges {
        node {
          id
          name
        }
      }
    }
    offers(first: 100, filter: { ids: $offerIds }) @include(if: $offers) {
      edges {
        node {
          id
          name
        }
      }
    }
    landingPages(first: 100, filter: { ids: $landingIds }) @include(if: $landings) {
      edges {
        node {
          id
          name
        }
      }
    }
    trafficSources(first: 100, filter: { ids: $sourceIds }) @include(if: $sources) {
      edges {
        node {
          id
          name
        }
      }
    }
    flow(id: $flowId) @include(if: $flow) {
      id
      name
      position
    }
  }
`);
