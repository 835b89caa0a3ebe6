// Fragments shared by the console's documents. Every write mutation answers its typed errors with these fields:
// the message, the per-field issues of a ValidationError, and the field a ConflictError is about.
import { graphql } from "./gql";

export const WriteErrorFields = graphql(`
  fragment WriteErrorFields on Error {
    message
    ... on ValidationError {
      fields {
        path
        message
      }
    }
    ... on ConflictError {
      field
    }
  }
`);
