package id.rujukan.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A JDK HTTP server on the loopback interface, for the local stack's simulators and pages. */
final class LoopbackHttp {

    private LoopbackHttp() {
    }

    /**
     * @param port the port, or 0 for one the system picks ({@code server.getAddress().getPort()} tells which)
     * @param what what listens, for the error
     */
    static HttpServer create(int port, String what) {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(what + " cannot listen on port " + port, e);
        }
    }
}
