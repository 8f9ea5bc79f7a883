declare module 'jsonexport/dist' {
  /** jsonexport (the CSV writer react-admin's own exporter uses) has no types of its own. */
  export default function jsonExport(data: object[], options: { headers?: string[] }, callback: (error: Error | null, csv: string) => void): void;
}
