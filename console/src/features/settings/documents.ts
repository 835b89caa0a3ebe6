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

export const GeoIpStatusFields = graphql(`
  fragment ConsoleGeoIpStatusFields on GeoIpStatus {
    hasLicenseKey
    updatedAt
    city {
      edition
      ok
      path
      databaseType
      builtAt
      error
    }
    asn {
      edition
      ok
      path
      databaseType
      builtAt
      error
    }
  }
`);
export const GeoIpStatusQuery = graphql(`
  query ConsoleGeoIpStatus {
    geoipStatus {
      ...ConsoleGeoIpStatusFields
    }
  }
`);

export const DownloadGeoIpMutation = graphql(`
  mutation ConsoleDownloadGeoIp($licenseKey: String) {
    downloadGeoipDatabases(licenseKey: $licenseKey) {
      __typename
      ... on MutationDownloadGeoipDatabasesSuccess {
        data {
          ...ConsoleGeoIpStatusFields
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const PostbackKeysQuery = graphql(`
  query ConsolePostbackKeys($withNetworks: Boolean!) {
    postbackKeys {
      id
      name
      prefix
      networkId
      createdAt
      revokedAt
    }
    affiliateNetworks(first: 200) @include(if: $withNetworks) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const CreatePostbackKeyMutation = graphql(`
  mutation ConsoleCreatePostbackKey($name: String, $networkId: ID) {
    createPostbackKey(name: $name, networkId: $networkId) {
      __typename
      ... on MutationCreatePostbackKeySuccess {
        data {
          key
          postbackKey {
            id
            prefix
          }
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const RevokePostbackKeyMutation = graphql(`
  mutation ConsoleRevokePostbackKey($id: ID!) {
    revokePostbackKey(id: $id) {
      __typename
      ... on MutationRevokePostbackKeySuccess {
        data {
          id
          revokedAt
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const CurrencyRatesQuery = graphql(`
  query ConsoleCurrencyRates {
    currencyRates {
      currency
      rate
      updatedAt
    }
  }
`);

export const SetCurrencyRateMutation = graphql(`
  mutation ConsoleSetCurrencyRate($currency: String!, $rate: Decimal!) {
    setCurrencyRate(currency: $currency, rate: $rate) {
      __typename
      ... on MutationSetCurrencyRateSuccess {
        data {
          currency
          rate
          updatedAt
        }
      }
      ...WriteErrorFields
    }
  }
`);

export const DeleteCurrencyRateMutation = graphql(`
  mutation ConsoleDeleteCurrencyRate($currency: String!) {
    deleteCurrencyRate(currency: $currency) {
      __typename
      ... on MutationDeleteCurrencyRateSuccess {
        data {
          currency
        }
      }
      ...WriteErrorFields
    }
  }
`);
