package id.rujukan.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import java.time.Duration;
import java.util.List;

/** Publishes the agencies the tests use, as referral-service would, and waits for the gateway's copy. */
final class Directory {

    private Directory() {
    }

    static void publish(KafkaTestClient kafka, ObjectMapper json, DirectoryCopy copy) throws Exception {
        for (AgencyPublished agency : List.of(
                agency("rutan-martapura", "Rutan Kelas IIB Martapura", AgencyType.RUTAN),
                agency("dinsos-1608", "Dinas Sosial Kabupaten OKU Timur", AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA),
                agency("lksa-6371", "LKSA Anak Banjarmasin", AgencyType.LKSA),
                agency("dinsos-16", "Dinas Sosial Provinsi Sumatera Selatan", AgencyType.DINAS_SOSIAL_PROVINCE),
                agency("kemensos", "Kementerian Sosial", AgencyType.MINISTRY))) {
            kafka.sendEvent(Topics.AGENCY_DIRECTORY, agency.agencyId(), EventTypes.AGENCY_PUBLISHED,
                    CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                    json.writeValueAsString(agency));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> copy.agency("dinsos-1608").isPresent()
                && copy.agency("rutan-martapura").isPresent() && copy.agency("kemensos").isPresent()
                && copy.caughtUp());
    }

    /** The people of Dinas Sosial OKU Timur a roster may name. */
    static final String DUTY_OFFICER = "piket@dinsos-okutimur.test";
    static final String NIGHT_OFFICER = "malam@dinsos-okutimur.test";

    private static AgencyPublished agency(String id, String name, AgencyType type) {
        List<AgencyPublished.Contact> contacts = !id.equals("dinsos-1608") ? List.of() : List.of(
                new AgencyPublished.Contact("DUTY_OFFICER", "Petugas Piket", DUTY_OFFICER, "+6281200000001", "id", null),
                new AgencyPublished.Contact("DUTY_OFFICER", "Petugas Malam", NIGHT_OFFICER, "+6281200000002", "id",
                        null));
        // with the agency's dev keys, as the seed publishes them: its gateway's events verify, and it can be granted
        // case keys
        return new AgencyPublished(id, name, type, new Region("16", "16.08"), "Asia/Jakarta", List.of(), null, null, false,
                contacts).withSigningKeys(List.of(new AgencyPublished.SigningKey(DevKeys.keyId(id),
                        DevKeys.publicKey(id), null))).withGrantKeys(List.of(DevKeys.grantPublicKey(id)));
    }
}
