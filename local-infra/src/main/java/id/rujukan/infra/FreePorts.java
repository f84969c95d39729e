package id.rujukan.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free TCP port on the loopback interface for a server started a moment later, below the kernel's range of
 * ephemeral ports. A port the kernel hands out for "any free port" comes from that range, which is also where every
 * outgoing connection takes its local port: between the check and a server's start, a client's connection (the stack
 * opens hundreds while it starts) can take it, and the server then fails with "port in use" (seen in CI).
 */
public final class FreePorts {

    /** Ports handed out by this JVM, never twice. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    private static final int LOWEST = 20_000;

    private FreePorts() {
    }

    public static int find() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("No free port between " + LOWEST + " and " + below));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first ephemeral port (Linux: ip_local_port_range), or the IANA range's 49152 elsewhere. */
    private static int ephemeralStart() {
        try {
            // read as lines: Files.readString trusts the size procfs reports, and reads a digit of it
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49_152;
        }
    }
}
