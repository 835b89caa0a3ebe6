import { graphql } from "../../graphql/gql";

export const FlowsQuery = graphql(`
  query ConsoleFlows($campaignId: ID!) {
    flows(campaignId: $campaignId) {
      id
      name
      type
      status
      binding
      position
      weight
      trafficAiEnabled
      filters {
        field
        operator
        values
      }
      landings {
        weight
        landing {
          id
          name
        }
      }
      offers {
        weight
        offer {
          id
          name
        }
      }
    }
    flowFilterFields {
      field
      operators
    }
  }
`);

export const LanderOptionsQuery = graphql(`
  query ConsoleLanderOptions {
    landingPages(first: 200) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreateFlowMutation = graphql(`
  mutation ConsoleCreateFlow($input: CreateFlowInput!) {
    createFlow(input: $input) {
      __typename
      ... on MutationCreateFlowSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateFlowMutation = graphql(`
  mutation ConsoleUpdateFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      __typename
      ... on MutationUpdateFlowSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteFlowMutation = graphql(`
  mutation ConsoleDeleteFlow($id: ID!) {
    deleteFlow(id: $id) {
      __typename
      ... on MutationDeleteFlowSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const ReorderFlowsMutation = graphql(`
  mutation ConsoleReorderFlows($campaignId: ID!, $flowIds: [ID!]!) {
    reorderFlows(campaignId: $campaignId, flowIds: $flowIds) {
      __typename
      ... on MutationReorderFlowsSuccess {
        data {
          id
          position
        }
      }
      ...WriteErrorFields
    }
  }
`);
