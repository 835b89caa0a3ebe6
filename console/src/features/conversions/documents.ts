import { graphql } from "../../graphql/gql";

export const ConversionRecordedSubscription = graphql(`
  subscription ConsoleConversionRecorded($campaignId: ID) {
    conversionRecorded(campaignId: $campaignId) {
      change
      conversionId
      campaignId
      conversion {
        id
        type
        status
        revenue
        revenueAccount
        accountCurrency
        currency
        transactionId
        country
        createdAt
        clickId
      }
    }
  }
`);

export const ConversionsQuery = graphql(`
  query ConsoleConversions($first: Int, $after: String, $last: Int, $before: String, $filter: ConversionFilter) {
    conversions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          createdAt
          clickCreatedAt
          clickId
          campaignId
          type
          status
          ecomStatus
          rawStatus
          revenue
          currency
          revenueAccount
          accountCurrency
          transactionId
          country
          origin
        }
      }
    }
  }
`);

export const ConversionDetailQuery = graphql(`
  query ConsoleConversionDetail($id: ID!) {
    conversion(id: $id) {
      id
      clickId
      status
      revenue
      currency
      history {
        id
        createdAt
        fromStatus
        toStatus
        fromEcomStatus
        toEcomStatus
        fromRevenue
        toRevenue
        origin
        userId
        note
      }
      postbackLog {
        id
        receivedAt
        channel
        method
        outcome
        message
        ip
        params
      }
      deliveries {
        id
        kind
        url
        status
        attempts
        lastStatus
        lastError
        deliveredAt
      }
    }
  }
`);

export const PostbackLogQuery = graphql(`
  query ConsolePostbackLog($filter: PostbackLogFilter) {
    postbackLog(filter: $filter, limit: 100) {
      id
      receivedAt
      channel
      method
      outcome
      message
      ip
      clickId
      conversionId
      params
    }
  }
`);

export const ChangeConversionMutation = graphql(`
  mutation ConsoleChangeConversion($input: ChangeConversionInput!) {
    changeConversion(input: $input) {
      __typename
      ... on MutationChangeConversionSuccess {
        data {
          outcome
          conversion {
            id
            status
            ecomStatus
            revenue
            currency
            revenueAccount
            accountCurrency
          }
        }
      }
      ...WriteErrorFields
    }
  }
`);

/** Names for the "who" of history rows (operators' user ids); asked only by those who may read users. */
export const UserNamesQuery = graphql(`
  query ConsoleUserNames {
    users(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);
