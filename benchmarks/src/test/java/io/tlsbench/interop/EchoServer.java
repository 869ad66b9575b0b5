package io.tlsbench.interop;

import io.tlsbench.alert.TlsAlertException;
import io.tlsbench.handshake.TlsConfig;
import io.tlsbench.handshake.TlsServer;
import io.tlsbench.suite.CipherSuite;
import io.tlsbench.suite.ProtocolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tlsbench TlsServer over blocking sockets, for peers that do not close on their own (openssl
 * s_client reading a file waits for the server): it serves a fixed number of connections one
 * after the other on 127.0.0.1, and on each echoes exactly the given number of bytes, then sends
 * close_notify, half-closes and waits briefly for the peer's close before closing the socket (so
 * no unread byte turns the close into a reset that could cost the peer the echo's tail).
 */
public final class EchoServer implements AutoCloseable {

    /** What one connection did. */
    public record Result(ProtocolVersion version, CipherSuite suite, boolean resumed, long echoed, Exception error) {
    }

    private final ServerSocket listener;
    private final Thread thread;
    private final List<Result> results = Collections.synchronizedList(new ArrayList<>());

    public EchoServer(TlsConfig config, int connections, long echoBytes) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            for (int i = 0; i < connections && !listener.isClosed(); i++) {
                try (Socket s = listener.accept()) {
                    results.add(serve(new TlsServer(config), s, echoBytes));
                } catch (IOException e) {
                    if (!listener.isClosed()) {
                        results.add(new Result(null, null, false, 0, e));
                    }
                }
            }
        }, "echo-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Waits for every connection to end; the results so far (fewer if it timed out). */
    public List<Result> results(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    private static Result serve(TlsServer engine, Socket s, long echoBytes) {
        long echoed = 0;
        try {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] net = new byte[1 << 16];
            ByteBuffer app = ByteBuffer.allocate(1 << 16);
            while (!engine.handshakeComplete()) {
                if (!pull(engine, in, out, net)) {
                    throw new IOException("client closed during the handshake");
                }
            }
            while (echoed < echoBytes) {
                if (engine.available() == 0 && !pull(engine, in, out, net)) {
                    throw new IOException("client closed after " + echoed + " of " + echoBytes + " bytes");
                }
                if (engine.inboundClosed() && engine.available() == 0) {
                    throw new IOException("client sent close_notify after " + echoed + " of " + echoBytes + " bytes");
                }
                while (engine.available() > 0) {
                    app.clear();
                    engine.read(app);
                    app.flip();
                    echoed += app.remaining();
                    engine.write(app);
                }
                flush(engine, out);
            }
            engine.close();
            flush(engine, out);
            s.shutdownOutput();
            try {
                s.setSoTimeout(2_000);
                while (!engine.inboundClosed() && pull(engine, in, out, net)) {
                    // drain to the peer's close_notify or end of stream
                }
            } catch (IOException | TlsAlertException ignored) {
                // the echo is complete; how the peer hangs up does not matter
            }
            return new Result(engine.version(), engine.suite(), engine.resumed(), echoed, null);
        } catch (IOException | TlsAlertException | RuntimeException e) {
            return new Result(engine.version(), engine.suite(), engine.resumed(), echoed, e);
        }
    }

    private static boolean pull(TlsServer engine, InputStream in, OutputStream out, byte[] net)
            throws IOException, TlsAlertException {
        int n;
        try {
            n = in.read(net);
        } catch (SocketTimeoutException e) {
            throw new IOException("client silent for the socket timeout", e);
        }
        if (n < 0) {
            return false;
        }
        try {
            engine.receive(ByteBuffer.wrap(net, 0, n));
        } finally {
            flush(engine, out);
        }
        return true;
    }

    private static void flush(TlsServer engine, OutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 17);
        while (engine.pendingOutput() > 0) {
            b.clear();
            engine.send(b);
            out.write(b.array(), 0, b.position());
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        thread.interrupt();
    }
}
