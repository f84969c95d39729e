package id.rujukan.gateway.apidoc;

/**
 * The request bodies the OpenAPI document shows integrators, as the seeded directory's agencies would send them.
 * {@code OpenApiDocumentTest} sends each to its operation and expects it taken, so none goes stale.
 */
public final class Examples {

    /** A baby born to a detainee, from Rutan Martapura; routing finds the agency. */
    public static final String REFERRAL = """
            {
              "referringAgencyId": "rutan-martapura",
              "serviceNeeded": "TEMPORARY_CARE",
              "category": "CHILD_OF_DETAINEE",
              "urgency": "HIGH",
              "child": {"name": "Bayi Contoh", "birthDate": "2026-10-01", "sex": "FEMALE"},
              "childRegion": {"provinceCode": "16", "regencyCode": "16.08"},
              "consent": {"given": true, "givenBy": "MOTHER"},
              "summary": "Bayi lahir di Rutan Martapura; ibunya ditahan. Perlu pengasuhan sementara."
            }""";

    /** The same child's case handed over to the province's Dinas Sosial. */
    public static final String HANDOFF = """
            {
              "referringAgencyId": "rutan-martapura",
              "targetAgencyId": "dinsos-16",
              "serviceNeeded": "TEMPORARY_CARE",
              "category": "CHILD_OF_DETAINEE",
              "urgency": "NORMAL",
              "child": {"name": "Bayi Contoh", "birthDate": "2026-10-01", "sex": "FEMALE"},
              "childRegion": {"provinceCode": "16", "regencyCode": "16.08"},
              "consent": {"given": true, "givenBy": "MOTHER"},
              "summary": "Ibu dipindahkan ke Lapas Palembang; kasus diserahkan ke Dinas Sosial Provinsi."
            }""";

    public static final String ACKNOWLEDGE = "{}";

    public static final String ACCEPT = """
            {"officerInCharge": "officer.dinsos-1608", "note": "Kunjungan rumah besok pagi."}""";

    public static final String DECLINE = """
            {"reasonCode": "NO_CAPACITY", "note": "Tidak ada tempat sampai akhir bulan."}""";

    public static final String PROGRESS = """
            {"milestone": "LITMAS_SUBMITTED", "note": "Litmas diserahkan ke penyidik."}""";

    public static final String COMPLETE = """
            {"outcomeCode": "PLACED_IN_TEMPORARY_CARE"}""";

    public static final String REASSIGN = """
            {"officerInCharge": "officer.dinsos-1608", "onBehalfOf": "supervisor.dinsos-1608"}""";

    public static final String CANCEL = """
            {"reasonCode": "SENT_IN_ERROR"}""";

    public static final String NOTE = """
            {"note": "Keluarga sudah dihubungi; ayah bersedia datang Senin."}""";

    /** The duty officer on weekday days, an officer every night, and the night officer covering a day of leave. */
    public static final String ROSTER = """
            {
              "shifts": [
                {"role": "DUTY_OFFICER", "person": "duty-officer@dinsos-1608.rujukan.example",
                 "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], "start": "08:00", "end": "16:00"},
                {"role": "DUTY_OFFICER", "person": "officer@dinsos-1608.rujukan.example",
                 "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"],
                 "start": "16:00", "end": "08:00"}
              ],
              "covers": [
                {"person": "duty-officer@dinsos-1608.rujukan.example", "from": "2026-12-02T00:00:00Z",
                 "until": "2026-12-03T00:00:00Z", "cover": "officer@dinsos-1608.rujukan.example",
                 "reason": "LEAVE"}
              ]
            }""";

    public static final String WEBHOOK = """
            {"url": "https://sistem.dinsos-oku-timur.example.go.id/rujukan/webhook"}""";

    private Examples() {
    }
}
