package io.tlsbench.handshake;

import io.tlsbench.alert.TlsAlertException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TlsEngine over a blocking socket: the engine stays non-blocking, this loop moves its bytes.
 * For the command line and the interop tests; benchmarks drive engines in memory instead.
 *
 * <p>Ends: {@link #read} returns -1 after the peer's close_notify, and also at an end of stream
 * between records ({@code engine().inboundClosed()} then says false: the peer closed without
 * close_notify). An end of stream inside a record or during the handshake is an
 * {@link IOException}. A peer that stops reading makes a blocking socket write wait forever, so
 * writes have a timeout (by default the socket's read timeout at construction; 0 = none): when it
 * passes, the socket is closed and the write fails with a {@link SocketTimeoutException} — the
 * engine never buffers more than one {@link #write} call's records, so nothing grows meanwhile.
 * Whenever the connection fails this way, or on {@link #close}, the engine is disposed: its
 * pooled buffers go back and its keys are wiped. No alert is sent when the transport is gone.
 */
public final class TlsConnection implements Closeable {

    /** One daemon thread for every connection's write deadlines. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final TlsEngine engine;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] netIn = new byte[1 << 16];
    private final ByteBuffer netOut = ByteBuffer.allocate(1 << 17);
    private volatile long writeTimeoutMillis;

    public TlsConnection(TlsEngine engine, Socket socket) throws IOException {
        this.engine = engine;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.writeTimeoutMillis = socket.getSoTimeout();
    }

    public TlsEngine engine() {
        return engine;
    }

    /** How long one socket write may block on a peer that does not read (zero: forever). */
    public TlsConnection writeTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative write timeout");
        }
        writeTimeoutMillis = timeout.toMillis();
        return this;
    }

    /** Runs the handshake to completion; an alert or a closed socket ends it with an exception. */
    public void handshake() throws IOException, TlsAlertException {
        try {
            engine.start();
            flush();
            while (!engine.handshakeComplete()) {
                if (!pull()) {
                    throw new EOFException("peer closed the connection during the handshake");
                }
            }
        } catch (IOException e) {
            engine.dispose();
            throw e;
        }
    }

    /** Reads application data; returns -1 at close_notify or at an end of stream between records. */
    public int read(byte[] b, int off, int len) throws IOException, TlsAlertException {
        try {
            while (engine.available() == 0) {
                if (engine.inboundClosed()) {
                    return -1;
                }
                if (engine.pendingOutput() > 0) {
                    flush(); // e.g. a close_notify queued with engine().close(): it goes before we wait for the answer
                }
                if (!pull()) {
                    int partial = engine.bufferedInput();
                    if (partial > 0) {
                        throw new EOFException("peer closed the connection inside a record (" + partial
                                + " bytes of it received)");
                    }
                    return -1;
                }
            }
        } catch (SocketTimeoutException e) {
            throw e; // the socket's read timeout: the caller may read again (or close)
        } catch (IOException e) {
            engine.dispose();
            throw e;
        }
        return engine.read(ByteBuffer.wrap(b, off, len));
    }

    public void write(byte[] b, int off, int len) throws IOException, TlsAlertException {
        engine.write(ByteBuffer.wrap(b, off, len));
        try {
            flush();
        } catch (IOException e) {
            engine.dispose();
            throw e;
        }
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
            writeOut(netOut.array(), netOut.position());
        }
        out.flush();
    }

    /** One socket write under the write deadline: past it, the watchdog closes the socket. */
    private void writeOut(byte[] b, int len) throws IOException {
        long timeout = writeTimeoutMillis;
        if (timeout <= 0) {
            out.write(b, 0, len);
            return;
        }
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> deadline = WATCHDOG.schedule(() -> {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all the watchdog can do
            }
        }, timeout, TimeUnit.MILLISECONDS);
        try {
            out.write(b, 0, len);
        } catch (IOException e) {
            if (fired.get()) {
                throw timedOut(timeout, e);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
        if (fired.get()) {
            throw timedOut(timeout, null); // written just as the deadline passed: the socket is closed all the same
        }
    }

    private static SocketTimeoutException timedOut(long timeout, IOException cause) {
        SocketTimeoutException e = new SocketTimeoutException("peer read nothing for " + timeout
                + " ms: write abandoned, connection closed");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** Sends close_notify, closes the socket and disposes the engine (buffers back, keys wiped). */
    @Override
    public void close() throws IOException {
        try {
            engine.close();
            flush();
        } finally {
            try {
                socket.close();
            } finally {
                engine.dispose();
            }
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tlsbench-write-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }
}
