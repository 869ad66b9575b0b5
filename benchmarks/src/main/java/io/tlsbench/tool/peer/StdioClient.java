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
        long timeoutNanos = timeoutSeconds * 1_000_000_000L;
        try (SocketChannel ch = SocketChannel.open(); Selector selector = Selector.open()) {
            ch.socket().connect(address, timeoutSeconds * 1000);
            ch.socket().setTcpNoDelay(true);
            ch.configureBlocking(false);
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
            StdinPump pump = input == null ? null : new StdinPump(input, selector);
            TlsClient engine = new TlsClient(config, resume);
            ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
            ByteBuffer netOut = ByteBuffer.allocate(1 << 17);
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            boolean reported = false;
            boolean inputDone = pump == null;
            boolean closeSent = false;
            boolean eof = false;
            long sent = 0;
            long received = 0;
            long lastProgress = System.nanoTime();
            engine.start();
            try {
                while (true) {
                    boolean done = engine.handshakeComplete();
                    if (done && !reported) {
                        err.println("version: " + engine.version());
                        err.println("suite: " + engine.suite());
                        err.println("resumed: " + (engine.resumed() ? "yes" : "no"));
                        err.flush();
                        reported = true;
                    }
                    if (done && !inputDone && !engine.outboundClosed()) {
                        while (engine.pendingOutput() + netOut.position() < HIGH_WATER) {
                            byte[] chunk = pump.poll();
                            if (chunk == null) {
                                break;
                            }
                            if (chunk.length == 0) {
                                inputDone = true;
                                if (pump.failure != null) {
                                    throw new IOException("reading standard input: " + pump.failure.getMessage());
                                }
                                break;
                            }
                            engine.write(ByteBuffer.wrap(chunk));
                            sent += chunk.length;
                        }
                    }
                    if (done && inputDone && !closeSent && !engine.outboundClosed() && received >= sent) {
                        engine.close();
                        closeSent = true;
                    }
                    int wrote = flush(engine, ch, netOut);
                    boolean pendingOut = netOut.position() > 0 || engine.pendingOutput() > 0;
                    if (engine.inboundClosed() || engine.closed() || eof) {
                        break;
                    }
                    // Waiting on the server (not on standard input) is what the timeout bounds.
                    boolean awaitingServer = !done || inputDone || pendingOut || received < sent;
                    if (wrote > 0 || !awaitingServer) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > timeoutNanos) {
                        throw new IOException("the server was silent for " + timeoutSeconds + " s ("
                                + (done ? received + " of " + sent + " bytes back" : "during the handshake") + ")");
                    }
                    key.interestOps(SelectionKey.OP_READ | (pendingOut ? SelectionKey.OP_WRITE : 0));
                    selector.select(250);
                    boolean readable = selector.selectedKeys().contains(key) && key.isReadable();
                    selector.selectedKeys().clear();
                    if (readable) {
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
            } catch (TlsAlertException e) {
                try {
                    flush(engine, ch, netOut); // the alert the engine queued, best effort
                } catch (IOException ignored) {
                    // the connection is over either way
                }
                throw e;
            } finally {
                if (pump != null) {
                    pump.stop();
                }
            }
            if (!engine.handshakeComplete()) {
                throw new IOException("the server closed the connection during the handshake");
            }
            if (eof && !engine.inboundClosed()) {
                err.println("note: the server closed the connection without close_notify");
            }
            return engine.session();
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
