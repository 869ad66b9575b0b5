/**
 * The record layer (RFC 5246 §6): {@link io.tlsbench.record.RecordLayer} frames a connection's
 * records, keeps its pooled record buffers and its current and pending states; each state is a
 * pair of halves, a {@link io.tlsbench.record.RecordSealer} for what we send and a
 * {@link io.tlsbench.record.RecordOpener} for what we receive, made from a
 * {@link io.tlsbench.record.RecordSpec}. The three protections come in both halves — CBC
 * MAC-then-encrypt ({@link io.tlsbench.record.CbcSealer}, {@link io.tlsbench.record.CbcOpener}),
 * RC4 ({@link io.tlsbench.record.StreamSealer}, {@link io.tlsbench.record.StreamOpener}) and
 * AES-GCM ({@link io.tlsbench.record.GcmSealer}, {@link io.tlsbench.record.GcmOpener}) — over
 * whichever JCA provider the spec names. Also here: the TLSCiphertext header, sequence numbers,
 * the record MAC and the constant-time HMAC of CBC open.
 *
 * <h2>Which path copies or allocates, and why</h2>
 * Measured by RecordAllocationTest (ThreadMXBean, 16 KB records; figures in B/record):
 * <table>
 * <caption>Per provider, on the default (heap) work space; see {@link io.tlsbench.record.WorkSpace}</caption>
 * <tr><th>provider</th><th>work space</th><th>CBC, RC4</th><th>AES-GCM</th><th>why</th></tr>
 * <tr><td>SunJCE</td><td>heap</td><td>0</td><td>~1 KB</td>
 *     <td>GCM needs a new GCMParameterSpec and init per record. (Explicit IVs come from
 *     RandomBlocks: SecureRandom.nextBytes would allocate 64 B per record.)</td></tr>
 * <tr><td>BC</td><td>heap</td><td>as SunJCE; 3DES ~49 KB</td><td>~34 KB</td>
 *     <td>BC's DESedeEngine allocates per block; its GCM per init</td></tr>
 * <tr><td>Conscrypt</td><td>heap</td><td>40 (the Mac's result array)</td><td>~0.3 KB</td>
 *     <td>its Cipher has no ByteBuffer override: a direct work space would cost 16–20 KB</td></tr>
 * <tr><td>ACCP</td><td>heap</td><td>~0.2 KB</td><td>~17–21 KB</td>
 *     <td>its Mac has no ByteBuffer override: a direct work space would cost ~4.3 KB</td></tr>
 * </table>
 * A caller's direct buffer on a heap work space is copied once into heap staging (no allocation).
 *
 * <p>In place: the input is consumed into the work space before any output is written, so the
 * output may share memory with the input (open a record into its own buffer, seal over the
 * plaintext's). The CBC and RC4 ciphers are initialised once and driven with update(): see
 * CbcSealer for how that yields both TLS 1.0's chained IVs and TLS 1.1+'s explicit IVs.
 */
package io.tlsbench.record;
