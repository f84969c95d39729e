package id.rujukan.gateway;

import java.time.LocalDate;

/** Request bodies as an agency system would send them. */
final class Referrals {

    static final String CHILD_NAME = "Siti Aminah";
    static final String CHILD_NIK = "1608014107260001";
    static final String SUMMARY = "Bayi lahir di Rutan Martapura; ibu ditahan, perlu pengasuhan sementara.";

    private Referrals() {
    }

    static String infantOfDetainee() {
        return """
                {
                  "referringAgencyId": "rutan-martapura",
                  "targetAgencyId": "dinsos-1608",
                  "serviceNeeded": "TEMPORARY_CARE",
                  "category": "CHILD_OF_DETAINEE",
                  "urgency": "HIGH",
                  "child": {
                    "name": "%s",
                    "nik": "%s",
                    "birthDate": "%s",
                    "sex": "FEMALE",
                    "address": "Jl. Lintas Sumatera, Martapura"
                  },
                  "childRegion": {"provinceCode": "16", "regencyCode": "16.08"},
                  "consent": {"given": true, "givenBy": "MOTHER"},
                  "summary": "%s"
                }
                """.formatted(CHILD_NAME, CHILD_NIK, LocalDate.now().minusMonths(2), SUMMARY);
    }
}
