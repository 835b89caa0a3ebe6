// The spec's flow conflict detection: several default flows is an error (only the first runs), a forced flow
// without filters a warning (it shadows everything), regular flows with identical filters an info (an
// unintentional A/B test).

export type ConflictLevel = "ERROR" | "WARNING" | "INFO";

export interface FlowConflict {
  level: ConflictLevel;
  code: "MULTIPLE_DEFAULT_FLOWS" | "FORCED_FLOW_WITHOUT_FILTERS" | "IDENTICAL_REGULAR_FILTERS";
  message: string;
  flowIds: string[];
}

export interface FlowForConflicts {
  id: string;
  name: string;
  type: "FORCED" | "REGULAR" | "DEFAULT";
  position: number;
  status: string;
  filters: unknown;
}

/** A filter list in a canonical form, so equal filters written in a different order compare equal. */
export function canonicalFilters(filters: unknown): string {
  if (!Array.isArray(filters)) return "[]";
  const norm = filters.map((f: { field?: unknown; operator?: unknown; value?: unknown }) => {
    const value = Array.isArray(f.value) ? [...f.value].map((v) => String(v).toLowerCase()).sort() : String(f.value ?? "").toLowerCase();
    return JSON.stringify([String(f.field ?? ""), String(f.operator ?? ""), value]);
  });
  return JSON.stringify(norm.sort());
}

const label = (f: FlowForConflicts) => (f.name ? `"${f.name}"` : `#${f.position + 1}`);

export function detectFlowConflicts(allFlows: readonly FlowForConflicts[]): FlowConflict[] {
  const flows = allFlows.filter((f) => f.status === "ACTIVE").sort((a, b) => a.position - b.position);
  const conflicts: FlowConflict[] = [];

  const defaults = flows.filter((f) => f.type === "DEFAULT");
  if (defaults.length > 1) {
    const [first] = defaults;
    conflicts.push({
      level: "ERROR",
      code: "MULTIPLE_DEFAULT_FLOWS",
      message: `${defaults.length} default flows: only the first (${label(first as FlowForConflicts)}) runs`,
      flowIds: defaults.map((f) => f.id),
    });
  }

  for (const f of flows) {
    if (f.type === "FORCED" && canonicalFilters(f.filters) === "[]") {
      conflicts.push({
        level: "WARNING",
        code: "FORCED_FLOW_WITHOUT_FILTERS",
        message: `forced flow ${label(f)} has no filters, so it takes all traffic and every other flow is shadowed`,
        flowIds: [f.id],
      });
    }
  }

  const regularByFilters = new Map<string, FlowForConflicts[]>();
  for (const f of flows.filter((x) => x.type === "REGULAR")) {
    const key = canonicalFilters(f.filters);
    regularByFilters.set(key, [...(regularByFilters.get(key) ?? []), f]);
  }
  for (const group of regularByFilters.values()) {
    if (group.length > 1) {
      conflicts.push({
        level: "INFO",
        code: "IDENTICAL_REGULAR_FILTERS",
        message: `regular flows ${group.map(label).join(", ")} have identical filters: traffic is split between them by weight (an A/B test)`,
        flowIds: group.map((f) => f.id),
      });
    }
  }
  return conflicts;
}
