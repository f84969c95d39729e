package id.rujukan.gateway.evidence;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The command that verifies a gateway's evidence log ({@code agency-gateway/verify-evidence.sh}): exit status 0 if
 * the log verifies, 1 with the first block or entry that fails, 2 if it cannot be read.
 *
 * <pre>verify-evidence.sh jdbc:postgresql://host:5432/gateway user   (the password in PGPASSWORD)</pre>
 * or, in the gateway's container, with no arguments: the container's own datasource settings.
 */
public final class VerifyEvidence {

    private VerifyEvidence() {
    }

    public static void main(String[] args) {
        // without arguments, the gateway's own datasource settings: run inside its container, as it is
        String url = args.length == 2 ? args[0] : System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String user = args.length == 2 ? args[1] : System.getenv("QUARKUS_DATASOURCE_USERNAME");
        String password = args.length == 2 ? System.getenv("PGPASSWORD") : System.getenv("QUARKUS_DATASOURCE_PASSWORD");
        if (url == null || user == null || args.length == 1 || args.length > 2) {
            System.err.println("usage: verify-evidence JDBC_URL USER   (the password in the PGPASSWORD variable), or no "
                    + "arguments where QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD are set");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            EvidenceVerification.Result result = EvidenceVerification.verify(connection);
            if (result.failure().isPresent()) {
                System.out.println("The evidence log FAILS verification at " + result.failure().get() + " ("
                        + result.blocks() + " blocks before it verified)");
                System.exit(1);
            }
            System.out.println("The evidence log verifies: " + result.blocks() + " blocks sealing " + result.entries()
                    + " entries; " + result.unsealed() + " entries not yet sealed");
        } catch (Exception e) {
            System.err.println("The evidence log could not be read: " + e);
            System.exit(2);
        }
    }
}
