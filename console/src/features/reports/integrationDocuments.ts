// The dashboard's integration tabs (api/src/schema/integration-stats): which exist, and each one's stats.
import { graphql } from "../../graphql/gql";

export const DashboardIntegrationsQuery = graphql(`
  query ConsoleDashboardIntegrations {
    dashboardIntegrations {
      kind
      id
      name
    }
  }
`);

/** The two sides of an Everflow row or of the totals. */
export const EverflowSideFragment = graphql(`
  fragment ConsoleEverflowSide on EverflowSideStats {
    clicks
    conversions
    revenue
  }
`);

export const TrackilySideFragment = graphql(`
  fragment ConsoleTrackilySide on TrackilySideStats {
    clicks
    conversions
    revenue
    cost
  }
`);

export const EverflowStatsQuery = graphql(`
  query ConsoleEverflowStats($networkId: ID!, $range: ReportRangeInput) {
    everflowStats(networkId: $networkId, range: $range) {
      __typename
      ... on Error {
        message
      }
      ... on QueryEverflowStatsSuccess {
        data {
          range {
            from
            to
            timezone
            currency
          }
          timezone {
            id
            name
            matched
          }
          rows {
            externalId
            label
            offers {
              id
              name
            }
            everflow {
              ...ConsoleEverflowSide
            }
            trackily {
              ...ConsoleTrackilySide
            }
            roi
          }
          totals {
            everflow {
              ...ConsoleEverflowSide
            }
            trackily {
              ...ConsoleTrackilySide
            }
            roi
          }
        }
      }
    }
  }
`);

export const KadamFiguresFragment = graphql(`
  fragment ConsoleKadamFigures on KadamFigures {
    impressions
    clicks
    ctr
    costSource
    cost
    trackilyClicks
    trackilyConversions
    trackilyRevenue
    profit
    roi
  }
`);

export const KadamStatsQuery = graphql(`
  query ConsoleKadamStats($sourceId: ID!, $range: ReportRangeInput) {
    kadamStats(sourceId: $sourceId, range: $range) {
      __typename
      ... on Error {
        message
      }
      ... on QueryKadamStatsSuccess {
        data {
          range {
            from
            to
            timezone
            currency
          }
          sourceCurrency
          rows {
            externalCampaignId
            campaigns {
              id
              name
            }
            ...ConsoleKadamFigures
          }
          totals {
            ...ConsoleKadamFigures
          }
        }
      }
    }
  }
`);
