package id.rujukan.contract;

/** How fast the receiving agency must respond; deadlines and escalation hang on it. */
public enum Urgency {
    EMERGENCY, HIGH, NORMAL, LOW
}
