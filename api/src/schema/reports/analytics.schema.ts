import { builder } from "../../graphql/builder.js";
void builder;
