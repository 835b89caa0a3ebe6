import { graphql } from "../../graphql/gql";

export const ApiKeysQuery = graphql(`
  query ConsoleApiKeys {
    apiKeys {
      id
      name
      prefix
      createdAt
      lastUsedAt
      expiresAt
      revokedAt
      createdBy {
        id
        name
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation ConsoleCreateApiKey($name: String!, $expiresAt: DateTime) {
    createApiKey(name: $name, expiresAt: $expiresAt) {
      __typename
      ... on MutationCreateApiKeySuccess {
        data {
          key
          apiKey {
            id
            name
            prefix
          }
        }
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
      ... on ConflictError {
        message
        field
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on MutationRevokeApiKeySuccess {
        data {
          id
          revokedAt
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
