package io.tlsbench.alert;

/**
 * The one exception the engine raises for protocol failures: it carries the alert to send (or that
 * was received) and ends the connection when fatal. Bad input of any kind becomes one of these.
 */
public final class TlsAlertException extends Exception {
    private static final long serialVersionUID = 1L;

    private final AlertLevel level;
    private final AlertDescription description;

    public TlsAlertException(AlertDescription description, String message) {
        this(AlertLevel.FATAL, description, message, null);
    }

    public TlsAlertException(AlertDescription description, String message, Throwable cause) {
        this(AlertLevel.FATAL, description, message, cause);
    }

    public TlsAlertException(AlertLevel level, AlertDescription description, String message, Throwable cause) {
        super(description.rfcName() + ": " + message, cause);
        this.level = level;
        this.description = description;
    }

    public AlertLevel level() {
        return level;
    }

    public AlertDescription description() {
        return description;
    }

    public boolean fatal() {
        return level == AlertLevel.FATAL;
    }
}
