package org.entente.platform.http;

import java.io.IOException;

/** A request body grew past the limit while it was read; answered 413 (see ProblemDetailsAdvice). */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    public RequestBodyTooLargeException(long maxBytes) {
        super("request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
