package id.rujukan.contract;

/** Sex as recorded on Indonesian civil documents, or unknown. */
public enum Sex {
    MALE, FEMALE, UNKNOWN
}
