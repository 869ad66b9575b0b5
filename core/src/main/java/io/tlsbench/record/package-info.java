/**
 * Record protection (RFC 5246 §6.2): the TLSCiphertext header, sequence numbers, and the three
 * protections — CBC MAC-then-encrypt ({@link io.tlsbench.record.CbcRecordCipher}), RC4
 * ({@link io.tlsbench.record.StreamRecordCipher}) and AES-GCM
 * ({@link io.tlsbench.record.AeadRecordCipher}) — over whichever JCA provider the caller names.
 *
 * <h2>Which path copies or allocates, and why</h2>
 * <table>
 * <caption>Per provider and buffer kind</caption>
 * <tr><th>provider</th><th>caller's buffers</th><th>path</th><th>copies</th><th>allocates per record</th></tr>
 * <tr><td>SunJCE, BC</td><td>heap</td><td>arrays: Cipher.update(ByteBuffer) on heap buffers goes
 *     straight to the array methods; HMAC on the provider's MessageDigest</td><td>plaintext into
 *     the work space (seal), plaintext out of it (open)</td><td>nothing (CBC, RC4)</td></tr>
 * <tr><td>SunJCE, BC</td><td>direct</td><td>as heap, after one copy into (or out of) this
 *     cipher's heap staging space: the JDK's CipherSpi ByteBuffer path would otherwise copy
 *     direct buffers through freshly allocated temporary arrays on every call</td><td>one more
 *     copy each way</td><td>nothing (CBC, RC4)</td></tr>
 * <tr><td>ACCP, Conscrypt</td><td>direct or heap</td><td>the caller's buffers and a direct work
 *     space through the ByteBuffer API (JNI reads direct memory without copying)</td><td>plaintext
 *     into the work space</td><td>the MAC: javax.crypto.Mac.doFinal and these providers'
 *     MessageDigest.digest return fresh arrays</td></tr>
 * <tr><td>any</td><td>any</td><td>AES-GCM: JCA needs Cipher.init with a new GCMParameterSpec for
 *     every nonce</td><td>as above</td><td>the spec and the provider's per-init state</td></tr>
 * </table>
 * The figures are measured by RecordAllocationTest (ThreadMXBean, 16 KB records).
 *
 * <p>In place: the input is consumed into the work space before any output is written, so the
 * output may share memory with the input (open a record into its own buffer, seal over the
 * plaintext's). The CBC and RC4 ciphers are initialised once and driven with update(): see
 * CbcRecordCipher for how that yields both TLS 1.0's chained IVs and TLS 1.1+'s explicit IVs.
 */
package io.tlsbench.record;
