package io.tlsbench.handshake.message;

import io.tlsbench.alert.AlertDescription;
import io.tlsbench.alert.TlsAlertException;

/** ServerECDHParams (RFC 8422 §5.4): a named curve and the server's ephemeral public value. */
public record ServerEcdhParams(int namedCurve, byte[] point) implements ServerKeyExchangeParams {

    /** ECCurveType named_curve: the only kind RFC 8422 leaves (explicit curves are deprecated). */
    private static final int NAMED_CURVE = 3;

    public static ServerEcdhParams decode(Reader r) throws TlsAlertException {
        if (r.u8("curve_type") != NAMED_CURVE) {
            throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "only named curves are supported");
        }
        int curve = r.u16("named_curve");
        return new ServerEcdhParams(curve, r.vector8("point"));
    }

    @Override
    public void encode(Writer w) {
        w.u8(NAMED_CURVE).u16(namedCurve).vector8(point);
    }
}
