package nl.draagvlak.decision;

import java.io.IOException;
import java.io.InputStream;
import nl.draagvlak.contract.RequestLimits;
import nl.draagvlak.web.BodyTooLargeException;

/** Reads a request body, refusing it once it passes the contract's size limit. */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(InputStream in, long declaredLength) throws IOException {
        int limit = RequestLimits.MAX_BODY_BYTES;
        if (declaredLength > limit) {
            throw new BodyTooLargeException(limit);
        }
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new BodyTooLargeException(limit);
        }
        return body;
    }
}
