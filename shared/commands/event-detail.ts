/** A value of a recorded event's detail as words (`fallback` when it is missing or not a word or number). */
export const detailValue = (detail: Record<string, unknown>, key: string, fallback = '?'): string => {
  const v = detail[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : fallback;
};
