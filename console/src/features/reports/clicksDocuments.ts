import { graphql } from "../../graphql/gql";

export const ClicksLogQuery = graphql(`
  query ConsoleClicksLog($first: Int, $after: String, $range: ReportRangeInput) {
    clicksLog(first: $first, after: $after, range: $range) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        createdAt
        campaignId
        country
        city
        deviceType
        os
        browser
        ip
        isp
        isBot
        isUnique
        fraudScore
        outcome
        cost
        sub1
        extCampaignId
        extAdId
      }
    }
  }
`);

export const UpdateClickCostMutation = graphql(`
  mutation ConsoleUpdateClickCost($input: UpdateClickCostInput!) {
    updateClickCost(input: $input) {
      __typename
      ... on MutationUpdateClickCostSuccess {
        data {
          clickId
          cost
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const BulkUpdateClickCostMutation = graphql(`
  mutation ConsoleBulkUpdateClickCost($input: BulkUpdateClickCostInput!) {
    bulkUpdateClickCost(input: $input) {
      __typename
      ... on MutationBulkUpdateClickCostSuccess {
        data {
          updated
          cpc
          currency
          costAccount
        }
      }
      ...WriteErrorFields
    }
  }
`);
