// How a card's date reads. Dates are stored as yyyy-mm-dd, or as --mm-dd when
// the article gave a day and month but no year (the engine never invents a
// year from today's date), which reads "27 Jun".
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function cardDateLabel(date: string | null): string | null {
  if (!date) return null;
  const partial = /^--(\d{2})-(\d{2})$/.exec(date);
  if (!partial) return date;
  const month = MONTHS[Number(partial[1]) - 1];
  return month ? `${Number(partial[2])} ${month}` : null;
}
