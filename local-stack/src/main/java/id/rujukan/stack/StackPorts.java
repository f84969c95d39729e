package id.rujukan.stack;

import id.rujukan.infra.FreePorts;

/** Where each part of the local stack listens. */
public record StackPorts(int gateway, int referralService, int notificationService, int kafka, int postgres,
        int smtp, int alerts, int keycloak, int keycloakManagement, int smsc, int smsAggregator, int traces) {

    /** The documented ports of the local stack. */
    public static StackPorts standard() {
        return new StackPorts(8080, 8082, 8083, 19092, 15432, 2525, 8025, 8180, 9180, 2775, 2776, 4318);
    }

    /** Free ports, for a stack that must not clash with anything (the end-to-end test). */
    public static StackPorts free() {
        return new StackPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(), FreePorts.find(),
                FreePorts.find(), FreePorts.find(), FreePorts.find());
    }
}
