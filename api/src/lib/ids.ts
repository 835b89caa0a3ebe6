import { v7 } from "uuid";

/** Time-sortable, unguessable ids (UUIDv7: 48-bit time, 74 random bits) for every row. */
export const newId = (): string => v7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);
