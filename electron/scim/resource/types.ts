/**
 * The shape of a resource as the directory stores it.
 */

/** A JSON value as parsed from a request body. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * A User or Group's attributes with canonical names, as stored: core attributes at the top level, extension
 * attributes under their URN key (`"urn:…:enterprise:2.0:User": { "department": … }`). `id` and `meta` are not part
 * of it (the directory owns them); a Group's `members` are, as `[{ value, type?, display? }]`.
 */
export type StoredResource = JsonObject;
