package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.VerifiedDelivery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.util.ReflectionUtils;

/** One {@link WebhookListener} method on one bean. */
final class ListenerMethod {

    private final Object bean;
    private final Method method;
    private final Class<?> eventType;
    private final int eventIndex;
    private final int deliveryIndex;
    private final String description;

    private ListenerMethod(Object bean, Method method, Class<?> eventType, int eventIndex, int deliveryIndex, String description) {
        this.bean = bean;
        this.method = method;
        this.eventType = eventType;
        this.eventIndex = eventIndex;
        this.deliveryIndex = deliveryIndex;
        this.description = description;
    }

    /**
     * Checks the method's signature: one event parameter, optionally one {@link VerifiedDelivery}.
     *
     * @param declared the annotated method as declared (for the message)
     * @param invocable the method to invoke on the bean (its proxy's, if any)
     */
    static ListenerMethod of(Object bean, Method declared, Method invocable) {
        String description = declared.getDeclaringClass().getName() + "." + declared.getName();
        Class<?>[] parameters = declared.getParameterTypes();
        int eventIndex = -1;
        int deliveryIndex = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == VerifiedDelivery.class) {
                if (deliveryIndex >= 0) {
                    throw invalid(description, "takes two VerifiedDelivery parameters");
                }
                deliveryIndex = i;
            } else {
                if (eventIndex >= 0) {
                    throw invalid(description, "takes two event parameters; take one event type (or an interface over several)");
                }
                eventIndex = i;
            }
        }
        if (eventIndex < 0) {
            throw invalid(description, "takes no event parameter; take the event record, e.g. RevontEvent.SummaryReady");
        }
        ReflectionUtils.makeAccessible(invocable);
        return new ListenerMethod(bean, invocable, parameters[eventIndex], eventIndex, deliveryIndex, description);
    }

    private static BeanInitializationException invalid(String description, String problem) {
        return new BeanInitializationException("@WebhookListener " + description + " " + problem);
    }

    Class<?> eventType() {
        return eventType;
    }

    Class<?> returnType() {
        return method.getReturnType();
    }

    String description() {
        return description;
    }

    boolean accepts(Object event) {
        return eventType.isInstance(event);
    }

    /**
     * Calls the listener.
     *
     * @return what it returned (null for void)
     * @throws Exception what the listener threw
     */
    Object invoke(VerifiedDelivery<?> delivery) throws Exception {
        Object[] arguments = new Object[deliveryIndex >= 0 ? 2 : 1];
        arguments[eventIndex] = delivery.event();
        if (deliveryIndex >= 0) {
            arguments[deliveryIndex] = delivery;
        }
        try {
            return method.invoke(bean, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "@WebhookListener " + description + "(" + eventType.getName() + ")";
    }
}
