package nl.draagvlak.audit.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.draagvlak.engine.RuleFile;

/**
 * A stored rule file as JSON, exact to the byte: its text when its bytes are valid UTF-8
 * ({@code encoding} {@code utf-8}, line ends as they are), otherwise its bytes in base64
 * ({@code encoding} {@code base64}), since JSON text cannot carry bytes that are not characters.
 */
record RulesetFileView(String path, String encoding, String content) {

    static final String UTF_8 = "utf-8";
    static final String BASE64 = "base64";

    static RulesetFileView of(RuleFile file) {
        byte[] bytes = file.content();
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new RulesetFileView(file.path(), UTF_8, text);
        } catch (CharacterCodingException e) {
            return new RulesetFileView(file.path(), BASE64, Base64.getEncoder().encodeToString(bytes));
        }
    }
}
