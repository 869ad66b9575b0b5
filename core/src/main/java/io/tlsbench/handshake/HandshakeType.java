package io.tlsbench.handshake;

/** RFC 5246 §7.4 HandshakeType values. */
final class HandshakeType {
    static final int HELLO_REQUEST = 0;
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int CERTIFICATE = 11;
    static final int SERVER_KEY_EXCHANGE = 12;
    static final int CERTIFICATE_REQUEST = 13;
    static final int SERVER_HELLO_DONE = 14;
    static final int CERTIFICATE_VERIFY = 15;
    static final int CLIENT_KEY_EXCHANGE = 16;
    static final int FINISHED = 20;

    private HandshakeType() {
    }

    static boolean known(int t) {
        switch (t) {
            case HELLO_REQUEST: case CLIENT_HELLO: case SERVER_HELLO: case CERTIFICATE: case SERVER_KEY_EXCHANGE:
            case CERTIFICATE_REQUEST: case SERVER_HELLO_DONE: case CERTIFICATE_VERIFY: case CLIENT_KEY_EXCHANGE:
            case FINISHED:
                return true;
            default:
                return false;
        }
    }
}
