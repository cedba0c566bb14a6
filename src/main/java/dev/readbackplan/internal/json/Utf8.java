package dev.readbackplan.internal.json;

/**
 * Strict UTF-8 checking (RFC 3629), as Python's decoder does it. Jackson's parser checks the same
 * while it reads; this only finds the exact offset of the first bad byte when it reports one.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or
     * -1. Overlong forms, encoded surrogates (U+D800..U+DFFF) and code points above U+10FFFF are
     * ill-formed.
     */
    static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int min;
            int max = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                // E0 must not be overlong; ED must not encode a surrogate.
                min = b == 0xE0 ? 0xA0 : 0x80;
                max = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                // F0 must not be overlong; F4 must not exceed U+10FFFF.
                min = b == 0xF0 ? 0x90 : 0x80;
                max = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + 1 >= to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if (i + k >= to || (bytes[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
