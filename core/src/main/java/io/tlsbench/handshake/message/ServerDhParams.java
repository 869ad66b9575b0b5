package io.tlsbench.handshake.message;

import io.tlsbench.alert.TlsAlertException;
import java.math.BigInteger;

/** ServerDHParams (RFC 5246 §7.4.3): prime, generator and the server's public value, as sent. */
public record ServerDhParams(byte[] p, byte[] g, byte[] ys) implements ServerKeyExchangeParams {

    public static ServerDhParams decode(Reader r) throws TlsAlertException {
        byte[] p = r.vector16("dh_p");
        byte[] g = r.vector16("dh_g");
        return new ServerDhParams(p, g, r.vector16("dh_Ys"));
    }

    public BigInteger prime() {
        return new BigInteger(1, p);
    }

    public BigInteger generator() {
        return new BigInteger(1, g);
    }

    public BigInteger publicValue() {
        return new BigInteger(1, ys);
    }

    @Override
    public void encode(Writer w) {
        w.vector16(p).vector16(g).vector16(ys);
    }
}
