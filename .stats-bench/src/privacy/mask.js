/** 王秀英 → 王*; the surname stays so that staff and volunteers can address the person politely. */
export function maskName(name) {
    const chars = Array.from(name);
    return chars.length <= 1 ? '*' : chars[0] + '*';
}
/** 13800000001 → 138****0001 */
export function maskPhone(phone) {
    return phone.length === 11 ? phone.slice(0, 3) + '****' + phone.slice(7) : '***';
}
/** 110101199003071234 → 110101********1234: region kept, birth date and sequence hidden. */
export function maskIdNumber(id) {
    return id.length === 18 ? id.slice(0, 6) + '********' + id.slice(14) : '******';
}
//# sourceMappingURL=mask.js.map