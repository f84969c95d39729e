package id.rujukan.gateway.grant;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.KeyGrants;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Topics;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.readmodel.Timeline;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.Outbox;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.Writes;
import id.rujukan.messaging.signing.SigningKeys;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Children's data only at party agencies, whichever gateway acts for them. The gateway that sealed a referral's data
 * (its referrer's) grants the case's data key to each target it does not act for itself, as routing names them: a
 * declined target's successor gets a grant of its own. The grant ({@link CaseKeyGranted}) is sealed for the target's
 * grant key and signed by the referrer; referral-service passes it on to the target's lifecycle topic, and the
 * target's gateway keeps the key and the referral's sealed data, and from then on opens them as its own. Where one
 * gateway acts for both agencies (the shared one), it holds the key already and grants nothing.
 */
@ApplicationScoped
public class CaseKeyGrants {

    /** States in which a target has no use for the child's data: it declined, or the referral is over. */
    private static final Set<String> NOT_FOR_THE_TARGET = Set.of(ReferralState.DECLINED.name(),
            ReferralState.CANCELLED.name(), ReferralState.COMPLETED.name(), ReferralState.FAILED.name());

    private final SigningKeys actsFor;
    private final GrantKeys grantKeys;
    private final DirectoryCopy directory;
    private final ReferralViews views;
    private final DataSealer sealer;
    private final Outbox outbox;
    private final Timeline timeline;
    private final EntityManager entityManager;
    private final Clock clock;

    public CaseKeyGrants(SigningKeys actsFor, GrantKeys grantKeys, DirectoryCopy directory, ReferralViews views,
            DataSealer sealer, Outbox outbox, Timeline timeline, EntityManager entityManager, Clock clock) {
        this.actsFor = actsFor;
        this.grantKeys = grantKeys;
        this.directory = directory;
        this.views = views;
        this.sealer = sealer;
        this.outbox = outbox;
        this.timeline = timeline;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * After a change of a referral: grants its target the case's key, if this gateway sealed the referral's data for
     * its referrer, does not act for the target, and has not granted it yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantTarget(ReferralStateChanged changed) {
        String target = changed.targetAgencyId();
        if (target == null || actsFor.holds(target) || !actsFor.holds(changed.referringAgencyId())
                || NOT_FOR_THE_TARGET.contains(changed.state())) {
            return;
        }
        UUID referralId = UUID.fromString(changed.referralId());
        if (granted(referralId, target)) {
            return;
        }
        Optional<SealedData> details = views.sealedDetails(referralId);
        if (details.isEmpty()) {
            // not sealed here: submitted before this gateway acted for the referrer
            return;
        }
        // the key the data is sealed with: the case's (or, for data sealed before keys were per case, the referral's)
        String keyId = details.get().keyId();
        Optional<byte[]> dataKey = sealer.keyOf(UUID.fromString(keyId));
        if (dataKey.isEmpty()) {
            // erased: nothing to give
            return;
        }
        Optional<AgencyPublished.GrantKey> grantKey = directory.agency(target)
                .flatMap(AgencyPublished::currentGrantKey);
        AsymmetricKeyParameter granteeKey = null;
        try {
            granteeKey = grantKey.map(key -> KeyGrants.publicKey(key.publicKey())).orElse(null);
        } catch (IllegalArgumentException e) {
            // referral-service refuses such a key at its API; one that came in some other way grants nothing, and
            // the referral's own events still apply
            Log.warnf("Referral %s: the grant key %s of agency %s is not an X25519 key", referralId,
                    grantKey.get().keyId(), target);
        }
        if (granteeKey == null) {
            Log.warnf("Referral %s: agency %s publishes no usable grant key, so its gateway cannot be given the "
                    + "child's data", referralId, target);
            timeline.add("no-grant-key:" + referralId + ":" + target, referralId, new Timeline.Entry(clock.instant(),
                    "KEY_NOT_GRANTED", changed.referringAgencyId(), CloudEventAttributes.SYSTEM, null, null,
                    "no grant key published by " + target, new Timeline.Facts(target, null, null, null)));
            return;
        }
        Instant at = clock.instant();
        KeyGrants.Sealed sealed = KeyGrants.seal(granteeKey, dataKey.get(),
                KeyGrants.boundTo(changed.referralId(), keyId, changed.referringAgencyId(), target,
                        grantKey.get().keyId()));
        Arrays.fill(dataKey.get(), (byte) 0);
        CaseKeyGranted grant = new CaseKeyGranted(changed.referralId(), keyId,
                changed.referringAgencyId(), target, grantKey.get().keyId(), sealed.encapsulatedKey(),
                sealed.sealedKey(), details.get(), at);
        UUID eventId = outbox.add(Topics.intake(changed.referringAgencyId(), changed.urgency()), changed.referralId(),
                EventTypes.CASE_KEY_GRANTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, changed.referringAgencyId(),
                at, grant);
        record(grant, eventId.toString(), false);
        timeline.add(eventId.toString(), referralId, new Timeline.Entry(at, "KEY_GRANTED",
                changed.referringAgencyId(), CloudEventAttributes.SYSTEM, null, null, "case key granted to " + target,
                new Timeline.Facts(target, null, null, null)));
    }

    /**
     * A case key granted to an agency this gateway acts for: kept, with the referral's sealed data, once it is shown
     * to open that data.
     *
     * @throws InvalidEventException if the grant is not for an agency this gateway acts for, not from the
     *         referral's referrer, not sealed for a grant key held here, or does not open the referral's data
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(ReceivedEvent<CaseKeyGranted> event) {
        CaseKeyGranted grant = event.data();
        if (!actsFor.holds(grant.granteeAgencyId())) {
            throw refused(grant, "this gateway does not act for agency " + grant.granteeAgencyId());
        }
        if (!event.agencyId().equals(grant.granterAgencyId())) {
            throw refused(grant, "it was signed by agency " + event.agencyId() + ", not by its granter");
        }
        UUID referralId = uuid(grant, grant.referralId());
        UUID caseId = uuid(grant, grant.caseId());
        ReferralView view = ReferralView.findById(referralId);
        if (view == null || !grant.granterAgencyId().equals(view.referringAgencyId)) {
            throw refused(grant, "agency " + grant.granterAgencyId() + " is not the referrer of a referral this "
                    + "gateway was told of");
        }
        if (!caseId.toString().equals(grant.details().keyId())) {
            throw refused(grant, "its data is sealed with another key than the case's");
        }
        AsymmetricCipherKeyPair own = grantKeys.of(grant.granteeAgencyId(), grant.grantKeyId())
                .orElseThrow(() -> refused(grant, "it is sealed for grant key " + grant.grantKeyId()
                        + ", which this gateway does not hold"));
        byte[] dataKey;
        try {
            dataKey = KeyGrants.open(own, new KeyGrants.Sealed(grant.encapsulatedKey(), grant.sealedKey()),
                    KeyGrants.boundTo(grant.referralId(), grant.caseId(), grant.granterAgencyId(),
                            grant.granteeAgencyId(), grant.grantKeyId()));
        } catch (IllegalArgumentException e) {
            throw refused(grant, e.getMessage());
        }
        if (!sealer.opens(grant.details(), dataKey)) {
            throw refused(grant, "the key does not open the referral's data");
        }
        // a key already held (an earlier referral of the case) stays; an erased one is not brought back
        sealer.adopt(caseId, dataKey);
        Arrays.fill(dataKey, (byte) 0);
        views.detailsGranted(referralId, grant.caseId(), grant.details());
        if (record(grant, event.id(), true)) {
            timeline.add(event.id(), referralId, new Timeline.Entry(grant.at(), "KEY_RECEIVED",
                    grant.granterAgencyId(), CloudEventAttributes.SYSTEM, null, null,
                    "case key received from " + grant.granterAgencyId(),
                    new Timeline.Facts(grant.granteeAgencyId(), null, null, null)));
        }
    }

    private boolean granted(UUID referralId, String grantee) {
        return !entityManager.createNativeQuery("""
                select 1 from case_key_grant where referral_id = :referral and grantee_agency_id = :grantee""")
                .setParameter("referral", referralId).setParameter("grantee", grantee).getResultList().isEmpty();
    }

    /** @return whether it was new */
    private boolean record(CaseKeyGranted grant, String eventId, boolean received) {
        return Writes.update(entityManager, """
                insert into case_key_grant (referral_id, grantee_agency_id, case_id, granter_agency_id, grant_key_id,
                    event_id, granted_at, received)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""", UUID.fromString(grant.referralId()), grant.granteeAgencyId(),
                grant.caseId(), grant.granterAgencyId(), grant.grantKeyId(), eventId, grant.at(), received) == 1;
    }

    private static UUID uuid(CaseKeyGranted grant, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw refused(grant, id + " is not an id");
        }
    }

    private static InvalidEventException refused(CaseKeyGranted grant, String why) {
        return new InvalidEventException("the case key grant of referral " + grant.referralId() + " to agency "
                + grant.granteeAgencyId() + " is refused: " + why);
    }
}
