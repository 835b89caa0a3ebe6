// The date range of dashboards and reports, kept in the URL (?range=7d or ?range=custom&from=..&to=..).
import { computed } from "vue";
import type { DatePreset as ApiPreset, ReportRangeInput } from "../../graphql/gql/graphql";
import { type DatePreset, DATE_PRESETS } from "../../composables/format";
import { useQueryParam } from "../../composables/urlState";

const API_PRESET: Partial<Record<DatePreset, ApiPreset>> = { today: "TODAY", yesterday: "YESTERDAY", "7d": "LAST_7_DAYS", "30d": "LAST_30_DAYS" };

export function useRangeParams(defaultPreset: DatePreset = "7d") {
  const preset = useQueryParam("range", defaultPreset);
  const from = useQueryParam("from");
  const to = useQueryParam("to");
  const valid = computed<DatePreset>(() => (DATE_PRESETS.some((p) => p.value === preset.value) ? (preset.value as DatePreset) : defaultPreset));
  /** The API's range: a preset resolves in the account time zone on the server. */
  const range = computed<ReportRangeInput>(() => {
    const api = API_PRESET[valid.value];
    if (api) return { preset: api };
    return { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) };
  });
  return { preset, from, to, valid, range };
}
