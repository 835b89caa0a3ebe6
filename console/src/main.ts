import urql from "@urql/vue";
import { createApp } from "vue";
import App from "./App.vue";
import { client, whenSignedOut } from "./graphql/instance";
import { createAppRouter } from "./router";
import "./styles.css";

const router = createAppRouter();
whenSignedOut(() => {
  if (router.currentRoute.value.name !== "login") void router.push({ name: "login" });
});
createApp(App).use(router).use(urql, client).mount("#app");
