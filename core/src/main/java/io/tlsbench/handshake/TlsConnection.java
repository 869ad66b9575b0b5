package io.tlsbench.handshake;

import io.tlsbench.alert.TlsAlertException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * A TlsEngine over a blocking socket: the engine stays non-blocking, this loop moves its bytes.
 * For the command line and the interop tests; benchmarks drive engines in memory instead.
 */
public final class TlsConnection implements Closeable {

    private final TlsEngine engine;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] netIn = new byte[1 << 16];
    private final ByteBuffer netOut = ByteBuffer.allocate(1 << 17);

    public TlsConnection(TlsEngine engine, Socket socket) throws IOException {
        this.engine = engine;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public TlsEngine engine() {
        return engine;
    }

    /** Runs the handshake to completion; an alert or a closed socket ends it with an exception. */
    public void handshake() throws IOException, TlsAlertException {
        engine.start();
        flush();
        while (!engine.handshakeComplete()) {
            if (!pull()) {
                throw new IOException("peer closed the connection during the handshake");
            }
        }
    }

    /** Reads application data; returns -1 at close_notify or end of stream. */
    public int read(byte[] b, int off, int len) throws IOException, TlsAlertException {
        while (engine.available() == 0) {
            if (engine.inboundClosed() || !pull()) {
                return -1;
            }
        }
        return engine.read(ByteBuffer.wrap(b, off, len));
    }

    public void write(byte[] b, int off, int len) throws IOException, TlsAlertException {
        engine.write(ByteBuffer.wrap(b, off, len));
        flush();
    }

    /** Reads from the socket once and feeds the engine; false at end of stream. */
    private boolean pull() throws IOException, TlsAlertException {
        int n = in.read(netIn);
        if (n < 0) {
            return false;
        }
        try {
            engine.receive(ByteBuffer.wrap(netIn, 0, n));
        } finally {
            flush(); // replies (and a fatal alert) go out even when receive throws
        }
        return true;
    }

    private void flush() throws IOException {
        while (engine.pendingOutput() > 0) {
            netOut.clear();
            engine.send(netOut);
            out.write(netOut.array(), 0, netOut.position());
        }
        out.flush();
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            engine.close();
            flush();
        } finally {
            socket.close();
        }
    }
}
