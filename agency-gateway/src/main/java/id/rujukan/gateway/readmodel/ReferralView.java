package id.rujukan.gateway.readmodel;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.Urgency;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A referral as agencies read it at the gateway, kept up to date from the lifecycle events. */
@Entity
@Table(name = "referral_view")
public class ReferralView extends PanacheEntityBase {

    /** The state a referral has between its submission and referral-service's first event. */
    public static final String SUBMITTED = ReferralState.REQUESTED.name();

    @Id
    public UUID id;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public String state;

    @Column(name = "referring_agency_id", nullable = false)
    public String referringAgencyId;

    @Column(name = "target_agency_id")
    public String targetAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "routing_rule")
    public String routingRule;

    @Column(name = "routing_reason")
    public String routingReason;

    /**
     * What each party may do now, as JSON ({@code AllowedAction}s) published by referral-service with the
     * referral's latest change; {@code null} before its first change has arrived.
     */
    @Column(name = "allowed_actions")
    public String allowedActions;

    /** When the target must have acknowledged the referral; {@code null} when that clock does not run. */
    @Column(name = "receive_due_at")
    public Instant receiveDueAt;

    /** When the target must have accepted or declined it; {@code null} when that clock does not run. */
    @Column(name = "accept_due_at")
    public Instant acceptDueAt;

    /** The target's officer in charge once accepted (a user name); {@code null} before. */
    @Column(name = "officer_in_charge")
    public String officerInCharge;

    /** When the target must next report progress on an accepted referral; {@code null} when that clock does not run. */
    @Column(name = "progress_due_at")
    public Instant progressDueAt;

    /** An escalation fired and no answer has come since. */
    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The deadline the target has to meet next: acknowledging while the referral is routed, accepting or
     * declining once it is received, reporting progress once accepted; {@code null} in any other state.
     */
    public Instant respondBy() {
        if (ReferralState.ROUTED.name().equals(state)) {
            return receiveDueAt != null ? receiveDueAt : acceptDueAt;
        }
        if (ReferralState.RECEIVED.name().equals(state)) {
            return acceptDueAt;
        }
        return ReferralState.ACCEPTED.name().equals(state) || ReferralState.IN_PROGRESS.name().equals(state)
                ? progressDueAt : null;
    }
}
