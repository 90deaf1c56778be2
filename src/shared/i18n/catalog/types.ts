/** A catalog: nested groups of messages in i18next's format (`{{name}}`, `_one`/`_other` plurals). */
export interface Catalog {
  [key: string]: string | Catalog;
}
