const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** IDs are opaque strings to clients; internally they are UUIDs, and anything else cannot exist. */
export const isUuid = (value) => typeof value === 'string' && UUID.test(value);
//# sourceMappingURL=ids.js.map