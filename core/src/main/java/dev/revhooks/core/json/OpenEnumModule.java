package dev.revhooks.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.revhooks.core.OpenEnum;
import dev.revhooks.core.WireValue;
import java.io.IOException;

/** Reads {@link OpenEnum} components from JSON strings, for any enum type argument. */
final class OpenEnumModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    OpenEnumModule() {
        super("revhooks-open-enum");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                            BeanDescription beanDesc) {
                if (type.getRawClass() != OpenEnum.class) {
                    return null;
                }
                JavaType element = type.containedType(0);
                if (element == null || !element.isEnumType() || !WireValue.class.isAssignableFrom(element.getRawClass())) {
                    throw new IllegalArgumentException("OpenEnum needs an enum type argument implementing WireValue: " + type);
                }
                return deserializerFor(element.getRawClass());
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonDeserializer<?> deserializerFor(Class<?> enumType) {
        return new OpenEnumDeserializer(enumType);
    }

    private static final class OpenEnumDeserializer<E extends Enum<E> & WireValue> extends JsonDeserializer<OpenEnum<E>> {
        private final Class<E> type;

        OpenEnumDeserializer(Class<E> type) {
            this.type = type;
        }

        @Override
        public OpenEnum<E> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (OpenEnum<E>) ctxt.handleUnexpectedToken(OpenEnum.class, p);
            }
            return OpenEnum.of(type, p.getText());
        }
    }
}
