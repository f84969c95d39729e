package id.rujukan.gateway.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agency's webhook: where its events are pushed, and the secret that signs them. */
@Entity
@Table(name = "webhook")
public class Webhook extends PanacheEntityBase {

    @Id
    @Column(name = "agency_id")
    public String agencyId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false)
    public String secret;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
