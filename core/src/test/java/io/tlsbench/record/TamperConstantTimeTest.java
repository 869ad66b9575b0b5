package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every tamper case of {@link TamperTest} again, with CBC open checking the MAC through
 * tlsbench's constant-time HMAC ({@link CbcMacCheck#CONSTANT_TIME}, which every opener of this
 * class's configurations is made with).
 */
class TamperConstantTimeTest extends TamperTest {

    @Override
    CbcMacCheck macCheck() {
        return CbcMacCheck.CONSTANT_TIME;
    }

    @Test
    void cbcOpenersMadeHereUseTheConstantTimeHmac() {
        Config c = configs(Kind.CBC_TLS12).get(0);
        RecordOpener opener = opener(c, keys(c), 0);
        assertTrue(((CbcOpener) opener).constantTimeMacCheck());
        opener.close();
        // SSLv3's MAC is not HMAC: it stays with the provider whatever the spec asks.
        Config ssl3 = configs(Kind.CBC_SSL3).get(0);
        RecordOpener ssl3Opener = opener(ssl3, keys(ssl3), 0);
        assertFalse(((CbcOpener) ssl3Opener).constantTimeMacCheck());
        ssl3Opener.close();
    }

    @Test
    void theDefaultIsTheProvidersMac() {
        Config c = configs(Kind.CBC_TLS12).get(0);
        RecordOpener opener = RecordOpener.create(spec(c, keys(c), 0));
        assertFalse(((CbcOpener) opener).constantTimeMacCheck());
        opener.close();
    }
}
