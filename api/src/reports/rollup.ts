// Where base sums come from. For now straight from the raw rows; rollups plug in here.
import type { Deps } from "../deps.js";
import { type BaseQuery, baseSums, type GroupSums } from "./base-sums.js";

export async function readSums(deps: Deps, q: BaseQuery): Promise<GroupSums[]> {
  return baseSums(deps.db.sql, q);
}
