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

export const TestNetworkMutation = graphql(`
  mutation ConsoleTestNetwork($id: ID!) {
    testAffiliateNetwork(id: $id) {
      __typename
      ... on MutationTestAffiliateNetworkSuccess {
        data {
          ok
          message
          offerCount
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const ImportNetworkOffersMutation = graphql(`
  mutation ConsoleImportNetworkOffers($id: ID!) {
    importNetworkOffers(id: $id) {
      __typename
      ... on MutationImportNetworkOffersSuccess {
        data {
          created
          updated
          skipped
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteNetworkMutation = graphql(`
  mutation ConsoleDeleteNetwork($id: ID!) {
    deleteAffiliateNetwork(id: $id) {
      __typename
      ... on MutationDeleteAffiliateNetworkSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
