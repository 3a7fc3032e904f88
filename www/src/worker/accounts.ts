// An account list file read in the worker (CSV parsing stays off the page's thread).
import { accountsFromCsv, type AccountField, type AccountsRead } from '../accounts';

export async function readAccounts({ file, fields }: { file: Blob | string; fields?: AccountField[] }): Promise<AccountsRead> {
  const text = typeof file === 'string' ? file : await file.text();
  const Papa = (await import('papaparse')).default;
  return accountsFromCsv(Papa, text, fields);
}
