import { graphql } from "../../graphql/gql";

export const LandersQuery = graphql(`
  query ConsoleLanders($first: Int, $after: String, $last: Int, $before: String, $filter: LandingPageFilter) {
    landingPages(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          url
          html
          status
          offerCount
          protectionEnabled
          steps
          importedFrom
          updatedAt
        }
      }
    }
  }
`);

export const ImportLanderMutation = graphql(`
  mutation ConsoleImportLander($name: String!, $url: String!) {
    importLandingPageFromUrl(name: $name, url: $url) {
      __typename
      ... on MutationImportLandingPageFromUrlSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const CreateLanderMutation = graphql(`
  mutation ConsoleCreateLander($input: CreateLandingPageInput!) {
    createLandingPage(input: $input) {
      __typename
      ... on MutationCreateLandingPageSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateLanderMutation = graphql(`
  mutation ConsoleUpdateLander($input: UpdateLandingPageInput!) {
    updateLandingPage(input: $input) {
      __typename
      ... on MutationUpdateLandingPageSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteLanderMutation = graphql(`
  mutation ConsoleDeleteLander($id: ID!) {
    deleteLandingPage(id: $id) {
      __typename
      ... on MutationDeleteLandingPageSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
