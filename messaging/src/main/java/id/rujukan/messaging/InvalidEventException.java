package id.rujukan.messaging;

/** A record on a topic that is not a valid event of the contract; its message is the dead-letter reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
