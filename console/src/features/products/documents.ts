import { graphql } from "../../graphql/gql";

export const ProductsQuery = graphql(`
  query ConsoleProducts($first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter) {
    products(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
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
          sku
          name
          price
          currency
          category
          source
          externalId
          imageUrl
        }
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation ConsoleCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on MutationCreateProductSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation ConsoleUpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      __typename
      ... on MutationUpdateProductSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteProductMutation = graphql(`
  mutation ConsoleDeleteProduct($id: ID!) {
    deleteProduct(id: $id) {
      __typename
      ... on MutationDeleteProductSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
