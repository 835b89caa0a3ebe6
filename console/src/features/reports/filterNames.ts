// Report filter chips name entities, not UUIDs: one query fetches the names of the campaigns, offers, landers,
// sources and the flow the URL's filters point at (only the sections the user can read).
import { useQuery } from "@urql/vue";
import { computed, type Ref } from "vue";
import { isUuid } from "../../composables/ids";
import { can, type Section } from "../../composables/session";
import { FilterNamesQuery } from "./documents";

/** Report dimensions whose values are entity ids, and the permission section that can read their names. */
export const ID_DIMENSIONS = { campaign: "campaigns", offer: "offers", landing: "landings", source: "sources", flow: "flows" } as const satisfies Record<
  string,
  Section
>;
type IdDimension = keyof typeof ID_DIMENSIONS;
const isIdDimension = (d: string): d is IdDimension => d in ID_DIMENSIONS;

/** What a chip shows for one filter value: the entity's name when known, "(none)" for the empty value. */
export function filterLabel(dimension: string, value: string, names: ReadonlyMap<string, string>): string {
  if (!value) return "(none)";
  if (isIdDimension(dimension)) return names.get(value) ?? (isUuid(value) ? `${value.slice(0, 8)}…` : value);
  return value;
}

/** The ids per entity kind among the filters (only well-formed UUIDs: anything else would fail the query). */
export function idsByDimension(filters: ReadonlyArray<{ dimension: string; value: string }>): Record<IdDimension, string[]> {
  const out: Record<IdDimension, string[]> = { campaign: [], offer: [], landing: [], source: [], flow: [] };
  for (const f of filters) if (isIdDimension(f.dimension) && isUuid(f.value) && !out[f.dimension].includes(f.value)) out[f.dimension].push(f.value);
  return out;
}

export function useFilterNames(filters: Ref<ReadonlyArray<{ dimension: string; value: string }>>) {
  const ids = computed(() => idsByDimension(filters.value));
  const want = (d: IdDimension) => ids.value[d].length > 0 && can(ID_DIMENSIONS[d]);
  const variables = computed(() => ({
    campaignIds: ids.value.campaign,
    offerIds: ids.value.offer,
    landingIds: ids.value.landing,
    sourceIds: ids.value.source,
    flowId: ids.value.flow[0] ?? "",
    campaigns: want("campaign"),
    offers: want("offer"),
    landings: want("landing"),
    sources: want("source"),
    flow: want("flow"),
  }));
  const q = useQuery({
    query: FilterNamesQuery,
    variables,
    pause: computed(() => !(Object.keys(ID_DIMENSIONS) as IdDimension[]).some(want)),
  });
  const names = computed(() => {
    const m = new Map<string, string>();
    const d = q.data.value;
    if (!d) return m;
    for (const conn of [d.campaigns, d.offers, d.landingPages, d.trafficSources]) for (const e of conn?.edges ?? []) m.set(e.node.id, e.node.name);
    if (d.flow) m.set(d.flow.id, d.flow.name || `Flow #${d.flow.position + 1}`);
    return m;
  });
  return { label: (dimension: string, value: string) => filterLabel(dimension, value, names.value) };
}
