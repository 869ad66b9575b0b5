package io.tlsbench.suite;

/** The three shapes of record protection in TLS 1.2 and before (RFC 5246 §6.2.3). */
public enum CipherKind {
    /** MAC-then-encrypt with a block cipher in CBC mode and padding. */
    BLOCK,
    /** MAC-then-encrypt with a stream cipher whose key stream runs across records. */
    STREAM,
    /** Authenticated encryption with additional data; no separate MAC. */
    AEAD
}
