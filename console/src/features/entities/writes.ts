// Create, update and delete for an entity page, as EntityPage's `save` and `remove` expect: each mutation's typed
// result (its one top-level field) turned into a MutationOutcome with field errors.
import { type AnyVariables, type DocumentInput, useMutation } from "@urql/vue";
import { type MutationOutcome, outcome } from "../../composables/errors";

type Doc = DocumentInput<unknown, AnyVariables>;
const onlyField = (d: never): unknown => Object.values(d as Record<string, unknown>)[0];

export function useEntityWrites(docs: { create: Doc; update: Doc; remove: Doc }) {
  const create = useMutation(docs.create);
  const update = useMutation(docs.update);
  const del = useMutation(docs.remove);
  async function save(input: Record<string, unknown>, creating: boolean, row: { id: string } | null): Promise<MutationOutcome<unknown>> {
    if (creating || !row) return outcome(await create.executeMutation({ input }), onlyField);
    return outcome(await update.executeMutation({ input: { ...input, id: row.id } }), onlyField);
  }
  const remove = async (row: { id: string }): Promise<MutationOutcome<unknown>> => outcome(await del.executeMutation({ id: row.id }), onlyField);
  return { save, remove };
}
