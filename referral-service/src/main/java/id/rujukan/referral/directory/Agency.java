package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.Region;
import id.rujukan.contract.Roster;
import id.rujukan.contract.ServiceNeeded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An agency of the directory, with the people its alerts go to. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyType type;

    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "regency_code")
    public String regencyCode;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ServiceNeeded> services;

    /** Places the agency has, e.g. an LKSA's beds; {@code null} where that does not apply. */
    public Integer capacity;

    @Column(name = "working_hours")
    public String workingHours;

    /** Whole-day deadlines for this agency skip weekends and public holidays. */
    @Column(name = "counts_working_days", nullable = false)
    public boolean countsWorkingDays;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AgencyPublished.Contact> contacts;

    /** Who is on duty when ({@link id.rujukan.contract.DutyRoster}); {@code null} when the agency keeps no roster. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Roster roster;

    /** The public keys its events are signed with, retired ones too; {@code null} for none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "signing_keys")
    public List<AgencyPublished.SigningKey> signingKeys;

    /** The public keys cases' data keys are granted to it with, retired ones too; {@code null} for none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "grant_keys")
    public List<AgencyPublished.GrantKey> grantKeys;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The Dinas Sosial of a province among these agencies, if there is one: a province's escalations go there. */
    public static Optional<Agency> dinasSosialOfProvince(Collection<Agency> among, String provinceCode) {
        return among.stream().filter(agency -> agency.type == AgencyType.DINAS_SOSIAL_PROVINCE
                && agency.provinceCode.equals(provinceCode)).findFirst();
    }

    /** The Ministry of Social Affairs among these agencies, if it is there. */
    public static Optional<Agency> ministry(Collection<Agency> among) {
        return among.stream().filter(agency -> agency.type == AgencyType.MINISTRY).findFirst();
    }

    static Agency from(AgencyPublished record, Instant at) {
        Agency agency = new Agency();
        agency.id = record.agencyId();
        agency.update(record, at);
        return agency;
    }

    void update(AgencyPublished record, Instant at) {
        this.name = record.name();
        this.type = record.type();
        this.provinceCode = record.region().provinceCode();
        this.regencyCode = record.region().regencyCode();
        this.timeZone = record.timeZone();
        this.services = List.copyOf(record.services());
        this.capacity = record.capacity();
        this.workingHours = record.workingHours();
        this.countsWorkingDays = record.countsWorkingDays();
        this.contacts = List.copyOf(record.contacts());
        this.roster = record.roster();
        this.signingKeys = record.signingKeys() == null ? null : List.copyOf(record.signingKeys());
        this.grantKeys = record.grantKeys() == null ? null : List.copyOf(record.grantKeys());
        this.updatedAt = at;
    }

    public AgencyPublished toRecord() {
        return new AgencyPublished(id, name, type, new Region(provinceCode, regencyCode), timeZone, services, capacity,
                workingHours, countsWorkingDays, contacts, roster, signingKeys, grantKeys);
    }
}
