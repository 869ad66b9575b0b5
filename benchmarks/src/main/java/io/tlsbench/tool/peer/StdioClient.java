package io.tlsbench.tool.peer;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.Session;
import io.tlsbench.handshake.TlsClient;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A TLS client connection on the tlsbench engine that copies an input to the server and what the
 * server sends to an output.
 *
 * <p>When it stops: once the input has ended and at least as many bytes have come back as were
 * sent (what an echo server returns), it sends close_notify, then keeps copying until the
 * server's close_notify or end of stream. If the server closes first, it stops there. While it
 * waits for the server (handshake, echo, close) and nothing arrives for the timeout, it fails.
 *
 * <p>The socket is non-blocking and one thread drives the engine (engines are not thread-safe),
 * so sending and receiving overlap: a large input never deadlocks against an echo server. A
 * second thread only reads the input into a bounded queue.
 */
public final class StdioClient {

    /** Stop taking input while this much ciphertext waits for the socket. */
    private static final int HIGH_WATER = 1 << 18;

    private final int timeoutSeconds;

    public StdioClient(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** One connection; returns its session. Input null: handshake, then close. */
    public Session session(InetSocketAddress address, TlsConfig config, Session resume, InputStream input,
                           OutputStream out, PrintWriter err) throws IOException, TlsAlertException {
        try (SocketChannel ch = SocketChannel.open(); Selector selector = Selector.open()) {
            ch.socket().connect(address, timeoutSeconds * 1000);
            ch.socket().setTcpNoDelay(true);
            ch.configureBlocking(false);
            Connection c = new Connection(ch, selector, new TlsClient(config, resume),
                    input == null ? null : new StdinPump(input, selector), out, err);
            c.engine.start();
            try {
                c.run();
            } catch (TlsAlertException e) {
                try {
                    flush(c.engine, ch, c.netOut); // the alert the engine queued, best effort
                } catch (IOException ignored) {
                    // the connection is over either way
                }
                throw e;
            } finally {
                if (c.pump != null) {
                    c.pump.stop();
                }
            }
            if (!c.engine.handshakeComplete()) {
                throw new IOException("the server closed the connection during the handshake");
            }
            if (c.eof && !c.engine.inboundClosed()) {
                err.println("note: the server closed the connection without close_notify");
            }
            return c.engine.session();
        }
    }

    /** One connection's state while it copies: the socket, the engine, the buffers and what has moved. */
    private final class Connection {
        final SocketChannel ch;
        final Selector selector;
        final SelectionKey key;
        final TlsClient engine;
        final StdinPump pump;
        final OutputStream out;
        final PrintWriter err;
        final ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
        final ByteBuffer netOut = ByteBuffer.allocate(1 << 17);
        final ByteBuffer app = ByteBuffer.allocate(1 << 16);
        boolean reported;
        boolean inputDone;
        boolean closeSent;
        boolean eof;
        long sent;
        long received;
        long lastProgress = System.nanoTime();

        Connection(SocketChannel ch, Selector selector, TlsClient engine, StdinPump pump, OutputStream out, PrintWriter err)
                throws IOException {
            this.ch = ch;
            this.selector = selector;
            this.key = ch.register(selector, SelectionKey.OP_READ);
            this.engine = engine;
            this.pump = pump;
            this.out = out;
            this.err = err;
            this.inputDone = pump == null;
        }

        /** Until the server closes (or its stream ends): send input, flush, wait for and copy what comes back. */
        void run() throws IOException, TlsAlertException {
            while (true) {
                boolean done = engine.handshakeComplete();
                if (done) {
                    report();
                    takeInput();
                    closeWhenEchoed();
                }
                int wrote = flush(engine, ch, netOut);
                boolean pendingOut = netOut.position() > 0 || engine.pendingOutput() > 0;
                if (engine.inboundClosed() || engine.closed() || eof) {
                    return;
                }
                checkSilence(done, wrote, pendingOut);
                key.interestOps(SelectionKey.OP_READ | (pendingOut ? SelectionKey.OP_WRITE : 0));
                selector.select(250);
                boolean readable = selector.selectedKeys().contains(key) && key.isReadable();
                selector.selectedKeys().clear();
                if (readable) {
                    receive();
                }
            }
        }

        /** The negotiated version, suite and resumption, once, when the handshake is done. */
        private void report() {
            if (!reported) {
                err.println("version: " + engine.version());
                err.println("suite: " + engine.suite());
                err.println("resumed: " + (engine.resumed() ? "yes" : "no"));
                err.flush();
                reported = true;
            }
        }

        /** Input into the engine while little ciphertext waits; an empty chunk is the input's end. */
        private void takeInput() throws IOException, TlsAlertException {
            if (inputDone || engine.outboundClosed()) {
                return;
            }
            while (engine.pendingOutput() + netOut.position() < HIGH_WATER) {
                byte[] chunk = pump.poll();
                if (chunk == null) {
                    return;
                }
                if (chunk.length == 0) {
                    inputDone = true;
                    if (pump.failure != null) {
                        throw new IOException("reading standard input: " + pump.failure.getMessage());
                    }
                    return;
                }
                engine.write(ByteBuffer.wrap(chunk));
                sent += chunk.length;
            }
        }

        /** close_notify once the input has ended and as much has come back as was sent. */
        private void closeWhenEchoed() throws TlsAlertException {
            if (inputDone && !closeSent && !engine.outboundClosed() && received >= sent) {
                engine.close();
                closeSent = true;
            }
        }

        /** Waiting on the server (not on standard input) is what the timeout bounds. */
        private void checkSilence(boolean done, int wrote, boolean pendingOut) throws IOException {
            boolean awaitingServer = !done || inputDone || pendingOut || received < sent;
            if (wrote > 0 || !awaitingServer) {
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > timeoutSeconds * 1_000_000_000L) {
                throw new IOException("the server was silent for " + timeoutSeconds + " s ("
                        + (done ? received + " of " + sent + " bytes back" : "during the handshake") + ")");
            }
        }

        /** What the socket has into the engine, and the application data out of it. */
        private void receive() throws IOException, TlsAlertException {
            int r = ch.read(netIn);
            if (r < 0) {
                eof = true;
            } else if (r > 0) {
                lastProgress = System.nanoTime();
                netIn.flip();
                engine.receive(netIn);
                netIn.clear();
                while (engine.available() > 0) {
                    app.clear();
                    int n = engine.read(app);
                    out.write(app.array(), 0, n);
                    received += n;
                }
                out.flush();
            }
        }
    }

    /** Moves the engine's output into netOut and netOut to the socket; returns bytes written. */
    private static int flush(TlsEngine engine, SocketChannel ch, ByteBuffer netOut) throws IOException {
        int total = 0;
        while (true) {
            if (engine.pendingOutput() > 0 && netOut.hasRemaining()) {
                engine.send(netOut);
            }
            if (netOut.position() == 0) {
                return total;
            }
            netOut.flip();
            int w = ch.write(netOut);
            netOut.compact();
            total += w;
            if (w == 0) {
                return total;
            }
        }
    }

    /** Reads standard input on its own thread into a bounded queue; an empty chunk marks the end. */
    private static final class StdinPump implements Runnable {
        private final InputStream in;
        private final Selector selector;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(16);
        private final Thread thread;
        private volatile boolean stopped;
        volatile IOException failure;

        StdinPump(InputStream in, Selector selector) {
            this.in = in;
            this.selector = selector;
            this.thread = new Thread(this, "tlsbench-connect-stdin");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buf = new byte[1 << 14];
            try {
                int n;
                while (!stopped && (n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        queue.put(Arrays.copyOf(buf, n));
                        selector.wakeup();
                    }
                }
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                return;
            }
            try {
                queue.put(new byte[0]);
                selector.wakeup();
            } catch (InterruptedException ignored) {
                // stopped
            }
        }

        byte[] poll() {
            return queue.poll();
        }

        void stop() {
            stopped = true;
            thread.interrupt();
        }
    }
}
