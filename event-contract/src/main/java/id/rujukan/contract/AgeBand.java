package id.rujukan.contract;

/**
 * The child's age as routing needs it. Events carry the band, never the birth date.
 */
public enum AgeBand {
    INFANT_UNDER_1, TODDLER_1_TO_4, CHILD_5_TO_11, ADOLESCENT_12_TO_17, EIGHTEEN_OR_OVER, UNKNOWN
}
