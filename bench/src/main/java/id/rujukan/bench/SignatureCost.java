package id.rujukan.bench;

import id.rujukan.contract.EventSignatures;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one event signature and one check cost, the JDK's Ed25519 beside the one events use
 * ({@link EventSignatures}, Bouncy Castle's), over an event the size of an intake record. Every referral takes
 * about 8 signatures and 14 checks across the services, so this is most of what signing costs them.
 * <pre>java -cp "bench/target/classes:$(cat bench/target/classpath)" id.rujukan.bench.SignatureCost</pre>
 */
public final class SignatureCost {

    private static final int ROUNDS = 2_000;

    private SignatureCost() {
    }

    public static void main(String[] args) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // as the services hold them: parsed once from their PEM files and the directory
        PrivateKey privateKey = EventSignatures.privateKey("-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----");
        PublicKey publicKey = EventSignatures.publicKey(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        byte[] event = new byte[1_400];
        ThreadLocalRandom.current().nextBytes(event);
        double[] jdk = {0, 0};
        double[] events = {0, 0};
        for (int round = 0; round < 3; round++) { // the last, after the JIT has compiled both
            jdk = jdk(pair, event);
            events = events(privateKey, publicKey, event);
        }
        System.out.printf("Ed25519, %s: the JDK's: sign %.0f us, check %.0f us; events' (Bouncy Castle): sign %.0f us, "
                + "check %.0f us%n", System.getProperty("java.version"), jdk[0], jdk[1], events[0], events[1]);
    }

    private static double[] jdk(KeyPair pair, byte[] event) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        byte[] signed = null;
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            signature.initSign(pair.getPrivate());
            signature.update(event);
            signed = signature.sign();
        }
        long signedAt = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            signature.initVerify(pair.getPublic());
            signature.update(event);
            if (!signature.verify(signed)) {
                throw new IllegalStateException("the JDK's own signature did not verify");
            }
        }
        return new double[] {micros(start, signedAt), micros(signedAt, System.nanoTime())};
    }

    private static double[] events(PrivateKey privateKey, PublicKey publicKey, byte[] event) {
        String signed = null;
        long start = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            signed = EventSignatures.sign(privateKey, event);
        }
        long signedAt = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            if (!EventSignatures.verifies(publicKey, event, signed)) {
                throw new IllegalStateException("an event's signature did not verify");
            }
        }
        return new double[] {micros(start, signedAt), micros(signedAt, System.nanoTime())};
    }

    private static double micros(long from, long to) {
        return (to - from) / 1_000.0 / ROUNDS;
    }
}
