// Filters and report settings live in the URL query so a view can be shared and survives a reload.
import { computed, type WritableComputedRef } from "vue";
import { useRoute, useRouter } from "vue-router";

/** A string query parameter as a ref; setting it replaces the history entry and drops the default value from the URL. */
export function useQueryParam(key: string, fallback = ""): WritableComputedRef<string> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => {
      const v = route.query[key];
      return (Array.isArray(v) ? v[0] : v) ?? fallback;
    },
    set: (value: string) => {
      const query = { ...route.query };
      if (value === fallback || value === "") delete query[key];
      else query[key] = value;
      void router.replace({ query });
    },
  });
}

/** A comma-separated list parameter. */
export function useQueryList(key: string, fallback: string[] = []): WritableComputedRef<string[]> {
  const raw = useQueryParam(key, fallback.join(","));
  return computed({
    get: () => (raw.value ? raw.value.split(",").filter(Boolean) : []),
    set: (v: string[]) => {
      raw.value = v.join(",");
    },
  });
}

/** Sets several parameters in one navigation (e.g. drill-down changes group and filter together). */
export function useQueryPatch() {
  const route = useRoute();
  const router = useRouter();
  return (patch: Record<string, string | null>) => {
    const query = { ...route.query };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === "") delete query[k];
      else query[k] = v;
    }
    return router.replace({ query });
  };
}
