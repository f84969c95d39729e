package id.rujukan.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.rujukan.client.ApiClient;
import id.rujukan.client.ApiException;
import id.rujukan.client.api.ActionsApi;
import id.rujukan.client.api.InboxApi;
import id.rujukan.client.api.ReferralsApi;
import id.rujukan.client.model.ActionAccepted;
import id.rujukan.client.model.ActionRequest;
import id.rujukan.client.model.Problem;
import id.rujukan.client.model.ReferralState;
import id.rujukan.client.model.ReferralStatus;
import id.rujukan.client.model.SubmissionAccepted;
import id.rujukan.client.model.SubmitReferral;
import id.rujukan.client.model.TimelineEntry;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter.ReceivedSms;
import id.rujukan.infra.SmscAlphabet;
import id.rujukan.infra.TraceCollector;
import id.rujukan.infra.testing.PrometheusText;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The three packaged services as separate processes, started by the local-stack launcher against one
 * Kafka broker, one PostgreSQL server and one SMTP server: what an agency sends reaches an inbox.
 */
class LocalStackIT {

    private static final String CHILD_NAME = "Bayi Contoh";
    private static final String OFFICER_PHONE = "6281211111608";

    private static FreshStack fresh;
    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() throws Exception {
        // an emergency not acknowledged within 30 s is late: the supervisor's page shows one within the run
        fresh = FreshStack.start("rujukan-e2e", Map.of("referral-service",
                Map.of("rujukan.deadlines.urgency.emergency.received-within", "PT30S",
                        // roster gaps looked for often enough for the run to see one told
                        "rujukan.rosters.check-every", "5s")));
        stack = fresh.stack();
        gateway = fresh.gateway();
    }

    @AfterAll
    static void stopStack() {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aReferralPostedAtTheGatewayIsRoutedAndReachesTheDutyOfficersInbox() throws Exception {
        String body = fresh.demoReferral();

        String rutan = clientToken("rutan-martapura");
        String referralId = given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(202)
                .extract().path("referralId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200)
                        .body("state", equalTo("ROUTED"))
                        .body("targetAgencyId", equalTo("dinsos-1608")));
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout(referralId).size() >= 2);
        List<ReceivedMail> mails = mailsAbout(referralId);
        assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(
                "officer@dinsos-1608.rujukan.example", "duty-officer@dinsos-1608.rujukan.example");
        // each in the recipient's language: the officer reads English
        assertThat(mails).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "[Rujukan] New referral from Rutan Kelas IIB Martapura (ref " + referralId.substring(0, 8).toUpperCase(Locale.ROOT) + ")",
                "[Rujukan] Rujukan baru dari Rutan Kelas IIB Martapura (ref " + referralId.substring(0, 8).toUpperCase(Locale.ROOT) + ")");
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.body()).contains(referralId).doesNotContain("Bayi Contoh");
        });
    }

    /**
     * The gateway's evidence log, checked as an agency would check it: with the command, against the gateway's
     * database, after a referral was sent and its routing received.
     */
    @Test
    void theCommandVerifiesTheGatewaysEvidenceLogOfAReferralSentAndRouted() throws Exception {
        String rutan = clientToken("rutan-martapura");
        String referralId = given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                .body(fresh.demoReferral()).when().post("/api/v1/referrals").then().statusCode(202)
                .extract().path("referralId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(rutan)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo("ROUTED")));

        // the submission sent and the routing received are sealed within a second or two of the routing
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ProcessBuilder command = new ProcessBuilder(
                    fresh.root().resolve("agency-gateway/verify-evidence.sh").toString(),
                    "jdbc:postgresql://127.0.0.1:" + stack.ports().postgres() + "/gateway", "postgres")
                    .redirectErrorStream(true);
            command.environment().put("PGPASSWORD", "postgres");
            Process verify = command.start();
            verify.getOutputStream().close();
            String printed = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verify.waitFor()).as(printed).isZero();
            Matcher sealed = Pattern.compile("The evidence log verifies: (\\d+) blocks sealing (\\d+) entries")
                    .matcher(printed);
            assertThat(sealed.find()).as(printed).isTrue();
            assertThat(Integer.parseInt(sealed.group(2))).as(printed).isGreaterThanOrEqualTo(2);
        });
    }

    /**
     * An agency's system built on a client generated from the gateway's OpenAPI document (in this module's build,
     * as an integrator would generate one): it submits, acts and reads, and a refused action is the documented
     * problem.
     */
    @Test
    void aClientGeneratedFromTheOpenApiDocumentSubmitsActsAndReadsAReferral() throws Exception {
        ApiClient rutan = apiClient(clientToken("rutan-martapura"));
        ApiClient dinsos = apiClient(clientToken("dinsos-1608"));
        SubmitReferral body = rutan.getObjectMapper().readValue(fresh.demoReferral(), SubmitReferral.class);

        SubmissionAccepted taken = new ReferralsApi(rutan).submitReferral(body, UUID.randomUUID().toString());
        assertThat(taken.getState()).isEqualTo("REQUESTED");
        String referralId = taken.getReferralId();

        // Dinas Sosial's system finds it in its inbox (which records its receipt) and accepts it, an officer in charge
        InboxApi inbox = new InboxApi(dinsos);
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.getInbox(null, 100, null, ReferralState.ROUTED, null)
                .getItems().stream().anyMatch(item -> referralId.equals(item.getReferralId())));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "RECEIVED".equals(new ReferralsApi(dinsos).getReferral(referralId).getState()));
        ActionsApi actions = new ActionsApi(dinsos);
        ActionAccepted accepted = actions.acceptReferral(referralId,
                new ActionRequest().officerInCharge("officer.dinsos-1608"), UUID.randomUUID().toString());
        assertThat(accepted.getAction()).isEqualTo("ACCEPT");

        // the Rutan reads where it went, who has it and its history
        ReferralsApi referrals = new ReferralsApi(rutan);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "ACCEPTED".equals(referrals.getReferral(referralId).getState()));
        ReferralStatus status = referrals.getReferral(referralId);
        assertThat(status.getTargetAgencyId()).isEqualTo("dinsos-1608");
        assertThat(status.getOfficerInCharge()).isEqualTo("officer.dinsos-1608");
        assertThat(referrals.getReferralTimeline(referralId)).extracting(TimelineEntry::getToState)
                .contains("ROUTED", "RECEIVED", "ACCEPTED");

        // accepting again: 409, as the document says, as problem details naming the state
        ApiException refused = catchThrowableOfType(ApiException.class, () ->
                actions.acceptReferral(referralId, new ActionRequest(), null));
        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = dinsos.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getCurrentState()).isEqualTo("ACCEPTED");
    }

    /** A client of the gateway, with the agency's bearer token on every call. */
    private ApiClient apiClient(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void tokensFromTheRealKeycloakDecideWhoSeesWhat() {
        String rutan = clientToken("rutan-martapura");
        String referralId = given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                .body(fresh.demoReferral()).when().post("/api/v1/referrals")
                .then().statusCode(202).extract().path("referralId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(gateway)
                .auth().oauth2(userToken("officer.dinsos-1608")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("state", equalTo("ROUTED")));

        // the receiving agency acknowledges and accepts; referral-service applies it; the timeline tells it
        String officer = userToken("officer.dinsos-1608");
        actAndAwait(officer, referralId, "acknowledge", "{}", "RECEIVED");
        actAndAwait(officer, referralId, "accept", "{\"note\":\"Bayi ditempatkan sementara\"}", "ACCEPTED");
        // progress with a note, then complete with its outcome: referral-service takes each, in order
        actAndAwait(officer, referralId, "progress", "{\"note\":\"Kunjungan rumah pertama\"}", "IN_PROGRESS");
        actAndAwait(officer, referralId, "complete", "{\"outcomeCode\":\"PLACED_IN_TEMPORARY_CARE\"}", "COMPLETED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().baseUri(gateway)
                .auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId + "/timeline").jsonPath()
                .getList("kind", String.class)).contains("ROUTING", "ACKNOWLEDGE", "ACCEPT", "PROGRESS", "COMPLETE",
                        "NOTIFICATION"));
        given().baseUri(gateway).auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId + "/details")
                .then().statusCode(200).body("child.name", equalTo("Bayi Contoh"));

        // another agency's system: the referral does not exist for it
        given().baseUri(gateway).auth().oauth2(clientToken("lksa-6371")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(404);
        given().baseUri(gateway).when().get("/api/v1/referrals/" + referralId).then().statusCode(401);
        // the supervisor's report comes from referral-service, for their own agency
        given().baseUri(gateway).auth().oauth2(userToken("supervisor.dinsos-1608"))
                .when().get("/api/v1/reports/referrals")
                .then().statusCode(200).body("filter.agencyId", equalTo("dinsos-1608"));
        given().baseUri(gateway).auth().oauth2(userToken("officer.dinsos-1608"))
                .when().get("/api/v1/reports/referrals").then().statusCode(403);
    }

    @Test
    void aReferralNamingAnUnknownAgencyIsRefusedWithTheFieldNamed() {
        given().baseUri(gateway).auth().oauth2(clientToken("rutan-martapura")).contentType(ContentType.JSON)
                .body("{\"referringAgencyId\":\"rutan-atlantis\"}")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyTheOperatorsClientKeepsTheDirectoryAndOnlyTheGatewaysClientReadsReportsOnReferralService() {
        String referralService = "http://localhost:" + stack.ports().referralService();
        String operator = clientToken("rujukan-operator");
        String agency = given().baseUri(referralService).auth().oauth2(operator)
                .when().get("/api/v1/directory/agencies/lksa-6371").then().statusCode(200).extract().asString();

        given().baseUri(referralService).auth().oauth2(operator).contentType(ContentType.JSON).body(agency)
                .when().put("/api/v1/directory/agencies/lksa-6371").then().statusCode(200);
        // an agency's system and an agency admin: tokens of the same realm, made for the gateway, not for this service
        given().baseUri(referralService).auth().oauth2(clientToken("lksa-6371")).contentType(ContentType.JSON)
                .body(agency).when().put("/api/v1/directory/agencies/lksa-6371").then().statusCode(401);
        given().baseUri(referralService).auth().oauth2(userToken("agency-admin.dinsos-1608"))
                .when().get("/api/v1/directory/agencies").then().statusCode(401);
        given().baseUri(referralService).contentType(ContentType.JSON).body(agency)
                .when().put("/api/v1/directory/agencies/lksa-6371").then().statusCode(401);

        // reports and routing previews: the gateway's own client, with the realm's token for this service
        given().baseUri(referralService).when().get("/api/v1/reports/referrals?agencyId=lksa-6371").then()
                .statusCode(401);
        given().baseUri(referralService).auth().oauth2(userToken("supervisor.dinsos-1608"))
                .when().get("/api/v1/reports/referrals?agencyId=dinsos-1608").then().statusCode(401);
        given().baseUri(referralService).auth().oauth2(clientToken("rujukan-gateway-service"))
                .when().get("/api/v1/reports/referrals?agencyId=dinsos-1608").then().statusCode(200);
    }

    /** An action over the API, taken at once (202), then applied by referral-service: the referral reads {@code state}. */
    private static void actAndAwait(String token, String referralId, String action, String body, String state) {
        given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals/" + referralId + "/" + action).then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo(state)));
    }

    /** An agency system's token: the client-credentials grant, as README shows with curl. */
    private static String clientToken(String agencyId) {
        return given().baseUri(stack.keycloak().issuer()).auth().preemptive().basic(agencyId, "dev-secret-" + agencyId)
                .formParam("grant_type", "client_credentials")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** An officer's token, with the demo password of the realm file. */
    private static String userToken(String username) {
        return given().baseUri(stack.keycloak().issuer())
                .formParam("grant_type", "password").formParam("client_id", "rujukan-gateway")
                .formParam("client_secret", "dev-secret-rujukan-gateway")
                .formParam("username", username).formParam("password", "dev-password")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static List<ReceivedMail> mailsAbout(String referralId) {
        return stack.mail().received().stream().filter(m -> m.body().contains(referralId)).toList();
    }

    @Test
    void onTheConsoleAnLksaRefersAChildDinasSosialAcceptsAndAnswersWithANoteAndItsSupervisorSeesWhatIsLate()
            throws Exception {
        String childName = "Anak Uji " + HexFormat.of().formatHex(randomBytes(3));
        String note = "Kunjungan rumah dijadwalkan besok pagi; keluarga sudah dihubungi.";
        // an emergency nobody answers: late after 30 s
        String unanswered = given().baseUri(gateway).auth().oauth2(clientToken("rutan-martapura"))
                .contentType(ContentType.JSON).body(fresh.demoReferral().replace("\"HIGH\"", "\"EMERGENCY\""))
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        // the address officers use, the one Keycloak lets sign-ins return to
        String console = gateway.replace("127.0.0.1", "localhost");
        String referralId;
        try (Browser lksaBrowser = new Browser(); Browser dinsosBrowser = new Browser()) {
            ChromeDriver lksa = lksaBrowser.driver();
            lksa.get(console + "/console/baru");
            signIn(lksa, "officer.lksa-1608");
            lksa.findElement(By.id("childName")).sendKeys(childName);
            lksa.findElement(By.id("childNik")).sendKeys("12345");
            choose(lksa, "childSex", "FEMALE");
            choose(lksa, "regency", "16.08");
            choose(lksa, "category", "NEGLECT");
            choose(lksa, "serviceNeeded", "SOCIAL_ASSISTANCE");
            lksa.findElement(By.cssSelector("input[name=urgency][value=HIGH]")).click();
            choose(lksa, "target", "dinsos-1608");
            lksa.findElement(By.id("consentGiven")).click();
            choose(lksa, "consentGivenBy", "MOTHER");
            lksa.findElement(By.id("summary")).sendKeys("Anak ditelantarkan orang tuanya; perlu bantuan sosial.");
            clickThrough(lksa, By.id("submit-referral"));

            // a wrong field says so in Indonesian, beside it, and keeps what was typed
            assertThat(lksa.findElement(By.id("err-childNik")).getText())
                    .isEqualTo("NIK harus 16 angka; kosongkan bila tidak ada.");
            assertThat(lksa.findElement(By.id("childName")).getAttribute("value")).isEqualTo(childName);
            assertThat(Accessibility.seriousViolations(lksa)).as("new-referral form").isEmpty();
            Screenshots.take(lksa, "rujukan-baru");
            lksa.findElement(By.id("childNik")).clear();

            // before sending, where it will go; on the narrowest phone the page fits its width
            clickThrough(lksa, By.id("preview-destination"));
            assertThat(lksa.findElement(By.id("destination-first")).getText())
                    .isEqualTo("Bila dikirim sekarang, rujukan ini masuk ke Dinas Sosial Kabupaten OKU Timur.");
            lksa.manage().window().setSize(new Dimension(360, 800));
            assertThat((Boolean) lksa.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                    .isTrue();
            assertThat(Accessibility.seriousViolations(lksa)).as("new-referral form with its destination").isEmpty();
            Screenshots.take(lksa, "rujukan-baru-tujuan-360px");
            clickThrough(lksa, By.id("submit-referral"));

            // the answer is a redirect to the new referral: wait for the browser to have followed it
            new WebDriverWait(lksa, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().contains("/console/rujukan/"));
            Matcher created = Pattern.compile("/console/rujukan/([0-9a-f-]{36})").matcher(lksa.getCurrentUrl());
            assertThat(created.find()).as(lksa.getCurrentUrl()).isTrue();
            referralId = created.group(1);
            String reference = referralId.substring(0, 8).toUpperCase(Locale.ROOT);
            assertThat(lksa.findElement(By.id("child-name")).getText()).isEqualTo(childName);
            // routed in a moment: the page says where it went
            new WebDriverWait(lksa, Duration.ofSeconds(30)).until(driver -> {
                driver.navigate().refresh();
                return "Dinas Sosial Kabupaten OKU Timur".equals(driver.findElement(By.id("to")).getText());
            });

            // Dinas Sosial's officer finds it in the inbox by its reference, opens it and accepts it
            ChromeDriver dinsos = dinsosBrowser.driver();
            dinsos.get(console + "/console");
            signIn(dinsos, "officer.dinsos-1608");
            assertThat(Accessibility.seriousViolations(dinsos)).as("inbox").isEmpty();
            Screenshots.take(dinsos, "kotak-masuk");
            new WebDriverWait(dinsos, Duration.ofSeconds(30)).until(driver -> {
                driver.get(console + "/console?q=" + reference);
                return !driver.findElements(By.cssSelector("[data-reference='" + reference + "'] a")).isEmpty();
            });
            clickThrough(dinsos, By.cssSelector("[data-reference='" + reference + "'] a"));
            assertThat(dinsos.findElement(By.id("child-name")).getText()).isEqualTo(childName);
            assertThat(dinsos.findElement(By.id("from")).getText()).isEqualTo("LKSA Harapan Bunda Martapura");
            clickThrough(dinsos, By.id("accept"));
            new WebDriverWait(dinsos, Duration.ofSeconds(30)).until(driver -> {
                driver.get(console + "/console/rujukan/" + referralId);
                return "Diterima".equals(driver.findElement(By.id("state")).getText());
            });
            dinsos.findElement(By.id("note")).sendKeys(note);
            clickThrough(dinsos, By.id("add-note"));
            new WebDriverWait(dinsos, Duration.ofSeconds(30)).until(driver -> {
                driver.get(console + "/console/rujukan/" + referralId);
                return driver.findElements(By.className("note-text")).stream().anyMatch(e -> note.equals(e.getText()));
            });
            assertThat(Accessibility.seriousViolations(dinsos)).as("referral page").isEmpty();
            Screenshots.take(dinsos, "rujukan");

            // the LKSA's officer reads the answer
            lksa.get(console + "/console/rujukan/" + referralId);
            assertThat(lksa.findElement(By.id("state")).getText()).isEqualTo("Diterima");
            assertThat(lksa.findElements(By.className("note-text"))).extracting(e -> e.getText()).contains(note);
            assertThat(lksa.findElements(By.className("note-meta"))).extracting(e -> e.getText())
                    .anyMatch(meta -> meta.contains("Dinas Sosial Kabupaten OKU Timur (officer.dinsos-1608)"));

            // the case is still the LKSA's: it hands it over to the province, the form filled from the case
            clickThrough(lksa, By.id("hand-over"));
            assertThat(lksa.findElement(By.tagName("h1")).getText()).isEqualTo("Serah terima kasus " + reference);
            assertThat(lksa.findElement(By.id("childName")).getAttribute("value")).isEqualTo(childName);
            choose(lksa, "target", "dinsos-16");
            assertThat(Accessibility.seriousViolations(lksa)).as("handoff form").isEmpty();
            clickThrough(lksa, By.id("submit-referral"));
            new WebDriverWait(lksa, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().contains("sent=HANDOFF"));
            assertThat(lksa.findElement(By.id("sent")).getText())
                    .isEqualTo("Serah terima dikirim. Lembaga tujuan akan diberi tahu.");
            assertThat(lksa.findElement(By.id("child-name")).getText()).isEqualTo(childName);
        }

        // the supervisor sees the unanswered emergency among what is late
        String late = unanswered.substring(0, 8).toUpperCase(Locale.ROOT);
        try (Browser supervisorBrowser = new Browser()) {
            ChromeDriver supervisor = supervisorBrowser.driver();
            supervisor.get(console + "/console/pengawasan");
            signIn(supervisor, "supervisor.dinsos-1608");
            new WebDriverWait(supervisor, Duration.ofSeconds(90)).until(driver -> {
                driver.get(console + "/console/pengawasan");
                return !driver.findElements(By.cssSelector("[data-reference='" + late + "']")).isEmpty();
            });
            String item = supervisor.findElement(By.cssSelector("[data-reference='" + late + "']")).getText();
            assertThat(item).contains("Menunggu konfirmasi", "Darurat", "Batas konfirmasi", "terlambat");
            assertThat(supervisor.findElement(By.id("received-in-time")).getText()).matches("\\d+ dari \\d+ \\(\\d+ %\\)");
            // this month's referrals are charted, and the chart is read out as words
            assertThat(supervisor.findElements(By.cssSelector("#chart-month .bar"))).hasSize(6);
            assertThat(supervisor.findElement(By.cssSelector("#chart-category svg")).getAttribute("aria-label"))
                    .contains("Penelantaran: ");
            assertThat(Accessibility.seriousViolations(supervisor)).as("supervision page").isEmpty();
            Screenshots.take(supervisor, "pengawasan");
            // in English, by the supervisor's choice
            clickThrough(supervisor, By.cssSelector("a[lang=en]"));
            supervisor.get(console + "/console/pengawasan");
            assertThat(supervisor.findElement(By.tagName("h1")).getText()).isEqualTo("Supervision");
            assertThat(supervisor.findElement(By.cssSelector("[data-reference='" + late + "']")).getText())
                    .contains("Emergency").doesNotContain("Darurat");
            assertThat(Accessibility.seriousViolations(supervisor)).as("supervision page in English").isEmpty();
            Screenshots.take(supervisor, "supervision-en");
            // the accepted referral as its supervisor sees it on a phone: who is in charge, and the form to put
            // another officer in charge
            supervisor.manage().window().setSize(new Dimension(360, 800));
            supervisor.get(console + "/console/rujukan/" + referralId);
            assertThat(supervisor.findElement(By.id("officer-in-charge")).getText()).contains("officer.dinsos-1608");
            assertThat(supervisor.findElements(By.id("reassign"))).hasSize(1);
            assertThat(Accessibility.seriousViolations(supervisor)).as("referral page, supervisor, English").isEmpty();
            Screenshots.take(supervisor, "rujukan-supervisor-en-360px");
            supervisor.get(console + "/console/bahasa/id");
            supervisor.get(console + "/console/rujukan/" + referralId);
            assertThat(supervisor.findElements(By.id("reassign"))).hasSize(1);
            Screenshots.take(supervisor, "rujukan-kepala-bidang-360px");
        }
        // the LKSA's admin reads who of the agency read the child's data
        try (Browser adminBrowser = new Browser()) {
            ChromeDriver admin = adminBrowser.driver();
            admin.get(console + "/console/admin");
            signIn(admin, "agency-admin.lksa-1608");
            String reference = referralId.substring(0, 8).toUpperCase(Locale.ROOT);
            assertThat(admin.findElement(By.id("audit")).getText())
                    .contains(reference + " · Mengirim rujukan", "officer.lksa-1608");
            assertThat(Accessibility.seriousViolations(admin)).as("agency settings page").isEmpty();
            Screenshots.take(admin, "pengaturan-lembaga");
        }
        // nothing about the referral for an agency that is no party to it
        given().baseUri(gateway).auth().oauth2(userToken("officer.dinsos-6371"))
                .when().get("/console/rujukan/" + referralId).then().statusCode(404);
    }

    @Test
    void anErasedCaseShowsItsErasureAndEachHoldersConfirmationInWordsOnTheConsole() throws Exception {
        String referralId = given().baseUri(gateway).auth().oauth2(clientToken("rutan-martapura"))
                .contentType(ContentType.JSON).body(fresh.demoReferral()).when().post("/api/v1/referrals")
                .then().statusCode(202).extract().path("referralId");
        String officer = userToken("officer.dinsos-1608");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(officer)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("state", equalTo("ROUTED")));
        // the case (a first referral's case takes its id) is the Rutan's: its admin erases it; Dinas Sosial, a
        // party, destroys its key and confirms
        given().baseUri(gateway).auth().oauth2(userToken("agency-admin.rutan-martapura"))
                .when().delete("/api/v1/admin/cases/" + referralId + "/data-keys").then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().baseUri(gateway)
                .auth().oauth2(officer).when().get("/api/v1/referrals/" + referralId + "/timeline").jsonPath()
                .getList("kind", String.class)).contains("ERASED", "KEY_DESTROYED"));

        String console = gateway.replace("127.0.0.1", "localhost");
        try (Browser officerBrowser = new Browser()) {
            ChromeDriver dinsos = officerBrowser.driver();
            dinsos.get(console + "/console/rujukan/" + referralId);
            signIn(dinsos, "officer.dinsos-1608");
            String timeline = dinsos.findElement(By.id("timeline")).getText();
            assertThat(timeline).contains("Rutan Kelas IIB Martapura: Data anak dihapus (semua lembaga yang "
                    + "memegang kunci data anak diminta memusnahkannya)").contains("Dinas Sosial Kabupaten OKU Timur: "
                    + "Kunci data anak dimusnahkan (data anak tidak dapat dibuka lagi di lembaga ini)")
                    .doesNotContain("ERASED", "KEY_DESTROYED", "rutan-martapura");
            assertThat(Accessibility.seriousViolations(dinsos)).as("erased referral page").isEmpty();
            Screenshots.take(dinsos, "rujukan-dihapus");
        }
    }

    @Test
    void anOfficersSessionEndsWithItsKeycloakSessionAndTheConsoleAsksToSignInAgain() throws Exception {
        String console = gateway.replace("127.0.0.1", "localhost");
        // the realm's 10 hours cut to 20 seconds for this test (Keycloak keeps no token past its session)
        setMaxSession(20);
        try (Browser officerBrowser = new Browser()) {
            ChromeDriver officer = officerBrowser.driver();
            officer.get(console + "/console");
            signIn(officer, "officer.dinsos-1608");
            assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Kotak masuk");
            Instant signedIn = Instant.now();

            // within the session, the console answers; once it has ended, the next page is Keycloak's sign-in
            new WebDriverWait(officer, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
                driver.get(console + "/console");
                return !driver.findElements(By.id("kc-login")).isEmpty();
            });
            assertThat(Duration.between(signedIn, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
            signIn(officer, "officer.dinsos-1608");
            assertThat(officer.findElement(By.tagName("h1")).getText()).isEqualTo("Kotak masuk");
        } finally {
            setMaxSession(36000);
        }
    }

    /** Sets the realm's maximum session time, as the stack's Keycloak admin. */
    private static void setMaxSession(int seconds) {
        String admin = given().baseUri(stack.keycloak().adminUrl()).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", KeycloakServer.ADMIN)
                .formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        given().baseUri(stack.keycloak().adminUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"ssoSessionMaxLifespan\": " + seconds + "}")
                .when().put("/admin/realms/rujukan").then().statusCode(204);
    }

    /** Keycloak's sign-in page, then back to the page asked for. */
    @Test
    void anAgencysAdminKeepsTheRosterOnAPhoneAndIsToldOfTheGapALeaveWithoutCoverLeaves() throws Exception {
        String console = gateway.replace("127.0.0.1", "localhost");
        String dutyOfficer = "duty-officer@lksa-1608.rujukan.example";
        LocalDate leave = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(3);
        try (Browser browser = new Browser()) {
            ChromeDriver admin = browser.driver();
            admin.manage().window().setSize(new Dimension(360, 800));
            admin.get(console + "/console/admin");
            signIn(admin, "agency-admin.lksa-1608");

            // the duty officer, every day and night
            admin.findElement(By.cssSelector("#shift-form summary")).click();
            choose(admin, "shift-role", "DUTY_OFFICER");
            choose(admin, "shift-person", dutyOfficer);
            admin.findElements(By.cssSelector("#shift-form input[name=day]")).forEach(WebElement::click);
            setValue(admin, "shift-start", "00:00");
            setValue(admin, "shift-end", "00:00");
            clickThrough(admin, By.id("save-shift"));
            assertThat(admin.findElement(By.id("roster-sent")).getText()).contains("Perubahan jadwal dikirim");

            // then a day's leave with nobody to cover it
            choose(admin, "leave-person", dutyOfficer);
            setValue(admin, "leave-from", leave.toString());
            setValue(admin, "leave-until", leave.toString());
            clickThrough(admin, By.id("save-leave"));
            assertThat(admin.findElement(By.id("roster-sent")).getText()).contains("Perubahan jadwal dikirim");

            // through referral-service and back to the gateway's copy of the directory
            new WebDriverWait(admin, Duration.ofSeconds(60)).until(driver -> {
                driver.get(console + "/console/admin");
                return !driver.findElements(By.id("gaps")).isEmpty() && !driver.findElements(By.id("covers")).isEmpty();
            });
            assertThat(admin.findElement(By.id("shifts")).getText())
                    .contains("petugas piket · Petugas Piket LKSA Harapan Bunda Martapura", "00:00–00:00");
            assertThat(admin.findElement(By.id("gaps")).getText()).contains("Tidak ada petugas atau petugas piket "
                    + "yang bertugas: " + leave.getDayOfMonth());
            assertThat((Boolean) admin.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth")).as("no sideways scrolling")
                    .isTrue();
            assertThat(Accessibility.seriousViolations(admin)).as("duty roster on the agency settings page").isEmpty();
            Screenshots.take(admin, "jadwal-piket-360px");
            // the language link, followed to its end (it sets the choice, then comes back)
            admin.get(console + "/console/bahasa/en");
            admin.get(console + "/console/admin");
            assertThat(admin.findElement(By.id("gaps")).getText())
                    .contains("Nobody on duty as the officer or the duty officer");
            Screenshots.take(admin, "roster-en-360px");
        }

        // the admin and the supervisor are told, by email, of the hours nobody will be on duty
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.mail().received().stream()
                .filter(m -> m.subject().startsWith("[Rujukan] Jadwal piket kosong: LKSA Harapan Bunda Martapura"))
                .map(ReceivedMail::to).collect(Collectors.toSet()).containsAll(Set.of(
                        "agency-admin@lksa-1608.rujukan.example", "supervisor@lksa-1608.rujukan.example")));
    }

    private static void setValue(ChromeDriver page, String id, String value) {
        // date and time inputs take keys in the browser's locale's order: set the value as a form would send it
        page.executeScript("arguments[0].value = arguments[1]", page.findElement(By.id(id)), value);
    }

    private static void signIn(ChromeDriver page, String username) {
        page.findElement(By.id("username")).sendKeys(username);
        page.findElement(By.id("password")).sendKeys("dev-password");
        clickThrough(page, By.id("kc-login"));
    }

    /**
     * Clicks what submits a form or follows a link, and waits for the page it leads to. Chromium may answer the
     * click before the next page has replaced this one: reading on at once would read the old page, and a
     * {@code get} would cancel the form's request.
     */
    private static void clickThrough(ChromeDriver page, By what) {
        // a mark on this page's window: the next page has a window of its own, without it
        page.executeScript("window.rujukanLeft = true");
        page.findElement(what).click();
        // (while the pages change over, the browser may answer with an error of any kind: asked again)
        new WebDriverWait(page, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(
                        "return window.rujukanLeft === undefined && document.readyState === 'complete'")));
    }

    private static void choose(ChromeDriver page, String select, String value) {
        new Select(page.findElement(By.id(select))).selectByValue(value);
    }

    @Test
    void anOfficerOpensTheLinkInTheSmsInABrowserSignsInAndAcceptsTheReferral() throws Exception {
        String body = fresh.demoReferral().replace("\"HIGH\"", "\"EMERGENCY\"");
        String rutan = clientToken("rutan-martapura");
        String referralId = given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        String reference = "ref " + referralId.substring(0, 8).toUpperCase(Locale.ROOT);

        // the officer of Dinas Sosial OKU Timur reads English; the duty officer Bahasa Indonesia
        await().atMost(Duration.ofSeconds(30)).until(() -> smsAbout(reference).size() >= 2);
        List<ReceivedSms> texts = smsAbout(reference);
        ReceivedSms toOfficer = texts.stream().filter(s -> s.to().equals(OFFICER_PHONE)).findFirst().orElseThrow();
        assertThat(toOfficer.text()).startsWith("NEW REFERRAL EMERGENCY: " + reference);
        for (ReceivedSms text : texts) {
            assertThat(SmscAlphabet.septets(text.text())).isBetween(1, 160);
            assertThat(text.text()).doesNotContain(CHILD_NAME).doesNotContain("Bayi").doesNotContain("Contoh");
        }
        Matcher link = Pattern.compile("http://localhost:\\d+/m/[\\w-]+").matcher(toOfficer.text());
        assertThat(link.find()).isTrue();

        try (Browser browser = new Browser()) {
            ChromeDriver page = browser.driver();
            page.get(link.group());
            // Keycloak's sign-in page, then back to the referral
            page.findElement(By.id("username")).sendKeys("officer.dinsos-1608");
            page.findElement(By.id("password")).sendKeys("dev-password");
            clickThrough(page, By.id("kc-login"));
            assertThat(page.findElement(By.id("state")).getText()).isIn("Menunggu konfirmasi",
                    "Dikonfirmasi, menunggu keputusan");
            assertThat(page.findElement(By.id("child-name")).getText()).isEqualTo(CHILD_NAME);

            clickThrough(page, By.id("accept"));

            // the page refreshes itself until the accepted state is back from referral-service
            new WebDriverWait(page, Duration.ofSeconds(30)).until(driver -> {
                driver.navigate().refresh();
                return "Diterima".equals(driver.findElement(By.id("state")).getText());
            });
        }
        given().baseUri(gateway).auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                given().baseUri(gateway).auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId + "/timeline")
                        .then().statusCode(200).extract().jsonPath().getList("detail", String.class))
                .contains("SMS delivered to the OFFICER of dinsos-1608"));
    }

    @Test
    void oneTraceRunsFromTheGatewayPostThroughTheThreeServicesToTheSmsAtTheSmsc() {
        // the agency's system starts the trace; every span of the referral's journey must join it
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String body = fresh.demoReferral().replace("\"HIGH\"", "\"EMERGENCY\"");
        String referralId = given().baseUri(gateway).auth().oauth2(clientToken("rutan-martapura"))
                .header("traceparent", traceparent).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        String reference = "ref " + referralId.substring(0, 8).toUpperCase(Locale.ROOT);
        await().atMost(Duration.ofSeconds(30)).until(() -> smsAbout(reference).size() >= 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<TraceCollector.ReceivedSpan> trace = stack.traces().trace(traceId);
            assertThat(trace).extracting(TraceCollector.ReceivedSpan::service)
                    .contains("agency-gateway", "referral-service", "notification-service");
            // the SMS handed to the SMSC (two: the officer and the duty officer), under the referral's trace
            assertThat(trace).filteredOn(span -> span.name().equals("sms submit"))
                    .extracting(TraceCollector.ReceivedSpan::service).containsOnly("notification-service")
                    .hasSizeGreaterThanOrEqualTo(2);
            // Kafka hops: published by one service, received by the next
            assertThat(trace).filteredOn(span -> span.kind().equals("SPAN_KIND_PRODUCER"))
                    .extracting(TraceCollector.ReceivedSpan::service)
                    .contains("agency-gateway", "referral-service");
            assertThat(trace).filteredOn(span -> span.kind().equals("SPAN_KIND_CONSUMER"))
                    .extracting(TraceCollector.ReceivedSpan::service)
                    .contains("referral-service", "notification-service");
            // every span but the first has its parent in the same trace: one tree, not fragments. Each service
            // exports its spans in batches, so a child can reach the collector before its parent: awaited too.
            Set<String> ids = trace.stream().map(TraceCollector.ReceivedSpan::spanId).collect(Collectors.toSet());
            assertThat(trace).filteredOn(span -> !ids.contains(span.parentSpanId())).hasSize(1)
                    .allSatisfy(root -> assertThat(root.service()).isEqualTo("agency-gateway"));
        });
    }

    @Test
    void afterAReferralsLifeEachServiceShowsItsDomainMetrics() {
        String rutan = clientToken("rutan-martapura");
        String referralId = given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                .body(fresh.demoReferral()).when().post("/api/v1/referrals")
                .then().statusCode(202).extract().path("referralId");
        String officer = userToken("officer.dinsos-1608");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(officer)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo("ROUTED")));
        given().baseUri(gateway).auth().oauth2(officer).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/acknowledge").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(referralId).size() >= 2);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String referrals = metrics(stack.ports().referralService());
            assertThat(PrometheusText.sum(referrals, "rujukan_referrals", Map.of("state", "RECEIVED"))).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusText.sum(referrals, "rujukan_referral_acknowledge_time_seconds_count",
                    Map.of("urgency", "HIGH"))).isGreaterThanOrEqualTo(1);
            assertThat(PrometheusText.has(referrals, "rujukan_referrals_overdue")).isTrue();
            assertThat(PrometheusText.sum(referrals, "rujukan_escalations_fired_total", Map.of("level", "OFFICERS")))
                    .isNotNaN();
            assertThat(PrometheusText.has(referrals, "rujukan_outbox_lag_seconds")).isTrue();
            assertThat(PrometheusText.has(referrals, "kafka_consumer_fetch_manager_records_lag_max")).isTrue();

            String notifications = metrics(stack.ports().notificationService());
            assertThat(PrometheusText.sum(notifications, "rujukan_notifications_total",
                    Map.of("channel", "EMAIL", "provider", "smtp", "outcome", "sent"))).isGreaterThanOrEqualTo(2);
            assertThat(PrometheusText.sum(notifications, "rujukan_notifications_total",
                    Map.of("channel", "SMS", "outcome", "sent"))).isGreaterThanOrEqualTo(2);
            assertThat(PrometheusText.sum(notifications, "rujukan_notification_send_seconds_count",
                    Map.of("channel", "SMS", "outcome", "ok"))).isGreaterThanOrEqualTo(2);
            assertThat(PrometheusText.has(notifications, "kafka_consumer_fetch_manager_records_lag_max")).isTrue();

            String gatewayMetrics = metrics(stack.ports().gateway());
            assertThat(PrometheusText.sum(gatewayMetrics, "rujukan_webhook_deliveries_total",
                    Map.of("outcome", "failed"))).isNotNaN();
            assertThat(PrometheusText.sum(gatewayMetrics, "http_server_requests_seconds_count",
                    Map.of("uri", "/api/v1/referrals", "method", "POST", "status", "202"))).isGreaterThanOrEqualTo(1);
        });
    }

    private static String metrics(int port) {
        return given().baseUri("http://127.0.0.1:" + port).when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static List<ReceivedSms> smsAbout(String reference) {
        return stack.smsReceived().stream().filter(s -> s.text().contains(reference)).toList();
    }
}
