package id.rujukan.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.rujukan.infra.Directories;
import id.rujukan.infra.MailServer.ReceivedMail;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three packaged services as separate processes, started by the local-stack launcher against one
 * Kafka broker, one PostgreSQL server and one SMTP server: what an agency sends reaches an inbox.
 */
class LocalStackIT {

    private static Path dataDir;
    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize();
        dataDir = Files.createTempDirectory("rujukan-e2e");
        stack = LocalStack.start(root, dataDir, true, StackPorts.free());
        gateway = "http://127.0.0.1:" + stack.ports().gateway();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    void aReferralPostedAtTheGatewayIsRoutedAndReachesTheDutyOfficersInbox() throws Exception {
        String body = Files.readString(Path.of(System.getProperty("rujukan.root", ".."))
                .resolve("local-stack/demo/referral.json"));

        String referralId = given().baseUri(gateway).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(202)
                .extract().path("referralId");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(gateway).when().get("/api/v1/referrals/" + referralId)
                        .then().statusCode(200)
                        .body("state", equalTo("ROUTED"))
                        .body("targetAgencyId", equalTo("dinsos-1608")));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(referralId).size() >= 2);
        List<ReceivedMail> mails = mailsAbout(referralId);
        assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(
                "officer@dinsos-1608.rujukan.example", "duty-officer@dinsos-1608.rujukan.example");
        assertThat(mails).allSatisfy(mail -> {
            assertThat(mail.subject()).startsWith("[Rujukan] Rujukan baru dari Rutan Kelas IIB Martapura");
            assertThat(mail.body()).contains(referralId).doesNotContain("Bayi Contoh");
        });
    }

    @Test
    void aReferralNamingAnUnknownAgencyIsRefusedWithTheFieldNamed() {
        given().baseUri(gateway).contentType(ContentType.JSON)
                .body("{\"referringAgencyId\":\"rutan-atlantis\"}")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static List<ReceivedMail> mailsAbout(String referralId) {
        return stack.mail().received().stream().filter(m -> m.body().contains(referralId)).toList();
    }
}
