package io.tlsbench.provider;

/** A provider was asked for a primitive it does not offer (or is not available at all). */
public final class UnsupportedPrimitiveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedPrimitiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
