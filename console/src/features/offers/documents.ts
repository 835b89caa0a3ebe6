import { graphql } from "../../graphql/gql";

export const OffersQuery = graphql(`
  query ConsoleOffers($first: Int, $after: String, $last: Int, $before: String, $filter: OfferFilter, $withNetwork: Boolean = true) {
    offers(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          url
          status
          payout
          payoutType
          currency
          dailyCap
          totalCap
          capTimezone
          clickIdParam
          externalId
          network @include(if: $withNetwork) {
            id
            name
          }
          geoPayouts {
            country
            payout
            currency
          }
        }
      }
    }
  }
`);

export const NetworkOptionsQuery = graphql(`
  query ConsoleNetworkOptions {
    affiliateNetworks(first: 200) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateOfferMutation = graphql(`
  mutation ConsoleCreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      __typename
      ... on MutationCreateOfferSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateOfferMutation = graphql(`
  mutation ConsoleUpdateOffer($input: UpdateOfferInput!) {
    updateOffer(input: $input) {
      __typename
      ... on MutationUpdateOfferSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteOfferMutation = graphql(`
  mutation ConsoleDeleteOffer($id: ID!) {
    deleteOffer(id: $id) {
      __typename
      ... on MutationDeleteOfferSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
