package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;

/**
 * Where a child or agency is, as Kemendagri region codes: province ({@code "16"}) and kabupaten/kota
 * ({@code "16.08"}).
 */
public record Region(@NotBlank String provinceCode, String regencyCode) {
}
