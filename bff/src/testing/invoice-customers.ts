/** Demo personas of eight accounts, each with a paid invoice: eight PDF downloaders at once. */
export const INVOICE_CUSTOMERS = [
  'astrid@nordljus.example',
  'maria@northwind.example',
  'eleni@helios.example',
  'priya@globex.example',
  'claire@lumiere.example',
  'andrei@carpati.example',
  'haruto@sakura.example',
  'fatima@alnoor.example',
] as const;
