package id.rujukan.referral.lifecycle;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Sex;
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

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
