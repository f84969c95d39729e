package id.rujukan.gateway.guard;

import id.rujukan.gateway.problem.Problems;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a JSON body that is not well-formed UTF-8 before it is read. The JSON parser lets some invalid
 * sequences through (an overlong "/" becomes "/", an encoded surrogate becomes half a character), and a
 * child's record must not be stored as something other than what was sent. Bodies are small (64 KB at
 * most) and already in memory.
 */
@Provider
public class Utf8Body implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !type.getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body;
        try {
            body = context.getInputStream().readAllBytes();
        } catch (IOException e) {
            // the client went away (or reset the stream) while sending: nothing to do, and not our failure
            throw Problems.badRequest("body", "The body could not be read to its end");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw Problems.badRequest("body", "The body is not valid UTF-8 (at byte " + bytes.position() + ")");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
