package jp.mynahealth.idp.card;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.security.jackson2.SecurityJackson2Modules;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import jp.mynahealth.records.PersonId;

/**
 * Lets the Authorization Server keep a card login in its JDBC authorization store. It writes each
 * authorization's principal as JSON and reads back only the types it was told about (Spring
 * Security's allowlist), so this module is registered on the ObjectMapper of its row and
 * parameters mappers, beside {@link SecurityJackson2Modules}' own.
 *
 * <p>The JSON holds what the ID token is made from, and nothing of the card's token:
 * {@code {"@class": "…CardAuthenticationToken", "person": "<uuid>", "authenticatedAt": "<instant>",
 * "kioskTerminal": "<id>", "secondPerson": "<uuid>"}} (the last two only when there are). It is read back through the same factory as a fresh login.
 */
public final class CardLoginJacksonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public CardLoginJacksonModule() {
        super(CardLoginJacksonModule.class.getName(), new Version(1, 0, 0, null, null, null));
    }

    @Override
    public void setupModule(SetupContext context) {
        SecurityJackson2Modules.enableDefaultTyping(context.getOwner());
        context.setMixInAnnotations(CardAuthenticationToken.class, CardAuthenticationTokenMixin.class);
    }

    /** The explicit mapping the allowlist asks for: the class name in "@class", and the two classes below. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY)
    @JsonSerialize(using = CardAuthenticationTokenSerializer.class)
    @JsonDeserialize(using = CardAuthenticationTokenDeserializer.class)
    abstract static class CardAuthenticationTokenMixin {
    }

    static final class CardAuthenticationTokenSerializer extends StdSerializer<CardAuthenticationToken> {

        private static final long serialVersionUID = 1L;

        CardAuthenticationTokenSerializer() {
            super(CardAuthenticationToken.class);
        }

        @Override
        public void serialize(CardAuthenticationToken token, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeStartObject();
            writeFields(token, json);
            json.writeEndObject();
        }

        @Override
        public void serializeWithType(CardAuthenticationToken token, JsonGenerator json, SerializerProvider provider,
                TypeSerializer types) throws IOException {
            WritableTypeId typeId = types.writeTypePrefix(json, types.typeId(token, JsonToken.START_OBJECT));
            writeFields(token, json);
            types.writeTypeSuffix(json, typeId);
        }

        private static void writeFields(CardAuthenticationToken token, JsonGenerator json) throws IOException {
            if (token.person() == null) {
                // The Authorization Server only ever holds logins that succeeded.
                throw new IllegalStateException("a card login that did not authenticate is never stored");
            }
            json.writeStringField("person", token.person().toString());
            json.writeStringField("authenticatedAt", token.authenticatedAt().toString());
            if (token.kioskTerminal().isPresent()) {
                json.writeStringField("kioskTerminal", token.kioskTerminal().get());
            }
            if (token.secondPerson().isPresent()) {
                json.writeStringField("secondPerson", token.secondPerson().get().toString());
            }
        }
    }

    static final class CardAuthenticationTokenDeserializer extends StdDeserializer<CardAuthenticationToken> {

        private static final long serialVersionUID = 1L;

        CardAuthenticationTokenDeserializer() {
            super(CardAuthenticationToken.class);
        }

        @Override
        public CardAuthenticationToken deserialize(JsonParser json, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(json);
            JsonNode person = node.get("person");
            JsonNode authenticatedAt = node.get("authenticatedAt");
            JsonNode kioskTerminal = node.get("kioskTerminal");
            JsonNode secondPerson = node.get("secondPerson");
            if (person == null || !person.isTextual() || authenticatedAt == null || !authenticatedAt.isTextual()) {
                return context.reportInputMismatch(this, "a stored card login needs its person and authenticatedAt");
            }
            try {
                return CardAuthenticationToken.authenticated(PersonId.fromSubject(person.asText()),
                        Instant.parse(authenticatedAt.asText()),
                        kioskTerminal == null || kioskTerminal.isNull() ? null : kioskTerminal.asText(),
                        secondPerson == null || secondPerson.isNull() ? null : PersonId.fromSubject(secondPerson.asText()));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return context.reportInputMismatch(this, "a stored card login is malformed: %s", e.getMessage());
            }
        }
    }
}
