package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.VerifiedDelivery;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Collects the {@link WebhookListener} methods of every bean and calls those matching a delivery. */
final class WebhookListenerRegistry implements BeanPostProcessor {

    private final List<ListenerMethod> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopUtils.getTargetClass(bean);
        Map<Method, WebhookListener> methods = MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<WebhookListener>) method ->
                        AnnotatedElementUtils.findMergedAnnotation(method, WebhookListener.class));
        methods.keySet().forEach(method ->
                listeners.add(ListenerMethod.of(bean, method, AopUtils.selectInvocableMethod(method, bean.getClass()))));
        return bean;
    }

    List<ListenerMethod> listeners() {
        return List.copyOf(listeners);
    }

    /**
     * Calls every listener whose event type matches, in registration order.
     *
     * @return the listeners' non-null return values
     * @throws Exception the first listener failure; later listeners do not run
     */
    List<Object> dispatch(VerifiedDelivery<?> delivery) throws Exception {
        List<Object> answers = new ArrayList<>(1);
        for (ListenerMethod listener : listeners) {
            if (listener.accepts(delivery.event())) {
                Object answer = listener.invoke(delivery);
                if (answer != null) {
                    answers.add(answer);
                }
            }
        }
        return answers;
    }
}
