// Typed GraphQL documents from api/schema.graphql: for the console, and for the api's own GraphQL tests.
import type { CodegenConfig } from "@graphql-codegen/cli";

const scalars = { DateTime: "string", Decimal: "string", JSON: "unknown" };

const config: CodegenConfig = {
  schema: "api/schema.graphql",
  ignoreNoDocuments: true,
  generates: {
    "console/src/graphql/gql/": {
      documents: ["console/src/**/*.{ts,vue}", "!console/src/graphql/gql/**/*"],
      preset: "client",
      config: { scalars, useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
    "api/test/gql/": {
      documents: ["api/test/**/*.ts", "api/src/**/*.test.ts", "!api/test/gql/**/*"],
      preset: "client",
      config: { scalars, useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
