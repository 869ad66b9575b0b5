package io.tlsbench.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every tamper case of {@link TamperTest} again, with CBC open checking the MAC through
 * tlsbench's constant-time HMAC ({@link CbcMacCheck#CONSTANT_TIME}, the process-wide default
 * while this class runs; the record ciphers read it when they are made).
 */
class TamperConstantTimeTest extends TamperTest {

    private static String before;

    @BeforeAll
    static void constantTime() {
        before = System.getProperty(CbcMacCheck.PROPERTY);
        System.setProperty(CbcMacCheck.PROPERTY, "constant-time");
    }

    @Test
    void cbcOpenersMadeNowUseTheConstantTimeHmac() {
        Config c = configs(Kind.CBC_TLS12).get(0);
        RecordCipher opener = opener(c, keys(c), 0);
        assertTrue(((CbcRecordCipher) opener).constantTimeMacCheck());
        opener.close();
    }

    @AfterAll
    static void restore() {
        if (before == null) {
            System.clearProperty(CbcMacCheck.PROPERTY);
        } else {
            System.setProperty(CbcMacCheck.PROPERTY, before);
        }
    }
}
