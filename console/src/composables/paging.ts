// Cursor paging and the search box of a list, in the URL (?q=, ?after=, ?before=).
import { computed } from "vue";
import { useQueryParam } from "./urlState";

export function usePaging(pageSize = 25) {
  const search = useQueryParam("q");
  const after = useQueryParam("after");
  const before = useQueryParam("before");
  const window = computed(() =>
    before.value ? { last: pageSize, before: before.value } : { first: pageSize, ...(after.value ? { after: after.value } : {}) },
  );
  return {
    search,
    window,
    reset() {
      after.value = "";
      before.value = "";
    },
    next(pageInfo: { endCursor?: string | null } | undefined) {
      before.value = "";
      after.value = pageInfo?.endCursor ?? "";
    },
    prev(pageInfo: { startCursor?: string | null } | undefined) {
      after.value = "";
      before.value = pageInfo?.startCursor ?? "";
    },
  };
}
