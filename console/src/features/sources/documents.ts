import { graphql } from "../../graphql/gql";

export const SourcesQuery = graphql(`
  query ConsoleSources($first: Int, $after: String, $last: Int, $before: String, $filter: ListFilter) {
    trafficSources(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
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
          status
          currency
          template
          postbackUrl
          updatedAt
        }
      }
    }
  }
`);

export const SourceQuery = graphql(`
  query ConsoleSource($id: ID!) {
    trafficSource(id: $id) {
      id
      name
      status
      template
      currency
      clickIdParam
      clickIdMacro
      costParam
      costMacro
      campaignIdParam
      campaignIdMacro
      adSetIdParam
      adSetIdMacro
      adIdParam
      adIdMacro
      placementParam
      placementMacro
      extraParams {
        param
        macro
      }
      postbackUrl
      postbackOnStatusChange
      apiUrl
      hasApiKey
    }
  }
`);

export const SourceTemplatesQuery = graphql(`
  query ConsoleSourceTemplates {
    trafficSourceTemplates {
      key
      name
      types
      clickIdParam
      clickIdMacro
      costParam
      costMacro
      campaignIdParam
      campaignIdMacro
      adSetIdParam
      adSetIdMacro
      adIdParam
      adIdMacro
      placementParam
      placementMacro
      postbackUrl
    }
  }
`);

export const CreateSourceMutation = graphql(`
  mutation ConsoleCreateSource($input: CreateTrafficSourceInput!) {
    createTrafficSource(input: $input) {
      __typename
      ... on MutationCreateTrafficSourceSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateSourceMutation = graphql(`
  mutation ConsoleUpdateSource($input: UpdateTrafficSourceInput!) {
    updateTrafficSource(input: $input) {
      __typename
      ... on MutationUpdateTrafficSourceSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteSourceMutation = graphql(`
  mutation ConsoleDeleteSource($id: ID!) {
    deleteTrafficSource(id: $id) {
      __typename
      ... on MutationDeleteTrafficSourceSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
