package id.rujukan.gateway.protection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A case's data key, wrapped with a master key (its id beside it). */
@Entity
@Table(name = "case_key")
public class CaseKey extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "wrapped_key")
    public byte[] wrappedKey;

    /** Which master key wrapped it ({@link MasterKeys#idOf}); {@code null} for keys wrapped before keys had ids. */
    @Column(name = "master_key_id")
    public String masterKeyId;

    /** When the key was erased; the wrapped key is then gone. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
