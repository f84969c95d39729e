package id.rujukan.referral.lifecycle;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.escalation.EscalationStep;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A referral as referral-service owns it. The child's personal data stays sealed: this service routes
 * on the facts in clear and never needs to read it.
 */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Grows by one with every change; events carry it so readers can ignore stale ones. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralKind kind;

    @Column(name = "case_id", nullable = false)
    public String caseId;

    @Column(name = "referring_agency_id", nullable = false)
    public String referringAgencyId;

    @Column(name = "target_agency_id")
    public String targetAgencyId;

    /** The agency the referrer named, if any. */
    @Column(name = "requested_agency_id")
    public String requestedAgencyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_needed")
    public ServiceNeeded serviceNeeded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "regency_code")
    public String regencyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_band", nullable = false)
    public AgeBand ageBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sealed_data", nullable = false)
    public SealedData sealedData;

    @Column(name = "routing_rule")
    public String routingRule;

    /** The agencies routing found, in order; a decline moves to the next. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> candidates = new ArrayList<>();

    @Column(name = "candidate_index", nullable = false)
    public int candidateIndex;

    /** Agencies the referral was addressed to before the current target; they stay parties. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "former_targets", nullable = false)
    public List<String> formerTargets = new ArrayList<>();

    /** The escalation chain in force when the referral was routed to its current target. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "escalation_chain")
    public List<EscalationStep> escalationChain;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "routed_at")
    public Instant routedAt;

    @Column(name = "receive_due_at")
    public Instant receiveDueAt;

    @Column(name = "accept_due_at")
    public Instant acceptDueAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The target's officer in charge once accepted (a user id): progress reminders name them. */
    @Column(name = "officer_in_charge")
    public String officerInCharge;

    /** When progress must next be recorded, while the referral is accepted and under way. */
    @Column(name = "progress_due_at")
    public Instant progressDueAt;

    /** How the referral ended, once completed: one of {@code ActionCodes.outcomes()}. */
    @Column(name = "outcome_code")
    public String outcomeCode;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
