// Owns what a table spec is and what follows from one: the row type (type level, for the appends
// and the dashboard's queries) and the CREATE TABLE text. The specs themselves are in tables.ts.

export type ColumnType = 'INTEGER' | 'DOUBLE' | 'VARCHAR' | 'VARCHAR[]' | 'DATE' | 'BOOLEAN' | 'TIMESTAMP' | 'JSON' | 'BLOB';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  /** NOT NULL unless this is true. */
  readonly nullable?: boolean;
  /** The only values a VARCHAR column holds: its row type is their union. */
  readonly values?: readonly string[];
  /** One line for schema.sql; a column with `values` lists them when this is absent. */
  readonly comment?: string;
}

export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  /** Primary key columns. */
  readonly key: readonly string[];
  /** Lines above the CREATE TABLE in schema.sql. */
  readonly comment?: readonly string[];
}

/** A spec as written, its names and types kept as literals so Row can read them. */
export function defineTable<const T extends Table>(table: T): T {
  return table;
}

/**
 * What a value of the column is in TypeScript, as appended and as the dashboard's query() returns
 * it (getRowObjectsJson): DATE as 'YYYY-MM-DD', TIMESTAMP as 'YYYY-MM-DD HH:MM:SS[.fff]', JSON as its text
 * (BLOB: bytes as appended; read back by the pipeline only, pipeline/assign/model.ts).
 */
type ValueOf<C extends Column> = C['type'] extends 'INTEGER' | 'DOUBLE'
  ? number
  : C['type'] extends 'BOOLEAN'
    ? boolean
    : C['type'] extends 'VARCHAR[]'
      ? string[]
      : C['type'] extends 'BLOB'
        ? Uint8Array
      : C extends { values: readonly (infer V)[] }
        ? V
        : string;

type CellOf<C extends Column> = C extends { nullable: true } ? ValueOf<C> | null : ValueOf<C>;

/** One row of the table, keyed by column name. */
export type Row<T extends Table> = { [C in T['columns'][number] as C['name']]: CellOf<C> };

/** `run_id` → `runId`, for the dashboard's camel-case aliases of columns. */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** A row (or Pick of one) with camel-case keys: what `SELECT theme_id AS "themeId", …` returns. */
export type Camel<R> = { [K in keyof R as CamelCase<K & string>]: R[K] };

const COMMENT_AT = 43;

function columnComment(column: Column): string | undefined {
  if (column.comment !== undefined) return column.comment;
  if (column.values === undefined) return undefined;
  return [...column.values.map((v) => `'${v}'`), ...(column.nullable ? ['NULL'] : [])].join(' | ');
}

/** The table's CREATE TABLE IF NOT EXISTS, one column a line with its comment aligned. */
export function createTableSql(table: Table): string {
  const width = Math.max(...table.columns.map((c) => c.name.length)) + 2;
  const inlineKey = table.key.length === 1 ? table.key[0] : null;
  const lines = table.columns.map((c) => {
    const constraint = c.name === inlineKey ? ' PRIMARY KEY' : c.nullable ? '' : ' NOT NULL';
    return { text: `  ${c.name.padEnd(width)}${c.type}${constraint}`, comment: columnComment(c) };
  });
  if (inlineKey === null && table.key.length > 0) lines.push({ text: `  PRIMARY KEY (${table.key.join(', ')})`, comment: undefined });
  const body = lines.map(({ text, comment }, i) => {
    const line = i < lines.length - 1 ? `${text},` : text;
    return comment === undefined ? line : `${line.padEnd(COMMENT_AT - 1)} -- ${comment}`;
  });
  const head = (table.comment ?? []).map((c) => `-- ${c}\n`).join('');
  return `${head}CREATE TABLE IF NOT EXISTS ${table.name} (\n${body.join('\n')}\n);\n`;
}
