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
