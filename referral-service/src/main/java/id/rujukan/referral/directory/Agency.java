package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.Region;
import id.rujukan.contract.ServiceNeeded;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<AgencyPublished.Contact> contacts;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The Dinas Sosial of a kabupaten/kota, if the directory has one. */
    public static Optional<Agency> dinasSosialOfRegency(String regencyCode) {
        return find("type = ?1 and regencyCode = ?2", AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA, regencyCode)
                .firstResultOptional();
    }

    /** The Dinas Sosial of a province, if the directory has one. */
    public static Optional<Agency> dinasSosialOfProvince(String provinceCode) {
        return find("type = ?1 and provinceCode = ?2", AgencyType.DINAS_SOSIAL_PROVINCE, provinceCode)
                .firstResultOptional();
    }

    static Agency from(AgencyPublished record) {
        Agency agency = new Agency();
        agency.id = record.agencyId();
        agency.name = record.name();
        agency.type = record.type();
        agency.provinceCode = record.region().provinceCode();
        agency.regencyCode = record.region().regencyCode();
        agency.timeZone = record.timeZone();
        agency.services = List.copyOf(record.services());
        agency.contacts = List.copyOf(record.contacts());
        agency.updatedAt = Instant.now();
        return agency;
    }

    AgencyPublished toRecord() {
        return new AgencyPublished(id, name, type, new Region(provinceCode, regencyCode), timeZone, services, contacts);
    }
}
