package id.rujukan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rujukan.infra.SmscAlphabet;
import id.rujukan.notification.sms.Gsm7;
import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void escapedCharactersCountTwiceAndWhatTheAlphabetCannotCarryIsRefused() {
        assertThat(Gsm7.septets("Rujukan DARURAT: ref 3F2A1B9C @ Dinsos")).isEqualTo(38);
        assertThat(Gsm7.septets("[x]€")).isEqualTo(7);
        assertThat(Gsm7.septets("Ananda 👶")).isEqualTo(-1);
        assertThat(Gsm7.septets("ş")).isEqualTo(-1);
        assertThatThrownBy(() -> Gsm7.encode("😀")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsEncodedIsReadBackByTheSmscsOwnTableCharacterForCharacter() {
        String text = "Eskalasi @ 10:42 {ref} [A1] ~ ä £5 € http://x/m/Ab_c-9 ÆßÉ¡¿Ñ§^|\\";

        byte[] encoded = Gsm7.encode(text);

        assertThat(encoded).hasSize(Gsm7.septets(text)).hasSize(SmscAlphabet.septets(text));
        assertThat(encoded[text.indexOf('@')]).isEqualTo((byte) 0);
        assertThat(SmscAlphabet.decode(encoded)).isEqualTo(text);
    }

    @Test
    void everyCharacterOfTheAlphabetHasTheSameCodeInTheSenderAndInTheSmsc() {
        for (int code = 0; code < 128; code++) {
            if (code == 0x1B) {
                continue; // the escape, not a character
            }
            String character = SmscAlphabet.decode(new byte[] {(byte) code});

            assertThat(Gsm7.encode(character)).as("code 0x%02X", code).containsExactly((byte) code);
        }
    }
}
