package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;

/**
 * Personal data of a child as it travels on Kafka: encrypted (AES-256-GCM) with the case's own data
 * key, which never travels. Only the agency gateway holds the keys and decrypts for party agencies.
 *
 * @param keyId the case data key used, by id
 * @param algorithm the cipher, e.g. {@code A256GCM}
 * @param nonce base64 of the 96-bit GCM nonce
 * @param ciphertext base64 of the encrypted JSON with its authentication tag
 */
public record SealedData(@NotBlank String keyId, @NotBlank String algorithm, @NotBlank String nonce,
        @NotBlank String ciphertext) {
}
