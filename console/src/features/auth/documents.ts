import { graphql } from "../../graphql/gql";

export const ViewerQuery = graphql(`
  query ConsoleViewer {
    viewer {
      name
      actorType
      expiresAt
      permissions {
        section
        read
        write
      }
      user {
        id
        email
        name
        role
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation ConsoleLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on MutationLoginSuccess {
        data {
          token
          expiresAt
          user {
            id
            name
            email
            role
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
      ... on UnauthenticatedError {
        message
      }
      ... on RateLimitedError {
        message
        retryAfterSec
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation ConsoleLogout {
    logout
  }
`);
