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

    /** An escalation fired and no answer has come since. */
    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
