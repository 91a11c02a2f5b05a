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

/**
 * Masks every phone number inside free text (留言): mainland mobiles, also written with spaces or dashes
 * (138 0000 0002, +86 138-0000-0002), become 138****0002; landlines (025-12345678, 02512345678) keep only
 * their last 4 digits. Digits that are part of a longer run are left alone (an order number is not a phone).
 */
export function maskPhonesInText(text: string): string {
  const mobile = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g;
  const landline = /(?<!\d)(0\d{2,3})[\s-]?(\d{3,4})(\d{4})(?!\d)/g;
  return text
    .replace(mobile, (_m, a: string, _b: string, c: string) => maskPhone(a + '0000' + c))
    .replace(landline, (_m, area: string, _b: string, last: string) => `${area}-****${last}`);
}
