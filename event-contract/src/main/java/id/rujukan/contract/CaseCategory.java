package id.rujukan.contract;

/** Case categories as agencies count them. */
public enum CaseCategory {
    SEXUAL_VIOLENCE, PHYSICAL_ABUSE, NEGLECT, CHILD_IN_CONFLICT_WITH_LAW, TRAFFICKING, CHILD_OF_DETAINEE,
    STREET_CHILD, DISABILITY, ADOPTION_CANDIDATE, OTHER
}
