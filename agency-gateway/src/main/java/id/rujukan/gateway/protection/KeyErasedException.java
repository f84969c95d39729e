package id.rujukan.gateway.protection;

/** The case's data key was erased (crypto-shredding): its sealed data can no longer be opened. */
public class KeyErasedException extends RuntimeException {

    public KeyErasedException(String caseId) {
        super("The data key of case " + caseId + " was erased");
    }
}
