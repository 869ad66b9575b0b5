package io.tlsbench.kdf;

import io.tlsbench.suite.CipherKind;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;

/**
 * How a key block splits into the six secrets (RFC 5246 §6.3): client MAC key, server MAC key,
 * client write key, server write key, client IV, server IV — in that order.
 *
 * @param macLength      bytes per MAC key (0 for AEAD)
 * @param keyLength      bytes per write key taken from the key block
 * @param ivLength       bytes per IV taken from the key block: a CBC block in SSLv3/TLS 1.0,
 *                       none in TLS 1.1+ (explicit per-record IVs), the 4-byte GCM salt, none for RC4
 * @param exportKeyLength final write key length of an SSLv3/TLS 1.0 export suite, 0 otherwise
 */
public record KeyBlockLayout(int macLength, int keyLength, int ivLength, int exportKeyLength) {

    public KeyBlockLayout {
        if (macLength < 0 || keyLength < 0 || ivLength < 0 || exportKeyLength < 0) {
            throw new IllegalArgumentException("negative length in key block layout");
        }
        if (macLength > 64 || keyLength > 64 || ivLength > 32 || exportKeyLength > 32) {
            throw new IllegalArgumentException("key block layout lengths are out of range: mac " + macLength
                    + ", key " + keyLength + ", iv " + ivLength + ", export " + exportKeyLength);
        }
        if (exportKeyLength > 0 && exportKeyLength < keyLength) {
            throw new IllegalArgumentException("export key length " + exportKeyLength
                    + " is shorter than the key block's key length " + keyLength);
        }
    }

    /** The layout for a suite in a version the suite allows. */
    public static KeyBlockLayout of(CipherSuite suite, ProtocolVersion version) {
        if (suite == null) {
            throw new IllegalArgumentException("cipher suite is missing");
        }
        suite.checkVersion(version);
        return new KeyBlockLayout(suite.mac.length(), suite.cipher.keyLength, ivLength(suite, version), 0);
    }

    /** Whether this is the layout of a suite in a version, without building one (hot path). */
    public boolean matches(CipherSuite suite, ProtocolVersion version) {
        return exportKeyLength == 0 && macLength == suite.mac.length() && keyLength == suite.cipher.keyLength
                && ivLength == ivLength(suite, version);
    }

    private static int ivLength(CipherSuite suite, ProtocolVersion version) {
        if (suite.cipher.kind == CipherKind.BLOCK) {
            return version.explicitCbcIv() ? 0 : suite.cipher.ivLength;
        }
        return suite.cipher.ivLength; // GCM salt, or 0 for RC4
    }

    public boolean export() {
        return exportKeyLength > 0;
    }

    /** Bytes of PRF output the split consumes (export IVs come from elsewhere, RFC 2246 §6.3.1). */
    public int length() {
        return 2 * (macLength + keyLength + (export() ? 0 : ivLength));
    }

    /** Final write key length (the export length for export suites). */
    public int writeKeyLength() {
        return export() ? exportKeyLength : keyLength;
    }
}
