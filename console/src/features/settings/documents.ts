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
      ...WriteErrorFields
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

export const SettingsQuery = graphql(`
  query ConsoleSettings {
    settings {
      accountCurrency
      timezone
      conversionRegistration
      ipAnonymization
      pixelCookieDays
      postbackKeyRequired
      postbackAllowedIps
      customConversionTypes
      geoipCityPath
      geoipAsnPath
      geoipUpdatedAt
      hasMaxmindLicenseKey
      updatedAt
    }
  }
`);

export const UpdateSettingsMutation = graphql(`
  mutation ConsoleUpdateSettings($input: UpdateSettingsInput!) {
    updateSettings(input: $input) {
      __typename
      ... on MutationUpdateSettingsSuccess {
        data {
          accountCurrency
          timezone
          updatedAt
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const ExportConfigurationQuery = graphql(`
  query ConsoleExportConfiguration($type: TransferType!, $format: TransferFormat) {
    exportConfiguration(type: $type, format: $format) {
      data
      contentType
      filename
    }
  }
`);

export const ImportConfigurationMutation = graphql(`
  mutation ConsoleImportConfiguration($type: TransferType!, $format: TransferFormat, $data: String!) {
    importConfiguration(type: $type, format: $format, data: $data) {
      __typename
      ... on MutationImportConfigurationSuccess {
        data {
          created
          updated
        }
      }
      ... on ValidationError {
        message
        fields {
          path
          message
        }
      }
    }
  }
`);

export const UsersQuery = graphql(`
  query ConsoleUsers {
    users(first: 200) {
      edges {
        node {
          id
          email
          name
          role
          active
          lastLoginAt
          permissions {
            section
            read
            write
          }
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation ConsoleCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on MutationCreateUserSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation ConsoleUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      __typename
      ... on MutationUpdateUserSuccess {
        data {
          id
        }
      }
      ...WriteErrorFields
    }
  }
`);
