package id.rujukan.referral.lifecycle;

import id.rujukan.contract.ReferralState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a referral's timeline: a state change, a routing decision, an escalation, a note or a
 * refused action; who, when, from, to, why. Rows are only ever added.
 */
@Entity
@Table(name = "referral_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HistoryKind kind;

    /** The agency that acted, or {@code system}. */
    @Column(name = "actor_agency_id", nullable = false)
    public String actorAgencyId;

    /** The client or user that acted (an id), or {@code system}. */
    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ReferralState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    public ReferralState toState;

    @Column(nullable = false)
    public String reason;

    /** The code the action carried (a decline or cancel reason, an outcome, a milestone), or {@code null}. */
    public String code;

    /** The officer a supervisor or head acted for, or {@code null} when the actor acted for themself. */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    public static List<HistoryEntry> of(UUID referralId) {
        return list("referralId = ?1 order by id", referralId);
    }
}
