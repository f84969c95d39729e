package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Roster;
import id.rujukan.contract.RosterChanged;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.AfterCommit;
import id.rujukan.messaging.OutboundEvent;
import id.rujukan.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Changes to the directory. Every change is published on the compacted directory topic in the same
 * transaction, so the other services' copies follow.
 */
@ApplicationScoped
public class Directory {

    private final Outbox outbox;
    private final Agencies agencies;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public Directory(Outbox outbox, Agencies agencies, TransactionSynchronizationRegistry transactions,
            Clock clock) {
        this.outbox = outbox;
        this.agencies = agencies;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Adds the agency, or replaces what the directory holds about it, and publishes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agency save(AgencyPublished record, String actorAgencyId) {
        Agency agency = Agency.findById(record.agencyId());
        if (agency == null) {
            agency = Agency.from(record, clock.instant());
            agency.persist();
        } else {
            agency.update(record, clock.instant());
        }
        publish(List.of(agency), actorAgencyId);
        AfterCommit.run(transactions, agencies::changed);
        return agency;
    }

    /**
     * Replaces an agency's roster, as its admin kept it at the gateway, and publishes the agency.
     *
     * @throws InvalidEventException if the agency is unknown or the roster names someone not among its contacts
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changeRoster(RosterChanged changed) {
        Agency agency = Agency.findById(changed.agencyId());
        if (agency == null) {
            throw new InvalidEventException("roster of unknown agency " + changed.agencyId());
        }
        Set<String> contacts = agency.contacts.stream().map(contact -> contact.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Stream.concat(changed.roster().shifts().stream().map(Roster.Shift::person),
                changed.roster().covers().stream().flatMap(cover -> Stream.of(cover.person(), cover.cover())))
                .filter(Objects::nonNull).filter(person -> !contacts.contains(person.toLowerCase(Locale.ROOT)))
                .findFirst().ifPresent(stranger -> {
                    throw new InvalidEventException("the roster of " + changed.agencyId() + " names " + stranger
                            + ", who is not one of its contacts");
                });
        save(agency.toRecord().withRoster(changed.roster()), changed.agencyId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Collection<Agency> agencies, String actorAgencyId) {
        Instant now = clock.instant();
        outbox.addAll(agencies.stream()
                .map(agency -> new OutboundEvent(Topics.AGENCY_DIRECTORY, agency.id, EventTypes.AGENCY_PUBLISHED,
                        CloudEventAttributes.SOURCE_REFERRAL_SERVICE, actorAgencyId, now, agency.toRecord()))
                .toList());
    }
}
