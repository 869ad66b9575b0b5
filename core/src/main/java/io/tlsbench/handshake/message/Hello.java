package io.tlsbench.handshake.message;

/** What the two hellos share (RFC 5246 §7.4.1.2). */
final class Hello {
    static final int RANDOM_LENGTH = 32;
    /** session_id&lt;0..32&gt;. */
    static final int MAX_SESSION_ID = 32;

    private Hello() {
    }
}
