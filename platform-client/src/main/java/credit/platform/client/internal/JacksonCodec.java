package credit.platform.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import feign.FeignException;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Feign encoder and decoder over Jackson 3 (Feign's own Jackson module speaks Jackson 2). */
public final class JacksonCodec implements Encoder, Decoder {

    private final JsonMapper json;

    public JacksonCodec(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) throws EncodeException {
        if (object instanceof byte[] raw) {
            // a file sent as it is (bulk imports): its Content-Type comes from the method
            template.body(raw, null);
            return;
        }
        try {
            template.body(json.writerFor(json.constructType(bodyType)).writeValueAsBytes(object),
                    StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new EncodeException("Could not write the request as JSON: " + e.getOriginalMessage(), e);
        }
        if (!template.headers().containsKey("Content-Type")) {
            template.header("Content-Type", "application/json");
        }
    }

    @Override
    public Object decode(Response response, Type type) throws IOException, FeignException {
        if (response.status() == 204 || response.body() == null) {
            return null;
        }
        byte[] body;
        try (InputStream in = response.body().asInputStream()) {
            body = in.readAllBytes();
        }
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, json.constructType(type));
        } catch (JacksonException e) {
            throw new DecodeException(response.status(),
                    "Could not read the platform's answer as " + type.getTypeName() + ": " + e.getOriginalMessage(),
                    response.request(), e);
        }
    }
}
