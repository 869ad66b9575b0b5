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
 * RecordAllocationTest counts the bytes each path allocates per record (ThreadMXBean) and holds
 * the paths that should allocate nothing to that. On the default (heap) work space
 * ({@link io.tlsbench.record.WorkSpace}):
 * <ul>
 * <li>Every provider: AES-GCM allocates per record, since each record's nonce needs a new
 *     GCMParameterSpec and an init (how much is the provider's own state).</li>
 * <li>SunJCE: CBC and RC4 allocate nothing. Explicit IVs come from RandomBlocks, because
 *     SecureRandom.nextBytes allocates on every call.</li>
 * <li>BC: as SunJCE, except inside the provider: its DESedeEngine allocates per block and its
 *     GCM per init.</li>
 * <li>Conscrypt: its Mac returns its result in a new array; its Cipher has no ByteBuffer
 *     override, so a direct work space would copy every record through new arrays.</li>
 * <li>ACCP: allocates a little per record on heap too, inside the provider; its Mac has no
 *     ByteBuffer override, so a direct work space costs more per record than heap arrays, which
 *     JNI pins without copying.</li>
 * </ul>
 * A caller's direct buffer on a heap work space is copied once into heap staging (no allocation).
 *
 * <p>In place: the input is consumed into the work space before any output is written, so the
 * output may share memory with the input (open a record into its own buffer, seal over the
 * plaintext's). The CBC and RC4 ciphers are initialised once and driven with update(): see
 * CbcSealer for how that yields both TLS 1.0's chained IVs and TLS 1.1+'s explicit IVs.
 */
package io.tlsbench.record;
