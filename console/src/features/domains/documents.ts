import { graphql } from "../../graphql/gql";

export const DomainsQuery = graphql(`
  query ConsoleDomains($first: Int, $after: String, $last: Int, $before: String, $filter: DomainFilter) {
    domains(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          hostname
          groupName
          dnsProvider
          sslStatus
          verified
          verifiedAt
        }
      }
    }
  }
`);

export const VerifyDomainMutation = graphql(`
  mutation ConsoleVerifyDomain($id: ID!) {
    verifyDomain(id: $id) {
      __typename
      ... on MutationVerifyDomainSuccess {
        data {
          id
          verified
          verifiedAt
        }
      }
      ... on ValidationError {
        message
      }
      ... on ConflictError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export const CreateDomainMutation = graphql(`
  mutation ConsoleCreateDomain($input: CreateDomainInput!) {
    createDomain(input: $input) {
      __typename
      ... on MutationCreateDomainSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateDomainMutation = graphql(`
  mutation ConsoleUpdateDomain($input: UpdateDomainInput!) {
    updateDomain(input: $input) {
      __typename
      ... on MutationUpdateDomainSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteDomainMutation = graphql(`
  mutation ConsoleDeleteDomain($id: ID!) {
    deleteDomain(id: $id) {
      __typename
      ... on MutationDeleteDomainSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
