import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
const VERSION = 1;
/**
 * Authenticated encryption (AES-256-GCM) for personal data at rest, and keyed hashes (HMAC-SHA-256) for exact
 * lookup without decrypting. Sub-keys are derived from the one configured key with HKDF, each for one purpose.
 */
export class PiiCipher {
    encKey;
    lookupKey;
    throttleKey;
    constructor(masterKey) {
        if (masterKey.length !== 32)
            throw new Error('PII key must be 32 bytes');
        const derive = (info) => Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
        this.encKey = derive('wushe/pii/encrypt/v1');
        this.lookupKey = derive('wushe/pii/lookup/v1');
        this.throttleKey = derive('wushe/login-throttle/v1');
    }
    /** [version][12-byte IV][16-byte tag][ciphertext]; the AAD binds the value to its field name. */
    encrypt(plain, field) {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
        cipher.setAAD(Buffer.from(field));
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    }
    decrypt(blob, field) {
        if (blob[0] !== VERSION)
            throw new Error('unknown ciphertext version');
        const decipher = createDecipheriv('aes-256-gcm', this.encKey, blob.subarray(1, 13));
        decipher.setAAD(Buffer.from(field));
        decipher.setAuthTag(blob.subarray(13, 29));
        return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
    }
    lookupHash(value, field) {
        return createHmac('sha256', this.lookupKey).update(field).update('\0').update(value).digest();
    }
    /** Key for the failed-login table: lets it count per phone without storing the phone. */
    throttleKeyFor(phone) {
        return createHmac('sha256', this.throttleKey).update(phone).digest();
    }
}
//# sourceMappingURL=pii-cipher.js.map