// Shapes shared by the backup and restore code of both backends.

export interface TableCount {
  table: string;
  rows: number;
}

/** Receives one line per step of a long operation (the CLI prints them). */
export type Progress = (line: string) => void;
