import { mount } from "@vue/test-utils";
import { describe, expect, it } from "vitest";
import DataTable from "./DataTable.vue";

const columns = [
  { key: "name", label: "Name", sortable: true },
  { key: "n", label: "N", align: "right" as const },
];

describe("DataTable", () => {
  it("shows loading, empty and error states", async () => {
    const w = mount(DataTable, { props: { columns, rows: null, loading: true } });
    expect(w.text()).toContain("Loading");
    await w.setProps({ loading: false, rows: [], emptyText: "Nothing yet" });
    expect(w.text()).toContain("Nothing yet");
    await w.setProps({ error: "Boom" });
    expect(w.find("[role=alert]").text()).toContain("Boom");
    await w.find("[role=alert] button").trigger("click");
    expect(w.emitted("retry")).toHaveLength(1);
  });
  it("pages a plain list locally and emits sort", async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ id: String(i), name: `row ${i}`, n: i }));
    const w = mount(DataTable, { props: { columns, rows, pageSize: 2 } });
    expect(w.findAll("tbody tr")).toHaveLength(2);
    expect(w.text()).toContain("Page 1 of 3");
    await w.findAll(".pager button")[1]!.trigger("click");
    expect(w.text()).toContain("row 2");
    await w.find("th.sortable").trigger("click");
    expect(w.emitted("sort")?.[0]).toEqual(["name", "desc"]);
  });
  it("uses cursor pages when the API gives pageInfo", async () => {
    const w = mount(DataTable, {
      props: { columns, rows: [{ id: "a", name: "A", n: 1 }], pageInfo: { hasNextPage: true, hasPreviousPage: false }, totalCount: 30 },
    });
    await w.findAll(".pager button")[1]!.trigger("click");
    expect(w.emitted("next")).toHaveLength(1);
  });
});
