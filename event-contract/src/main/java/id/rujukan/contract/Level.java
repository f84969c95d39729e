package id.rujukan.contract;

import java.util.List;

/**
 * Who an escalation step tells, and the roles that are told at that agency; {@link NotificationRequested#level()}
 * carries the name.
 */
public enum Level {
    /** The assigned or duty officers of the receiving agency: a reminder. */
    OFFICERS(List.of("OFFICER", "DUTY_OFFICER")),
    SUPERVISOR(List.of("SUPERVISOR")),
    /** The head of the receiving agency. */
    HEAD(List.of("HEAD")),
    /** The provincial counterpart: the Dinas Sosial of the receiving agency's province. */
    PROVINCE(List.of("HEAD", "DUTY_OFFICER")),
    /** The Ministry of Social Affairs. */
    MINISTRY(List.of("DUTY_OFFICER", "HEAD"));

    /** The levels at the receiving agency itself, whose people its roster keeps on duty. */
    public static final List<Level> AT_THE_AGENCY = List.of(OFFICERS, SUPERVISOR, HEAD);

    private final List<String> roles;

    Level(List<String> roles) {
        this.roles = roles;
    }

    public List<String> roles() {
        return roles;
    }

    /**
     * The levels at the same agency above the one these roles make, nearest first: whom to alert when nobody is
     * on duty in them (the officers' alert goes to the supervisor, then the head). None above the head.
     */
    public static List<Level> above(List<String> roles) {
        if (roles.equals(OFFICERS.roles)) {
            return List.of(SUPERVISOR, HEAD);
        }
        return roles.equals(SUPERVISOR.roles) ? List.of(HEAD) : List.of();
    }
}
