package id.rujukan.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Map;

/**
 * Typed models of the CloudNativePG and Keycloak operator resources, for the fields these manifests use
 * (neither project publishes a Java model). Read strictly: a field not here is an error, so a misspelt
 * field fails the build instead of being ignored by the operator. Field names as in the operators' API
 * references (CloudNativePG {@code postgresql.cnpg.io/v1}, Keycloak {@code k8s.keycloak.org/v2alpha1}).
 */
final class Models {

    private Models() {
    }

    record SecretKey(String name, String key) {
    }

    abstract static class Resource<S> {
        public String apiVersion;
        public String kind;
        public ObjectMeta metadata;
        public S spec;
    }

    /** A CloudNativePG cluster: its instances (one primary, the rest standbys) and its one application database. */
    static final class CnpgCluster extends Resource<CnpgCluster.Spec> {
        record Spec(int instances, Storage storage, Bootstrap bootstrap) {
        }

        record Storage(String size, String storageClass) {
        }

        record Bootstrap(InitDb initdb) {
        }

        record InitDb(String database, String owner) {
        }
    }

    static final class Keycloak extends Resource<Keycloak.Spec> {
        record Spec(int instances, Db db, Http http, Hostname hostname, Proxy proxy, Ingress ingress) {
        }

        record Db(String vendor, String host, String database, SecretKey usernameSecret, SecretKey passwordSecret) {
        }

        record Http(String tlsSecret) {
        }

        record Hostname(String hostname) {
        }

        record Proxy(String headers) {
        }

        record Ingress(boolean enabled, String className) {
        }
    }

    static final class KeycloakRealmImport extends Resource<KeycloakRealmImport.Spec> {
        /** {@code realm} is a Keycloak RealmRepresentation; the test compares it with the dev realm. */
        record Spec(String keycloakCRName, Map<String, Placeholder> placeholders, JsonNode realm) {
        }

        record Placeholder(SecretKey secret) {
        }
    }
}
