/** 王秀英 → 王*; the surname stays so that staff and volunteers can address the person politely. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : chars[0] + '*';
}

/** 13800000001 → 138****0001 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? phone.slice(0, 3) + '****' + phone.slice(7) : '***';
}

/** 110101199003071234 → 110101********1234: region kept, birth date and sequence hidden. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? id.slice(0, 6) + '********' + id.slice(14) : '******';
}

/** Separators people type inside a number: spaces, dashes, dots, slashes (half- and full-width). */
const SEP = '[\\s.\\-_/·．－—–／]';

/**
 * Masks every phone number inside free text (留言): mainland mobiles, also written with separators between digits
 * (138 0000 0002, +86 138-0000-0002, 138.0000.0002, 1 3 8 0 0 0 0 0 0 0 2) or in full-width digits (１３８…), become
 * 138****0002; landlines (025-12345678, 02512345678) keep only their last 4 digits. Full-width digits are written as
 * ASCII digits. A plain run of more digits is left alone (an order number is not a phone).
 */
export function maskPhonesInText(text: string): string {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const mobile = new RegExp(`(?<!\\d)(?:\\+?86${SEP}{0,2})?1${SEP}{0,2}[3-9](?:${SEP}{0,2}\\d){9}(?!\\d)`, 'g');
  const landline = new RegExp(`(?<!\\d)0\\d{2,3}${SEP}{0,2}\\d{3,4}${SEP}{0,2}\\d{4}(?!\\d)`, 'g');
  const digitsOf = (m: string) => m.replace(/\D/g, '');
  return ascii
    .replace(mobile, (m) => maskPhone(digitsOf(m).slice(-11)))
    .replace(landline, (m) => {
      const d = digitsOf(m);
      const area = d.startsWith('01') || d.startsWith('02') ? d.slice(0, 3) : d.slice(0, 4);
      return `${area}-****${d.slice(-4)}`;
    });
}
