package org.entente.schemas;

/**
 * An Entente event that decodes, but is not of the type its topic carries for this reader (an
 * {@code IncidentReported} on the disclosure ledger, say).
 */
public class UnexpectedEventTypeException extends UndecodableEventException {

    public UnexpectedEventTypeException(String reason) {
        super(reason);
    }
}
