/** Mainland China mobile number: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const isMobile = (phone) => MOBILE_PATTERN.test(phone);
export const MOBILE_MESSAGE = '请输入11位中国大陆手机号码';
//# sourceMappingURL=phone.js.map