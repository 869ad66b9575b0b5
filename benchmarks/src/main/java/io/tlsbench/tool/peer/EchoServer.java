package io.tlsbench.tool.peer;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsConnection;
import io.tlsbench.handshake.TlsServer;
import io.tlsbench.tool.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TLS echo server on the tlsbench engine: every connection gets a TlsServer over a blocking
 * socket on a pool thread; every application byte received is sent back, until the client's
 * close_notify (answered with ours) or end of stream. One line per connection goes to err.
 */
public final class EchoServer {

    /** Connections are served by at most this many threads (more wait for a free one). */
    public static final int THREADS = 16;

    /** How serving ended: how many connections failed, and whether it was interrupted. */
    public record Outcome(int failed, boolean interrupted) {
    }

    private final TlsConfig config;
    private final int timeoutSeconds;
    private final Integer maxConnections;

    /** Serves with this configuration, dropping a connection silent for timeoutSeconds; maxConnections null: forever. */
    public EchoServer(TlsConfig config, int timeoutSeconds, Integer maxConnections) {
        this.config = config;
        this.timeoutSeconds = timeoutSeconds;
        this.maxConnections = maxConnections;
    }

    /** Listens on bind ("listening on HOST:PORT" on out once it accepts) and serves until maxConnections are done. */
    public Outcome serve(InetSocketAddress bind, PrintWriter out, PrintWriter err) throws IOException {
        AtomicInteger failed = new AtomicInteger();
        int threads = maxConnections == null ? THREADS : Math.min(THREADS, maxConnections);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tlsbench-serve");
            t.setDaemon(true);
            return t;
        });
        boolean interrupted = false;
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(bind, 128);
            out.println("listening on " + format((InetSocketAddress) listener.getLocalAddress()));
            out.flush();
            int accepted = 0;
            while (maxConnections == null || accepted < maxConnections) {
                SocketChannel channel = listener.accept();
                int n = ++accepted;
                pool.execute(() -> {
                    if (!serveOne(n, channel, err)) {
                        failed.incrementAndGet();
                    }
                });
            }
        } catch (ClosedByInterruptException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                pool.shutdownNow();
            } else {
                pool.shutdown();
            }
        }
        if (interrupted) {
            return new Outcome(failed.get(), true);
        }
        try {
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // the per-connection timeout bounds this
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return new Outcome(failed.get(), true);
        }
        return new Outcome(failed.get(), false);
    }

    /** Handshake, echo until close_notify or end of stream, close. False if anything failed. */
    private boolean serveOne(int n, SocketChannel channel, PrintWriter err) {
        String peer = "?";
        TlsServer engine = new TlsServer(config);
        long echoed = 0;
        long unechoed = 0;
        try (Socket socket = channel.socket()) {
            peer = format((InetSocketAddress) socket.getRemoteSocketAddress());
            socket.setSoTimeout(timeoutSeconds * 1000);
            socket.setTcpNoDelay(true);
            TlsConnection c = new TlsConnection(engine, socket);
            c.handshake();
            byte[] buf = new byte[1 << 14];
            try {
                int r;
                while ((r = c.read(buf, 0, buf.length)) >= 0) {
                    if (engine.outboundClosed()) {
                        // The client's close_notify came right behind this data and has been
                        // answered: nothing more may be written (RFC 5246 §7.2.1).
                        unechoed += r;
                        continue;
                    }
                    c.write(buf, 0, r);
                    echoed += r;
                }
            } catch (IOException e) {
                // A client may close its socket right after its close_notify (openssl s_client
                // -reconnect does), so our answering close_notify can meet a reset: not a failure.
                if (!engine.inboundClosed()) {
                    throw e;
                }
            }
            String note = (engine.inboundClosed() ? "" : " (closed without close_notify)")
                    + (unechoed == 0 ? "" : " (" + unechoed + " bytes came with the close_notify, not echoed)");
            try {
                c.close();
            } catch (IOException e) {
                // the peer is gone; nothing more to say to it
            }
            err.println("connection " + n + " from " + peer + ": " + engine.version() + " " + engine.suite()
                    + " resumed: " + (engine.resumed() ? "yes" : "no") + ", " + echoed + " bytes echoed" + note);
            return true;
        } catch (IOException | TlsAlertException | RuntimeException e) {
            err.println("connection " + n + " from " + peer + ": failed: " + Messages.oneLine(e));
            return false;
        }
    }

    /** HOST:PORT, [IPv6]:PORT. */
    static String format(InetSocketAddress a) {
        String h = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }
}
