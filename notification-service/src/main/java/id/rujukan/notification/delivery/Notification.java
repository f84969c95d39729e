package id.rujukan.notification.delivery;

import id.rujukan.contract.CaseCategory;
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

/** One alert to one recipient over one channel, and what became of it. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "notification_key", nullable = false, unique = true)
    public String notificationKey;

    /** The referral the alert is about; {@code null} for one about the agency's roster. */
    @Column(name = "referral_id")
    public String referralId;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "recipient_role", nullable = false)
    public String recipientRole;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String template;

    /** For an escalation, its level; otherwise {@code null}. */
    public String level;

    @Column(name = "template_version")
    public String templateVersion;

    @Column(name = "referring_agency_id")
    public String referringAgencyId;

    @Enumerated(EnumType.STRING)
    public CaseCategory category;

    @Enumerated(EnumType.STRING)
    public Urgency urgency;

    /** For an alert about a gap in the agency's roster: the roles nobody holds, comma-separated. */
    @Column(name = "gap_roles")
    public String gapRoles;

    @Column(name = "gap_from")
    public Instant gapFrom;

    @Column(name = "gap_until")
    public Instant gapUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    /** Which due alerts are sent first: lower first ({@code NotificationRequested.priority()}). */
    @Column(nullable = false)
    public int priority;

    /** When the next attempt is due; while an attempt runs, the end of its lease. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "recipient_address")
    public String recipientAddress;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The SMS provider that took it, or {@code smtp}. */
    public String provider;

    /** The provider's id for the message: delivery receipts name it. */
    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Retries stop {@code rujukan.delivery.retry-for} after this. */
    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    /** Until when it was last held back (quiet hours, providers at their rate limit). */
    @Column(name = "deferred_until")
    public Instant deferredUntil;

    /** W3C traceparent of the request that queued it: its delivery continues that trace. */
    public String traceparent;
}
