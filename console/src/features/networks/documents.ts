import { graphql } from "../../graphql/gql";

export const NetworksQuery = graphql(`
  query ConsoleNetworks($first: Int, $after: String, $last: Int, $before: String, $filter: ListFilter) {
    affiliateNetworks(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          type
          status
          postbackTemplate
          allowedIps
          requireKey
          apiUrl
          hasApiKey
          updatedAt
        }
      }
    }
  }
`);

export const CreateNetworkMutation = graphql(`
  mutation ConsoleCreateNetwork($input: CreateAffiliateNetworkInput!) {
    createAffiliateNetwork(input: $input) {
      __typename
      ... on MutationCreateAffiliateNetworkSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateNetworkMutation = graphql(`
  mutation ConsoleUpdateNetwork($input: UpdateAffiliateNetworkInput!) {
    updateAffiliateNetwork(input: $input) {
      __typename
      ... on MutationUpdateAffiliateNetworkSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
