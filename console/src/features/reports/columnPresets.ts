// Named column sets for the report table, saved in this browser (localStorage).
import { ref } from "vue";

const KEY = "trackily.report.columnPresets";

function load(): Record<string, string[]> {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, string[]>;
  } catch {
    return {};
  }
}

const presets = ref<Record<string, string[]>>(load());

export function useColumnPresets() {
  const persist = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(presets.value));
    } catch {
      /* storage full or disabled: presets last for this tab */
    }
  };
  return {
    presets,
    save(name: string, columns: string[]) {
      presets.value = { ...presets.value, [name]: [...columns] };
      persist();
    },
    remove(name: string) {
      const { [name]: _gone, ...rest } = presets.value;
      presets.value = rest;
      persist();
    },
  };
}
