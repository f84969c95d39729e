package id.rujukan.referral.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A child's case and the agency responsible for it. A handoff moves it only when accepted. */
@Entity
@Table(name = "care_case")
public class CareCase extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "owner_agency_id", nullable = false)
    public String ownerAgencyId;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
