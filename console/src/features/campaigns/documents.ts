import { graphql } from "../../graphql/gql";

export const CampaignsQuery = graphql(`
  query ConsoleCampaigns(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $filter: CampaignFilter
    $orderBy: CampaignOrder
    $withSource: Boolean = true
    $withFlows: Boolean = true
  ) {
    campaigns(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          name
          slug
          status
          costModel
          costValue
          updatedAt
          source @include(if: $withSource) {
            id
            name
          }
          conflicts @include(if: $withFlows) {
            level
          }
        }
      }
    }
  }
`);

export const CampaignQuery = graphql(`
  query ConsoleCampaign($id: ID!, $withSource: Boolean = true, $withOffer: Boolean = true, $withDomain: Boolean = true, $withFlows: Boolean = true) {
    campaign(id: $id) {
      id
      name
      slug
      status
      costModel
      costValue
      timezone
      uniqueWindowSec
      botFilterEnabled
      botRedirectUrl
      freqCapVisits
      freqCapWindowSec
      externalCampaignIds
      fallbackUrl
      trackingLink
      trackingTemplate
      missingTemplateMacros
      source @include(if: $withSource) {
        id
        name
      }
      defaultOffer @include(if: $withOffer) {
        id
        name
      }
      domain @include(if: $withDomain) {
        id
        hostname
      }
      retargetingPixels {
        facebookPixelId
        googleTagId
        tiktokPixelId
        customScripts
      }
      audiencePassback {
        fbPixelId
        hasFbAccessToken
        tiktokPixelId
        hasTiktokAccessToken
        googleConversionId
        googleConversionLabel
      }
      conflicts @include(if: $withFlows) {
        code
        level
        message
        flowIds
      }
      flows @include(if: $withFlows) {
        id
        name
        type
        status
        position
        weight
      }
    }
  }
`);

export const CreateCampaignMutation = graphql(`
  mutation ConsoleCreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on MutationCreateCampaignSuccess {
        data {
          id
          slug
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateCampaignMutation = graphql(`
  mutation ConsoleUpdateCampaign($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) {
      __typename
      ... on MutationUpdateCampaignSuccess {
        data {
          id
          slug
          trackingLink
          trackingTemplate
          missingTemplateMacros
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteCampaignMutation = graphql(`
  mutation ConsoleDeleteCampaign($id: ID!) {
    deleteCampaign(id: $id) {
      __typename
      ... on MutationDeleteCampaignSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const SourceOptionsQuery = graphql(`
  query ConsoleSourceOptions {
    trafficSources(first: 200, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          currency
        }
      }
    }
  }
`);

export const OfferOptionsQuery = graphql(`
  query ConsoleOfferOptions {
    offers(first: 200) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const DomainOptionsQuery = graphql(`
  query ConsoleDomainOptions {
    domains(first: 200) {
      edges {
        node {
          id
          hostname
        }
      }
    }
  }
`);

/** Key metrics of the campaigns on one list page (the report grouped by campaign, filtered to their ids). */
export const CampaignListMetricsQuery = graphql(`
  query ConsoleCampaignListMetrics($range: ReportRangeInput!) {
    report(input: { groupBy: [campaign], range: $range, limit: 100 }) {
      range {
        currency
      }
      rows {
        keys
        metrics {
          clicks
          conversions
          cost
          revenue
          profit
          roi
        }
      }
    }
  }
`);
